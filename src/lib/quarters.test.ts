import { describe, expect, it } from 'vitest';
import { row } from './fixtures.test-helpers.ts';
import { formatChange, formatDate, formatDateRange, formatPercent, formatScore, verdictName } from './format.ts';
import { noticeSummary } from './feed.ts';
import { byQuarter, entityCounts, failingSites, previousQuarter, quarterChange, quarterName, sortByScore, sortForTable, summarizeQuarter, summarizeQuarters } from './quarters.ts';

const linhe = row({ site: 'linhe', name: '临河市人民政府', score: 98.6 });
const edu = row({ site: 'linhe-edu', name: '临河市教育局', score: 99, verdict: 'fail', vetoes: ['site-unreachable'] });
const water = row({ site: 'linhe-water', name: '临河市水务局', score: 57.5, verdict: 'fail', asOf: '2026-11-18' });

describe('summarizeQuarter', () => {
  it('counts, pass rate, average and as-of dates', () => {
    const s = summarizeQuarter([linhe, edu, water]);
    expect(s).toMatchObject({ quarter: '2026-Q4', sites: 3, failed: 2, asOf: { from: '2026-11-18', to: '2026-11-20' } });
    // 1 of 3 passed; (98.6 + 99 + 57.5) / 3 = 255.1 / 3 = 85.03…
    expect(formatPercent(s.passRate)).toBe('33.3');
    expect(formatScore(s.averageScore)).toBe('85.0');
  });

  it('one site that passes', () => {
    const s = summarizeQuarter([linhe]);
    expect(s).toEqual({ quarter: '2026-Q4', sites: 1, failed: 0, passRate: 100, averageScore: 98.6, asOf: { from: '2026-11-20', to: '2026-11-20' } });
  });

  it('专栏 entities are counted apart; the rate and the mean are the websites\u2019', () => {
    const sfj = row({ site: 'linhe-sfj-xxgk', name: '临河市司法局信息公开专栏', score: 100, verdict: 'fail', vetoes: ['severe-error'], column: true });
    const jtj = row({ site: 'linhe-jtj-xxgk', name: '临河市交通局信息公开专栏', score: 96, column: true });
    const s = summarizeQuarter([linhe, edu, water, sfj, jtj]);
    // Websites as before (1 of 3 passed, mean 85.03…); 专栏: 2 checked, 1 failed.
    expect(s).toMatchObject({ sites: 3, failed: 2, columns: { checked: 2, failed: 1 } });
    expect(formatPercent(s.passRate)).toBe('33.3');
    expect(formatScore(s.averageScore)).toBe('85.0');
    expect(noticeSummary(s)).toBe('以2026年11月18日至2026年11月20日为监测时间点，本季度共检查政府网站 3 个、专栏 2 个，发现不合格网站 2 个、不合格专栏 1 个，网站合格率 33.3%，平均得分 85.0 分。');
    // 专栏 alone: their own rate (1 of 2) and mean (98).
    const only = summarizeQuarter([sfj, jtj]);
    expect(noticeSummary(only)).toBe('以2026年11月20日为监测时间点，本季度共检查专栏 2 个，发现不合格专栏 1 个，专栏合格率 50%，平均得分 98.0 分。');
    expect(entityCounts(3, 2)).toBe('网站 3 个、专栏 2 个');
    expect(entityCounts(0, 2)).toBe('专栏 2 个');
    expect(entityCounts(0, 0)).toBe('网站 0 个');
  });

  it('refuses no rows and rows of two quarters', () => {
    expect(() => summarizeQuarter([])).toThrow();
    expect(() => summarizeQuarter([linhe, row({ site: 'x', name: 'X', score: 1, quarter: '2026-Q3' })])).toThrow(/2026-Q4 and 2026-Q3/);
  });
});

