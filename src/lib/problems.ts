// What a site did wrong, worded for the notice table (检查发现的问题) and grouped for the site page.
import { RENDER_REASON_NAMES, RENDER_REASONS, TRUNCATION_REASON_NAMES, type Finding, type Reply, type SiteQuarter } from '../schemas/findings.ts';
import { formatDate, formatScore } from './format.ts';
import { MARK_ORDER, indicatorKind, indicatorTitle, markName, targetName, type IndicatorKind } from './indicators.ts';

/** The findings of one indicator on one site. */
export interface FindingGroup {
  indicator: string;
  /** Chinese title, e.g. 链接不可用. */
  title: string;
  /** A veto item (单项否决). */
  veto: boolean;
  /** Veto, deduction, bonus, advice or problem; a veto the site's vetoes name is a veto whatever its rule says. */
  kind: IndicatorKind;
  /** Whether the group is in the score: vetoes and deductions are; bonus only when the site earned bonus (bonusCounted); advice and problems never. */
  counted: boolean;
  /** The national clause(s) the findings apply, each once, in file order. */
  clauses: string[];
  findings: Finding[];
  /** Sum of the findings' points before the item's cap, one decimal. */
  points: number;
}

/** Display order of the kinds: what fails a site first, what never costs a point last. */
const KIND_ORDER: readonly IndicatorKind[] = ['veto', 'deduction', 'bonus', 'problem', 'advice'];

/** The tag after a group's title on the site page. */
export const KIND_TAGS: Readonly<Record<IndicatorKind, string>> = {
  veto: '单项否决',
  deduction: '扣分',
  bonus: '加分',
  problem: '问题（不计分）',
  advice: '建议（不扣分）',
};

/**
 * Whether the row's bonus findings are in its score. Bonus counts only for a portal above the bonus
 * line (indicators.md, 加分项); findings files keep a bonus item's observed points either way, and
 * the score says which by its bonus.
 */
export function bonusCounted(row: SiteQuarter): boolean {
  return (row.bonus ?? 0) > 0;
}

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
      counted: kind === 'veto' || kind === 'deduction' || (kind === 'bonus' && bonusCounted(row)),
      clauses: [...new Set(findings.map((f) => f.clause))],
      findings,
      points: Math.round(findings.reduce((s, f) => s + f.points, 0) * 10) / 10,
    };
  });
  return KIND_ORDER.flatMap((k) => list.filter((g) => g.kind === k));
}

/**
 * What follows a group's title on the site page: how many, how many points, and what counts. A
 * deduction shows its arithmetic: the sum, the item's cap from the rules file the quarter was
 * scored with, and the points counted (the lesser of the two).
 */
export function groupSummary(g: FindingGroup, cap?: number): string {
  const n = g.findings.length;
  if (g.kind === 'deduction') {
    if (cap === undefined) return `（${n} 处，计入 ${g.points} 分）`;
    if (g.points > cap) return `（${n} 处，合计 ${g.points} 分，超过本项上限 ${cap} 分，计入 ${cap} 分）`;
    return `（${n} 处，计入 ${g.points} 分，本项上限 ${cap} 分）`;
  }
  if (g.kind === 'bonus') return g.counted ? `（${g.points} 分）` : `（${n} 处，${g.points} 分，未计入得分：加分仅计入得分高于加分线的门户网站）`;
  return `（${n} 处）`;
}

/**
 * Why a deduction's finding costs nothing, shown beside its 0: the rules charge some items once for
 * several findings (a column class, a page's tags). Undefined for a finding with points, or of
 * another kind (a veto's or advice's 0 needs no reason: the group says how it counts).
 */
export function zeroPointReason(g: Pick<FindingGroup, 'kind' | 'indicator'>, f: Pick<Finding, 'points'>): string | undefined {
  if (g.kind !== 'deduction' || f.points !== 0) return undefined;
  if (g.indicator === 'column-stale') return '同一扣分项的栏目只扣一次分，已由本组中同类的另一个栏目扣分';
  if (g.indicator === 'meta-tags-missing') return '每个页面只扣一次分，这些页面已按所缺的另一个标签扣分';
  return '本条不另扣分：同一扣分项已扣分';
}

