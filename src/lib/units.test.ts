import { describe, expect, it } from 'vitest';
import { row } from './fixtures.test-helpers.ts';
import { halfName, halfOf, lossRow, lossTable, quarterLosses, topUnits, unitAndBelow, unitName, unitTree } from './units.ts';

const tree = unitTree([
  { id: 'linhe-zf', name: '临河市人民政府' },
  { id: 'linhe-bgs', name: '临河市人民政府办公室', parent: 'linhe-zf' },
  { id: 'hexi-zf', name: '河西县人民政府', parent: 'linhe-zf' },
  { id: 'hexi-jyj', name: '河西县教育局', parent: 'hexi-zf' },
  { id: 'sheng-sft', name: '省司法厅' },
]);

describe('unit tree', () => {
  it('lists a unit and everything under it, parents first', () => {
    expect(unitAndBelow(tree, 'linhe-zf')).toEqual(['linhe-zf', 'linhe-bgs', 'hexi-zf', 'hexi-jyj']);
    expect(unitAndBelow(tree, 'hexi-zf')).toEqual(['hexi-zf', 'hexi-jyj']);
    expect(unitAndBelow(tree, 'sheng-sft')).toEqual(['sheng-sft']);
  });
  it('names units, and shows an unknown id as itself', () => {
    expect(unitName(tree, 'hexi-jyj')).toBe('河西县教育局');
    expect(unitName(tree, 'gone')).toBe('gone');
    expect(topUnits(tree)).toEqual(['linhe-zf', 'sheng-sft']);
  });
  it('refuses a parent that is not a unit, and a cycle', () => {
    expect(() => unitTree([{ id: 'a', name: 'A', parent: 'b' }])).toThrow(/unit a names parent b/);
    const loop = unitTree([
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' },
    ]);
    expect(() => unitAndBelow(loop, 'a')).toThrow(/a → b → a/);
  });
});

describe('half-years', () => {
  it.each([
    ['2026-Q1', '2026-H1', '2026年上半年'],
    ['2026-Q2', '2026-H1', '2026年上半年'],
    ['2026-Q3', '2026-H2', '2026年下半年'],
    ['2026-Q4', '2026-H2', '2026年下半年'],
  ])('%s is in %s', (q, h, name) => {
    expect(halfOf(q)).toBe(h);
    expect(halfName(h)).toBe(name);
  });
});

describe('points lost (日常考核扣分)', () => {
  // Four non-compliant sites in the second quarter at 2 points each: 聊城市's −8 of the 2017 table.
  const q2 = Array.from({ length: 5 }, (_, i) =>
    row({ site: `s${i}`, name: `网站${i}`, score: 50, verdict: i < 4 ? 'fail' : 'pass', quarter: '2026-Q2', asOf: '2026-05-20' }),
  );
  const q1 = [row({ site: 's0', name: '网站0', score: 40, verdict: 'fail', quarter: '2026-Q1', asOf: '2026-02-20' })];

  it('counts non-compliant sites per quarter, oldest first', () => {
    expect(quarterLosses([...q2, ...q1], 2)).toEqual([
      { quarter: '2026-Q1', sites: 1, failing: 1, points: 2 },
      { quarter: '2026-Q2', sites: 5, failing: 4, points: 8 },
    ]);
  });
  it('writes the 扣分说明 as the half-year table does', () => {
    expect(lossRow('liaocheng', '聊城市', quarterLosses([...q1, ...q2], 2))).toEqual({
      unit: 'liaocheng',
      name: '聊城市',
      points: 10,
      explanation: '一季度 1 个不合格网站-2；二季度 4 个不合格网站-8',
    });
    expect(lossRow('x', 'X', quarterLosses([q2[4]!], 2))).toEqual({ unit: 'x', name: 'X', points: 0, explanation: '无' });
  });
  it('ranks the units that lost points, most first', () => {
    const rows = [
      { unit: 'a', name: '日照市', points: 2, explanation: '' },
      { unit: 'b', name: '聊城市', points: 10, explanation: '' },
      { unit: 'c', name: '济南市', points: 0, explanation: '无' },
      { unit: 'd', name: '滨州市', points: 2, explanation: '' },
    ];
    expect(lossTable(rows).map((r) => r.name)).toEqual(['聊城市', '滨州市', '日照市']);
  });
});
