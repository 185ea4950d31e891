// Quarter aggregates for the home page and the notice (通报) of one quarter.
import type { SiteQuarter } from '../schemas/findings.ts';

/** 2026-Q4 → 2026年第四季度 (the writer's own helper, so the notice and the bodies say the same). */
export { quarterName } from '../dates.ts';

/** The headline figures of a quarter's notice. */
export interface QuarterSummary {
  quarter: string;
  /** Websites checked (专栏 entities are counted apart, in columns). */
  sites: number;
  /** Websites judged 不合格. */
  failed: number;
  /** Share of websites judged 合格, in percent (0–100). */
  passRate: number;
  /** Mean score over the websites checked. */
  averageScore: number;
  /** 专栏 registered as entities (kind: column) checked and judged 不合格, when the quarter has any (seed 004: 网站 14 个，专栏 30 个). */
  columns?: { checked: number; failed: number };
  /** Earliest and latest as-of date (监测时间点) of the quarter's checks; equal when there was one run. */
  asOf: { from: string; to: string };
}

/** Headline figures of one quarter's rows; throws on no rows or rows of several quarters (a caller's bug). */
export function summarizeQuarter(rows: readonly SiteQuarter[]): QuarterSummary {
  const first = rows[0];
  if (!first) throw new Error('summarizeQuarter: no rows');
  const other = rows.find((r) => r.quarter !== first.quarter);
  if (other) throw new Error(`summarizeQuarter: rows of ${first.quarter} and ${other.quarter}`);
  const dates = rows.map((r) => r.asOf).sort();
  const columns = rows.filter((r) => r.column);
  const websites = rows.filter((r) => !r.column);
  // The rate and the mean are the websites'; a quarter of 专栏 alone has theirs.
  const rated = websites.length ? websites : columns;
  const failing = (list: readonly SiteQuarter[]) => list.filter((r) => r.verdict === 'fail').length;
  return {
    quarter: first.quarter,
    sites: websites.length,
    failed: failing(websites),
    passRate: ((rated.length - failing(rated)) / rated.length) * 100,
    averageScore: rated.reduce((sum, r) => sum + r.score, 0) / rated.length,
    ...(columns.length ? { columns: { checked: columns.length, failed: failing(columns) } } : {}),
    asOf: { from: dates[0]!, to: dates[dates.length - 1]! },
  };
}

/** Rows grouped by quarter, newest quarter first. */
export function byQuarter<T extends SiteQuarter>(rows: readonly T[]): { quarter: string; rows: T[] }[] {
  return [...Map.groupBy(rows, (r) => r.quarter)].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([quarter, rs]) => ({ quarter, rows: rs }));
}

/** Headline figures of every quarter, newest first. */
export function summarizeQuarters(rows: readonly SiteQuarter[]): QuarterSummary[] {
  return byQuarter(rows).map((g) => summarizeQuarter(g.rows));
}

/** Sites by score ascending, then by Chinese name (pinyin order), then by id so the order never depends on input order. */
export function sortByScore<T extends SiteQuarter>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'zh-CN') || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

/**
 * The full score table's order: every 不合格 site before every 合格 one (a site failed by a veto
 * can still score 100), each by score ascending, then name and id.
 */
export function sortForTable<T extends SiteQuarter>(rows: readonly T[]): T[] {
  const sorted = sortByScore(rows);
  return [...sorted.filter((r) => r.verdict === 'fail'), ...sorted.filter((r) => r.verdict === 'pass')];
}

/** The calendar quarter before: 2026-Q1 → 2025-Q4. */
export function previousQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`previousQuarter: not a quarter: ${quarter}`);
  const [year, q] = [Number(m[1]), Number(m[2])];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** How a quarter's headline figures moved since the one before: percentage points, points, sites. */
export interface QuarterChange {
  previous: string;
  passRate: number;
  averageScore: number;
  failed: number;
}

/** The change from the calendar quarter before, or null when that quarter was not checked. */
export function quarterChange(current: QuarterSummary, all: readonly QuarterSummary[]): QuarterChange | null {
  const previous = all.find((s) => s.quarter === previousQuarter(current.quarter));
  if (!previous) return null;
  return {
    previous: previous.quarter,
    passRate: current.passRate - previous.passRate,
    averageScore: current.averageScore - previous.averageScore,
    failed: current.failed - previous.failed,
  };
}

/** The sites a notice names (不合格), in table order: score ascending, then name. */
export function failingSites<T extends SiteQuarter>(rows: readonly T[]): T[] {
  return sortByScore(rows.filter((r) => r.verdict === 'fail'));
}

/** 网站 3 个、专栏 4 个: websites and 专栏 counted apart, each only when there are any (网站 0 个 when neither). */
export function entityCounts(websites: number, columns: number): string {
  const parts = [...(websites || !columns ? [`网站 ${websites} 个`] : []), ...(columns ? [`专栏 ${columns} 个`] : [])];
  return parts.join('、');
}

/** How many websites and 专栏 a list of named entities holds. */
export function countEntities(list: ReadonlyArray<{ column?: true | undefined }>): { websites: number; columns: number } {
  const columns = list.filter((e) => e.column).length;
  return { websites: list.length - columns, columns };
}
