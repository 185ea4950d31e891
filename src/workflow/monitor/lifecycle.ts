// A problem's life, from the monitor's events: first seen, fixed, seen again, reminded. Pure: the
// state is folded from the events, and a day's check gives the day's events, so that re-running a
// day from the same state and the same observations gives the same rows.
import { createHash } from 'node:crypto';
import { calendarDaysBetween as daysBetween } from '../../inspector/workdays.ts';
import type { MonitorConfig, MonitorEvent } from '../../schemas/monitor.ts';
import { compareEvents } from '../../store/monitor-records.ts';
import type { Problem } from '../../store/monitor-state.ts';

/** What the day's pass saw: one problem, at its first page. */
export interface Observation {
  indicator: string;
  target: string;
  page: string;
  detail: string;
  unit: string;
}

/** A day's check of one site. */
export interface DayCheck {
  date: string;
  /** The problems seen, one per indicator and target. */
  observed: readonly Observation[];
  /**
   * Whether the pass looked where an unseen open problem was (its page read, its link checked, its
   * rule run): how it saw it fixed, or undefined when it could not tell, and the problem stays open
   * unseen. Never "fixed" for want of looking: a page the budget left unread proves nothing.
   */
  recheck(p: Problem): string | undefined;
}

/** Reminder settings of an indicator. */
export function reminderRule(config: MonitorConfig, indicator: string): { after: number; every: number } {
  return config.reminders.indicators[indicator] ?? config.reminders;
}

const hex = (target: string) => createHash('sha256').update(target).digest('hex');

/**
 * The id of a problem of a site: its indicator and 8 hex digits of SHA-256 over the target; when
 * another target of the site already holds those (`taken`: id → target), as many more digits as tell
 * them apart.
 */
export function problemId(indicator: string, target: string, taken: ReadonlyMap<string, string>): string {
  const h = hex(target);
  for (let n = 8; n <= 64; n += 4) {
    const id = `${indicator}-${h.slice(0, n)}`;
    const holder = taken.get(id);
    if (holder === undefined || holder === target) return id;
  }
  throw new Error(`two targets of ${indicator} with the same SHA-256: ${target}`);
}

/**
 * The events of one day's check of a site, in file order: problems seen for the first time open,
 * fixed ones seen again reopen, open ones the re-check looked at and did not see are fixed, and
 * every problem still open is reminded when it has lasted long enough (rules.yaml monitor.reminders).
 * The problems are not changed.
 */
export function dayEvents(problems: ReadonlyMap<string, Problem>, check: DayCheck, config: MonitorConfig): MonitorEvent[] {
  const { date } = check;
  const last = [...problems.values()].reduce<string | undefined>((d, p) => [p.since, p.fixedOn, p.lastReminder].reduce((m, x) => (x && (!m || x > m) ? x : m), d), undefined);
  if (last && last > date) throw new Error(`cannot record ${date}: the site's records already reach ${last}`);
  const taken = new Map([...problems.values()].map((p) => [p.id, p.target]));
  const events: MonitorEvent[] = [];
  const seen = new Set<string>();
  const stillOpen: Array<{ id: string; indicator: string; since: string; reminders: number; lastReminder?: string | undefined; unit: string }> = [];
  for (const o of check.observed) {
    const id = problemId(o.indicator, o.target, taken);
    if (seen.has(id)) continue;
    seen.add(id);
    taken.set(id, o.target);
    const p = problems.get(id);
    if (!p || p.status === 'fixed') {
      events.push({ date, problem: id, event: p ? 'reopen' : 'open', target: o.target, page: o.page, unit: o.unit, detail: o.detail });
      stillOpen.push({ id, indicator: o.indicator, since: date, reminders: 0, unit: o.unit });
    } else stillOpen.push({ ...p, unit: o.unit });
  }
  for (const p of problems.values()) {
    if (p.status !== 'open' || seen.has(p.id)) continue;
    const how = check.recheck(p);
    if (how !== undefined) events.push({ date, problem: p.id, event: 'fixed', target: '', page: p.page, unit: '', detail: how });
    else stillOpen.push(p);
  }
  for (const p of stillOpen) {
    const rule = reminderRule(config, p.indicator);
    const due = p.reminders < config.reminders.max && daysBetween(p.since, date) >= rule.after && (p.lastReminder === undefined || daysBetween(p.lastReminder, date) >= rule.every);
    if (due) events.push({ date, problem: p.id, event: 'remind', target: '', page: '', unit: p.unit, detail: `第 ${p.reminders + 1} 次提醒` });
  }
  return events.sort(compareEvents);
}