/** What the site page says about one finding besides its evidence: who recorded or reviewed it, its screenshot, the site's answer. */
export interface FindingNotes {
  /** 人工检查… and 已复核… lines, in that order. */
  lines: string[];
  /** The screenshot: its path under public/ (linked through evidenceHref()), and what it shows in words. */
  screenshot?: { path: string; alt: string };
  /** 网站答复. */
  reply?: Reply;
}

/**
 * The notes of a counted finding. A counted finding reviewed as dismissed is a writer's bug (the
 * dismissed ones are in the file's dismissed list) and throws rather than show a finding twice judged.
 */
export function findingNotes(f: Finding, where: string): FindingNotes {
  if (f.review?.decision === 'dismissed') throw new Error(`${where}: finding ${f.indicator} ${f.target} is dismissed by review but listed among the counted findings`);
  const lines: string[] = [];
  if (f.source === 'manual') lines.push(`人工检查${byWhomWhen(f.inspector, f.date)}`);
  if (f.review) lines.push(`已复核${byWhomWhen(f.review.inspector, f.review.date)}${f.review.reason ? `：${f.review.reason}` : ''}`);
  return { lines, ...(f.screenshot ? { screenshot: { path: f.screenshot, alt: screenshotAlt(f) } } : {}), ...(f.reply ? { reply: f.reply } : {}) };
}

/**
 * What a finding's screenshot shows, for its alt text: the inspector's picture of the page; the
 * page with the element framed in red (the crawl's, when it knows where the element is); or the
 * page's top (a finding about something missing from it).
 */
export function screenshotAlt(f: Finding): string {
  const page = f.where?.page ?? f.page;
  if (f.source === 'manual') return `检查人截图：${page}`;
  if (!f.where) return `页面截图（页面顶部）：${page}`;
  const text = f.where.text.length > 30 ? `${f.where.text.slice(0, 30)}…` : f.where.text;
  return `页面截图，红框标出问题所在位置${text ? `（“${text}”）` : ''}：${page}`;
}

/** （张三，2026年11月3日）, with what is known. */
function byWhomWhen(who: string | undefined, date: string | undefined): string {
  const parts = [who, date && formatDate(date)].filter((x): x is string => Boolean(x));
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** An automated finding an inspector dismissed (经复核不予认定): shown with the decision, never counted. */
export interface DismissedFinding {
  finding: Finding;
  title: string;
  reason: string;
  inspector: string;
  date: string;
}

/**
 * The row's dismissed findings in file order. Each must carry a dismissal with its reason (the
 * review file requires one); anything else is a writer's bug and throws, naming the file.
 */
export function dismissedFindings(row: SiteQuarter): DismissedFinding[] {
  return (row.dismissed ?? []).map((f) => {
    const r = f.review;
    if (r?.decision !== 'dismissed' || !r.reason) {
      throw new Error(`findings/${row.quarter}/${row.site}.md: dismissed finding ${f.indicator} ${f.target} has no dismissal with a reason (review: ${r ? r.decision : 'none'})`);
    }
    return { finding: f, title: indicatorTitle(f.indicator), reason: r.reason, inspector: r.inspector, date: r.date };
  });
}

/** 单项否决：站点无法访问、严重表述错误 — what decided a fail, shown beside its score. */
export function vetoText(vetoes: readonly string[]): string {
  return `单项否决：${vetoes.map(indicatorTitle).join('、')}`;
}

/** The verdict in words, a fail with what decided it: 合格, 不合格（单项否决：站点无法访问）, 不合格（得分低于合格分数线）. */
export function verdictText(row: Pick<SiteQuarter, 'verdict' | 'vetoes'>): string {
  if (row.verdict === 'pass') return '合格';
  return `不合格（${row.vetoes.length ? vetoText(row.vetoes) : '得分低于合格分数线'}）`;
}

/** Indicators not judged on a site, grouped by the reason, in file order: 首页无法打开：链接不可用、空白栏目. */
export function notJudgedText(row: SiteQuarter): string | undefined {
  const byReason = new Map<string, string[]>();
  for (const n of row.notApplicable ?? []) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), indicatorTitle(n.indicator)]);
  return byReason.size ? [...byReason].map(([reason, titles]) => `${reason}：${titles.join('、')}`).join('；') : undefined;
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

