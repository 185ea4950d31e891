// The daily pass (npm run monitor): every registered site read lightly, as of one day, through the
// crawler's own HTTP, rendering and budgets; the monitored rules run on what was read; each site's
// problems move on (opened, fixed, reopened, reminded) and its events are appended to its file. The
// day's totals go to the days file. Re-running the last day gives the same rows: its rows are
// replaced by what the same state and the same web give.
import { InputError } from '../../errors.ts';
import type { Dictionary } from '../../schemas/dictionary.ts';
import type { MonitorConfig, MonitorDay, MonitorEvent, SeenColumnRow } from '../../schemas/monitor.ts';
import { isColumnEntity, type Site, type Unit } from '../../schemas/registry.ts';
import { dutyAssignments, unseenDutyColumns, type DutyPlan } from '../../store/duty.ts';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import { addSeenColumns, readMonitorDays, readSeenColumns, readSiteEvents, writeMonitorDays, writeSiteEvents } from '../../store/monitor-records.ts';
import { checkRulesConfig, runRules } from '../../inspector/engine/run-rules.ts';
import type { CrawlOptions } from '../../inspector/gather/options.ts';
import { crawlSite } from '../../inspector/gather/site.ts';
import { noteRendering, openCrawl, siteAdmission } from '../../inspector/inspect.ts';
import { classify, newest } from '../../inspector/rules/lib/columns.ts';
import { dutyScopeOf, dutyScopes, dutyWindows, judgeDuty, type DutyScope } from '../../inspector/rules/lib/duty.ts';
import { RULES } from '../../inspector/rules/index.ts';
import type { Rule, RunContext } from '../../inspector/rules/types.ts';
import type { DnsResolver, SiteSnapshot } from '../../inspector/snapshot.ts';
import type { Sleeper } from '../../inspector/gather/http.ts';
import type { RuleRun } from '../../inspector/engine/run-rules.ts';
import type { WorkCalendar } from '../../inspector/workdays.ts';
import { dayNumber, isoDay } from '../../dates.ts';
import { dayEvents, type DayCheck, type Observation } from './lifecycle.ts';
import { foldEvents, type Problem } from '../../store/monitor-state.ts';
import type { Shard } from '../shard.ts';
import { writeMonitorShardReport } from './shards.ts';

/** The monitor's settings when rules.yaml has no monitor block. */
export const DEFAULT_MONITOR: MonitorConfig = {
  indicators: ['broken-link', 'column-blank', 'column-stale', 'duty-column-late', 'homepage-not-updated', 'severe-error', 'site-unreachable', 'typo'],
  maxPages: 60,
  maxDepth: 2,
  articleDays: 7,
  maxRendered: 8,
  reminders: { after: 2, every: 3, max: 5, indicators: { 'site-unreachable': { after: 1, every: 1 } } },
};

/** The monitor's settings of a rules file. */
export function monitorConfigOf(config: RulesConfig): MonitorConfig {
  return config.monitor ?? DEFAULT_MONITOR;
}

/**
 * The crawl options of a daily pass: the run's, with the monitor's depth, page budget and render
 * budget (the smaller of the run's and the monitor's). Attachments, certificates, the site over IPv6
 * and the accessibility audit are not read: the indicators that read them (personal-data-exposed,
 * certificate-invalid, ipv6-incomplete, accessibility-issues) are the quarter's.
 */
export function dailyOptions(options: CrawlOptions, config: MonitorConfig): CrawlOptions {
  return { ...options, maxDepth: config.maxDepth, maxPages: config.maxPages, maxRendered: Math.min(options.maxRendered, config.maxRendered ?? options.maxRendered), attachments: false, certificates: false, ipv6: false, auditPages: 0 };
}

export type MonitorRunEvent =
  | { type: 'start'; total: number }
  | { type: 'site-done'; site: Site; events: MonitorEvent[]; state: SiteDayState; ms: number }
  | { type: 'site-error'; site: Site; message: string };

/** How a site's day went: read, its home page not opening, or not judged at all. */
export type SiteDayState = 'checked' | 'unreachable' | 'not_checked';

