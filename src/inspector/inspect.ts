// One inspection run: crawl every site, run the rules, score, write one findings file per site.
// The core never prints; progress goes out as typed events (the linkinator habit).
import { basename, join } from 'node:path';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import type { Dictionary } from '../schemas/dictionary.ts';
import { isColumnEntity, type Site } from '../schemas/registry.ts';
import type { ReviewFile } from '../schemas/review.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { isTrustedVantage } from '../schemas/vantage.ts';
import { evidenceDirOf } from '../store/evidence.ts';
import { checkRulesConfig, runRules } from './engine/run-rules.ts';
import { HttpClient, type Sleeper } from './gather/http.ts';
import { AttachmentReader } from './gather/attachments/reader.ts';
import { LinkChecker } from './gather/links.ts';
import { proxyFor, readCertificate } from './gather/certificate.ts';
import { dnsLookup, type DnsResolver } from './gather/dns.ts';
import { Ipv6Prober } from './gather/ipv6.ts';
import type { CrawlOptions } from './gather/options.ts';
import { RobotsCache } from './gather/robots.ts';
import { startCrawlRenderer, type Renderer } from './gather/renderer.ts';
import type { ShotResult } from './gather/shoot.ts';
import { HostScheduler } from './gather/scheduler.ts';
import { SiteAdmission, type RunPressure } from './gather/admission.ts';
import { crawlSite, type CrawlContext } from './gather/site.ts';
import { assembleSiteQuarter, headOf } from './report/assemble.ts';
import { MAX_SHOT_BYTES, planShots, pruneShots, saveShots, withScreenshots, type PlannedShot } from './report/evidence.ts';
import { writeSiteQuarter } from './report/site-quarter.ts';
import { summaryBody } from './report/summary.ts';
import { RULES } from './rules/index.ts';
import type { Rule, RunContext } from './rules/types.ts';
import type { DutyAssignment, MonitoredProblem, ProbeWindow, SiteSnapshot } from './snapshot.ts';
import type { IndicatorResult } from './indicator.ts';
import { loadCalendar, type WorkCalendar } from './workdays.ts';

export type InspectEvent =
  | { type: 'start'; total: number }
  | { type: 'site-done'; site: Site; result: SiteQuarter; file: string; ms: number; shots?: SiteShots; run?: RunLoad }
  | { type: 'site-error'; site: Site; message: string };

/** The run's pace when a site finishes: requests so far and the time they took, and hosts being fetched from at that moment. */
export interface RunLoad {
  requests: number;
  elapsedMs: number;
  hostsBusy: number;
  /** Sites being crawled now (SiteAdmission). */
  sitesAtOnce: number;
}

export interface InspectInput {
  sites: Site[];
  contentDir: string;
  quarter: string;
  asOf: string;
  options: CrawlOptions;
  rulesConfig: RulesConfig;
  /** The wording-error dictionary (content/dictionary.yaml). */
  dictionary: Dictionary;
  /** The working-day calendar; read from contentDir (holidays.yaml over the package) when absent. */
  calendar?: WorkCalendar;
  rules?: readonly Rule[];
  /** The week of availability probes before the as-of date for a site, when records exist. */
  probes?: (site: Site) => ProbeWindow | undefined;
  /** Answers the IPv6 checks' DNS queries (AAAA, NS); without it IPv6 is not judged. */
  resolver?: DnsResolver;
  /** The daily monitor's problems of a site still open on the as-of date (content/monitor), when it has records of the site. */
  monitored?: (site: Site) => MonitoredProblem[] | undefined;
  /** The site's columns in the content duty plan (content/duty.yaml), when it has any. */
  duty?: (site: Site) => DutyAssignment[] | undefined;
  /** The registry's websites, whether or not this run crawls them: a portal that collects their reports lists them (collectsReports). Absent: the run's own websites. */
  websites?: readonly Site[];
  /** The registry's 专栏 entities (kind: column), whether or not this run crawls them: each entity's crawl leaves the others' prefixes to them. Absent: the run's own sites. */
  columnEntities?: readonly Site[];
  onEvent?: (e: InspectEvent) => void;
  /** Called with each snapshot before it is dropped (tests, tools). */
  onSnapshot?: (s: SiteSnapshot) => void;
  /** For tests: replaces waiting between retries. */
  sleeper?: Sleeper;
  /** The site's manual records of the quarter, as findings (the inspectors' workflow reads them); none when absent. */
  manual?: (site: Site) => Finding[];
  /** The quarter's review: decisions on findings and the sites' replies; none when absent. */
  review?: Pick<ReviewFile, 'decisions' | 'replies'>;
  /**
   * Screenshots as evidence (npm run crawl -- --screenshots): each failing site's findings pages
   * with the element outlined (report/evidence.ts), taken by the run's Chromium even with render never.
   */
  screenshots?: boolean;
  /** Where screenshots are written: the folder evidence/ stands for; by default evidenceDirOf(contentDir). */
  evidenceDir?: string;
}

