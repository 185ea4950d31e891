import { describe, expect, it } from 'vitest';
import {
  dailyLoss,
  explainLoss,
  failingSiteAmount,
  failingSiteItems,
  halfYearTables,
  namedUnits,
  noticeDate,
  quarterLossRows,
  notRectifiedItems,
  quarterState,
  quarterStates,
  recordItems,
  topLevelUnits,
  unitItems,
  unitsWithPages,
  type AssessmentData,
  type Item,
} from './assessment.ts';
import { office, record } from './assessment.test-helpers.ts';
import { row } from './fixtures.test-helpers.ts';

const amounts = office().assessment;

describe('which quarters count', () => {
  it('counts a published quarter only, dated by its 成文日期, else its publication', () => {
    expect(quarterState({ data: { status: 'published' } })).toBe('counted');
    expect(quarterState({ data: { status: 'draft' } })).toBe('draft');
    expect(quarterState(undefined)).toBe('draft');
    expect(noticeDate({ date: '2026-07-01', published: '2026-07-05' })).toBe('2026-07-01');
    expect(noticeDate({ published: '2026-07-05' })).toBe('2026-07-05');
    expect(noticeDate({})).toBeUndefined();
  });
  it('lists the quarters oldest first with their state', () => {
    expect(quarterStates(office())).toEqual([
      { quarter: '2026-Q1', state: 'counted' },
      { quarter: '2026-Q2', state: 'counted' },
      { quarter: '2026-Q3', state: 'draft' },
    ]);
  });
});

describe('failing sites', () => {
  it('charge one amount, or one per kind; a site not in the registry as a portal', () => {
    expect(failingSiteAmount({ ...amounts, failingSite: 3 }, 'department')).toBe(3);
    expect(failingSiteAmount(amounts, 'portal')).toBe(2);
    expect(failingSiteAmount(amounts, 'department')).toBe(1);
    expect(failingSiteAmount(amounts, undefined)).toBe(2);
  });
  it('charge nothing for a site closed on or before the notice, yet list it (002: 菏泽市)', () => {
    const data = office();
    const q1 = data.quarters.find((q) => q.quarter === '2026-Q1')!;
    expect(failingSiteItems('2026-Q1', q1.rows, '2026-04-10', data.registrySites, amounts)).toEqual([
      { kind: 'failing-site', quarter: '2026-Q1', unit: 'hexi-zf', site: 'hexi', points: 2, closed: false },
      // Closed 04-11, the day after the notice: charged.
      { kind: 'failing-site', quarter: '2026-Q1', unit: 'hexi-jyj', site: 'hexi-jyj', points: 1, closed: false },
      // Closed 04-10, the notice's day: not charged.
      { kind: 'failing-site', quarter: '2026-Q1', unit: 'hexi-mzj', site: 'hexi-mzj', points: 0, closed: true },
      { kind: 'failing-site', quarter: '2026-Q1', unit: 'hexi-jyj', site: 'gone', points: 2, closed: false },
    ]);
    // Without a notice date nothing counts as closed before it.
    expect(failingSiteItems('2026-Q1', q1.rows, undefined, data.registrySites, amounts).map((i) => i.points)).toEqual([2, 1, 1, 2]);
  });
});

describe('records', () => {
  const data = office();
  const q2 = data.quarters.find((q) => q.quarter === '2026-Q2')!;
  it('charge late messages to the site’s unit, self-inspection to the unit, and note media vetoes', () => {
    expect(recordItems('2026-Q2', data.manual.get('2026-Q2')!, q2.rows, data)).toEqual([
      { kind: 'overdue-message', quarter: '2026-Q2', unit: 'hexi-zf', site: 'hexi', points: 5, file: 'manual/2026-Q2/hexi-msg.md' },
      // gone is not in the registry: its unit comes from the quarter's findings file.
      { kind: 'overdue-message', quarter: '2026-Q2', unit: 'hexi-jyj', site: 'gone', points: 5, file: 'manual/2026-Q2/gone-err.md' },
      { kind: 'self-inspection-missing', quarter: '2026-Q2', unit: 'linhe-bgs', points: 5, file: 'manual/2026-Q2/linhe-bgs-self.md' },
      { kind: 'media-veto', quarter: '2026-Q2', unit: 'linhe-bgs', media: 'linhe-wx', points: 0, file: 'manual/2026-Q2/linhe-wx-veto.md' },
      // media-low-original is a problem, not a veto, and the site deductions are in the findings: neither is an item.
    ]);
    expect(recordItems('2026-Q2', [record('2026-Q2', 'typo', { site: 'linhe', indicator: 'compatibility' })], q2.rows, data)).toEqual([]);
  });
  it('refuse a site or an account nobody knows, naming the file', () => {
    expect(() => recordItems('2026-Q2', [record('2026-Q2', 'x', { site: 'nowhere', indicator: 'message-overdue' })], q2.rows, data)).toThrow(/manual\/2026-Q2\/x\.md: site nowhere/);
    expect(() => recordItems('2026-Q2', [record('2026-Q2', 'y', { media: 'nobody', indicator: 'media-severe-error' })], q2.rows, data)).toThrow(/y\.md: no account nobody/);
  });
});

