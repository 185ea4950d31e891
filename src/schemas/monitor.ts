// The daily monitor's records (npm run monitor): each problem's life as events, one file per site
// and year, content/monitor/<site-id>/<yyyy>.csv, and one row per day the monitor ran,
// content/monitor/_days/<yyyy>.csv. Events, not daily copies: a problem costs a row when it opens,
// one when it is fixed and one per reminder, however many days it lasts.
import { z } from 'astro/zod';
import { isIsoDate } from '../dates.ts';
import { idSchema } from './registry.ts';
import { indicatorIdSchema } from './findings.ts';

/**
 * What happens to a problem on a day:
 *   open     first seen (its indicator, target, page and evidence are recorded);
 *   fixed    the day's re-check looked where it was and no longer saw it;
 *   reopen   seen again after it was fixed (a new spell, reminders counted afresh);
 *   remind   a reminder (提醒) recorded for the unit that keeps it.
 */
export const MONITOR_EVENTS = ['open', 'reopen', 'fixed', 'remind'] as const;
export type MonitorEventKind = (typeof MONITOR_EVENTS)[number];

/** Columns of a site's event file, in order. */
export const EVENT_COLUMNS = ['date', 'problem', 'event', 'target', 'page', 'unit', 'detail'] as const;

/**
 * A problem's id within its site: the indicator, then 8 hex digits of SHA-256 over its target
 * (broken-link-3f9a01c2), longer only when two targets of one site share those 8. The same on every
 * day and in every quarter, whichever page shows it.
 */
export const problemIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8,64}$/, 'must be an indicator id, a hyphen and hex digits, e.g. broken-link-3f9a01c2');

const cell = z.string();
const date = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');

/** One row of an event file, as CSV text gives it. */
export const monitorEventSchema = z
  .strictObject({
    /** The day, Asia/Shanghai. */
    date,
    /** The problem's id (problemIdSchema). */
    problem: problemIdSchema,
    /** What happened (MONITOR_EVENTS). */
    event: z.enum(MONITOR_EVENTS),
    /** open, reopen: what is wrong (the URL, the column's name, the word); empty on the others. */
    target: cell,
    /** open, reopen: the page where it was seen; fixed: the page re-checked; empty on remind. */
    page: cell,
    /** open, reopen, remind: the registry id of the unit that keeps it (the site's, or the duty plan's for a column). */
    unit: z.union([z.literal(''), idSchema]),
    /** open, reopen: the evidence as the rule gave it; fixed: how the re-check saw it fixed; remind: which reminder. */
    detail: cell,
  })
  .superRefine((e, ctx) => {
    const starts = e.event === 'open' || e.event === 'reopen';
    if (starts && !e.target) ctx.addIssue({ code: 'custom', path: ['target'], message: `is required on ${e.event}` });
    if (starts && !e.page) ctx.addIssue({ code: 'custom', path: ['page'], message: `is required on ${e.event}` });
    if ((starts || e.event === 'remind') && !e.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `is required on ${e.event}` });
    if (!starts && e.target) ctx.addIssue({ code: 'custom', path: ['target'], message: `must be empty on ${e.event} (the open row holds it)` });
  });
export type MonitorEvent = z.infer<typeof monitorEventSchema>;

/** The indicator a problem id belongs to. */
export function indicatorOfProblem(id: string): string {
  return id.replace(/-[0-9a-f]{8,64}$/, '');
}

/** Columns of the days file, in order. */
export const DAY_COLUMNS = ['date', 'sites', 'checked', 'unreachable', 'not_checked', 'opened', 'reopened', 'fixed', 'reminded'] as const;

const count = z.string().regex(/^(0|[1-9]\d*)$/, 'must be a whole number ≥ 0').transform(Number);

/** One day the monitor ran: how many sites it had, what it could check and what changed. */
export const monitorDaySchema = z.strictObject({
  date,
  /** Sites in the registry that day. */
  sites: count,
  /** Sites whose pages were read. */
  checked: count,
  /** Sites whose home page did not open (a site-unreachable problem when the vantage is trusted). */
  unreachable: count,
  /** Sites not judged at all (an internal error, the run's time): their problems were neither seen nor fixed. */
  not_checked: count,
  opened: count,
  reopened: count,
  fixed: count,
  reminded: count,
});
export type MonitorDay = z.infer<typeof monitorDaySchema>;

/** Columns of a site's seen-columns file (content/monitor/<site>/columns.csv), in order. */
export const SEEN_COLUMNS = ['column', 'url', 'first_seen'] as const;

/**
 * A column a pass found on the site, once per name and list page, with the day it was first seen:
 * the duty plan may name only columns seen (a misnamed one would never remind its unit).
 */
export const seenColumnSchema = z.strictObject({
  column: z.string().min(1, 'is required'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  first_seen: date,
});
export type SeenColumnRow = z.infer<typeof seenColumnSchema>;

/** The monitor's settings in content/rules.yaml (monitor:). */
export const monitorConfigSchema = z.strictObject({
  /** The indicators the daily pass judges; the others wait for the quarter's crawl. */
  indicators: z.array(indicatorIdSchema).min(1),
  /** Same-site pages read per site and day: the home page, the column lists, new articles and the pages of open problems. */
  maxPages: z.number().int().min(1),
  /** Link depth from the home page (2: home → column list → article). */
  maxDepth: z.number().int().min(0),
  /**
   * New articles: after a site's first pass, a page its lists or blocks date more than this many
   * days before the day is not read again (its link is still checked, the pages of open problems are
   * still read); the window reaches back to the previous pass and to the start of an outage. Absent:
   * every page within the budget, every day.
   */
  articleDays: z.number().int().min(0).optional(),
  /**
   * Pages rendered in Chromium per site and day at most (the home page and column lists first), when
   * fewer than the run's --max-rendered: the lists a script fills are what the daily indicators
   * need; an article page not rendered is read from its HTML, and what it lacks there is no
   * evidence. Absent: the run's.
   */
  maxRendered: z.number().int().min(0).optional(),
  /** Reminders (提醒) to the unit that keeps a problem. */
  reminders: z.strictObject({
    /** Days a problem must have lasted (counted from the day it was first seen) before its first reminder. */
    after: z.number().int().min(0),
    /** Days between two reminders of the same problem. */
    every: z.number().int().min(1),
    /**
     * Reminders of one spell at most: past them the problem is the quarter's (reminders-unheeded)
     * and the unit's page still shows it, but no more rows are written (a year of records stays small).
     */
    max: z.number().int().min(1),
    /** Per indicator, other values (e.g. an unreachable site is reminded the next day). */
    indicators: z.record(indicatorIdSchema, z.strictObject({ after: z.number().int().min(0), every: z.number().int().min(1) })).default({}),
  }),
  /**
   * The daily reports (每日监测报告: each day's new, fixed and reminded problems per unit): public,
   * pages on the portal; internal (absent), only the records in content/monitor for the office's
   * staff. The units' open problems and each site's current state are on the portal either way.
   */
  reports: z.enum(['public', 'internal']).optional(),
});
export type MonitorConfig = z.infer<typeof monitorConfigSchema>;