export interface MonitorInput {
  sites: readonly Site[];
  contentDir: string;
  /** The day, Asia/Shanghai: the as-of date of every window. */
  date: string;
  /** The crawl's options (the monitor's depth and pages are applied here). */
  options: CrawlOptions;
  rulesConfig: RulesConfig;
  dictionary: Dictionary;
  calendar: WorkCalendar;
  rules?: readonly Rule[];
  /** The content duty plan (content/duty.yaml) and the units it names: a column's problems are its unit's. */
  duty?: { plan: DutyPlan; units: readonly Unit[] };
  /** The registry's 专栏 entities (kind: column), passed or not: a pass leaves their prefixes to them. Absent: the pass's own. */
  columnEntities?: readonly Site[];
  /** Answers the DNS queries of ipv6-missing (AAAA); without it IPv6 is not judged. */
  resolver?: DnsResolver;
  sleeper?: Sleeper;
  onEvent?: (e: MonitorRunEvent) => void;
  /**
   * The shard these sites are (npm run monitor -- --shard i/n): the day's totals go to the shard's
   * report for npm run merge -- --monitor, not to content/monitor/_days.
   */
  shard?: Shard;
}

export interface MonitorSummary {
  day: MonitorDay;
  /** Sites whose pass hit a bug (their problems are left as they were); the command exits non-zero. */
  internalErrors: Array<{ site: string; message: string }>;
  requests: number;
  pages: number;
  /** Pages not read again: their lists date them before the day's window (monitor.articleDays). */
  olderNotRead: number;
  elapsedMs: number;
  /** Duty plan columns no pass has seen on their site (file, line and field): the command exits non-zero. */
  planErrors: string[];
}

/** The rules the daily pass runs: the monitored indicators that are enabled. */
export function monitorRules(config: MonitorConfig, rulesConfig: RulesConfig, rules: readonly Rule[] = RULES): Rule[] {
  const known = new Set(rules.map((r) => r.id));
  const unknown = config.indicators.filter((id) => !known.has(id));
  if (unknown.length) throw new InputError(`content/rules.yaml: monitor.indicators: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not indicators' : 'is not an indicator'} the crawl checks`);
  return rules.filter((r) => config.indicators.includes(r.id) && rulesConfig.indicators[r.id]?.enabled);
}

/**
 * The problems a day's rules saw on a site: one per indicator and target, at its first page, kept by
 * the unit the duty plan gives the page's column (a late column: that column's), else the site's.
 */
export function observationsOf(runs: readonly RuleRun[], site: Site, scopes: readonly DutyScope[] = []): Observation[] {
  const out: Observation[] = [];
  for (const r of runs) {
    if (r.outcome.status !== 'fail') continue;
    for (const f of r.outcome.findings) {
      // A late column's page is its list page: its own scope.
      const scope = dutyScopeOf(f.page, scopes);
      out.push({ indicator: f.indicator, target: f.target, page: f.page, detail: f.detail, unit: scope?.assignment.unit ?? site.unit });
    }
  }
  return out;
}

/**
 * How the day's pass looked at an open problem it did not see: the evidence that it is fixed, or
 * undefined when the pass could not look (the rule did not run or could not judge, the page was not
 * read, the column not judged, the link not checked).
 */