describe('a unit’s items', () => {
  it('gathers the published quarters’ items of the unit and every unit under it', () => {
    const data = office();
    // hexi-zf: hexi −2, hexi-jyj −1, hexi-mzj −0, gone −2 (Q1); two late messages (Q2).
    expect(unitItems(data, 'hexi-zf').map((i) => `${i.quarter} ${i.kind} ${i.points}`)).toEqual([
      '2026-Q1 failing-site 2',
      '2026-Q2 overdue-message 5',
      '2026-Q1 failing-site 1',
      '2026-Q1 failing-site 2',
      '2026-Q2 overdue-message 5',
      '2026-Q1 failing-site 0',
    ]);
    // The draft Q3 (linhe fails, sheng-sft's report) counts for nobody.
    expect(unitItems(data, 'sheng-sft').map((i) => i.quarter)).toEqual(['2026-Q2']);
    expect(unitItems(data, 'old-unit')).toEqual([]);
  });
});

describe('the points lost and their explanation (002)', () => {
  const site = (quarter: string, points: number, closed = false): Item => ({ kind: 'failing-site', quarter, unit: 'u', site: 's', points, closed });
  const msg: Item = { kind: 'overdue-message', quarter: '2017-Q2', unit: 'u', site: 's', points: 5, file: 'f' };
  const self: Item = { kind: 'self-inspection-missing', quarter: '2017-Q2', unit: 'u', points: 5, file: 'f' };
  // 聊城市 in 002: Q1 2 portals −4, 2 department sites −2, 6 closed; Q2 4 portals −8; 2 messages; no report.
  const liaocheng = [...[2, 2, 1, 1].map((p) => site('2017-Q1', p)), ...Array.from({ length: 6 }, () => site('2017-Q1', 0, true)), ...[2, 2, 2, 2].map((p) => site('2017-Q2', p)), msg, msg, self];

  it('adds up per quarter, then messages, then reports', () => {
    expect(dailyLoss(liaocheng)).toEqual({
      quarters: [
        { quarter: '2017-Q1', failing: 10, closed: 6, points: 6 },
        { quarter: '2017-Q2', failing: 4, closed: 0, points: 8 },
      ],
      overdue: { count: 2, points: 10 },
      selfInspection: { count: 1, points: 5 },
      notRectified: { count: 0, points: 0 },
      points: 29,
    });
  });

  it('problems a notice named and not fixed by the deadline (未整改, 逾期整改) cost assessment.notRectified each, when it is set', () => {
    const list = [
      { unit: 'a', site: 's1', state: 'fixed' as const },
      { unit: 'a', site: 's1', state: 'not-fixed' as const },
      { unit: 'a', site: 's2', state: 'fixed-late' as const },
      { unit: 'b', site: 's3', state: 'unverified' as const },
      { unit: 'b', site: 's3', state: 'pending' as const },
    ];
    const amounts = { failingSite: 2, overdueMessage: 5, selfInspectionMissing: 5, namedByCity: 2, ratingCap: { stateCouncil: 1, province: 1, city: 3 } };
    expect(notRectifiedItems('2026-Q3', list, amounts)).toEqual([]);
    const items = notRectifiedItems('2026-Q3', list, { ...amounts, notRectified: 0.5 });
    expect(items.map((i) => [i.unit, i.kind === 'not-rectified' && i.site, i.points])).toEqual([
      ['a', 's1', 0.5],
      ['a', 's2', 0.5],
    ]);
    expect(dailyLoss(items).notRectified).toEqual({ count: 2, points: 1 });
    expect(explainLoss(dailyLoss([msg, ...items]))).toBe('1 条网民留言处理超期-5；2 个通报问题未按期整改-1');
  });
  it('words it as 002 does', () => {
    expect(explainLoss(dailyLoss(liaocheng))).toBe('一季度 10 个不合格网站-6；二季度 4 个不合格网站-8；2 条网民留言处理超期-10；未报送自查报告-5');
    expect(explainLoss(dailyLoss([msg]))).toBe('1 条网民留言处理超期-5');
    expect(explainLoss(dailyLoss([self]))).toBe('未报送自查报告-5');
    expect(explainLoss(dailyLoss([self, { ...self, quarter: '2017-Q4' }]))).toBe('2 次未报送自查报告-10');
    // 菏泽市: four sites closed before the Q1 notice cost nothing and are not mentioned.
    expect(explainLoss(dailyLoss([...Array.from({ length: 4 }, () => site('2017-Q1', 0, true)), site('2017-Q2', 1)]))).toBe('二季度 1 个不合格网站-1');
    expect(explainLoss(dailyLoss([]))).toBe('无');
  });
  it('adds fractional amounts without binary leftovers', () => {
    expect(dailyLoss([site('2026-Q1', 0.1), site('2026-Q1', 0.2)]).points).toBe(0.3);
  });
});

