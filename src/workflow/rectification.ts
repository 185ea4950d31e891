// Rectification (整改): the problems a published notice named, each re-checked by the crawl's own
// rules at the notice's deadline and after it (npm run rectify), and folded with the unit's reply
// (review --reply) into a verified state per problem and per unit — what the next notice and the
// unit pages give as 整改情况, and what the annual assessment counts.
import { indicator } from '../inspector/catalogue/index.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { Recheck, RectificationState } from '../schemas/rectification.ts';
import type { QuarterFile } from '../schemas/quarter.ts';
import type { ReviewFile } from '../schemas/review.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import type { WorkCalendar } from '../inspector/workdays.ts';
import { findingKey } from '../inspector/report/assemble.ts';
import type { RuleRun } from '../inspector/engine/run-rules.ts';

/** A problem a published notice named: a counted veto or deduction finding of a site (or 专栏). */
export interface NamedProblem {
  site: string;
  name: string;
  /** The unit the quarter's findings file charges. */
  unit: string;
  indicator: string;
  target: string;
  /** The page the notice gave for it. */
  page: string;
  /** crawl: re-checked by the rules; manual: an inspector's record, which no crawl can re-check. */
  source: 'crawl' | 'manual';
}

/** A named problem with what its re-checks and the unit's reply come to. */
export interface Rectification extends NamedProblem {
  state: RectificationState;
  /** The day of the re-check that decided the state (the first judged on or after the deadline, or the last one). */
  checked?: string;
  /** fixed-late: the first re-check that found it gone after the deadline's found it still there. */
  fixedOn?: string;
  /** The unit's reply (review --reply), shown beside the verified state. */
  reply?: { text: string; date: string };
}

