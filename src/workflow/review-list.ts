// npm run review: inspectors work through a quarter's automated findings (the list, with each
// one's status), then confirm or dismiss one, or record the site's reply; each decision is saved to
// content/review/<quarter>.yaml and the quarter is re-scored at once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import type { ReplyEntry, ReviewEntry } from '../schemas/review.ts';
import { InputError } from '../errors.ts';
import { sortFindings } from '../inspector/scoring/score.ts';
import { quarterParts } from '../store/quarter-paths.ts';
import { assertDraft } from './draft.ts';
import { changeText, readSiteQuarter, unmatchedText, watchSites, writeAndRescore, type SiteChange } from './record-write.ts';
import type { RescoreResult } from './rescore.ts';
import { findingKey, loadReview, saveReviewEntry } from './review.ts';

/** What an inspector does with one finding. */
export type ReviewAction = { decision: 'confirmed'; reason?: string } | { decision: 'dismissed'; reason: string } | { reply: string };

/** One finding named by site, indicator and target (exactly as the findings file writes them). */
export interface ReviewRequest {
  site: string;
  indicator: string;
  target: string;
  action: ReviewAction;
  /** Who decided; required for a decision, not kept for a reply (the reply is the site's words). */
  inspector?: string;
  /** The day of the decision, or the day the reply was received. */
  date: string;
}

/** What reviewFinding did. */
export interface ReviewResult {
  /** The entry saved to the review file. */
  entry: { decision: ReviewEntry } | { reply: ReplyEntry };
  /** The entry it replaced (same site, indicator and target), if any. */
  previous?: ReviewEntry | ReplyEntry;
  change: SiteChange;
  rescored: RescoreResult;
}

const automated = (f: Finding) => f.source !== 'manual';

/** The site's findings file, or an InputError saying it was not crawled that quarter. */
function siteQuarterOrRefuse(contentDir: string, quarter: string, site: string): SiteQuarter {
  const sq = readSiteQuarter(contentDir, quarter, site);
  if (!sq) throw new InputError(`${quarterParts(quarter).findings}/${site}.md: no findings file: site ${site} was not crawled in ${quarter} (or the id is wrong)`);
  return sq;
}

/**
 * The finding a request names, counted or dismissed; an InputError when there is none (listing the
 * site's findings of that indicator, to copy the target from) or when a decision names a manual
 * record's finding (the record itself is changed instead).
 */
export function findReviewed(sq: SiteQuarter, indicator: string, target: string, forDecision: boolean): Finding {
  const all = [...sq.findings, ...(sq.dismissed ?? [])];
  const hit = all.filter((f) => f.indicator === indicator && f.target === target);
  const auto = hit.find(automated);
  if (auto) return auto;
  if (hit.length && !forDecision) return hit[0]!;
  if (hit.length) throw new InputError(`${sq.site} ${indicator} "${target}" is an inspector's record (${hit[0]!.record ?? 'content/manual/'}), not an automated finding: change or delete the record instead of reviewing it`);
  const candidates = sortFindings(all.filter((f) => f.indicator === indicator && (!forDecision || automated(f))));
  const where = `${sq.site} (${sq.quarter}) has no ${forDecision ? 'automated ' : ''}finding ${indicator} with target "${target}"`;
  if (candidates.length) return refuse(`${where}. Its ${indicator} findings (copy the target exactly):\n  ${[...new Set(candidates.map((f) => f.target))].join('\n  ')}`);
  const counts = new Map<string, number>();
  for (const f of all) if (!forDecision || automated(f)) counts.set(f.indicator, (counts.get(f.indicator) ?? 0) + 1);
  return refuse(`${where}, nor any of indicator ${indicator}. ${counts.size ? `Its findings: ${[...counts].map(([id, n]) => `${id} (${n})`).join(', ')}; list them with npm run review -- --quarter ${sq.quarter} --list --site ${sq.site}` : 'It has no findings to review.'}`);
}

function refuse(message: string): never {
  throw new InputError(message);
}

/**
 * Save a decision or reply on an existing finding and re-score the quarter (both undone if the
 * re-score fails). A published quarter, a site not crawled, and a finding that does not exist are refused.
 */
export function reviewFinding(contentDir: string, quarter: string, req: ReviewRequest): ReviewResult {
  assertDraft(contentDir, quarter, 'review');
  const sq = siteQuarterOrRefuse(contentDir, quarter, req.site);
  const isDecision = !('reply' in req.action);
  findReviewed(sq, req.indicator, req.target, isDecision);
  const key = { site: req.site, indicator: req.indicator, target: req.target };
  let entry: ReviewResult['entry'];
  if ('reply' in req.action) {
    entry = { reply: { ...key, text: req.action.reply, date: req.date } };
  } else {
    if (!req.inspector) throw new InputError('a decision needs the inspector who made it');
    const { decision, reason } = req.action;
    entry = { decision: { ...key, decision, ...(reason ? { reason } : {}), inspector: req.inspector, date: req.date } };
  }
  const review = loadReview(contentDir, quarter);
  const k = findingKey(req.site, req.indicator, req.target);
  const previous = ('reply' in entry ? review.replies : review.decisions).find((e) => findingKey(e.site, e.indicator, e.target) === k);
  const changes = watchSites(contentDir, quarter, [req.site]);
  const rescored = writeAndRescore(contentDir, quarter, () => saveReviewEntry(contentDir, quarter, entry), new Set([req.site]));
  return { entry, ...(previous ? { previous } : {}), change: changes()[0]!, rescored };
}

