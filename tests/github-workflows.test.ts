// The repository's GitHub Actions workflows: valid against the workflow schema (action-validator),
// and the sharded crawl's commands accepted by the commands they call.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseCrawlArgs } from '../src/cli/crawl.ts';
import { parseMergeArgs } from '../src/cli/merge.ts';
import { parseMonitorArgs } from '../src/cli/monitor.ts';
import { RELEASE_DIR } from '../src/cli/pack-open-data.ts';

const DIR = fileURLToPath(new URL('../.github/workflows/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const read = (f: string) => readFileSync(`${DIR}${f}`, 'utf8');

type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
type Workflow = { jobs: Record<string, { needs?: string[] | string; if?: string; strategy?: { matrix?: Record<string, unknown> }; steps?: Step[] }> };
/** The npm run command lines of a workflow's job (a multi-line run step gives each of its lines). */
const npmRuns = (wf: Workflow, job: string) => (wf.jobs[job]?.steps ?? []).flatMap((s) => (s.run ?? '').split('\n').map((l) => l.trim())).filter((l) => l.startsWith('npm run '));
const commandOf = (wf: Workflow, job: string, script: string) => {
  const line = npmRuns(wf, job).find((l) => l.startsWith(`npm run ${script} `));
  if (!line) throw new Error(`no npm run ${script} in the ${job} job`);
  return line;
};
/** A step's command line as argv, with its variables as the plan job sets them. */
const argv = (line: string, vars: Record<string, string>) =>
  line.replace(/^npm run \w+ -- /, '').replace(/"\$\{GOV_PORTAL_VANTAGE[^"]*"/, 'github-hosted').replace(/"?\$(\w+)"?/g, (_, v: string) => vars[v] ?? '').split(/\s+/).filter(Boolean);

describe('the GitHub Actions workflows', () => {
  test.each(FILES)('%s is a valid workflow', (f) => {
    expect(validateWorkflow(read(f)).errors).toEqual([]);
  });

  test('the validator can fail: a job without runs-on, a time limit in words, a misspelt jobs: are refused', () => {
    const crawl = read('crawl.yml');
    const broken = [
      crawl.replace('    runs-on: ubuntu-latest\n    timeout-minutes: 5\n', '    timeout-minutes: 5\n'),
      crawl.replace('timeout-minutes: 5', 'timeout-minutes: five'),
      crawl.replace('jobs:', 'jobz:'),
    ];
    for (const b of broken) {
      expect(b).not.toBe(crawl);
      expect(validateWorkflow(b).errors.length).toBeGreaterThan(0);
    }
  });

  test('the sharded crawl runs npm run crawl with --shard on each shard, then npm run merge over all of them', () => {
    const wf = parse(read('crawl.yml')) as Workflow;
    const crawl = commandOf(wf, 'crawl', 'crawl');
    const merge = commandOf(wf, 'merge', 'merge');
    expect(parseCrawlArgs(argv(crawl, { AS_OF: '2026-11-20', QUARTER: '2026-Q4', SHARD: '3/4', SAMPLE: '--sample' }))).toMatchObject({ asOf: '2026-11-20', quarter: '2026-Q4', shard: { index: 3, count: 4 }, sample: true });
    expect(parseMergeArgs(argv(merge, { QUARTER: '2026-Q4', SHARDS: '4', SAMPLE: '' }).map((a) => (a === 'shards/shard-*' ? 'shards/shard-1' : a)))).toMatchObject({ quarter: '2026-Q4', shards: 4, from: ['shards/shard-1'] });
    expect(wf.jobs['merge']?.needs).toEqual(['plan', 'crawl']);
  });

  test('the daily monitor runs npm run monitor with --shard on each shard, then merges the day, sends the digests and re-checks, once', () => {
    const wf = parse(read('monitor.yml')) as Workflow;
    expect(Object.keys(wf.jobs['monitor']?.strategy?.matrix ?? {})).toEqual(['shard']);
    expect(wf.jobs['merge']?.needs).toEqual(['plan', 'monitor']);
    // A failed shard does not stop the merge, which names what is missing.
    expect(wf.jobs['merge']?.if).toContain('!cancelled()');
    const vars = { DATE: '2026-11-21', SHARD: '2/3', SHARDS: '3' };
    expect(parseMonitorArgs(argv(commandOf(wf, 'monitor', 'monitor'), vars), '2026-11-21')).toMatchObject({ date: '2026-11-21', shard: { index: 2, count: 3 } });
    const merge = argv(commandOf(wf, 'merge', 'merge'), vars).map((a) => (a === 'shards/monitor-shard-*' ? 'shards/monitor-shard-1' : a));
    expect(parseMergeArgs(merge)).toMatchObject({ date: '2026-11-21', shards: 3, from: ['shards/monitor-shard-1'] });
    expect(argv(commandOf(wf, 'merge', 'digest'), vars)).toEqual(['--date', '2026-11-21']);
    // The digests and the re-checks run once, after the merge, never on a shard.
    expect(npmRuns(wf, 'monitor').map((l) => l.split(' ')[2])).toEqual(['monitor']);
    expect(npmRuns(wf, 'merge').map((l) => l.split(' ')[2])).toEqual(['merge', 'digest', 'rectify']);
  });

  test('the deploy publishes the all-quarters open data on the release the pages link, before the pages', () => {
    const wf = parse(read('pages.yml')) as Workflow;
    const build = wf.jobs['build']!.steps!;
    const url = build.find((s) => s.run === 'npm run build')?.env?.['OPEN_DATA_ALL_URL'];
    expect(url).toMatch(/\/releases\/download\/open-data$/);
    // The folder the build writes when that URL is set is the one uploaded, then attached.
    expect(build.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.['path']).toBe(`${RELEASE_DIR}/`);
    expect(wf.jobs['open-data']!.steps!.map((s) => s.run ?? '').join('\n')).toContain(`gh release upload open-data ${RELEASE_DIR}/* --clobber`);
    expect(wf.jobs['deploy']!.needs).toEqual(['build', 'open-data']);
  });
});