/** What one unit's problems came to. */
export interface UnitRectification {
  unit: string;
  named: number;
  counts: Record<RectificationState, number>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (p: { site: string; indicator: string; target: string }) => findingKey(p.site, p.indicator, p.target);

/**
 * The problems a quarter's notice named: every counted veto and deduction finding of its findings
 * files (dismissed ones are not named; advice and bonuses are not problems), once per site,
 * indicator and target, in site, indicator, target order.
 */
export function namedProblems(rows: readonly SiteQuarter[]): NamedProblem[] {
  const out = new Map<string, NamedProblem>();
  for (const r of rows) {
    for (const f of r.findings) {
      const kind = indicator(f.indicator)?.kind;
      if (kind !== 'veto' && kind !== 'deduction') continue;
      const p: NamedProblem = { site: r.site, name: r.name, unit: r.unit, indicator: f.indicator, target: f.target, page: f.page, source: f.source === 'manual' ? 'manual' : 'crawl' };
      if (!out.has(keyOf(p))) out.set(keyOf(p), p);
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target));
}

/** Why an inspector's record is not re-checked by the crawl. */
export const MANUAL_NOT_RECHECKED = '人工检查发现的问题，须由检查人员复核';

/**
 * One named problem re-checked against a site's fresh rule runs on `date`: still reported (open,
 * with the evidence), judged and not reported (fixed), or not judged (the rule did not run, did not
 * apply or erred; an inspector's item). A rule that did not run is never taken for a fix.
 */
export function recheck(p: NamedProblem, runs: readonly RuleRun[], date: string): Recheck {
  const row = { date, site: p.site, indicator: p.indicator, target: p.target };
  if (p.source === 'manual') return { ...row, state: 'unjudged', detail: MANUAL_NOT_RECHECKED };
  const run = runs.find((r) => r.indicator.id === p.indicator);
  if (!run) return { ...row, state: 'unjudged', detail: '复核时该项未检查（规则文件中已停用）' };
  const o = run.outcome;
  if (o.status === 'not_applicable') return { ...row, state: 'unjudged', detail: o.reason };
  if (o.status === 'error') return { ...row, state: 'unjudged', detail: `检查规则出错：${o.message}` };
  const seen = o.status === 'fail' ? o.findings.find((f) => f.target === p.target) : undefined;
  return seen ? { ...row, state: 'open', detail: seen.detail } : { ...row, state: 'fixed', detail: '' };
}

/**
 * A named problem's verified state from its re-checks (any order) and the notice's deadline:
 * - the first judged re-check on or after the deadline decides: gone ⇒ fixed (已整改);
 * - still there then, and gone at the last judged re-check ⇒ fixed late (逾期整改), else not fixed;
 * - no judged re-check on or after the deadline ⇒ pending before it (整改期限未到), unverified after.
 * A re-check before the deadline never decides alone: the deadline's own re-check is the proof.
 */
export function verify(rechecks: readonly Recheck[], deadline: string, today: string): Pick<Rectification, 'state' | 'checked' | 'fixedOn'> {
  const judged = rechecks.filter((r) => r.state !== 'unjudged').sort((a, b) => cmp(a.date, b.date));
  const atDeadline = judged.find((r) => r.date >= deadline);
  if (!atDeadline) return { state: today < deadline ? 'pending' : 'unverified' };
  if (atDeadline.state === 'fixed') return { state: 'fixed', checked: atDeadline.date };
  const last = judged[judged.length - 1]!;
  if (last.state === 'open') return { state: 'not-fixed', checked: last.date };
  // The first fix after the last time it was seen.
  const lastOpen = judged.filter((r) => r.state === 'open').pop()!;
  const fixedOn = judged.find((r) => r.date > lastOpen.date && r.state === 'fixed')!.date;
  return { state: 'fixed-late', checked: last.date, fixedOn };
}

/** A reply to a named problem: from the review before publication, or review --reply after it. */
export type AnyReply = Pick<ReviewFile['replies'][number], 'site' | 'indicator' | 'target' | 'text' | 'date'>;

/** Every named problem with its verified state and the unit's latest reply. */
export function rectifications(named: readonly NamedProblem[], rechecks: readonly Recheck[], allReplies: readonly AnyReply[], deadline: string, today: string): Rectification[] {
  const byKey = new Map<string, Recheck[]>();
  for (const r of rechecks) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
  const replies = new Map<string, AnyReply>();
  for (const r of allReplies) if (!replies.has(keyOf(r)) || replies.get(keyOf(r))!.date <= r.date) replies.set(keyOf(r), r);
  return named.map((p) => {
    const reply = replies.get(keyOf(p));
    return { ...p, ...verify(byKey.get(keyOf(p)) ?? [], deadline, today), ...(reply ? { reply: { text: reply.text, date: reply.date } } : {}) };
  });
}

/** 整改情况 per unit: how many problems each was named for and what they came to, by unit id. */
export function byUnit(list: readonly Rectification[]): UnitRectification[] {
  const units = new Map<string, UnitRectification>();
  for (const r of list) {
    const u = units.get(r.unit) ?? { unit: r.unit, named: 0, counts: { fixed: 0, 'fixed-late': 0, 'not-fixed': 0, unverified: 0, pending: 0 } };
    u.named++;
    u.counts[r.state]++;
    units.set(r.unit, u);
  }
  return [...units.values()].sort((a, b) => cmp(a.unit, b.unit));
}

/**
 * A published notice's deadline: the quarter file's rectifyBy, else rules.yaml's rectification
 * working days after the day it was published; undefined when neither is set (nothing is verified).
 */
export function deadlineOf(quarter: Pick<QuarterFile, 'rectifyBy' | 'published'>, config: Pick<RulesConfig, 'rectification'>, calendar: Pick<WorkCalendar, 'addWorkdays'>): string | undefined {
  if (quarter.rectifyBy) return quarter.rectifyBy;
  return quarter.published && config.rectification ? calendar.addWorkdays(quarter.published, config.rectification.workdays) : undefined;
}