describe('quarters', () => {
  const q3 = row({ site: 'linhe', name: '临河市人民政府', score: 90, quarter: '2026-Q3', asOf: '2026-08-20' });
  const old = row({ site: 'linhe', name: '临河市人民政府', score: 80, quarter: '2025-Q4', asOf: '2025-11-20' });

  it('groups newest first', () => {
    expect(byQuarter([q3, linhe, old, edu]).map((g) => [g.quarter, g.rows.map((r) => r.site)])).toEqual([
      ['2026-Q4', ['linhe', 'linhe-edu']],
      ['2026-Q3', ['linhe']],
      ['2025-Q4', ['linhe']],
    ]);
  });

  it('summarises each quarter', () => {
    expect(summarizeQuarters([q3, linhe, old, edu]).map((s) => [s.quarter, s.sites, s.failed, s.passRate, s.averageScore])).toEqual([
      ['2026-Q4', 2, 1, 50, 98.8],
      ['2026-Q3', 1, 0, 100, 90],
      ['2025-Q4', 1, 0, 100, 80],
    ]);
    expect(summarizeQuarters([])).toEqual([]);
  });

  it('names quarters in Chinese', () => {
    expect(quarterName('2026-Q4')).toBe('2026年第四季度');
    expect(quarterName('2027-Q1')).toBe('2027年第一季度');
  });
});

describe('table order', () => {
  it('sorts by score ascending, then by name in pinyin order, then by id', () => {
    const hexi = row({ site: 'hexi', name: '河西县人民政府', score: 98.6 });
    const twin = row({ site: 'a-twin', name: '临河市人民政府', score: 98.6 });
    expect(sortByScore([edu, linhe, water, hexi, twin]).map((r) => r.site)).toEqual(['linhe-water', 'hexi', 'a-twin', 'linhe', 'linhe-edu']);
  });

  it('puts every failing site first in the full table, even one failed by a veto at 100', () => {
    const vetoed = row({ site: 'hexi', name: '河西县人民政府', score: 100, verdict: 'fail', vetoes: ['hidden-link'] });
    expect(sortForTable([linhe, vetoed, edu, water]).map((r) => r.site)).toEqual(['linhe-water', 'linhe-edu', 'hexi', 'linhe']);
  });

  it('lists the failing sites in the same order', () => {
    expect(failingSites([edu, linhe, water]).map((r) => r.site)).toEqual(['linhe-water', 'linhe-edu']);
    expect(failingSites([linhe])).toEqual([]);
  });
});

describe('change from the previous quarter', () => {
  it('finds the calendar quarter before', () => {
    expect(previousQuarter('2026-Q4')).toBe('2026-Q3');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(() => previousQuarter('2026-Q5')).toThrow(/2026-Q5/);
  });
  it('compares with that quarter only', () => {
    const q3 = row({ site: 'linhe', name: '临河市人民政府', score: 90, quarter: '2026-Q3', asOf: '2026-08-20' });
    const q3b = row({ site: 'hexi', name: '河西县人民政府', score: 50, verdict: 'fail', quarter: '2026-Q3', asOf: '2026-08-20' });
    const all = summarizeQuarters([linhe, edu, water, q3, q3b]);
    // Q4: 1 of 3 pass (33.3 %), average 85.03; Q3: 1 of 2 (50 %), average 70.
    const change = quarterChange(all[0]!, all)!;
    expect(change.previous).toBe('2026-Q3');
    expect(change.failed).toBe(1);
    expect(formatChange(change.passRate, '个百分点')).toBe('下降 16.7 个百分点');
    expect(formatChange(change.averageScore, '分')).toBe('提高 15 分');
    expect(quarterChange(all[1]!, all)).toBeNull();
  });
  it('says 持平 when the rounded change is zero', () => {
    expect(formatChange(0.04, '分')).toBe('持平');
    expect(formatChange(-0.05, '分')).toBe('下降 0.1 分');
  });
});

describe('format', () => {
  it.each([
    [99, '99.0'],
    [98.6, '98.6'],
    [100, '100.0'],
    [57.46, '57.5'],
    [102.5, '102.5'],
  ])('score %d → %s', (n, s) => expect(formatScore(n)).toBe(s));

  it.each([
    [100, '100'],
    [(2 / 3) * 100, '66.7'],
    [50, '50'],
    [0, '0'],
    [87.25, '87.3'],
  ])('percent %d → %s', (n, s) => expect(formatPercent(n)).toBe(s));

  it('names verdicts', () => {
    expect(verdictName('pass')).toBe('合格');
    expect(verdictName('fail')).toBe('不合格');
  });
});

describe('dates', () => {
  it('writes dates as the notices do', () => {
    expect(formatDate('2026-11-20')).toBe('2026年11月20日');
    expect(formatDate('2027-01-05')).toBe('2027年1月5日');
    expect(formatDateRange({ from: '2026-11-20', to: '2026-11-20' })).toBe('2026年11月20日');
    expect(formatDateRange({ from: '2026-11-18', to: '2026-11-20' })).toBe('2026年11月18日至2026年11月20日');
  });
});
