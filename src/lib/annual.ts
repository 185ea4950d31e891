// The annual assessment of responsible units (年度考核): per year, what the published quarters cost
// each unit (日常考核扣分, ../shared/seeds/002_49f8d2aa1abd7151.txt, worked out in assessment.ts),
// how many times notices named it, the points for the city's notices and the rating cap
// (../shared/seeds/003_df6e39a39411c9ca.txt: 每被市政府办公室通报 1 次，在年度综合考核中扣 2 分；
// 对被国务院办公厅、省政府办公厅通报 1 次以上或被市政府办公室通报 3 次以上的单位，在年终考核中
// 一律不评为良好以上等次).
import { NOTICE_LEVELS } from '../schemas/notices.ts';
import { addPoints, dailyLoss, explainLoss, namedUnits, quarterStates, topLevelUnits, unitItems, unitsWithPages, type Amounts, type AssessmentData, type QuarterState } from './assessment.ts';
import { byPointsThenGivenOrder, unitAndBelow, unitName, type UnitTree } from './units.ts';

/** The assessment year of a quarter (2026-Q3) or a date (2026-07-01): its first four digits. */
export function yearOf(quarterOrDate: string): string {
  return quarterOrDate.slice(0, 4);
}

/** Years that have a quarter, published or not, newest first. */
export function assessmentYears(data: AssessmentData): string[] {
  return [...new Set(quarterStates(data).map((s) => yearOf(s.quarter)))].sort().reverse();
}

/** The year's quarters that count (published) and those not counted yet (drafts), oldest first. */
export function yearQuarters(data: AssessmentData, year: string): { counted: string[]; drafts: string[] } {
  const states = quarterStates(data).filter((s) => yearOf(s.quarter) === year);
  return { counted: states.filter((s) => s.state === 'counted').map((s) => s.quarter), drafts: states.filter((s) => s.state === 'draft').map((s) => s.quarter) };
}

/** Times a unit (with the units under it) was named in a year, by the level of the office. */
export interface NamedCounts {
  /** The office's own published quarters naming it, plus the city notices of notices.yaml. */
  city: number;
  province: number;
  stateCouncil: number;
}

/**
 * Count the notices of a year naming the unit or a unit under it; a notice naming several of them
 * counts once. The office's own quarters count when published, by the units each notice names
 * (namedUnits: the list its page shows).
 */
export function timesNamed(data: AssessmentData, year: string, unit: string): NamedCounts {
  const below = new Set(unitAndBelow(data.units, unit));
  const quarters = yearQuarters(data, year).counted.filter((q) => namedUnits(data, q).some((u) => below.has(u)));
  const notices = data.notices.filter((n) => yearOf(n.date) === year && n.units.some((u) => below.has(u)));
  const at = (level: (typeof notices)[number]['level']) => notices.filter((n) => n.level === level).length;
  return { city: quarters.length + at('city'), province: at('province'), stateCouncil: at('state-council') };
}

/** Why a unit cannot be rated 良好 or above this year (003); empty when it can. Highest office first. */
export function ratingCapReasons(named: NamedCounts, cap: Amounts['ratingCap']): string[] {
  const levels = [
    ['state-council', named.stateCouncil, cap.stateCouncil],
    ['province', named.province, cap.province],
    ['city', named.city, cap.city],
  ] as const;
  return levels.filter(([, n, limit]) => n >= limit).map(([level, n]) => `被${NOTICE_LEVELS[level]}通报 ${n} 次`);
}

/** One quarter's column of the annual table. */
export interface QuarterCell {
  quarter: string;
  /** counted: published; draft: not counted yet; none: no checks that quarter. */
  state: QuarterState | 'none';
  /** Failing sites, closed ones included (0 unless counted). */
  failing: number;
  /** Points for them (0 unless counted). */
  points: number;
}

/** A unit's row of the annual table. */
export interface AnnualRow {
  unit: string;
  name: string;
  /** First to fourth quarter. */
  quarters: QuarterCell[];
  /** Late messages (网民留言处理超期). */
  overdue: { count: number; points: number };
  /** Self-inspection reports not submitted. */
  selfInspection: { count: number; points: number };
  /** Problems a notice named, not fixed by its deadline. */
  notRectified: { count: number; points: number };
  /** 日常考核扣分: the quarters, the messages, the reports and the problems not fixed. */
  daily: number;
  /** The daily points in 002's words. */
  explanation: string;
  named: NamedCounts;
  /** 通报扣分: times named by the city × namedByCity. */
  namedPoints: number;
  /** 合计: daily + namedPoints. */
  total: number;
  /** Why the unit cannot be rated 良好 or above; empty when it can. */
  capReasons: string[];
}

