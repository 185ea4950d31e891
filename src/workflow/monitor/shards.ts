// The daily monitor run in shards (npm run monitor -- --shard i/n on several runners). A site's
// records are its own folder (content/monitor/<site>/: its events by year, the columns seen), so
// each runner writes those of its sites, and instead of the day's row of totals (one file for the
// whole run) a report: content/shards/monitor/<date>/<i>-of-<n>.json, with its share of the totals
// and each of its sites' files by SHA-256. The merge takes the files and appends the summed row only
// when every shard reported the same day and every site has its shard; else it writes nothing. The
// units' digests are built afterwards from the merged records (npm run digest), so a unit whose
// sites fall in several shards gets one digest.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { InputError } from '../../errors.ts';
import { DAY_COLUMNS, type MonitorDay } from '../../schemas/monitor.ts';
import { idSchema } from '../../schemas/registry.ts';
import { writeFileAtomic } from '../../store/atomic.ts';
import { monitorDir, readMonitorDays, writeMonitorDays } from '../../store/monitor-records.ts';
import { findShardReports } from '../merge.ts';
import { shardFileName, shardLabel, shardOf, type Shard } from '../shard.ts';

const COUNTS = DAY_COLUMNS.filter((c) => c !== 'date') as Array<Exclude<(typeof DAY_COLUMNS)[number], 'date'>>;
const count = z.number().int().nonnegative();
/** A day's totals as JSON (the _days CSV row's columns, as numbers). */
const dayJsonSchema = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...Object.fromEntries(COUNTS.map((k) => [k, count])) as Record<(typeof COUNTS)[number], typeof count> });

export const monitorShardReportSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shard: z.string().regex(/^\d+\/\d+$/),
  /** The shard's share of the day's totals. */
  day: dayJsonSchema,
  /** The sites the shard's pass covered. */
  sites: z.array(idSchema),
  /**
   * `<site>/<file>.csv` under content/monitor → SHA-256 (hex) as the shard left it. A site id and a
   * plain file name: a key that climbs out of the site's folder (`a/../../x`) is refused.
   */
  files: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[A-Za-z0-9_-]+\.csv$/, 'must be <site id>/<name>.csv'), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type MonitorShardReport = z.infer<typeof monitorShardReportSchema>;

/** content/shards/monitor/<date>/<i>-of-<n>.json */
export function monitorShardReportPath(contentDir: string, date: string, shard: Shard): string {
  return join(contentDir, 'shards', 'monitor', date, shardFileName(shard));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The files of a site's records folder, as `<site>/<name>`. */
function siteFiles(contentDir: string, siteId: string): string[] {
  const dir = join(monitorDir(contentDir), siteId);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => `${siteId}/${f}`) : [];
}

/** Write a shard's report after its pass: its share of the day's totals, its sites' files by hash. */
export function writeMonitorShardReport(contentDir: string, shard: Shard, day: MonitorDay, siteIds: readonly string[]): MonitorShardReport {
  const files: Record<string, string> = {};
  const sites = [...siteIds].sort();
  for (const id of sites) for (const f of siteFiles(contentDir, id)) files[f] = sha256(readFileSync(join(monitorDir(contentDir), f)));
  const report: MonitorShardReport = { date: day.date, shard: shardLabel(shard), day, sites, files };
  writeFileAtomic(monitorShardReportPath(contentDir, day.date, shard), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** What the merge took. */
export interface MonitorMergeResult {
  day: MonitorDay;
  files: number;
}

/**
 * Merge the day's shards found in `dirs` (content folders, or runners' artifacts holding monitor/
 * and shards/) into contentDir, for the planned site ids. Throws an InputError naming every problem
 * when the day is incomplete or inconsistent; writes nothing then.
 */
export function mergeMonitorShards(contentDir: string, date: string, count: number, planned: readonly string[], dirs: readonly string[]): MonitorMergeResult {
  const { found, problems } = findShardReports(count, dirs, (dir, shard) => monitorShardReportPath(dir, date, shard), monitorShardReportSchema, (report, shard) =>
    report.date !== date || report.day.date !== date || report.shard !== shardLabel(shard) ? `报告写的是 ${report.date} 分片 ${report.shard}，与要合并的 ${date} 分片 ${shardLabel(shard)} 不符` : undefined,
  );

  const want = new Set(planned);
  const missing = planned.filter((id) => {
    const f = found.get(shardOf(id, count));
    return f !== undefined && !f.report.sites.includes(id);
  });
  if (missing.length) problems.push(`${missing.length} 个网站当天未监测：${missing.join('、')}`);
  for (const [index, f] of found) {
    const stray = f.report.sites.filter((id) => !want.has(id) || shardOf(id, count) !== index);
    if (stray.length) problems.push(`分片 ${index}/${count} 报告了不属于它的网站：${stray.join('、')}`);
  }
  const take = new Map<string, Buffer>();
  for (const f of found.values()) {
    for (const [file, hash] of Object.entries(f.report.files)) {
      const from = join(monitorDir(f.dir), file);
      if (!f.report.sites.includes(file.split('/')[0]!)) problems.push(`${from}: 不属于该分片报告的网站`);
      else if (!existsSync(from)) problems.push(`${from}: 分片报告列出的文件不存在`);
      else {
        const b = readFileSync(from);
        if (sha256(b) !== hash) problems.push(`${from}: 文件内容与分片报告的 SHA-256 不符（上传后被改动或不完整）`);
        else take.set(file, b);
      }
    }
  }
  const days = readMonitorDays(contentDir);
  const last = days.at(-1)?.date;
  if (last && last > date) problems.push(`${contentDir}/monitor/_days 已有 ${last} 的记录：只能合并其后的日子（或重新合并最后一天）`);
  if (problems.length) throw new InputError(`${date} 的日常监测分片不完整，未合并：\n- ${problems.join('\n- ')}`);

  const day: MonitorDay = { date, sites: 0, checked: 0, unreachable: 0, not_checked: 0, opened: 0, reopened: 0, fixed: 0, reminded: 0 };
  for (const f of found.values()) for (const k of COUNTS) day[k] += f.report.day[k];
  for (const [file, bytes] of take) writeFileAtomic(join(monitorDir(contentDir), file), bytes);
  const year = date.slice(0, 4);
  writeMonitorDays(contentDir, year, [...days.filter((d) => d.date.startsWith(year) && d.date < date), day]);
  return { day, files: take.size };
}