/** A screenshot that could not be taken or written: noted in the run's summary, never fatal. */
export interface ShotFailure {
  indicator: string;
  /** The page it was to show. */
  url: string;
  reason: string;
  detail: string;
}

/** What the screenshots of one site came to. */
export interface SiteShots {
  /** Files written (a finding each). */
  files: number;
  bytes: number;
  failed: ShotFailure[];
}

export interface InspectSummary {
  results: SiteQuarter[];
  /** Sites whose inspection hit a bug; the run carries on and the command exits non-zero. */
  internalErrors: Array<{ site: string; message: string }>;
  /** Rules that threw on some sites (their indicator is not judged there: a veto may be missed), by rule, sites in id order; the command exits non-zero. */
  ruleErrors: Array<{ indicator: string; message: string; sites: string[] }>;
  requests: number;
  links: number;
  pages: number;
  maxActivePerHost: number;
  /** Most sites crawled at once (SiteAdmission's peak). */
  mostSitesAtOnce: number;
  /** The run's politeness lower bound: its busiest host's requests at one start per host pause (HostScheduler.politenessBound). */
  politeness?: { host: string; starts: number; boundMs: number };
  elapsedMs: number;
  /** Time spent running rules and scoring, summed over sites (the crawl's share is the rest). */
  rulesMs: number;
  /** With input.screenshots: the failing sites shot, the files and bytes written, the shots that failed. */
  screenshots?: { sites: number; files: number; bytes: number; failed: Array<ShotFailure & { site: string }> };
  /**
   * The as-of date's year when the working-day calendar lacks it: the enabled rules that count
   * working days (their ids in `rules`) were not applicable on every site.
   */
  calendarGap?: { year: number; rules: string[] };
}

/** What the crawl saw of a site: pages read, distinct links checked, links that could not be judged. */
export function crawlStats(snapshot: SiteSnapshot): SiteQuarter['stats'] {
  return {
    pages: snapshot.pages.length,
    links: snapshot.links.length,
    inconclusive: snapshot.links.filter((l) => l.verdict === 'inconclusive').length,
    ...(snapshot.rendering ? { rendered: snapshot.rendering } : {}),
    ...(snapshot.truncated ? { truncated: snapshot.truncated } : {}),
    ...(snapshot.vantage ? { vantage: snapshot.vantage } : {}),
    ...(snapshot.attachments ? { attachments: attachmentStats(snapshot.attachments) } : {}),
  };
}

/** What reading the site's attachments came to: read, not read and why, bytes. */
function attachmentStats(a: NonNullable<SiteSnapshot['attachments']>): NonNullable<SiteQuarter['stats']['attachments']> {
  const unreadable = a.documents.flatMap((d) => (d.outcome.status === 'unreadable' ? [{ url: d.url, detail: d.outcome.detail }] : []));
  return {
    read: a.documents.length - unreadable.length,
    bytes: a.documents.reduce((n, d) => n + d.bytes, 0),
    ...(unreadable.length ? { unreadable } : {}),
    ...(a.notRead ? { notRead: a.notRead } : {}),
  };
}

/**
 * The evidence of a finding seen on a page the crawl rendered says so: the rendered reading stood
 * where it differed from the static one; a page that needed rendering but was read statically too.
 */
export function noteRendering(results: IndicatorResult[], snapshot: SiteSnapshot, rules: readonly Rule[]): IndicatorResult[] {
  const siteLevel = new Set(rules.filter((r) => r.siteLevel).map((r) => r.id));
  const notes = new Map<string, string>();
  for (const p of snapshot.pages) {
    const r = p.rendering;
    if (!r) continue;
    const note =
      r.status === 'rendered'
        ? r.changed.length ? `（按浏览器渲染后的页面判断；与静态页面不同：${r.changed.join('，')}）` : undefined
        : `（该页内容由脚本生成，${r.status === 'failed' ? '渲染未成功' : '超出每站渲染页数（栏目页优先）'}，按静态页面判断）`;
    if (note) for (const u of [p.url, p.finalUrl]) notes.set(u, note);
  }
  if (notes.size === 0) return results;
  return results.map((r) =>
    r.outcome.status !== 'fail' || siteLevel.has(r.indicator.id)
      ? r
      : { ...r, outcome: { ...r.outcome, findings: r.outcome.findings.map((f) => (notes.has(f.page) ? { ...f, detail: `${f.detail}${notes.get(f.page)}` } : f)) } },
  );
}

