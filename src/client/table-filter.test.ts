import { describe, expect, it } from 'vitest';
import { compareRows, matches, type RowKeys } from './table-filter.ts';

const edu: RowKeys = { order: 1, name: '河西县教育局', unit: '河西县教育局', region: '河西县', verdict: 'fail', score: 57.5 };
const portal: RowKeys = { order: 2, name: '临河市人民政府', unit: '临河市人民政府办公室', region: '本级', verdict: 'pass', score: 99 };
const water: RowKeys = { order: 3, name: '安平区水务局', unit: '安平区水务局', region: '安平区', verdict: 'pass', score: 99 };
const all = { region: '', verdict: '', text: '' } as const;

describe('matches', () => {
  it('lets every row through an empty filter', () => {
    expect([edu, portal, water].filter((r) => matches(r, all))).toHaveLength(3);
  });
  it('filters by region, verdict and name together', () => {
    expect([edu, portal, water].filter((r) => matches(r, { ...all, region: '河西县' }))).toEqual([edu]);
    expect([edu, portal, water].filter((r) => matches(r, { ...all, verdict: 'pass' }))).toEqual([portal, water]);
    expect([edu, portal, water].filter((r) => matches(r, { ...all, verdict: 'pass', region: '河西县' }))).toEqual([]);
  });
  it('finds a unit by part of its name, not only the site name', () => {
    expect([edu, portal, water].filter((r) => matches(r, { ...all, text: ' 办公室 ' }))).toEqual([portal]);
    expect([edu, portal, water].filter((r) => matches(r, { ...all, text: '水务' }))).toEqual([water]);
  });
});

describe('compareRows', () => {
  it('sorts numbers by value and ties by the page order', () => {
    expect([water, edu, portal].sort((a, b) => compareRows(a, b, 'score', 'descending')).map((r) => r.order)).toEqual([2, 3, 1]);
    expect([portal, water, edu].sort((a, b) => compareRows(a, b, 'score', 'ascending')).map((r) => r.order)).toEqual([1, 2, 3]);
  });
  it('sorts Chinese names in pinyin order', () => {
    // 安 (an) < 河 (he) < 临 (lin)
    expect([portal, edu, water].sort((a, b) => compareRows(a, b, 'name', 'ascending')).map((r) => r.name)).toEqual(['安平区水务局', '河西县教育局', '临河市人民政府']);
  });
});
