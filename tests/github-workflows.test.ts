// The repository's GitHub Actions workflows: valid against the workflow schema (action-validator),
// and the sharded crawl's commands accepted by the commands they call.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseCrawlArgs } from '../src/cli/crawl.ts';
import { parseMergeArgs } from '../src/cli/merge.ts';

const DIR = fileURLToPath(new URL('../.github/workflows/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const read = (f: string) => readFileSync(`${DIR}${f}`, 'utf8');

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
    const wf = parse(read('crawl.yml')) as { jobs: Record<string, { needs?: string[] | string; steps?: Array<{ run?: string }> }> };
    const runs = (job: string) => (wf.jobs[job]?.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));
    const crawl = runs('crawl').find((r) => r.startsWith('npm run crawl'))!;
    const merge = runs('merge').find((r) => r.startsWith('npm run merge'))!;
    // The step's command line with its variables as the plan job sets them.
    const argv = (line: string, vars: Record<string, string>) =>
      line.replace(/^npm run \w+ -- /, '').replace(/"\$\{GOV_PORTAL_VANTAGE[^"]*"/, 'github-hosted').replace(/"?\$(\w+)"?/g, (_, v: string) => vars[v] ?? '').split(/\s+/).filter(Boolean);
    expect(parseCrawlArgs(argv(crawl, { AS_OF: '2026-11-20', QUARTER: '2026-Q4', SHARD: '3/4', SAMPLE: '--sample' }))).toMatchObject({ asOf: '2026-11-20', quarter: '2026-Q4', shard: { index: 3, count: 4 }, sample: true });
    expect(parseMergeArgs(argv(merge, { QUARTER: '2026-Q4', SHARDS: '4', SAMPLE: '' }).map((a) => (a === 'shards/shard-*' ? 'shards/shard-1' : a)))).toMatchObject({ quarter: '2026-Q4', shards: 4, from: ['shards/shard-1'] });
    expect(wf.jobs['merge']?.needs).toEqual(['plan', 'crawl']);
  });
});
