// The daily monitor's records as the portal shows them: each site's state on the last day the
// monitor ran (its open problems, with their age and reminders), each unit's open problems (those it
// keeps, on its sites or as a duty plan's unit on others'), and the daily reports (每日监测报告):
// per day, what opened, was fixed and was reminded, per unit.
import { dayNumber } from '../dates.ts';
import type { MonitorDay, MonitorEvent } from '../schemas/monitor.ts';
import { readMonitorDays, readSiteEvents } from '../store/monitor-records.ts';
import { foldEvents } from '../store/monitor-state.ts';
import type { ReminderDay } from './feed.ts';
import { indicatorTitle, targetName } from './indicators.ts';

/** A problem open on the last day the monitor ran. */
export interface OpenProblem {
  site: string;
  indicator: string;
  target: string;
  page: string;
  /** The unit reminded of it (the site's, or the duty plan's for a column). */
  unit: string;
  /** First seen, ever. */
  opened: string;
  /** The day its current spell began. */
  since: string;
  /** Days from `since` to the last day, counted as calendar days. */
  days: number;
  reminders: number;
  lastReminder?: string;
}

/** An event with its site, and its problem's indicator and target (a reminder's row has no target of its own). */
export type DayEvent = MonitorEvent & { site: string; indicator: string };

/** One day's events of one unit. */
export interface UnitDay {
  unit: string;
  opened: DayEvent[];
  fixed: DayEvent[];
  reminded: DayEvent[];
}

/** 每日监测报告: a day's totals and its events per unit. */
export interface DayReport {
  day: MonitorDay;
  units: UnitDay[];
}

export interface MonitorView {
  /** The days the monitor ran, oldest first. */
  days: MonitorDay[];
  /** The last of them, when it ran at all. */
  lastDay?: string;
  /** Open problems on the last day, by site id, oldest spell first. */
  openBySite: ReadonlyMap<string, OpenProblem[]>;
  /** The same by the unit that keeps them. */
  openByUnit: ReadonlyMap<string, OpenProblem[]>;
  /** Each day's report, by date. */
  reports: ReadonlyMap<string, DayReport>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Read every site's events and the days: what the portal shows of the daily loop. */
export function monitorView(contentDir: string, siteIds: readonly string[]): MonitorView {
  const days = readMonitorDays(contentDir);
  const lastDay = days.at(-1)?.date;
  const openBySite = new Map<string, OpenProblem[]>();
  const openByUnit = new Map<string, OpenProblem[]>();
  const byDay = new Map<string, Map<string, UnitDay>>();
  for (const site of [...siteIds].sort()) {
    const events = readSiteEvents(contentDir, site);
    if (events.length === 0) continue;
    const problems = foldEvents(events, `content/monitor/${site}`);
    const open = [...problems.values()]
      .filter((p) => p.status === 'open')
      .map((p): OpenProblem => ({ site, indicator: p.indicator, target: p.target, page: p.page, unit: p.unit, opened: p.opened, since: p.since, days: lastDay ? dayNumber(lastDay) - dayNumber(p.since) : 0, reminders: p.reminders, ...(p.lastReminder ? { lastReminder: p.lastReminder } : {}) }))
      .sort((a, b) => cmp(a.since, b.since) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target));
    if (open.length) openBySite.set(site, open);
    for (const p of open) openByUnit.set(p.unit, [...(openByUnit.get(p.unit) ?? []), p]);
    for (const e of events) {
      const units = byDay.get(e.date) ?? byDay.set(e.date, new Map()).get(e.date)!;
      // A fixed event carries no unit: it is the unit that kept the problem.
      const unit = e.unit || problems.get(e.problem)!.unit;
      const u = units.get(unit) ?? units.set(unit, { unit, opened: [], fixed: [], reminded: [] }).get(unit)!;
      const list = e.event === 'fixed' ? u.fixed : e.event === 'remind' ? u.reminded : u.opened;
      const p = problems.get(e.problem)!;
      list.push({ ...e, site, indicator: p.indicator, target: e.target || p.target });
    }
  }
  for (const list of openByUnit.values()) list.sort((a, b) => cmp(a.since, b.since) || cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target));
  const reports = new Map(days.map((day) => [day.date, { day, units: [...(byDay.get(day.date)?.values() ?? [])].sort((a, b) => cmp(a.unit, b.unit)) }]));
  return { days, ...(lastDay ? { lastDay } : {}), openBySite, openByUnit, reports };
}

/** The days a unit was reminded, each problem in words, for its feed. */
export function reminderDays(view: MonitorView, unit: string, siteName: (id: string) => string): ReminderDay[] {
  const out: ReminderDay[] = [];
  for (const [date, report] of view.reports) {
    const mine = report.units.find((u) => u.unit === unit)?.reminded ?? [];
    if (mine.length) out.push({ date, items: mine.map((e) => `${siteName(e.site)}：${indicatorTitle(e.indicator)}“${targetName(e.indicator, e.target)}”${e.detail ? `（${e.detail}）` : ''}`) });
  }
  return out;
}
