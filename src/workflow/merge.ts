// Merging a quarter crawled in shards (--shard i/n on several runners): each shard's run leaves its
// findings files and a report (content/shards/<quarter>/<i>-of-<n>.json: the quarter, the as-of date,
// the sites it crawled and each file's SHA-256). The merge takes them into the content folder only
// when every shard reported, all for the same quarter, date and n, and every site the quarter plans
// has exactly one file, in its own shard, as that shard reported it; else it refuses, naming what is
// missing, and writes nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { InputError } from '../errors.ts';
import { siteQuarterPath } from '../inspector/report/site-quarter.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { shardFileName, shardLabel, shardOf, type Shard } from './shard.ts';

/** What one shard's run did. */
export const shardReportSchema = z.strictObject({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shard: z.string().regex(/^\d+\/\d+$/),
  /** Site id → SHA-256 (hex) of the findings file the shard wrote for it. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type ShardReport = z.infer<typeof shardReportSchema>;

/** content/shards/<quarter>/<i>-of-<n>.json */
export function shardReportPath(contentDir: string, quarter: string, shard: Shard): string {
  return join(contentDir, 'shards', quarter, shardFileName(shard));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Write a shard's report after its run: the findings file of each of its sites, by hash. */
export function writeShardReport(contentDir: string, quarter: string, asOf: string, shard: Shard, siteIds: readonly string[]): ShardReport {
  const files: Record<string, string> = {};
  for (const id of [...siteIds].sort()) {
    const path = siteQuarterPath(contentDir, quarter, id);
    if (existsSync(path)) files[id] = sha256(readFileSync(path));
  }
  const report: ShardReport = { quarter, asOf, shard: shardLabel(shard), files };
  writeFileAtomic(shardReportPath(contentDir, quarter, shard), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** A shard's run as found in one of the folders given to the merge. */
export interface FoundShard<R> {
  dir: string;
  report: R;
}

/**
 * Each of the n shards' reports looked for in the runners' folders, read and checked (its schema,
 * then `mismatch`: what it says against what is merged). The problems name each shard missing,
 * found twice, unreadable or not matching.
 */
export function findShardReports<R>(
  count: number,
  dirs: readonly string[],
  pathOf: (dir: string, shard: Shard) => string,
  schema: { safeParse(v: unknown): { success: true; data: R } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } },
  mismatch: (report: R, shard: Shard) => string | undefined,
): { found: Map<number, FoundShard<R>>; problems: string[] } {
  const problems: string[] = [];
  const found = new Map<number, FoundShard<R>>();
  const absent: number[] = [];
  for (let index = 1; index <= count; index++) {
    const shard = { index, count };
    const where = dirs.filter((d) => existsSync(pathOf(d, shard)));
    if (where.length > 1) problems.push(`分片 ${shardLabel(shard)} 的报告出现在多个目录：${where.join('、')}`);
    const dir = where[0];
    if (!dir) {
      absent.push(index);
      continue;
    }
    const path = pathOf(dir, shard);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push(`${path}: ${(e as Error).message}`);
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${path}: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(整个文件)'} ${i.message}`).join('；')}`);
      continue;
    }
    const wrong = mismatch(parsed.data, shard);
    if (wrong) problems.push(`${path}: ${wrong}`);
    else found.set(index, { dir, report: parsed.data });
  }
  if (absent.length) problems.push(`缺少分片 ${absent.map((i) => `${i}/${count}`).join('、')} 的报告（该分片未运行完或未上传）`);
  return { found, problems };
}

/** What the merge took. */
export interface MergeResult {
  shards: number;
  files: number;
}

/**
 * Merge the shards found in `dirs` (each a content folder, or a runner's artifact of one: findings/
 * and shards/) into contentDir's findings of `quarter`, for the planned site ids. Throws an
 * InputError naming every problem when the quarter is incomplete or inconsistent; writes nothing then.
 */
export function mergeShards(contentDir: string, quarter: string, count: number, planned: readonly string[], dirs: readonly string[]): MergeResult {
  const { found, problems } = findShardReports(count, dirs, (dir, shard) => shardReportPath(dir, quarter, shard), shardReportSchema, (report, shard) =>
    report.quarter !== quarter || report.shard !== shardLabel(shard) ? `报告写的是 ${report.quarter} 分片 ${report.shard}，与要合并的 ${quarter} 分片 ${shardLabel(shard)} 不符` : undefined,
  );
  const dates = new Set([...found.values()].map((f) => f.report.asOf));
  if (dates.size > 1) problems.push(`各分片的监测时间点不同：${[...dates].sort().join('、')}`);

  const want = new Set(planned);
  const missingSites: string[] = [];
  const take: Array<{ id: string; from: string; hash: string }> = [];
  for (const id of planned) {
    const index = shardOf(id, count);
    const f = found.get(index);
    if (!f) continue; // the shard's absence is reported above
    const hash = f.report.files[id];
    if (!hash) {
      missingSites.push(`${id}（分片 ${index}/${count}）`);
      continue;
    }
    take.push({ id, from: siteQuarterPath(f.dir, quarter, id), hash });
  }
  if (missingSites.length) problems.push(`${missingSites.length} 个网站没有检查结果：${missingSites.join('、')}`);
  for (const [index, f] of found) {
    const stray = Object.keys(f.report.files).filter((id) => !want.has(id) || shardOf(id, count) !== index);
    if (stray.length) problems.push(`分片 ${index}/${count} 报告了不属于它的网站：${stray.join('、')}`);
  }
  const bytes = new Map<string, Buffer>();
  for (const t of take) {
    if (!existsSync(t.from)) {
      problems.push(`${t.from}: 分片报告列出的文件不存在`);
      continue;
    }
    const b = readFileSync(t.from);
    if (sha256(b) !== t.hash) problems.push(`${t.from}: 文件内容与分片报告的 SHA-256 不符（上传后被改动或不完整）`);
    else bytes.set(t.id, b);
  }
  if (problems.length) throw new InputError(`${quarter} 的分片结果不完整，未合并：\n- ${problems.join('\n- ')}`);
  for (const t of take) writeFileAtomic(siteQuarterPath(contentDir, quarter, t.id), bytes.get(t.id)!);
  return { shards: count, files: take.length };
}