const NO_REVIEW = { decisions: [], replies: [] };

/** From a snapshot to the findings file's frontmatter: the rules, then the site's records and the review, scored once. */
export function judgeSite(snapshot: SiteSnapshot, quarter: string, rules: readonly Rule[], ctx: RunContext, manual: Finding[] = [], review: Pick<ReviewFile, 'decisions' | 'replies'> = NO_REVIEW): SiteQuarter {
  const crawl = noteRendering(runRules(snapshot, rules, ctx), snapshot, rules).map((r) => ({ indicator: r.indicator.id, outcome: r.outcome }));
  return assembleSiteQuarter({ head: headOf(snapshot.site, quarter, snapshot.asOf, crawlStats(snapshot)), site: snapshot.site, crawl, manual, review, config: ctx.config });
}

/**
 * The screenshots of a judged site (planShots: a failing site's vetoes and deductions, bounded),
 * written into evidenceDir/<quarter>/<site>/, and the findings file naming them. A page is
 * loaded once for all its shots, and findings about one element share one. A shot that fails, or that cannot find its element,
 * leaves its finding without a screenshot and is noted; the crawl's earlier shots of the site that
 * were not taken again go.
 */
export async function captureEvidence(result: SiteQuarter, renderer: Pick<Renderer, 'shoot'>, evidenceDir: string): Promise<{ result: SiteQuarter; shots: SiteShots; prune: () => void }> {
  const plan = planShots(result);
  // Each page is loaded once for all its elements (the site is spared a download per finding).
  const pages = new Map<string, Array<string | undefined>>();
  for (const p of plan) {
    const selectors = pages.get(p.url) ?? [];
    if (!selectors.includes(p.selector)) selectors.push(p.selector);
    pages.set(p.url, selectors);
  }
  const shot = new Map<string, ShotResult>();
  const key = (url: string, selector: string | undefined) => `${url}\u0000${selector ?? ''}`;
  await Promise.all(
    [...pages].map(async ([url, selectors]) => {
      const out = await renderer.shoot(url, { selectors, maxBytes: MAX_SHOT_BYTES });
      selectors.forEach((sel, i) => shot.set(key(url, sel), out[i]!));
    }),
  );
  const outcomes = plan.map((p) => shot.get(key(p.url, p.selector))!);
  const taken: PlannedShot[] = [];
  const failed: ShotFailure[] = [];
  const files: Array<{ name: string; jpeg: Uint8Array }> = [];
  plan.forEach((p, i) => {
    const o = outcomes[i]!;
    const indicator = result.findings[p.index]!.indicator;
    // The element no longer on the page (changed since the crawl read it): an unframed view would say nothing about it.
    if (o.ok && p.selector && o.outlined === 'none') failed.push({ indicator, url: p.url, reason: 'no-element', detail: `${p.selector} not found` });
    else if (o.ok) {
      taken.push(p);
      files.push({ name: basename(p.path), jpeg: o.jpeg });
    } else failed.push({ indicator, url: p.url, reason: o.reason, detail: o.detail });
  });
  const folder = join(evidenceDir, result.quarter, result.site);
  try {
    saveShots(folder, files);
  } catch (e) {
    const detail = (e as Error).message;
    return { result, shots: { files: 0, bytes: 0, failed: plan.map((p) => ({ indicator: result.findings[p.index]!.indicator, url: p.url, reason: 'write', detail })) }, prune: () => {} };
  }
  return {
    result: withScreenshots(result, taken),
    shots: { files: files.length, bytes: files.reduce((n, f) => n + f.jpeg.length, 0), failed },
    prune: () => pruneShots(folder, new Set(files.map((f) => f.name))),
  };
}