export function recheckerOf(snapshot: SiteSnapshot, runs: readonly RuleRun[], config: RulesConfig, calendar: WorkCalendar): (p: Pick<Problem, 'indicator' | 'target' | 'page'>) => string | undefined {
  const status = new Map(runs.map((r) => [r.indicator.id, r.outcome.status]));
  const siteLevel = new Set(runs.filter((r) => r.indicator.siteLevel).map((r) => r.indicator.id));
  const read = new Set(snapshot.pages.flatMap((p) => [p.url, p.finalUrl]));
  const links = new Map(snapshot.links.map((l) => [l.url, l]));
  return (p) => {
    const s = status.get(p.indicator);
    if (s !== 'pass' && s !== 'fail') return undefined;
    if (p.indicator === 'site-unreachable') return snapshot.pages.length > 0 ? '首页已可打开' : undefined;
    if (p.indicator === 'broken-link') {
      const l = links.get(p.target);
      if (l?.verdict === 'ok') return `链接已可访问（${l.detail}）`;
      if (read.has(p.page) && !l) return '页面已复查，不再有该链接';
      return undefined;
    }
    if (p.indicator === 'column-stale') {
      const c = snapshot.columns.find((x) => x.name === p.target);
      if (!c) return read.has(p.page) ? '页面已复查，不再有该栏目' : undefined;
      const date = newest(c);
      if (c.unread || c.blank || date === undefined || !classify(c.name, config.columns)) return undefined;
      return `栏目已更新，最新信息 ${date}`;
    }
    if (p.indicator === 'duty-column-late') {
      const scope = dutyScopes(snapshot).find((s) => s.column?.name === p.target);
      const j = scope ? judgeDuty(scope.assignment, scope.column, snapshot.asOf, calendar, dutyWindows(config.indicators['duty-column-late']?.params ?? {})) : undefined;
      return j?.state === 'ok' ? `栏目已按方案更新，最新信息 ${j.newest}` : undefined;
    }
    if (siteLevel.has(p.indicator)) return snapshot.pages.length > 0 ? '已复查，问题不再出现' : undefined;
    return read.has(p.page) ? '页面已复查，问题不再出现' : undefined;
  };
}

/**
 * The first day whose articles a site's pass reads (crawlSite's `since`): `articleDays` before the
 * day, or earlier when the previous pass or the start of the site's outage is earlier; undefined
 * (every page) without the setting, and on a site's first pass (no column seen before the day).
 */
export function articlesSince(config: MonitorConfig, date: string, o: { previousPass?: string | undefined; seen: readonly SeenColumnRow[]; problems: ReadonlyMap<string, Problem> }): string | undefined {
  if (config.articleDays === undefined || !o.seen.some((c) => c.first_seen < date)) return undefined;
  const from = [isoDay(dayNumber(date) - config.articleDays)];
  if (o.previousPass) from.push(o.previousPass);
  for (const p of o.problems.values()) if (p.indicator === 'site-unreachable' && p.status === 'open') from.push(p.since);
  return from.sort()[0];
}

/** The events of a site before `date`, and whether it already had rows of `date` (a re-run of the day). */
function eventsBefore(contentDir: string, site: Site, date: string): { events: MonitorEvent[]; rerun: boolean } {
  const all = readSiteEvents(contentDir, site.id);
  const later = all.find((e) => e.date > date);
  if (later) throw new InputError(`content/monitor/${site.id}: records already reach ${later.date}; the monitor only adds days after the last one (or runs the last one again)`);
  const events = all.filter((e) => e.date < date);
  return { events, rerun: events.length < all.length };
}