/** What npm run review prints after a decision or a reply. */
export function reviewResultText(r: ReviewResult): string {
  const e = 'reply' in r.entry ? r.entry.reply : r.entry.decision;
  const what =
    'reply' in r.entry
      ? `已记录回复（${r.entry.reply.date}）`
      : r.entry.decision.decision === 'confirmed'
        ? `已确认（${r.entry.decision.inspector} ${r.entry.decision.date}）`
        : `已排除：${r.entry.decision.reason ?? ''}（${r.entry.decision.inspector} ${r.entry.decision.date}）`;
  const lines = [`${e.site} ${e.indicator} ${e.target}：${what}${r.previous ? '，替换了此前的记录' : ''}`, changeText(r.change), ...unmatchedText(r.rescored)];
  return lines.join('\n');
}

/** One automated finding on the review list. */
export interface ReviewListItem {
  finding: Finding;
  decision?: ReviewEntry;
  reply?: ReplyEntry;
}

/** One site's automated findings, in the findings file's order (counted and dismissed together). */
export interface ReviewListSite {
  site: string;
  name: string;
  verdict: SiteQuarter['verdict'];
  score: number;
  items: ReviewListItem[];
  /** Veto items that hold with no finding to review (the crawl concluded them without one). */
  bareVetoes: string[];
}

/** The quarter's automated findings with their decisions and replies, by site id; manual records are not reviewed. */
export function reviewList(contentDir: string, quarter: string, site?: string): ReviewListSite[] {
  const dir = join(contentDir, quarterParts(quarter).findings);
  const ids = site !== undefined ? [site] : existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).map((n) => n.slice(0, -3)).sort() : [];
  if (!ids.length) throw new InputError(`${quarterParts(quarter).findings}/: no findings files for ${quarter}; crawl first: npm run crawl -- --quarter ${quarter}`);
  const review = loadReview(contentDir, quarter);
  const decisions = new Map(review.decisions.map((d) => [findingKey(d.site, d.indicator, d.target), d]));
  const replies = new Map(review.replies.map((r) => [findingKey(r.site, r.indicator, r.target), r]));
  return ids.map((id) => {
    const sq = siteQuarterOrRefuse(contentDir, quarter, id);
    const all = [...sq.findings, ...(sq.dismissed ?? [])];
    const items = sortFindings(all.filter(automated)).map((finding): ReviewListItem => {
      const k = findingKey(sq.site, finding.indicator, finding.target);
      const decision = decisions.get(k);
      const reply = replies.get(k);
      return { finding, ...(decision ? { decision } : {}), ...(reply ? { reply } : {}) };
    });
    const bareVetoes = sq.vetoes.filter((v) => !all.some((f) => f.indicator === v));
    return { site: sq.site, name: sq.name, verdict: sq.verdict, score: sq.score, items, bareVetoes };
  });
}

/** 未复核 / 已确认 / 已排除：reason */
export function statusText(decision: ReviewEntry | undefined): string {
  if (!decision) return '未复核';
  return decision.decision === 'confirmed' ? '已确认' : `已排除：${decision.reason ?? ''}`;
}

/** The list as npm run review -- --list prints it: a count line, then each site and its findings. */
export function reviewListText(list: readonly ReviewListSite[], quarter: string): string {
  const items = list.flatMap((s) => s.items);
  const pending = items.filter((i) => !i.decision).length;
  const confirmed = items.filter((i) => i.decision?.decision === 'confirmed').length;
  const lines = [`${quarter} 自动检查发现的问题 ${items.length} 项：未复核 ${pending}，已确认 ${confirmed}，已排除 ${items.length - pending - confirmed}。`];
  for (const s of list) {
    lines.push('', `${s.site} ${s.name}（${s.verdict === 'pass' ? '合格' : '不合格'} ${s.score.toFixed(1)} 分）`);
    if (!s.items.length) lines.push('  没有自动检查发现的问题。');
    for (const { finding: f, decision, reply } of s.items) {
      const by = decision ? `（${decision.inspector} ${decision.date}）` : '';
      lines.push(`  [${statusText(decision)}${by}] ${f.indicator} ${f.target}${f.detail ? ` — ${f.detail}` : ''}`);
      // Where on the page, for the inspector who opens it to check: the selector, and what the element shows.
      if (f.where) lines.push(`    位置：${f.where.page ? `${f.where.page} ` : ''}${f.where.selector}${f.where.text ? `「${f.where.text}」` : ''}`);
      if (reply) lines.push(`    回复（${reply.date}）：${reply.text}`);
    }
    for (const v of s.bareVetoes) lines.push(`  单项否决 ${v}：没有可逐条复核的问题。`);
  }
  if (pending) lines.push('', `复核一项：npm run review -- --quarter ${quarter} --site <id> --indicator <id> --target "<问题>" --confirm | --dismiss --reason "…" --inspector 姓名`);
  return lines.join('\n');
}
