// What the daily monitor's events say: each problem's life folded from a site's events in order
// (first seen, fixed, reopened, reminded). Pure, for the monitor's next day and the portal alike.
import { indicatorOfProblem, type MonitorEvent } from '../schemas/monitor.ts';

/** One problem as its events leave it. */
export interface Problem {
  id: string;
  indicator: string;
  target: string;
  /** The page where it was last seen opening (or re-opening). */
  page: string;
  /** The evidence when it was last seen opening. */
  detail: string;
  /** The unit that keeps it, as last recorded. */
  unit: string;
  /** The day it was first seen, ever. */
  opened: string;
  /** The day its current spell began (opened, or its latest reopening). */
  since: string;
  status: 'open' | 'fixed';
  /** The day the re-check no longer saw it (status fixed). */
  fixedOn?: string;
  /** Reminders in the current spell, and the day of the last one. */
  reminders: number;
  lastReminder?: string;
  /** Spells so far: 1, then one more per reopening. */
  spells: number;
}

/** The problems of a site from its events in order; an event that does not fit its problem's state is an error naming it. */
export function foldEvents(events: readonly MonitorEvent[], where = 'monitor events'): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const e of events) {
    const p = problems.get(e.problem);
    const wrong = (why: string) => new Error(`${where}: ${e.date} ${e.event} of ${e.problem}: ${why}`);
    switch (e.event) {
      case 'open':
        if (p) throw wrong(`the problem was already opened on ${p.opened}`);
        problems.set(e.problem, {
          id: e.problem, indicator: indicatorOfProblem(e.problem), target: e.target, page: e.page, detail: e.detail, unit: e.unit,
          opened: e.date, since: e.date, status: 'open', reminders: 0, spells: 1,
        });
        break;
      case 'reopen':
        if (!p || p.status !== 'fixed') throw wrong(p ? 'the problem is open' : 'no such problem was opened');
        if (p.target !== e.target) throw wrong(`the target ${e.target} differs from the problem's ${p.target}`);
        Object.assign(p, { page: e.page, detail: e.detail, unit: e.unit, since: e.date, status: 'open', reminders: 0, spells: p.spells + 1 });
        delete p.fixedOn;
        delete p.lastReminder;
        break;
      case 'fixed':
        if (!p || p.status !== 'open') throw wrong(p ? 'the problem is already fixed' : 'no such problem was opened');
        p.status = 'fixed';
        p.fixedOn = e.date;
        break;
      case 'remind':
        if (!p || p.status !== 'open') throw wrong(p ? 'the problem is fixed' : 'no such problem was opened');
        p.reminders++;
        p.lastReminder = e.date;
        p.unit = e.unit;
        break;
    }
  }
  return problems;
}
