// What a site did wrong, worded for the notice table (检查发现的问题) and grouped for the site page.
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import { formatScore } from './format.ts';
import { MARK_ORDER, indicatorTitle, isVetoIndicator, markName } from './indicators.ts';

/** The findings of one indicator on one site. */
export interface FindingGroup {
  indicator: string;
  /** Chinese title, e.g. 链接不可用. */
  title: string;
  /** A veto item (单项否决). */
  veto: boolean;
  findings: Finding[];
  /** Sum of the findings' points before the item's cap, one decimal. */
  points: number;
}

/** Findings grouped by indicator: veto items first, then in the file's order (sorted by indicator id). */
export function groupFindings(row: SiteQuarter): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of row.findings) groups.set(f.indicator, [...(groups.get(f.indicator) ?? []), f]);
  const list = [...groups].map(([indicator, findings]) => ({
    indicator,
    title: indicatorTitle(indicator),
    veto: isVetoIndicator(indicator) || row.vetoes.includes(indicator),
    findings,
    points: Math.round(findings.reduce((s, f) => s + f.points, 0) * 10) / 10,
  }));
  return [...list.filter((g) => g.veto), ...list.filter((g) => !g.veto)];
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
    if (row.vetoes.includes(g.indicator)) continue;
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
