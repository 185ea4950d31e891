// What the daily monitor's records say on a day: each site's problems still open then, for the
// quarter's crawl (reminders-unheeded) and the portal.
import { indicator } from '../../inspector/catalogue/index.ts';
import type { MonitoredProblem } from '../../inspector/snapshot.ts';
import { quarterOf } from '../../dates.ts';
import type { Site } from '../../schemas/registry.ts';
import { readMonitorDays, readSiteEvents } from '../../store/monitor-records.ts';
import type { MonitorEvent } from '../../schemas/monitor.ts';
import { foldEvents, type Problem } from '../../store/monitor-state.ts';

/** The first day of a date's quarter. */
function quarterStart(date: string): string {
  const [y, q] = quarterOf(date).split('-Q') as [string, string];
  return `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** A site's events up to `date` (included), and its problems as they left them. */
export function siteProblemsOn(contentDir: string, siteId: string, date: string): { events: MonitorEvent[]; problems: Map<string, Problem> } {
  const events = readSiteEvents(contentDir, siteId).filter((e) => e.date <= date);
  return { events, problems: foldEvents(events, `content/monitor/${siteId}`) };
}

/**
 * Each site's problems open on `date` by the records up to it, with the reminders of their current
 * spell; an empty map when the monitor did not run in the date's quarter up to that day (then
 * nothing is known, which is not the same as nothing open). Every file is read here, before any
 * request: a bad record is a configuration error, not a site's failure.
 */
export function openProblemsOn(contentDir: string, sites: readonly Site[], date: string): Map<string, MonitoredProblem[]> {
  const from = quarterStart(date);
  const out = new Map<string, MonitoredProblem[]>();
  if (!readMonitorDays(contentDir).some((d) => d.date >= from && d.date <= date)) return out;
  for (const site of sites) {
    const open = [...siteProblemsOn(contentDir, site.id, date).problems.values()].filter((p) => p.status === 'open');
    out.set(site.id, open.map((p) => ({
      id: p.id, indicator: p.indicator, title: indicator(p.indicator)?.title ?? p.indicator, target: p.target, page: p.page, unit: p.unit,
      opened: p.opened, since: p.since, reminders: p.reminders, ...(p.lastReminder ? { lastReminder: p.lastReminder } : {}),
    })));
  }
  return out;
}