/** A unit's row for a year: everything under it counted, published quarters only. */
export function annualRow(data: AssessmentData, year: string, unit: string): AnnualRow {
  const loss = dailyLoss(unitItems(data, unit).filter((i) => yearOf(i.quarter) === year));
  const states = new Map(quarterStates(data).map((s) => [s.quarter, s.state]));
  const quarters = [1, 2, 3, 4].map((n): QuarterCell => {
    const quarter = `${year}-Q${n}`;
    const q = loss.quarters.find((x) => x.quarter === quarter);
    return { quarter, state: states.get(quarter) ?? 'none', failing: q?.failing ?? 0, points: q?.points ?? 0 };
  });
  const named = timesNamed(data, year, unit);
  const namedPoints = addPoints([named.city * data.assessment.namedByCity]);
  return {
    unit,
    name: unitName(data.units, unit),
    quarters,
    overdue: loss.overdue,
    selfInspection: loss.selfInspection,
    notRectified: loss.notRectified,
    daily: loss.points,
    explanation: explainLoss(loss),
    named,
    namedPoints,
    total: addPoints([loss.points, namedPoints]),
    capReasons: ratingCapReasons(named, data.assessment.ratingCap),
  };
}

/**
 * The ranking: every given unit, most points lost first; ties keep the order given (the
 * registry's, as the half-year table does: seed 002 ranks its ties in the office's own order, not
 * by name).
 */
export function annualTable(data: AssessmentData, year: string, unitIds: readonly string[]): AnnualRow[] {
  return byPointsThenGivenOrder(
    unitIds.map((u) => annualRow(data, year, u)),
    (r) => r.total,
  );
}

/** One ranking table of the year's page: the top units, or the units directly under one of them. */
export interface RankingGroup {
  /** The unit whose units are ranked; undefined for the top units. */
  parent: string | undefined;
  units: string[];
}

/** The top units (with orphans), then, per top unit with units under it, those units; each with a page. */
export function rankingGroups(data: AssessmentData): RankingGroup[] {
  const pages = unitsWithPages(data);
  const top = topLevelUnits(data);
  const children = (u: string) => (data.units.children.get(u) ?? []).filter((c) => pages.has(c));
  return [{ parent: undefined, units: top }, ...top.filter((u) => children(u).length > 0).map((u) => ({ parent: u, units: children(u) }))];
}

/** A group's caption: 一级单位, or 沂石市人民政府下级单位. */
export function groupName(tree: UnitTree, group: RankingGroup): string {
  return group.parent === undefined ? '一级单位' : `${unitName(tree, group.parent)}下级单位`;
}

/** The 评级限制 cell: 无, or 不得评为良好及以上等次 with the reasons. */
export function ratingCapText(reasons: readonly string[]): string {
  return reasons.length ? `不得评为良好及以上等次（${reasons.join('；')}）` : '无';
}

/** Points lost as the seed prints them: -6; nothing lost is 0. */
export function formatLoss(points: number): string {
  return points > 0 ? `-${points}` : '0';
}

/** The amounts in force (rules.yaml, assessment:), one sentence each, for the pages to say: the daily points, then the year's. */
export function amountsText(a: Amounts): { daily: string[]; annual: string[] } {
  const site = typeof a.failingSite === 'number' ? `每个不合格网站扣 ${a.failingSite} 分` : `每个不合格网站扣分：门户网站 ${a.failingSite.portal} 分，部门网站 ${a.failingSite.department} 分，专栏 ${a.failingSite.column ?? a.failingSite.department} 分`;
  return {
    daily: [
      '只计已发布的季度通报；草稿季度暂不计入。',
      `${site}；通报成文前已关停的网站不扣分，但计入不合格网站数。`,
      `网民留言（含网民纠错）处理超期每条扣 ${a.overdueMessage} 分；未报送自查报告每次扣 ${a.selfInspectionMissing} 分${a.notRectified === undefined ? '' : `；通报问题到整改期限复核仍未整改（含逾期整改）每个扣 ${a.notRectified} 分`}。`,
    ],
    annual: [
      `每被${NOTICE_LEVELS.city}通报 1 次扣 ${a.namedByCity} 分（季度通报中有不合格网站、单项否决的政务新媒体或未报送自查报告即为被通报）。`,
      `被${NOTICE_LEVELS['state-council']}通报 ${a.ratingCap.stateCouncil} 次以上、被${NOTICE_LEVELS.province}通报 ${a.ratingCap.province} 次以上或被${NOTICE_LEVELS.city}通报 ${a.ratingCap.city} 次以上的，年度考核不得评为良好及以上等次。`,
    ],
  };
}