/** Run the daily pass over every given site, writing each site's events as it is done, then the day's row. */
export async function runMonitor(input: MonitorInput): Promise<MonitorSummary> {
  const started = performance.now();
  const { date, contentDir } = input;
  const config = monitorConfigOf(input.rulesConfig);
  const rules = monitorRules(config, input.rulesConfig, input.rules);
  checkRulesConfig(rules, input.rulesConfig);
  const days = readMonitorDays(contentDir);
  const lastDay = days.at(-1)?.date;
  if (lastDay && lastDay > date) throw new InputError(`content/monitor/_days: the monitor already ran on ${lastDay}; it only adds days after the last one (or runs the last one again)`);
  // Every site's file is checked before the network is touched: a bad file stops the run, not a site.
  const before = new Map(input.sites.map((s) => [s.id, eventsBefore(contentDir, s, date)]));
  const problemsBefore = new Map(input.sites.map((s) => [s.id, foldEvents(before.get(s.id)!.events, `content/monitor/${s.id}`)]));
  // The columns seen so far are read (and checked) before any request too; a plan column no earlier
  // pass saw on a site the monitor has read is refused here.
  const plan = input.duty?.plan;
  const assignments = input.duty ? dutyAssignments(input.duty.plan, input.duty.units) : new Map();
  const seenOf = (sites: readonly Site[]) => new Map<string, SeenColumnRow[]>(sites.flatMap((s) => {
    const rows = readSeenColumns(contentDir, s.id);
    return rows.length ? [[s.id, rows]] : [];
  }));
  const seenBefore = seenOf(input.sites);
  if (plan?.entries.length) {
    const unseen = unseenDutyColumns(plan, seenBefore);
    if (unseen.length) throw new InputError(`${plan.file} names columns never seen:\n  ${unseen.join('\n  ')}`);
  }

  const ctx: RunContext = { config: input.rulesConfig, dictionary: input.dictionary, calendar: input.calendar };
  const { gather, close } = await openCrawl({ options: dailyOptions(input.options, config), rulesConfig: input.rulesConfig, asOf: date, duty: (site) => assignments.get(site.id), columnEntities: input.columnEntities ?? input.sites.filter(isColumnEntity), ...(input.sleeper ? { sleeper: input.sleeper } : {}), ...(input.resolver ? { resolver: input.resolver } : {}) });
  const emit = input.onEvent ?? (() => {});
  const day: MonitorDay = { date, sites: input.sites.length, checked: 0, unreachable: 0, not_checked: 0, opened: 0, reopened: 0, fixed: 0, reminded: 0 };
  const internalErrors: MonitorSummary['internalErrors'] = [];
  let pages = 0;
  let olderNotRead = 0;
  const previousPass = days.filter((d) => d.date < date).at(-1)?.date;
  emit({ type: 'start', total: input.sites.length });
  const admission = siteAdmission(gather);
  try {
    await Promise.all(
      input.sites.map((site) =>
        admission.run(async (slot) => {
          const t0 = performance.now();
          const problems = problemsBefore.get(site.id)!;
          let events: MonitorEvent[] = [];
          let state: SiteDayState = 'not_checked';
          try {
            const revisit = [...problems.values()].filter((p) => p.status === 'open').map((p) => p.page);
            const since = articlesSince(config, date, { previousPass, seen: seenBefore.get(site.id) ?? [], problems });
            const snapshot = await crawlSite(site, date, gather, { revisit, ...(since ? { since } : {}), idle: slot.idle });
            pages += snapshot.pages.length;
            olderNotRead += snapshot.olderNotRead ?? 0;
            addSeenColumns(contentDir, site.id, date, snapshot.columns.map((c) => ({ column: c.name, url: c.url })));
            const runs = noteRendering(runRules(snapshot, rules, ctx), snapshot, rules) as RuleRun[];
            const check: DayCheck = { date, observed: observationsOf(runs, site, dutyScopes(snapshot)), recheck: recheckerOf(snapshot, runs, input.rulesConfig, input.calendar) };
            events = dayEvents(problems, check, config);
            state = snapshot.pages.length > 0 ? 'checked' : 'unreachable';
          } catch (e) {
            const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
            internalErrors.push({ site: site.id, message });
            emit({ type: 'site-error', site, message });
          }
          // A re-run of the day replaces the day's rows; a site not judged keeps none of them.
          const { events: earlier, rerun } = before.get(site.id)!;
          const year = date.slice(0, 4);
          const kept = earlier.filter((e) => e.date.startsWith(year));
          if (events.length > 0 || rerun) writeSiteEvents(contentDir, site.id, year, [...kept, ...events]);
          day[state]++;
          for (const e of events) {
            if (e.event === 'open') day.opened++;
            else if (e.event === 'reopen') day.reopened++;
            else if (e.event === 'fixed') day.fixed++;
            else day.reminded++;
          }
          if (state !== 'not_checked') emit({ type: 'site-done', site, events, state, ms: Math.round(performance.now() - t0) });
        }),
      ),
    );
  } finally {
    admission.close();
    await close();
  }
  const year = date.slice(0, 4);
  if (input.shard) writeMonitorShardReport(contentDir, input.shard, day, input.sites.map((s) => s.id));
  else writeMonitorDays(contentDir, year, [...days.filter((d) => d.date.startsWith(year) && d.date < date), day]);
  const planErrors = plan?.entries.length ? unseenDutyColumns(plan, seenOf(input.sites)) : [];
  return { day, internalErrors, requests: gather.http.requests, pages, olderNotRead, elapsedMs: Math.round(performance.now() - started), planErrors };
}
