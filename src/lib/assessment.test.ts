import { describe, expect, it } from 'vitest';
import { halfYearTables } from './assessment.ts';
import { row } from './fixtures.test-helpers.ts';
import { unitTree } from './units.ts';

describe('halfYearTables', () => {
  const tree = unitTree([
    { id: 'liaocheng', name: '聊城市' },
    { id: 'rizhao', name: '日照市' },
    { id: 'jinan', name: '济南市' },
  ]);
  const fail = (site: string, unit: string, quarter: string) => row({ site, name: site, unit, score: 50, verdict: 'fail', quarter, asOf: '2026-01-01' });
  const unitRows = new Map([
    ['liaocheng', [fail('a', 'liaocheng', '2026-Q1'), fail('b', 'liaocheng', '2026-Q2'), fail('c', 'liaocheng', '2026-Q2'), fail('a', 'liaocheng', '2026-Q3')]],
    ['rizhao', [fail('d', 'rizhao', '2026-Q2')]],
    ['jinan', [row({ site: 'e', name: 'e', unit: 'jinan', score: 99, quarter: '2026-Q2' })]],
  ]);

  it('gives one table per half-year, newest first, units that lost points most first', () => {
    const tables = halfYearTables(['liaocheng', 'rizhao', 'jinan'], unitRows, tree, 2);
    expect(tables.map((t) => t.half)).toEqual(['2026-H2', '2026-H1']);
    // H1: 聊城市 Q1 1 site (−2) + Q2 2 sites (−4) = −6; 日照市 Q2 1 site = −2; 济南市 lost nothing.
    expect(tables[1]!.rows).toEqual([
      { unit: 'liaocheng', name: '聊城市', points: 6, explanation: '一季度 1 个不合格网站-2；二季度 2 个不合格网站-4' },
      { unit: 'rizhao', name: '日照市', points: 2, explanation: '二季度 1 个不合格网站-2' },
    ]);
    expect(tables[0]!.rows).toEqual([{ unit: 'liaocheng', name: '聊城市', points: 2, explanation: '三季度 1 个不合格网站-2' }]);
  });
});
