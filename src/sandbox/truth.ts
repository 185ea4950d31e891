// Scores a crawl's findings against the sandbox's ground truth, per indicator.
import type { TruthEntry } from './web.ts';

/** Precision and recall of one indicator. */
export interface Scored {
  indicator: string;
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was reported. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was seeded. */
  recall: number;
  falsePositives: { site: string; target: string }[];
  falseNegatives: { site: string; target: string }[];
}

/** What a finding and a truth entry are matched on. */
export type Keyed = { site: string; indicator: string; target: string };

/** Matches and misses summed over indicators (a micro-average: each seeded defect and each finding counts once). */
export interface Totals {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was reported. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was seeded. */
  recall: number;
}

/** The scores of several indicators as one precision and one recall. */
export function totals(scores: readonly Scored[]): Totals {
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp, 0);
  const fn = scores.reduce((n, s) => n + s.fn, 0);
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Matches findings to truth on (site, indicator, target), for each listed indicator. */
export function compareToTruth(findings: Keyed[], truth: TruthEntry[], indicators: string[]): Scored[] {
  return indicators.map((indicator) => {
    const found = keyed(findings, indicator);
    const seeded = keyed(truth, indicator);
    const falsePositives = [...found.entries()].filter(([k]) => !seeded.has(k)).map(([, v]) => v);
    const falseNegatives = [...seeded.entries()].filter(([k]) => !found.has(k)).map(([, v]) => v);
    const tp = found.size - falsePositives.length;
    const fp = falsePositives.length;
    const fn = falseNegatives.length;
    return {
      indicator,
      tp,
      fp,
      fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      falsePositives: sortPairs(falsePositives),
      falseNegatives: sortPairs(falseNegatives),
    };
  });
}

function keyed(rows: Keyed[], indicator: string): Map<string, { site: string; target: string }> {
  const out = new Map<string, { site: string; target: string }>();
  for (const r of rows) {
    if (r.indicator === indicator) out.set(`${r.site}\u0000${r.target}`, { site: r.site, target: r.target });
  }
  return out;
}

function sortPairs(xs: { site: string; target: string }[]): { site: string; target: string }[] {
  return xs.sort((a, b) => (a.site === b.site ? cmp(a.target, b.target) : cmp(a.site, b.site)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A small aligned text table: indicator, TP, FP, FN, precision, recall. */
export function formatScores(s: Scored[]): string {
  const header = ['indicator', 'TP', 'FP', 'FN', 'precision', 'recall'];
  return textTable(header, s.map((x) => [x.indicator, String(x.tp), String(x.fp), String(x.fn), x.precision.toFixed(2), x.recall.toFixed(2)]));
}

/** An aligned text table: the first column left-aligned, the others right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