/** What a run's crawl machinery is opened from: the options, the rules' trusted vantages, the day, and what comes from outside the crawl. */
export type CrawlSetup = Pick<InspectInput, 'options' | 'rulesConfig' | 'asOf' | 'screenshots' | 'sleeper' | 'probes' | 'resolver' | 'monitored' | 'duty' | 'columnEntities' | 'websites'>;

/**
 * What a run looks like now (SiteAdmission's pressure): requests waiting for one of its slots, how
 * late its event loop runs timers, and its live memory as of the last full collection.
 */
export function runPressure(scheduler: Pick<HostScheduler, 'waiting'>): { read(): RunPressure; stop(): void } {
  // The histogram holds the intervals of a 10 ms timer: lateness is what exceeds the 10 ms.
  const resolution = 10;
  const delay = monitorEventLoopDelay({ resolution });
  delay.enable();
  // What a full collection leaves is what the run holds; read as each one ends.
  let liveBytes = 0;
  const gc = new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR)) return;
    const m = process.memoryUsage();
    liveBytes = m.heapUsed + m.external;
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    read() {
      const loopDelayMs = delay.count > 0 ? Math.max(0, delay.percentile(90) / 1e6 - resolution) : 0;
      delay.reset();
      return { waitingRequests: scheduler.waiting, loopDelayMs, liveBytes, rssBytes: process.memoryUsage.rss() };
    },
    stop() {
      delay.disable();
      gc.disconnect();
    },
  };
}

/**
 * The sites at once of a run: from opts.siteConcurrency, adding sites while few requests wait for a
 * slot of the run's, the event loop runs its timers on time and live memory is within budget, up to
 * opts.maxSitesAtOnce.
 */
export function siteAdmission(gather: Pick<CrawlContext, 'opts' | 'scheduler'>): SiteAdmission {
  const pressure = runPressure(gather.scheduler);
  return new SiteAdmission({ min: gather.opts.siteConcurrency, max: gather.opts.maxSitesAtOnce, memoryBytes: gather.opts.memoryBudgetMb * 2 ** 20, slots: gather.opts.concurrency }, pressure.read, pressure.stop);
}

/**
 * One run's shared crawl machinery: HTTP client, host scheduler, robots cache, link checker and (for
 * --render auto or always, or screenshots) Chromium; close() ends them. Network failures count only
 * from a vantage rules.yaml trusts (or from anywhere when it lists none).
 */
export async function openCrawl(input: CrawlSetup): Promise<{ gather: CrawlContext; close: () => Promise<void> }> {
  const opts = { ...input.options, trustedNetwork: isTrustedVantage(input.rulesConfig.trustedVantages, input.options.vantage) };
  const http = new HttpClient(opts, input.sleeper);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  const robots = new RobotsCache(http, opts.robots);
  let renderer: Renderer | undefined;
  try {
    renderer = await startCrawlRenderer(opts, robots, input.asOf, input.screenshots);
  } catch (e) {
    await http.close();
    throw e;
  }
  const reader = opts.attachments && opts.maxAttachments > 0 ? new AttachmentReader() : undefined;
  const resolver = input.resolver;
  const ipv6 = opts.ipv6 && resolver ? new Ipv6Prober(opts, (host) => resolver.resolve6(host)) : undefined;
  const gather: CrawlContext = {
    opts,
    http,
    scheduler,
    links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent, opts.trustedNetwork ? undefined : { name: opts.vantage ?? '未设置' }),
    robots,
    probes: input.probes,
    dns: input.resolver ? dnsLookup(input.resolver) : undefined,
    monitored: input.monitored,
    duty: input.duty,
    columnEntities: input.columnEntities,
    websites: input.websites,
    renderer,
    ...(reader ? { reader } : {}),
    ...(opts.certificates ? { certificate: (host: string) => readCertificate(host, { timeoutMs: opts.timeoutMs, proxy: proxyFor(host, opts.proxy), allowPrivate: opts.allowPrivate, extraCa: opts.extraCa }) } : {}),
    ...(ipv6 ? { ipv6 } : {}),
  };
  return { gather, close: async () => void (await Promise.all([http.close(), renderer?.close(), reader?.close(), ipv6?.close()])) };
}

