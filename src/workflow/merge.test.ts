import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { siteQuarterPath } from '../inspector/report/site-quarter.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { mergeShards, shardReportPath, writeShardReport } from './merge.ts';
import { inShard } from './shard.ts';

const Q = '2026-Q4';
const AS_OF = '2026-11-20';
const IDS = Array.from({ length: 12 }, (_, i) => ({ id: `site-${i}` }));
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'merge-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** n runners' folders, each with its shard's findings files (their text names the site) and its report. */
function runners(count: number, skip: (id: string) => boolean = () => false): string[] {
  return Array.from({ length: count }, (_, k) => {
    const dir = tmp();
    const shard = { index: k + 1, count };
    const mine = inShard(IDS, shard).map((s) => s.id);
    for (const id of mine) if (!skip(id)) writeFileAtomic(siteQuarterPath(dir, Q, id), `---\nsite: ${id}\n---\n`);
    writeShardReport(dir, Q, AS_OF, shard, mine);
    return dir;
  });
}
const planned = IDS.map((s) => s.id);
const merged = (content: string) => readdirSync(join(content, 'findings', Q)).sort();

describe('mergeShards', () => {
  test('every shard reported and every site has its file: all are taken, byte for byte', () => {
    const from = runners(3);
    const content = tmp();
    expect(mergeShards(content, Q, 3, planned, from)).toEqual({ shards: 3, files: 12 });
    expect(merged(content)).toEqual(planned.map((id) => `${id}.md`).sort());
    expect(readFileSync(siteQuarterPath(content, Q, 'site-7'), 'utf8')).toBe('---\nsite: site-7\n---\n');
  });

  test('a shard that did not report: refused, naming it, and nothing written', () => {
    const from = runners(3);
    rmSync(shardReportPath(from[1]!, Q, { index: 2, count: 3 }));
    const content = tmp();
    expect(() => mergeShards(content, Q, 3, planned, from)).toThrow(/缺少分片 2\/3 的报告/);
    expect(existsSync(join(content, 'findings'))).toBe(false);
  });

  test('a planned site without a file, a file changed after its report, a site in the wrong shard: each named', () => {
    const from = runners(2, (id) => id === 'site-3');
    const content = tmp();
    expect(() => mergeShards(content, Q, 2, planned, from)).toThrow(/1 个网站没有检查结果：site-3（分片 \d\/2）/);
    const again = runners(2);
    const shardOf5 = again.find((d) => existsSync(siteQuarterPath(d, Q, 'site-5')))!;
    writeFileSync(siteQuarterPath(shardOf5, Q, 'site-5'), 'changed');
    expect(() => mergeShards(content, Q, 2, planned, again)).toThrow(/site-5\.md: 文件内容与分片报告的 SHA-256 不符/);
    // A site planned no more (removed from the registry since) is refused as not belonging.
    expect(() => mergeShards(content, Q, 2, planned.filter((id) => id !== 'site-0'), runners(2))).toThrow(/报告了不属于它的网站：site-0/);
    expect(existsSync(join(content, 'findings'))).toBe(false);
  });

  test('reports of another quarter, another n or another as-of date are refused', () => {
    const from = runners(2);
    const other = tmp();
    cpSync(from[0]!, other, { recursive: true });
    const path = shardReportPath(other, Q, { index: 1, count: 2 });
    writeFileSync(path, readFileSync(path, 'utf8').replace(AS_OF, '2026-11-21'));
    expect(() => mergeShards(tmp(), Q, 2, planned, [other, from[1]!])).toThrow(/各分片的监测时间点不同：2026-11-20、2026-11-21/);
    expect(() => mergeShards(tmp(), Q, 3, planned, from)).toThrow(/缺少分片 1\/3、2\/3、3\/3 的报告/);
    expect(() => mergeShards(tmp(), Q, 2, planned, [from[0]!, from[0]!, from[1]!])).toThrow(/分片 1\/2 的报告出现在多个目录/);
  });

  test('a report cut short in the upload is named with what JSON makes of it', () => {
    const from = runners(2);
    const path = shardReportPath(from[1]!, Q, { index: 2, count: 2 });
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 40));
    expect(() => mergeShards(tmp(), Q, 2, planned, from)).toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*JSON`));
  });
});
