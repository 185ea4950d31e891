// content/rectification/<quarter>.csv: the re-checks of the problems the notice of <quarter> named
// (npm run rectify). Reading validates every row (file, line and field) and their order; writing
// validates with the same schema and writes atomically, so the same re-checks give the same bytes.
// A day's re-check of a site replaces that day's rows of the site, never another day's. What the
// re-checks come to (each named problem's verified state, per unit) is folded here too, for the
// rectify command and the portal alike.
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { QuarterFile } from '../schemas/quarter.ts';
import type { ReviewFile } from '../schemas/review.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { RECHECK_COLUMNS, RECTIFY_REPLY_COLUMNS, recheckSchema, rectifyReplySchema, type Recheck, type RectificationState, type RectifyReply } from '../schemas/rectification.ts';
import { writeFileAtomic } from './atomic.ts';
import { parseRows, readText } from './monitor-records.ts';

/** The file of a quarter's re-checks. */
export function rectificationFile(contentDir: string, quarter: string): string {
  return join(contentDir, 'rectification', `${quarter}.csv`);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A problem's key: site, indicator and target (the review's key). */
const keyOf = (p: { site: string; indicator: string; target: string }) => `${p.site}\u0000${p.indicator}\u0000${p.target}`;

/** File order: day, site, indicator, target (code points, the same bytes everywhere). */
export function compareRechecks(a: Recheck, b: Recheck): number {
  return cmp(a.date, b.date) || cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target);
}

/** Parse a rectification file: rows valid, in order, each problem once a day. */
export function parseRechecksCsv(text: string, file: string): Recheck[] {
  let previous: { r: Recheck; line: number } | undefined;
  return parseRows(text, file, RECHECK_COLUMNS, recheckSchema, (r, line, errors) => {
    const order = previous ? compareRechecks(r, previous.r) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: target: ${r.indicator} ${r.target} of ${r.site} on ${r.date} repeats line ${previous.line}`);
    else if (previous && order < 0) errors.push(`${file}:${line}: date: comes before line ${previous.line} (rows are in order of date, site, indicator, target)`);
    previous = { r, line };
  });
}

/** CSV text of re-checks, in file order, checked by the reader before it is written. */
export function serializeRechecksCsv(rows: readonly Recheck[]): string {
  const sorted = [...rows].sort(compareRechecks);
  const text = stringify([[...RECHECK_COLUMNS], ...sorted.map((r) => RECHECK_COLUMNS.map((c) => r[c]))], { record_delimiter: 'unix', eof: true });
  parseRechecksCsv(text, 'rectification.csv');
  return text;
}

/** A quarter's re-checks; none when it has no file. */
export function readRechecks(contentDir: string, quarter: string): Recheck[] {
  const file = rectificationFile(contentDir, quarter);
  const text = readText(file);
  return text === undefined ? [] : parseRechecksCsv(text, file);
}

/** Add a day's re-checks of some sites: their earlier rows of that day go, every other row stays. */
export function writeRechecks(contentDir: string, quarter: string, date: string, sites: ReadonlySet<string>, rows: readonly Recheck[]): string {
  const file = rectificationFile(contentDir, quarter);
  const kept = readRechecks(contentDir, quarter).filter((r) => !(r.date === date && sites.has(r.site)));
  writeFileAtomic(file, serializeRechecksCsv([...kept, ...rows]));
  return file;
}

/** The file of the units' replies to a published notice's problems. */
export function rectifyRepliesFile(contentDir: string, quarter: string): string {
  return join(contentDir, 'rectification', `${quarter}.replies.csv`);
}

const compareReplies = (a: RectifyReply, b: RectifyReply) => cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target);

/** Parse a replies file: rows valid, in order, one per problem. */
export function parseRectifyRepliesCsv(text: string, file: string): RectifyReply[] {
  let previous: { r: RectifyReply; line: number } | undefined;
  return parseRows(text, file, RECTIFY_REPLY_COLUMNS, rectifyReplySchema, (r, line, errors) => {
    const order = previous ? compareReplies(r, previous.r) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: target: a second reply to ${r.indicator} ${r.target} of ${r.site} (line ${previous.line}); a new reply replaces the old one`);
    else if (previous && order < 0) errors.push(`${file}:${line}: site: comes before line ${previous.line} (rows are in order of site, indicator, target)`);
    previous = { r, line };
  });
}

/** A quarter's rectification replies; none when it has no file. */
export function readRectifyReplies(contentDir: string, quarter: string): RectifyReply[] {
  const file = rectifyRepliesFile(contentDir, quarter);
  const text = readText(file);
  return text === undefined ? [] : parseRectifyRepliesCsv(text, file);
}

/** Record a unit's reply to one problem, replacing its earlier one. */
export function saveRectifyReply(contentDir: string, quarter: string, reply: RectifyReply): string {
  const file = rectifyRepliesFile(contentDir, quarter);
  const same = (r: RectifyReply) => compareReplies(r, reply) === 0;
  const rows = [...readRectifyReplies(contentDir, quarter).filter((r) => !same(r)), reply].sort(compareReplies);
  const text = stringify([[...RECTIFY_REPLY_COLUMNS], ...rows.map((r) => RECTIFY_REPLY_COLUMNS.map((c) => r[c]))], { record_delimiter: 'unix', eof: true });
  parseRectifyRepliesCsv(text, file);
  writeFileAtomic(file, text);
  return file;
}

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


/**
 * The problems a quarter's notice named: every counted finding of its findings files whose indicator
 * isProblem (a veto or a deduction: advice and bonuses are not problems; dismissed ones are not named), once per site,
 * indicator and target, in site, indicator, target order.
 */
export function namedProblems(rows: readonly SiteQuarter[], isProblem: (indicator: string) => boolean): NamedProblem[] {
  const out = new Map<string, NamedProblem>();
  for (const r of rows) {
    for (const f of r.findings) {
      if (!isProblem(f.indicator)) continue;
      const p: NamedProblem = { site: r.site, name: r.name, unit: r.unit, indicator: f.indicator, target: f.target, page: f.page, source: f.source === 'manual' ? 'manual' : 'crawl' };
      if (!out.has(keyOf(p))) out.set(keyOf(p), p);
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target));
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
export function deadlineOf(quarter: Pick<QuarterFile, 'rectifyBy' | 'published'>, config: Pick<RulesConfig, 'rectification'>, calendar: { addWorkdays(date: string, n: number): string }): string | undefined {
  if (quarter.rectifyBy) return quarter.rectifyBy;
  return quarter.published && config.rectification ? calendar.addWorkdays(quarter.published, config.rectification.workdays) : undefined;
}
