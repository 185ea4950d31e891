// What a site did wrong, worded for the notice table (检查发现的问题) and grouped for the site page.
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import { formatScore } from './format.ts';
import { MARK_ORDER, indicatorKind, indicatorTitle, markName, type IndicatorKind } from './indicators.ts';

/** The findings of one indicator on one site. */
export interface FindingGroup {
  indicator: string;
  /** Chinese title, e.g. 链接不可用. */
  title: string;
  /** A veto item (单项否决). */
  veto: boolean;
  /** Veto, deduction, bonus or advice; a veto the site's vetoes name is a veto whatever its rule says. */
  kind: IndicatorKind;
  /** The national clause(s) the findings apply, each once, in file order. */
  clauses: string[];
  findings: Finding[];
  /** Sum of the findings' points before the item's cap, one decimal. */
  points: number;
}

/** Display order of the kinds: what fails a site first, what never costs a point last. */
const KIND_ORDER: readonly IndicatorKind[] = ['veto', 'deduction', 'bonus', 'advice'];

/** Findings grouped by indicator: veto items first, then deductions, bonus and advice, each in the file's order (sorted by indicator id). */
export function groupFindings(row: SiteQuarter): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of row.findings) {
    const list = groups.get(f.indicator);
    if (list) list.push(f);
    else groups.set(f.indicator, [f]);
  }
  const list = [...groups].map(([indicator, findings]): FindingGroup => {
    const kind = row.vetoes.includes(indicator) ? 'veto' : indicatorKind(indicator);
    return {
      indicator,
      title: indicatorTitle(indicator),
      veto: kind === 'veto',
      kind,
      clauses: [...new Set(findings.map((f) => f.clause))],
      findings,
      points: Math.round(findings.reduce((s, f) => s + f.points, 0) * 10) / 10,
    };
  });
  return KIND_ORDER.flatMap((k) => list.filter((g) => g.kind === k));
}

/**
 * The problems of one site as the notices list them: vetoes first, then one item per indicator
 * with a count, or the marks missing for identity marks. A fail without a veto is a score under
 * the pass line, which the notice states.
 */
export function problemItems(row: SiteQuarter): string[] {
  const items = row.vetoes.map((id) => `${indicatorTitle(id)}（单项否决）`);
  if (row.verdict === 'fail' && row.vetoes.length === 0) items.push(`得分低于合格分数线（${formatScore(row.score)} 分）`);
  for (const g of groupFindings(row)) {
    // Vetoes are named above; a bonus or a piece of advice is not a problem a notice lists.
    if (g.kind !== 'deduction') continue;
    if (g.indicator === 'identity-mark-missing') {
      const marks = [...new Set(g.findings.map((f) => f.target))].sort((a, b) => markRank(a) - markRank(b));
      items.push(`${g.title}：${marks.map(markName).join('、')}`);
    } else {
      items.push(`${g.title} ${g.findings.length} 个`);
    }
  }
  return items;
}

/** problemItems joined as one cell of the notice table; 无 when nothing was found. */
export function problemText(row: SiteQuarter): string {
  const items = problemItems(row);
  return items.length ? items.join('；') : '无';
}

function markRank(id: string): number {
  const i = MARK_ORDER.indexOf(id);
  return i === -1 ? MARK_ORDER.length : i;
}

/** What a finding points at, for people: the mark's name for identity marks, else the target as written. */
export function targetLabel(f: Finding): string {
  return f.indicator === 'identity-mark-missing' ? markName(f.target) : f.target;
}

/** One indicator's problems across a quarter, for 二、主要问题. */
export interface IndicatorProblems {
  indicator: string;
  title: string;
  veto: boolean;
  /** Findings of this indicator in all sites. */
  findings: number;
  /** The sites with at least one, most findings first, then by name. */
  sites: { site: string; name: string; count: number }[];
}

/**
 * Problems of a quarter grouped by indicator: vetoes first, then deductions, each by number of
 * sites (most first), then id. Bonus and advice items are not problems and are left out.
 */
export function problemsByIndicator(rows: readonly SiteQuarter[]): IndicatorProblems[] {
  const byId = new Map<string, IndicatorProblems>();
  for (const r of rows) {
    for (const g of groupFindings(r)) {
      if (g.kind !== 'veto' && g.kind !== 'deduction') continue;
      let p = byId.get(g.indicator);
      if (!p) byId.set(g.indicator, (p = { indicator: g.indicator, title: g.title, veto: false, findings: 0, sites: [] }));
      p.veto ||= g.veto;
      p.findings += g.findings.length;
      p.sites.push({ site: r.site, name: r.name, count: g.findings.length });
    }
  }
  const list = [...byId.values()];
  for (const p of list) p.sites.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN') || cmp(a.site, b.site));
  return list.sort((a, b) => Number(b.veto) - Number(a.veto) || b.sites.length - a.sites.length || cmp(a.indicator, b.indicator));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
