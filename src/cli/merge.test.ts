// A quarter crawled in one run and the same quarter crawled in three shards (each against a web of
// its own, as separate runners meet the real one) then merged: the findings are byte-identical.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCrawlOptions, writeDemoRegistry } from '../demo/demo.ts';
import { sandboxResolver } from '../sandbox/dns.ts';
import { startSandbox } from '../sandbox/server.ts';
import { generateWeb } from '../sandbox/web.ts';
import { shardReportPath } from '../workflow/merge.ts';
import { parseCrawlArgs, runCrawl } from './crawl.ts';
import { mergeCommand, parseMergeArgs } from './merge.ts';

const AS_OF = '2026-11-20';
const Q = '2026-Q4';
const WEB = { sites: 12, pagesPerSite: 12, seed: 1, asOf: AS_OF };
let work: string;
let base: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shards-'));
  base = join(work, 'base');
  for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join('content', f), join(base, f));
  writeDemoRegistry(base, generateWeb(WEB));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the base content folder. */
function content(name: string): string {
  const dir = join(work, name);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** npm run crawl -- --content dir [--shard i/n], against a sandbox of its own. */
async function crawl(dir: string, shard?: string): Promise<void> {
  const sandbox = await startSandbox(WEB);
  try {
    const args = parseCrawlArgs(['--content', dir, '--as-of', AS_OF, ...(shard ? ['--shard', shard] : [])])!;
    args.options = { ...args.options, ...demoCrawlOptions(sandbox, { render: 'never', timeoutMs: 1_500, homeAttemptGapMs: 50, backoffMs: 50, hostDelayMs: 0 }) };
    expect(await runCrawl(args, { resolver: sandboxResolver(sandbox.web) })).toBe(0);
  } finally {
    await sandbox.close();
  }
}

const files = (dir: string) => Object.fromEntries(readdirSync(join(dir, 'findings', Q)).sort().map((f) => [f, readFileSync(join(dir, 'findings', Q, f), 'utf8')]));

describe('a quarter crawled in shards and merged', () => {
  test('--shard and --only cannot go together; merge needs its quarter, its n and its folders', () => {
    expect(() => parseCrawlArgs(['--shard', '1/2', '--only', 'a'])).toThrow(/--shard and --only/);
    expect(parseCrawlArgs(['--shard', '2/16'])?.shard).toEqual({ index: 2, count: 16 });
    expect(() => parseMergeArgs(['--quarter', Q, 'dir'])).toThrow(/--shards must be/);
    expect(() => parseMergeArgs(['--quarter', Q, '--shards', '3'])).toThrow(/runners' folders/);
    expect(parseMergeArgs(['--quarter', Q, '--shards', '3', '--content', 'c', 'a', 'b'])).toEqual({ contentDir: 'c', quarter: Q, shards: 3, sample: false, from: ['a', 'b'] });
    // A day of the daily monitor instead of a quarter.
    expect(parseMergeArgs(['--monitor', '--date', '2026-11-21', '--shards', '3', '--content', 'c', 'a'])).toEqual({ contentDir: 'c', date: '2026-11-21', shards: 3, sample: false, from: ['a'] });
    expect(() => parseMergeArgs(['--monitor', '--shards', '3', 'a'])).toThrow(/--monitor needs --date/);
    expect(() => parseMergeArgs(['--monitor', '--date', '2026-11-21', '--quarter', Q, '--shards', '3', 'a'])).toThrow(/give one of them/);
    expect(() => parseMergeArgs(['--date', '2026-11-21', '--quarter', Q, '--shards', '3', 'a'])).toThrow(/--date goes with --monitor/);
  });

  test('three shards merged give the one run’s findings, byte for byte; a shard missing is refused by name', async () => {
    const single = content('single');
    await crawl(single);
    const shards = [content('s1'), content('s2'), content('s3')];
    for (const [i, dir] of shards.entries()) await crawl(dir, `${i + 1}/3`);
    // Each runner crawled only its share.
    const per = shards.map((d) => Object.keys(files(d)).length);
    expect(per.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.min(...per)).toBeGreaterThan(0);
    const merged = content('merged');
    expect(await mergeCommand(['--content', merged, '--quarter', Q, '--shards', '3', ...shards])).toBe(0);
    expect(files(merged)).toEqual(files(single));
    expect(Object.keys(files(merged))).toHaveLength(12);

    rmSync(shardReportPath(shards[2]!, Q, { index: 3, count: 3 }));
    const partial = content('partial');
    await expect(mergeCommand(['--content', partial, '--quarter', Q, '--shards', '3', ...shards])).rejects.toThrow(/缺少分片 3\/3 的报告/);
    expect(readdirSync(partial)).not.toContain('findings');
  }, 300_000);
});
