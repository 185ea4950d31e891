// The data behind the portal's charts. Each chart is drawn by chart.js in the browser from a spec
// the page embeds as a data attribute, and the same rows are printed as a table beside it, so a
// screen reader or a reader without scripts gets the figures too.
import type { SiteQuarter } from '../schemas/findings.ts';
import type { IndicatorProblems } from './problems.ts';
import { DRAFT_WORDS } from './quarter-status.ts';
import type { QuarterSummary } from './quarters.ts';

/** One series of a chart. */
export interface ChartSeries {
  label: string;
  values: number[];
  /**
   * What a value alone would hide, per point (undefined where nothing needs saying): a fail decided
   * by a veto, a draft quarter. The point is drawn as a cross, the tooltip says it, and the data
   * table has a 说明 column.
   */
  notes?: (string | undefined)[];
}

/** What the browser script needs to draw a chart, and what the table beside it prints. */
export interface ChartSpec {
  type: 'line' | 'bar';
  /** Category labels along the x axis (or the y axis of a horizontal bar chart). */
  labels: string[];
  series: ChartSeries[];
  /** Unit after each value in the table and tooltips, e.g. % or 分. */
  unit: string;
  /** Horizontal bars: for long labels such as indicator titles. */
  horizontal?: boolean;
  /** Fixed value axis range; otherwise chart.js picks one. */
  min?: number;
  max?: number;
}

/** One decimal, the precision every figure of the portal is shown with. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Pass rate and average score per quarter, oldest first, from summaries in any order; a draft quarter's points are marked as such. */
export function trendCharts(summaries: readonly QuarterSummary[], quarterLabel: (q: string) => string, isDraft: (quarter: string) => boolean = () => false): { passRate: ChartSpec; average: ChartSpec } {
  const sorted = [...summaries].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
  const labels = sorted.map((s) => quarterLabel(s.quarter));
  const notes = sorted.map((s) => (isDraft(s.quarter) ? DRAFT_WORDS : undefined));
  const withNotes = notes.some(Boolean) ? { notes } : {};
  const averages = sorted.map((s) => round1(s.averageScore));
  return {
    passRate: { type: 'line', labels, series: [{ label: '合格率', values: sorted.map((s) => round1(s.passRate)), ...withNotes }], unit: '%', min: 0, max: 100 },
    average: { type: 'line', labels, series: [{ label: '平均得分', values: averages, ...withNotes }], unit: '分', ...changeAxis(averages) },
  };
}

/**
 * A value axis that shows change: from five points under the lowest value (rounded down to a
 * multiple of five, never below 0) to 100, so a fall from 96.9 to 94.8 is visible; the axis
 * starts at 0 only when a value is that low. The table beside the chart has the exact figures.
 */
export function changeAxis(values: readonly number[]): { min: number; max: number } {
  const lowest = Math.min(100, ...values);
  return { min: Math.max(0, Math.floor((lowest - 5) / 5) * 5), max: Math.max(100, Math.ceil(Math.max(0, ...values))) };
}

/** Sites with each problem, most first (the order of problemsByIndicator), at most `limit` indicators. */
export function problemsChart(problems: readonly IndicatorProblems[], limit = 12): ChartSpec {
  const top = problems.slice(0, limit);
  return {
    type: 'bar',
    horizontal: true,
    labels: top.map((p) => p.title),
    series: [{ label: '涉及网站数', values: top.map((p) => p.sites.length) }],
    unit: '个',
    min: 0,
  };
}

/** Score bands of the distribution chart: the pass line's band first, then ten-point bands. */
export const SCORE_BANDS: readonly { label: string; from: number; to: number }[] = [
  { label: '60分以下', from: -Infinity, to: 60 },
  { label: '60–69.9', from: 60, to: 70 },
  { label: '70–79.9', from: 70, to: 80 },
  { label: '80–89.9', from: 80, to: 90 },
  { label: '90–99.9', from: 90, to: 100 },
  { label: '100及以上', from: 100, to: Infinity },
];

/** How many sites scored in each band (a band includes its lower bound). */
export function scoreDistribution(rows: readonly SiteQuarter[]): ChartSpec {
  const counts = SCORE_BANDS.map((b) => rows.filter((r) => r.score >= b.from && r.score < b.to).length);
  return { type: 'bar', labels: SCORE_BANDS.map((b) => b.label), series: [{ label: '网站数', values: counts }], unit: '个', min: 0 };
}

/** Name used for sites the registry gives no region: they belong to the office's own level (本级). */
export const NO_REGION = '本级';

/** A site's region for grouping and filters. */
export function regionOf(row: Pick<SiteQuarter, 'region'>): string {
  return row.region ?? NO_REGION;
}

/** Pass rate by region, regions in pinyin order with 本级 first, and the counts behind each rate. */
export function regionPassRates(rows: readonly SiteQuarter[]): { chart: ChartSpec; rows: { region: string; sites: number; passed: number; rate: number }[] } {
  const byRegion = new Map<string, { sites: number; passed: number }>();
  for (const r of rows) {
    const key = regionOf(r);
    const g = byRegion.get(key) ?? { sites: 0, passed: 0 };
    g.sites++;
    if (r.verdict === 'pass') g.passed++;
    byRegion.set(key, g);
  }
  const table = [...byRegion]
    .sort(([a], [b]) => (a === NO_REGION ? -1 : b === NO_REGION ? 1 : a.localeCompare(b, 'zh-CN')))
    .map(([region, g]) => ({ region, sites: g.sites, passed: g.passed, rate: round1((g.passed / g.sites) * 100) }));
  return {
    chart: { type: 'bar', labels: table.map((t) => t.region), series: [{ label: '合格率', values: table.map((t) => t.rate) }], unit: '%', min: 0, max: 100 },
    rows: table,
  };
}