/** Inspect every given site; each site's file is written as soon as it is done. */
export async function inspect(input: InspectInput): Promise<InspectSummary> {
  const started = performance.now();
  const rules = input.rules ?? RULES;
  checkRulesConfig(rules, input.rulesConfig);
  // Working days follow the official holiday calendar, never plain weekdays. A year it lacks makes
  // only the rules that count working days not applicable (the runner), and the command says so once.
  const calendar = input.calendar ?? loadCalendar(input.contentDir);
  const workdayRules = rules.filter((r) => r.countsWorkdays && input.rulesConfig.indicators[r.id]?.enabled).map((r) => r.id);
  const calendarGap = !calendar.covers(input.asOf) && workdayRules.length > 0 ? { year: Number(input.asOf.slice(0, 4)), rules: workdayRules } : undefined;
  const ctx: RunContext = { config: input.rulesConfig, dictionary: input.dictionary, calendar };
  const review = input.review ?? NO_REVIEW;
  const { gather, close } = await openCrawl({ ...input, columnEntities: input.columnEntities ?? input.sites.filter(isColumnEntity), websites: input.websites ?? input.sites.filter((s) => !isColumnEntity(s)) });
  const { http, scheduler, renderer } = gather;
  const emit = input.onEvent ?? (() => {});
  const results: SiteQuarter[] = [];
  const internalErrors: InspectSummary['internalErrors'] = [];
  let pages = 0;
  let rulesMs = 0;
  const evidenceDir = input.evidenceDir ?? evidenceDirOf(input.contentDir);
  const shotTotals = { sites: 0, files: 0, bytes: 0, failed: [] as Array<ShotFailure & { site: string }> };
  emit({ type: 'start', total: input.sites.length });
  const admission = siteAdmission(gather);
  try {
    await Promise.all(
      input.sites.map((site) =>
        admission.run(async (slot) => {
          const t0 = performance.now();
          try {
            const snapshot = await crawlSite(site, input.asOf, gather, { idle: slot.idle });
            input.onSnapshot?.(snapshot);
            pages += snapshot.pages.length;
            const r0 = performance.now();
            let result = judgeSite(snapshot, input.quarter, rules, ctx, input.manual?.(site) ?? [], review);
            rulesMs += performance.now() - r0;
            let shots: SiteShots | undefined;
            let prune = () => {};
            // Before the file is written, so that it names its screenshots; the stale ones are removed after it.
            if (input.screenshots && renderer) {
              ({ result, shots, prune } = await captureEvidence(result, renderer, evidenceDir));
              if (shots.files + shots.failed.length > 0) shotTotals.sites++;
              shotTotals.files += shots.files;
              shotTotals.bytes += shots.bytes;
              shotTotals.failed.push(...shots.failed.map((f) => ({ site: site.id, ...f })));
            }
            const file = writeSiteQuarter(input.contentDir, result, summaryBody(result));
            prune();
            results.push(result);
            const run: RunLoad = { requests: http.requests + (gather.ipv6?.requests ?? 0), elapsedMs: Math.round(performance.now() - started), hostsBusy: scheduler.hostsBusy, sitesAtOnce: admission.running };
            emit({ type: 'site-done', site, result, file, ms: Math.round(performance.now() - t0), ...(shots ? { shots } : {}), run });
          } catch (e) {
            const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
            internalErrors.push({ site: site.id, message });
            emit({ type: 'site-error', site, message });
          }
        }),
      ),
    );
  } finally {
    admission.close();
    await close();
  }
  results.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  const politeness = scheduler.politenessBound();
  return {
    results,
    internalErrors,
    ruleErrors: ruleErrorsOf(results),
    // The requests over IPv6 go through a client of their own: counted with the run's.
    requests: http.requests + (gather.ipv6?.requests ?? 0),
    links: gather.links.size,
    pages,
    maxActivePerHost: scheduler.maxActivePerHost,
    mostSitesAtOnce: admission.peak,
    ...(politeness ? { politeness } : {}),
    elapsedMs: Math.round(performance.now() - started),
    rulesMs: Math.round(rulesMs),
    ...(input.screenshots ? { screenshots: { ...shotTotals, failed: shotTotals.failed.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0)) } } : {}),
    ...(calendarGap ? { calendarGap } : {}),
  };
}

/** The rules that errored, each with its first message and the sites it errored on. */
export function ruleErrorsOf(results: readonly SiteQuarter[]): InspectSummary['ruleErrors'] {
  const by = new Map<string, { indicator: string; message: string; sites: string[] }>();
  for (const r of results) {
    for (const e of r.errors ?? []) {
      const x = by.get(e.indicator) ?? by.set(e.indicator, { indicator: e.indicator, message: e.message, sites: [] }).get(e.indicator)!;
      x.sites.push(r.site);
    }
  }
  return [...by.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
