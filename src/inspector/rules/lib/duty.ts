// The content duty plan's judgements, shared by the duty-column-late rule and the daily monitor:
// which column of a snapshot a plan entry is, whose a page is, and whether a column is late.
import { isDutyColumn, type DutyAssignment } from '../../../schemas/duty.ts';
import type { Points } from '../types.ts';
import type { ColumnSnapshot, SiteSnapshot } from '../../snapshot.ts';
import { addDays, calendarDaysBetween, type WorkCalendar } from '../../workdays.ts';
import { newest } from './columns.ts';

/** The column of the snapshot a plan entry names: the same name, or a list page under its prefix. */
export function dutyColumn(a: DutyAssignment, columns: readonly ColumnSnapshot[]): ColumnSnapshot | undefined {
  return columns.find((c) => isDutyColumn(a, c.name, c.url));
}

/**
 * The URL prefix of the pages a plan entry covers: its own prefix, or the folder of its column's
 * list page (…/zwgk/tzgg/ for …/zwgk/tzgg/index.html). A list page at the site's root folder gives
 * no folder (it would take in the whole site): then only the list page itself is the column's.
 */
export function dutyPrefix(a: DutyAssignment, column: ColumnSnapshot | undefined): string | undefined {
  if (a.prefix) return a.prefix;
  if (!column) return undefined;
  const u = new URL(column.url);
  const folder = u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return folder === '/' ? undefined : `${u.origin}${folder}`;
}

/** A plan entry with the pages it covers on a snapshot. */
export interface DutyScope {
  assignment: DutyAssignment;
  column: ColumnSnapshot | undefined;
  prefix: string | undefined;
}

/** Each plan entry of a snapshot with its column and the pages it covers. */
export function dutyScopes(s: SiteSnapshot): DutyScope[] {
  return (s.duty ?? []).map((assignment) => {
    const column = dutyColumn(assignment, s.columns);
    return { assignment, column, prefix: dutyPrefix(assignment, column) };
  });
}

/** The plan entry a page belongs to: the longest prefix that holds it, or its column's own list page. */
export function dutyScopeOf(url: string, scopes: readonly DutyScope[]): DutyScope | undefined {
  let best: { scope: DutyScope; len: number } | undefined;
  for (const scope of scopes) {
    const len = scope.prefix && url.startsWith(scope.prefix) ? scope.prefix.length : scope.column?.url === url ? url.length : -1;
    if (len >= 0 && (!best || len > best.len)) best = { scope, len };
  }
  return best?.scope;
}

/** How a plan column stands on the as-of date. */
export type DutyJudgement =
  | { state: 'late' | 'ok'; newest: string; due: string; age: number }
  /** Not judged: at-once (no age to judge), or the column not found, not read, blank or undated. */
  | { state: 'unknown' };

/** Windows of the weekly and monthly plans, in days (rules.yaml, duty-column-late params). */
export interface DutyWindows {
  weekly: number;
  monthly: number;
}

/** The windows of the rule's params (rules.yaml checks they are there when the rule is enabled). */
export function dutyWindows(params: Points): DutyWindows {
  return { weekly: params['weekly']!, monthly: params['monthly']! };
}

/**
 * Whether a plan column is late on `asOf`: its newest item dated before the day it is due. same-day:
 * the previous working day (the pass runs after the morning's deadline); weekly and monthly: that
 * many days before. Throws CalendarGap when the calendar lacks the year (same-day only).
 */
export function judgeDuty(a: DutyAssignment, column: ColumnSnapshot | undefined, asOf: string, calendar: WorkCalendar, windows: DutyWindows): DutyJudgement {
  if (a.update === 'at-once' || !column || column.unread || column.blank) return { state: 'unknown' };
  const date = newest(column);
  if (date === undefined) return { state: 'unknown' };
  const due = a.update === 'same-day' ? calendar.addWorkdays(asOf, -1) : addDays(asOf, -(a.update === 'weekly' ? windows.weekly : windows.monthly));
  return { state: date < due ? 'late' : 'ok', newest: date, due, age: calendarDaysBetween(date, asOf) };
}