/**
 * The check's problem targets in a few words each, for the site page's head, which the site
 * search indexes: a typo's word, a column's name, a mark's name, a broken link's path (its host is
 * the site's own or named in the evidence). Vetoes, deductions and problems only, each once, in
 * group order; past `limit` the rest are counted.
 */
export function problemTargets(row: SiteQuarter, limit = 12): { shown: string[]; more: number } {
  const all = new Set<string>();
  for (const g of groupFindings(row)) {
    if (g.kind === 'bonus' || g.kind === 'advice') continue;
    for (const f of g.findings) {
      const label = targetLabel(f);
      const url = URL.canParse(label) && /^https?:/.test(label) ? new URL(label) : undefined;
      const short = url ? `${url.pathname}${url.search}` : label;
      all.add(short.length > 60 ? `${short.slice(0, 59)}…` : short);
    }
  }
  const list = [...all];
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}

/** Whether a finding's target may be shown as a link: never a hidden spam link found on a site (nobody should be sent there). */
export function targetLinked(f: Pick<Finding, 'indicator'>): boolean {
  return f.indicator !== 'hidden-link';
}

/** What a finding points at, for people: the mark's name for identity marks, else the target as written. */
export function targetLabel(f: Finding): string {
  return targetName(f.indicator, f.target);
}

/** One indicator's problems across a quarter, for 二、主要问题. */
export interface IndicatorProblems {
  indicator: string;
  title: string;
  veto: boolean;
  /** Findings of this indicator in all sites. */
  findings: number;
  /** The sites with at least one, most findings first, then by name; column: a 专栏 entity. */
  sites: { site: string; name: string; count: number; column?: true }[];
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
      p.sites.push({ site: r.site, name: r.name, count: g.findings.length, ...(r.column ? { column: true as const } : {}) });
    }
  }
  const list = [...byId.values()];
  for (const p of list) p.sites.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN') || cmp(a.site, b.site));
  return list.sort((a, b) => Number(b.veto) - Number(a.veto) || b.sites.length - a.sites.length || cmp(a.indicator, b.indicator));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the crawl saw of a site, for its page: pages, links, those it could not judge, the pages it
 * rendered in a browser and why, what a budget kept it from reading, and the attachments read.
 */
export function crawlStatsText(stats: SiteQuarter['stats']): string {
  const parts = [`页面 ${stats.pages} 个，链接 ${stats.links} 个，无法判断 ${stats.inconclusive} 个（未计入问题）`];
  const r = stats.rendered;
  if (r) {
    const why = RENDER_REASONS.filter((k) => r.reasons[k]).map((k) => RENDER_REASON_NAMES[k]).join('、');
    const unrun = (r.failed ?? 0) + (r.overBudget ?? 0) + (r.notRendered ?? 0);
    parts.push(`其中 ${r.pages} 个页面按浏览器渲染后判断${why ? `（${why}）` : ''}${unrun ? `，${unrun} 个未能渲染，按静态页面判断` : ''}`);
  }
  const t = stats.truncated;
  if (t) parts.push(`因${t.reasons.map((k) => TRUNCATION_REASON_NAMES[k]).join('、')}未读完：未抓取页面 ${t.pagesNotRead} 个，未检查链接 ${t.linksNotChecked} 个`);
  const a = stats.attachments;
  if (a) {
    const unread = a.unreadable?.length ?? 0;
    parts.push(`读取附件 ${a.read} 个（查找个人信息）${unread ? `，${unread} 个无法读取（${a.unreadable!.slice(0, 3).map((u) => u.detail).join('；')}${unread > 3 ? ' 等' : ''}）` : ''}${a.notRead ? `，另有 ${a.notRead} 个超出每站上限未读取` : ''}`);
  }
  return parts.join('；');
}
