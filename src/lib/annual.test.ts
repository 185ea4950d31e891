import { describe, expect, it } from 'vitest';
import { amountsText, annualRow, annualTable, assessmentYears, formatLoss, groupName, rankingGroups, ratingCapReasons, ratingCapText, timesNamed, yearOf, yearQuarters } from './annual.ts';
import { office } from './assessment.test-helpers.ts';

const cap = { stateCouncil: 1, province: 1, city: 3 };

describe('years', () => {
  it('of a quarter and of a date are their first four digits', () => {
    expect(yearOf('2026-Q3')).toBe('2026');
    expect(yearOf('2025-12-20')).toBe('2025');
  });
  it('come from the quarters, newest first; each year says what counts and what is a draft', () => {
    expect(assessmentYears(office())).toEqual(['2026']);
    expect(yearQuarters(office(), '2026')).toEqual({ counted: ['2026-Q1', '2026-Q2'], drafts: ['2026-Q3'] });
    expect(yearQuarters(office(), '2025')).toEqual({ counted: [], drafts: [] });
  });
});

describe('times named (003)', () => {
  it('counts the published quarters naming the unit or a unit under it, and the notices of the year', () => {
    // 临河市人民政府: Q1 (hexi fails) and Q2 (linhe fails; linhe-bgs's report and account) + the city
    // notice of 2026-03-02 = 3; the province's notice names two of its units: once. The State
    // Council's is of 2025.
    expect(timesNamed(office(), '2026', 'linhe-zf')).toEqual({ city: 3, province: 1, stateCouncil: 0 });
    expect(timesNamed(office(), '2025', 'linhe-zf')).toEqual({ city: 0, province: 0, stateCouncil: 1 });
    // 河西县人民政府: Q1 (hexi, hexi-jyj, gone fail) + the city notice (hexi-jyj); its Q2 late messages name nobody.
    expect(timesNamed(office(), '2026', 'hexi-zf')).toEqual({ city: 2, province: 1, stateCouncil: 0 });
    // 河西县民政局: its only failing site was closed on the notice's day.
    expect(timesNamed(office(), '2026', 'hexi-mzj')).toEqual({ city: 0, province: 0, stateCouncil: 0 });
    // 省司法厅: Q2; its missing report is in the draft Q3.
    expect(timesNamed(office(), '2026', 'sheng-sft')).toEqual({ city: 1, province: 0, stateCouncil: 0 });
  });
  it.each([
    [{ city: 2, province: 0, stateCouncil: 0 }, []],
    [{ city: 3, province: 0, stateCouncil: 0 }, ['被市政府办公室通报 3 次']],
    [{ city: 0, province: 1, stateCouncil: 0 }, ['被省政府办公厅通报 1 次']],
    [{ city: 4, province: 2, stateCouncil: 1 }, ['被国务院办公厅通报 1 次', '被省政府办公厅通报 2 次', '被市政府办公室通报 4 次']],
  ])('caps the rating of %j: %j', (named, reasons) => {
    expect(ratingCapReasons(named, cap)).toEqual(reasons);
  });
});

describe('the annual row', () => {
  it('adds the daily points, the city notices’ points and the cap', () => {
    // Daily −22 (see assessment.test.ts: Q1 −5, Q2 −2, messages −10, report −5); named by the city
    // 3 times × 2 = −6; total −28; capped by the province (1 ≥ 1) and the city (3 ≥ 3).
    expect(annualRow(office(), '2026', 'linhe-zf')).toEqual({
      unit: 'linhe-zf',
      name: '临河市人民政府',
      quarters: [
        { quarter: '2026-Q1', state: 'counted', failing: 4, points: 5 },
        { quarter: '2026-Q2', state: 'counted', failing: 1, points: 2 },
        { quarter: '2026-Q3', state: 'draft', failing: 0, points: 0 },
        { quarter: '2026-Q4', state: 'none', failing: 0, points: 0 },
      ],
      overdue: { count: 2, points: 10 },
      selfInspection: { count: 1, points: 5 },
      notRectified: { count: 0, points: 0 },
      daily: 22,
      explanation: '一季度 4 个不合格网站-5；二季度 1 个不合格网站-2；2 条网民留言处理超期-10；未报送自查报告-5',
      named: { city: 3, province: 1, stateCouncil: 0 },
      namedPoints: 6,
      total: 28,
      capReasons: ['被省政府办公厅通报 1 次', '被市政府办公室通报 3 次'],
    });
  });
  it('shows a closed site among the failing ones at no points', () => {
    const r = annualRow(office(), '2026', 'hexi-mzj');
    expect(r.quarters[0]).toEqual({ quarter: '2026-Q1', state: 'counted', failing: 1, points: 0 });
    expect([r.daily, r.total, r.explanation]).toEqual([0, 0, '无']);
  });
  it('ranks most points first, ties in the order given', () => {
    // 临河市人民政府 −28; 河西县人民政府 −15 − 2 × 2 = −19; 省司法厅 −2 − 2 = −4; old-unit and 河西县民政局 0.
    expect(annualTable(office(), '2026', ['old-unit', 'sheng-sft', 'hexi-mzj', 'hexi-zf', 'linhe-zf']).map((r) => [r.unit, r.total])).toEqual([
      ['linhe-zf', 28],
      ['hexi-zf', 19],
      ['sheng-sft', 4],
      ['old-unit', 0],
      ['hexi-mzj', 0],
    ]);
    expect(annualTable(office(), '2026', ['hexi-mzj', 'old-unit']).map((r) => r.unit)).toEqual(['hexi-mzj', 'old-unit']);
  });
});

describe('the year’s page', () => {
  it('ranks the top units, then the units under each top unit that have a page', () => {
    const data = office();
    const groups = rankingGroups(data);
    expect(groups).toEqual([
      { parent: undefined, units: ['linhe-zf', 'sheng-sft', 'old-unit'] },
      // linhe-fgw has no site and nothing charged.
      { parent: 'linhe-zf', units: ['linhe-bgs', 'hexi-zf'] },
    ]);
    expect(groups.map((g) => groupName(data.units, g))).toEqual(['一级单位', '临河市人民政府下级单位']);
  });
  it('prints points as the seed does, and the cap', () => {
    expect([formatLoss(29), formatLoss(0.5), formatLoss(0)]).toEqual(['-29', '-0.5', '0']);
    expect(ratingCapText([])).toBe('无');
    expect(ratingCapText(['被省政府办公厅通报 1 次', '被市政府办公室通报 3 次'])).toBe('不得评为良好及以上等次（被省政府办公厅通报 1 次；被市政府办公室通报 3 次）');
  });
  it('says which amounts apply', () => {
    const { daily, annual } = amountsText(office().assessment);
    const text = [...daily, ...annual].join('\n');
    expect(text).toContain('每个不合格网站扣分：门户网站 2 分，部门网站 1 分');
    expect(text).toContain('每条扣 5 分');
    expect(text).toContain('未报送自查报告每次扣 5 分');
    expect(text).toContain('每被市政府办公室通报 1 次扣 2 分');
    expect(text).toContain('被国务院办公厅通报 1 次以上、被省政府办公厅通报 1 次以上或被市政府办公室通报 3 次以上的，年度考核不得评为良好及以上等次');
    expect(daily[0]).toBe('只计已发布的季度通报；草稿季度暂不计入。');
    expect(amountsText({ ...office().assessment, failingSite: 2 }).daily[1]).toMatch(/^每个不合格网站扣 2 分；/);
  });
});