describe('halfYearTables', () => {
  it('gives one table per half-year with a published quarter, units that lost points most first', () => {
    // 临河市人民政府: Q1 4 sites −5 (hexi 2 + hexi-jyj 1 + gone 2, hexi-mzj closed), Q2 linhe −2,
    // 2 messages −10, linhe-bgs's report −5: −22. 省司法厅: Q2 sft −2. The draft Q3 makes no H2 table.
    expect(halfYearTables(office(), ['linhe-zf', 'sheng-sft', 'old-unit'])).toEqual([
      {
        half: '2026-H1',
        counted: ['2026-Q1', '2026-Q2'],
        drafts: [],
        rows: [
          { unit: 'linhe-zf', name: '临河市人民政府', points: 22, explanation: '一季度 4 个不合格网站-5；二季度 1 个不合格网站-2；2 条网民留言处理超期-10；未报送自查报告-5' },
          { unit: 'sheng-sft', name: '省司法厅', points: 2, explanation: '二季度 1 个不合格网站-2' },
        ],
      },
    ]);
  });
  it('lists a half-year’s drafts apart: with Q2 still a draft only Q1 counts', () => {
    const data = office();
    const q2 = data.quarters.find((q) => q.quarter === '2026-Q2')!;
    const draft: AssessmentData = { ...data, quarters: [...data.quarters.filter((q) => q !== q2), { ...q2, file: { data: { status: 'draft' } } }] };
    const [h1] = halfYearTables(draft, ['linhe-zf', 'sheng-sft']);
    expect(h1).toEqual({ half: '2026-H1', counted: ['2026-Q1'], drafts: ['2026-Q2'], rows: [{ unit: 'linhe-zf', name: '临河市人民政府', points: 5, explanation: '一季度 4 个不合格网站-5' }] });
  });
  it('breaks ties by the order given (the registry’s), not by name', () => {
    const data: AssessmentData = {
      ...office(),
      quarters: [
        {
          quarter: '2026-Q1',
          rows: [row({ site: 'a', name: 'a', unit: 'hexi-zf', verdict: 'fail', score: 50, quarter: '2026-Q1' }), row({ site: 'b', name: 'b', unit: 'sheng-sft', verdict: 'fail', score: 50, quarter: '2026-Q1' })],
          file: { data: { status: 'published', date: '2026-04-01' } },
        },
      ],
      manual: new Map(),
    };
    expect(halfYearTables(data, ['sheng-sft', 'hexi-zf'])[0]!.rows.map((r) => r.unit)).toEqual(['sheng-sft', 'hexi-zf']);
    expect(halfYearTables(data, ['hexi-zf', 'sheng-sft'])[0]!.rows.map((r) => r.unit)).toEqual(['hexi-zf', 'sheng-sft']);
  });
});

describe('a unit’s quarters', () => {
  it('counts sites checked and failing in every quarter, and points only in published ones, newest first', () => {
    const rows = quarterLossRows(office(), 'linhe-zf').map((q) => ({ quarter: q.quarter, state: q.state, sites: q.sites, failing: q.failing, closed: q.closed, sitePoints: q.sitePoints, points: q.loss.points }));
    expect(rows).toEqual([
      { quarter: '2026-Q3', state: 'draft', sites: 1, failing: 1, closed: 0, sitePoints: 0, points: 0 },
      // linhe −2, two messages −10, the report −5.
      { quarter: '2026-Q2', state: 'counted', sites: 3, failing: 1, closed: 0, sitePoints: 2, points: 17 },
      // hexi 2 + hexi-jyj 1 + gone 2; hexi-mzj closed.
      { quarter: '2026-Q1', state: 'counted', sites: 5, failing: 4, closed: 1, sitePoints: 5, points: 5 },
    ]);
  });
});

describe('units with pages', () => {
  it('are those with checks, items or notices, and every unit above them', () => {
    // linhe-fgw has nothing; old-unit is not in the registry.
    expect([...unitsWithPages(office())].sort()).toEqual(['hexi-jyj', 'hexi-mzj', 'hexi-zf', 'linhe-bgs', 'linhe-zf', 'old-unit', 'sheng-sft']);
    expect(topLevelUnits(office())).toEqual(['linhe-zf', 'sheng-sft', 'old-unit']);
  });
});

describe('the units a notice names (被通报)', () => {
  it('are the units of its failing sites not closed before it, its media vetoes and missing reports; never a late message alone', () => {
    const data = office();
    // Q1 (dated 04-10): hexi → hexi-zf; hexi-jyj closed 04-11, after the notice; gone → hexi-jyj; hexi-mzj closed on the day: not named.
    expect([...namedUnits(data, '2026-Q1')].sort()).toEqual(['hexi-jyj', 'hexi-zf']);
    // Q2: linhe and sft fail; linhe-bgs sent no report and its account failed a veto; the late message (hexi) and error report (gone → hexi-jyj) name nobody.
    expect([...namedUnits(data, '2026-Q2')].sort()).toEqual(['linhe-bgs', 'sheng-sft']);
    // Q3 is a draft: the units its notice would name once published.
    expect([...namedUnits(data, '2026-Q3')].sort()).toEqual(['linhe-bgs', 'sheng-sft']);
    expect(namedUnits(data, '2026-Q4')).toEqual([]);
  });
});
