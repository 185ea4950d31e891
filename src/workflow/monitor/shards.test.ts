// Two days of the daily monitor in one run, and the same two days in three shards (each against a
// web of its own, as separate runners meet the real one), merged after each day: the records are
// byte-identical, the day's totals summed. A shard missing is refused by name, and nothing written.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolveOptions } from '../../inspector/gather/options.ts';
import { loadCalendar } from '../../inspector/workdays.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { generateWeb } from '../../sandbox/web.ts';
import type { MonitorConfig } from '../../schemas/monitor.ts';
import type { Site } from '../../schemas/registry.ts';
import { loadDictionary } from '../../store/dictionary.ts';
import { readMonitorDays } from '../../store/monitor-records.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { inShard } from '../shard.ts';
import { runMonitor } from './daily.ts';
import { mergeMonitorShards, monitorShardReportPath, writeMonitorShardReport } from './shards.ts';

const AS_OF = '2026-11-20';
const DAYS = ['2026-11-20', '2026-11-21'];
const WEB = { sites: 12, pagesPerSite: 12, seed: 5, asOf: AS_OF };
const monitor: MonitorConfig = { indicators: ['broken-link', 'column-stale', 'homepage-not-updated', 'site-unreachable', 'typo'], maxPages: 30, maxDepth: 3, articleDays: 7, reminders: { after: 1, every: 1, max: 5, indicators: {} } };
let work: string;
let sites: Site[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'monitor-shards-'));
  for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join('content', f), join(work, 'base', f));
  const web = generateWeb(WEB);
  sites = web.sites.filter((s) => !web.scripted.has(s.id)).map((s) => ({ ...s }) as Site);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One day's pass over these sites in dir, against a sandbox of its own. */
async function pass(dir: string, date: string, which: readonly Site[], shard?: { index: number; count: number }): Promise<void> {
  const sandbox = await startSandbox(WEB);
  try {
    sandbox.setDay(date);
    const summary = await runMonitor({
      sites: which,
      contentDir: dir,
      date,
      options: resolveOptions({ proxy: { http: sandbox.proxyUrl }, timeoutMs: 1_500, backoffMs: 20, homeAttemptGapMs: 20, hostDelayMs: 0, render: 'never', siteConcurrency: 4, concurrency: 16 }),
      rulesConfig: { ...loadRulesConfig(dir), monitor },
      dictionary: loadDictionary(dir),
      calendar: loadCalendar(dir),
      ...(shard ? { shard } : {}),
    });
    expect(summary.internalErrors).toEqual([]);
  } finally {
    await sandbox.close();
  }
}

/** Every file under dir/monitor, by path, as text. */
function records(dir: string): Record<string, string> {
  const root = join(dir, 'monitor');
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

test('three shards merged day after day give the one run’s records, byte for byte; a shard missing is refused by name', async () => {
  const single = join(work, 'single');
  cpSync(join(work, 'base'), single, { recursive: true });
  const merged = join(work, 'merged');
  cpSync(join(work, 'base'), merged, { recursive: true });
  const planned = sites.map((s) => s.id);
  for (const [d, date] of DAYS.entries()) {
    await pass(single, date, sites);
    // Each runner starts from the merged records, as from main after the last merge.
    const shards = [1, 2, 3].map((index) => {
      const dir = join(work, `day${d}-shard${index}`);
      cpSync(merged, dir, { recursive: true });
      return { dir, shard: { index, count: 3 } };
    });
    for (const s of shards) await pass(s.dir, date, inShard(sites, s.shard), s.shard);
    // A runner writes no day row of its own.
    expect(readMonitorDays(shards[0]!.dir).map((x) => x.date)).toEqual(DAYS.slice(0, d));
    if (d === 0) {
      // Without shard 2's report nothing is merged.
      const report = monitorShardReportPath(shards[1]!.dir, date, shards[1]!.shard);
      const kept = readFileSync(report);
      rmSync(report);
      const before = records(merged);
      expect(() => mergeMonitorShards(merged, date, 3, planned, shards.map((s) => s.dir))).toThrow(/缺少分片 2\/3 的报告/);
      expect(records(merged)).toEqual(before);
      writeFileSync(report, kept);
    }
    mergeMonitorShards(merged, date, 3, planned, shards.map((s) => s.dir));
  }
  const one = records(single);
  expect(Object.keys(one).length).toBeGreaterThan(sites.length);
  expect(records(merged)).toEqual(one);
  expect(readMonitorDays(merged).map((d) => d.date)).toEqual(DAYS);
}, 300_000);

test('a report whose file names climb out of a site’s folder is refused, and nothing written', () => {
  const dir = join(work, 'climb');
  cpSync(join(work, 'base'), dir, { recursive: true });
  const shard = { index: 1, count: 1 };
  const report = writeMonitorShardReport(dir, shard, { date: '2026-11-22', sites: 0, checked: 0, unreachable: 0, not_checked: 0, opened: 0, reopened: 0, fixed: 0, reminded: 0 }, []);
  const path = monitorShardReportPath(dir, '2026-11-22', shard);
  writeFileSync(path, JSON.stringify({ ...report, sites: ['a'], files: { 'a/../../../escape.csv': 'ab'.repeat(32) } }));
  const target = join(work, 'into');
  cpSync(join(work, 'base'), target, { recursive: true });
  expect(() => mergeMonitorShards(target, '2026-11-22', 1, ['a'], [dir])).toThrow(/1-of-1\.json: files\.a\/\.\.\/\.\.\/\.\.\/escape\.csv Invalid key/);
  expect(existsSync(join(work, 'escape.csv'))).toBe(false);
  expect(existsSync(join(target, 'monitor'))).toBe(false);
});
