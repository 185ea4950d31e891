import { describe, expect, it } from 'vitest';
import { halfName, halfOf, lossTable, shortQuarterName, topUnits, unitAndBelow, unitName, unitTree } from './units.ts';

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

describe('the half-year table (日常考核扣分)', () => {
  it('names quarters as the table does', () => {
    expect(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4'].map(shortQuarterName)).toEqual(['一季度', '二季度', '三季度', '四季度']);
  });
  it('ranks the units that lost points, most first; ties keep the registry order', () => {
    // 002's cities: 济南市 before 菏泽市 at −1, as the registry lists them (by name 菏泽 would come first).
    const rows = [
      { unit: 'a', name: '日照市', points: 2, explanation: '' },
      { unit: 'b', name: '聊城市', points: 29, explanation: '' },
      { unit: 'c', name: '济南市', points: 1, explanation: '' },
      { unit: 'd', name: '青岛市', points: 0, explanation: '无' },
      { unit: 'e', name: '菏泽市', points: 1, explanation: '' },
      { unit: 'f', name: '滨州市', points: 3, explanation: '' },
    ];
    expect(lossTable(rows).map((r) => r.name)).toEqual(['聊城市', '滨州市', '日照市', '济南市', '菏泽市']);
  });
});
