// Crawl one site: home page (with spaced tries), then same-site pages breadth-first, then every
// other link target once. Returns a snapshot; a failing site is an outcome, never an exception.
import { setTimeout as sleep } from 'node:timers/promises';
import { collectedSites, entityPrefix, isColumnEntity, type Site } from '../../schemas/registry.ts';
import { assembleColumns, sortedNewestFirst } from './columns.ts';
import { decodeHtml } from './decode.ts';
import { extractPage, notFoundEvidence, type ExtractedPage } from './extract.ts';
import type { Renderer } from './renderer.ts';
import type { AttachmentReader } from './attachments/reader.ts';
import { formatByName } from './attachments/formats.ts';
import type { CertificateOutcome } from './certificate.ts';
import type { Ipv6Prober } from './ipv6.ts';
import { auditSite, tryElderMode, type AuditSource } from './audit.ts';
import { trySearchBox } from './search-try.ts';
import { limitNesting } from './nesting.ts';
import { renderReasons } from './scripting.ts';
import pLimit, { type LimitFunction } from 'p-limit';
import { dateShape, prefixOf, repeatsItself, resolveLink, sameSite, underPrefix, type Prefix } from './urls.ts';
import type { HttpClient, HttpOutcome, HttpResponse } from './http.ts';
import { failureDetail, isHtml, softNotFound, statusDetail, type LinkChecker } from './links.ts';
import type { CrawlOptions } from './options.ts';
import type { RobotsCache, RobotsPolicy } from './robots.ts';
import { collectMessages } from './messages.ts';
import type { HostScheduler } from './scheduler.ts';
import type { AttachmentSnapshot, ColumnSnapshot, DnsFacts, DutyAssignment, HomeAttempt, MonitoredProblem, LinkKind, LinkResult, PageFacts, PageRendering, PageSnapshot, ProbeWindow, SiteLink, SiteSnapshot, Where } from '../snapshot.ts';
import { searchToTry } from '../snapshot.ts';
import { RENDER_REASONS, TRUNCATION_REASONS, type RenderReason, type RenderStats, type Truncated, type TruncationReason } from '../../schemas/findings.ts';

/** Shared machinery of one crawl run, and what the gatherer adds from outside the crawl. */
export interface CrawlContext {
  opts: CrawlOptions;
  http: HttpClient;
  scheduler: HostScheduler;
  links: LinkChecker;
  robots: RobotsCache;
  /** The week of availability probes before the as-of date for a site, when records exist. */
  probes?: ((site: Site) => ProbeWindow | undefined) | undefined;
  /** Looks up the home host's AAAA records; without it IPv6 is not judged. */
  dns?: ((host: string) => Promise<DnsFacts>) | undefined;
  /** The daily monitor's problems of a site still open on the as-of date, when it has records of the site. */
  monitored?: ((site: Site) => MonitoredProblem[] | undefined) | undefined;
  /** The site's columns in the content duty plan, when it has any. */
  duty?: ((site: Site) => DutyAssignment[] | undefined) | undefined;
  /** The registry's 专栏 entities (kind: column): a crawl leaves the prefixes inside its own scope to them (checks their links, never reads their pages). */
  columnEntities?: readonly Pick<Site, 'id' | 'kind' | 'url'>[] | undefined;
  /** The registry's websites, for a portal that collects their reports (collectsReports). */
  websites?: readonly Site[] | undefined;
  /** The run's Chromium, when pages may be rendered (`opts.render` is auto or always). */
  renderer?: Renderer | undefined;
  /** Reads attached documents for personal data, when the crawl reads them (`opts.attachments`). */
  reader?: AttachmentReader | undefined;
  /** Reads a host's certificate on 443, when the crawl reads them (`opts.certificates`). */
  certificate?: ((host: string) => Promise<CertificateOutcome>) | undefined;
  /** Fetches the site again over IPv6 when its home host has AAAA records (`opts.ipv6`). */
  ipv6?: Ipv6Prober | undefined;
}

type Next = Array<{ url: string; depth: number }>;

/**
 * A 专栏's prefixes: its registered folder, and the folder its front page redirects to when that is
 * a folder too. A 专栏 sent to a host's home page (taken down, moved into the portal) does not make
 * the whole host its own: its findings would be the portal's pages charged to the 专栏's unit.
 */
function columnPrefixes(site: Pick<Site, 'kind' | 'url'>, homeUrl: string): string[] {
  const own = entityPrefix(site);
  const moved = entityPrefix({ kind: 'column', url: homeUrl });
  return new URL(moved).pathname === '/' || moved === own ? [own] : [own, moved];
}

/** One site's crawl in progress: the pages read, the links seen, and what is still wanted. */
class SiteCrawl {
  readonly pages: PageSnapshot[] = [];
  /** Every link target seen, with its kind and the pages that refer to it. */
  readonly refs = new Map<string, { kind: LinkKind; referrers: Set<string>; whereOn?: Record<string, Where> }>();
  /** Told of each new target off the site as it is found (its check then runs beside the crawl). */
  onOffSite: ((url: string) => void) | undefined;
  /** Frames of the home page: they are read as part of it (footers, blocks). */
  readonly homeFrames = new Set<string>();
  readonly footers: NonNullable<SiteSnapshot['home']['footers']> = [];
  homeHtml: string | undefined;
  /** The home page as fetched, before any rendering (its search box is tried from it). */
  homeSource: string | undefined;
  readonly #crawled: Set<string>;
  /** Same-site pages not read because a trap guard passed over them (not in #crawled: they take no page budget). */
  readonly #passedOver = new Set<string>();
  readonly #parsed = new Set<string>();
  /** Later pages of the lists read: their items' links are checked, so they are rendered before articles. */
  readonly #listPages = new Set<string>();
  /** Links the rules depend on, by rank (0 first): column lists, then list pagination, then navigation and boards. */
  readonly #wanted = new Map<string, number>();
  readonly #site: Site;
  readonly #homeUrl: string;
  readonly #asOf: string;
  readonly #opts: CrawlOptions;
  readonly #robots: RobotsPolicy;
  readonly #renderer: Renderer | undefined;
  /** Pages rendered or meant to be, by outcome and reason. */
  readonly rendering: RenderStats & { failed: number; overBudget: number; notRendered: number } = { pages: 0, reasons: {}, failed: 0, overBudget: 0, notRendered: 0 };
  #renderTries = 0;
  /** --render never: pages that need a browser are only marked, so that what they lack is no evidence. */
  readonly #never: boolean;
  /** When the site's time is up (performance.now()). */
  readonly #deadline: number;
  /** Why and how much a budget cut. */
  readonly #cut = { reasons: new Set<TruncationReason>(), pagesNotRead: 0, linksNotChecked: 0 };
  /** URLs of each dated shape crawled, and checked (a calendar's endless dates share one). */
  readonly #shapes = { crawled: new Map<string, number>(), checked: new Map<string, number>() };
  /** The home page's 找错 entry appeared only when it was rendered: other pages' footers are written by script too. */
  #footerByScript = false;

  /** The crawl's own fetch (its host scheduler, proxy and deadlines). */
  readonly #fetch: (url: string) => Promise<HttpOutcome>;

  /** Items listed with a date before this day are not read (the daily monitor reads what is new); undefined: every page. */
  readonly #since: string | undefined;
  /** Pages not read because a list dates them before #since. */
  readonly olderNotRead = new Set<string>();

  /** Prefixes of other entities inside this one's scope (专栏 registered on their own): never crawled as this site's. */
  readonly #carved: readonly Prefix[];
  /** A 专栏 entity's own prefixes (#columnPrefixes); undefined for a website. */
  readonly #prefixes: readonly Prefix[] | undefined;

  constructor(site: Site, homeUrl: string, asOf: string, opts: CrawlOptions, robots: RobotsPolicy, renderer: Renderer | undefined, fetch: (url: string) => Promise<HttpOutcome>, columnEntities: CrawlContext['columnEntities'] = [], since?: string) {
    this.#fetch = fetch;
    this.#since = since;
    this.#site = site;
    this.#homeUrl = homeUrl;
    this.#prefixes = isColumnEntity(site) ? columnPrefixes(site, homeUrl).map(prefixOf) : undefined;
    const own = new Set([site.url, homeUrl].map((h) => entityPrefix({ kind: site.kind, url: h })));
    this.#carved = columnEntities
      .filter((e) => e.id !== site.id)
      .map(entityPrefix)
      .filter((p) => this.#inScope(new URL(p)) && !own.has(p))
      .map(prefixOf);
    this.#asOf = asOf;
    this.#opts = opts;
    this.#robots = robots;
    this.#renderer = opts.render === 'never' ? undefined : renderer;
    this.#never = opts.render === 'never';
    this.#deadline = performance.now() + opts.siteBudgetMs;
    this.#crawled = new Set([site.url]);
  }

  /** The renderer, unless the crawl renders nothing (--render never). */
  get renderer(): Renderer | undefined {
    return this.#renderer;
  }

  /** The site's time is up: no new page is fetched, no new link checked. */
  timeIsUp(): boolean {
    return performance.now() >= this.#deadline;
  }

  /** Note what a budget kept from being read. */
  cut(reason: TruncationReason, what: 'page' | 'link'): void {
    this.#cut.reasons.add(reason);
    if (what === 'page') this.#cut.pagesNotRead++;
    else this.#cut.linksNotChecked++;
  }

  /** A URL of a dated shape beyond the first MAX_PER_DATE_SHAPE of it, counting it when not. */
  tooManyDated(url: string, phase: 'crawled' | 'checked'): boolean {
    const shape = dateShape(url);
    if (shape === undefined) return false;
    const seen = this.#shapes[phase].get(shape) ?? 0;
    if (seen >= MAX_PER_DATE_SHAPE) return true;
    this.#shapes[phase].set(shape, seen + 1);
    return false;
  }

  /** What budgets cut, when they cut anything. */
  truncated(): Truncated | undefined {
    const { reasons, pagesNotRead, linksNotChecked } = this.#cut;
    return reasons.size ? { reasons: TRUNCATION_REASONS.filter((r) => reasons.has(r)), pagesNotRead, linksNotChecked } : undefined;
  }

  /** Whether any page was rendered or needed rendering. */
  renderingHappened(): boolean {
    return this.rendering.pages + this.rendering.failed + this.rendering.overBudget + this.rendering.notRendered > 0;
  }

  /** What rendering came to on this site, as the findings file keeps it: the reasons in RENDER_REASONS order, whatever order the pages rendered in (a byte-stable file). */
  renderStats(): RenderStats {
    const { pages, reasons, failed, overBudget, notRendered } = this.rendering;
    const ordered: RenderStats['reasons'] = {};
    for (const r of RENDER_REASONS) if (reasons[r] !== undefined) ordered[r] = reasons[r];
    return { pages, reasons: ordered, ...(failed ? { failed } : {}), ...(overBudget ? { overBudget } : {}), ...(notRendered ? { notRendered } : {}) };
  }

  /**
   * Same site as the registered home page or as where it redirects (a portal that moved to a new
   * host); for a 专栏 entity, under its folder or the folder its front page redirects to. The rest of
   * the host is another entity's: linked to and checked, never crawled.
   */
  onSite(u: string): boolean {
    // The common case, a website with no 专栏 registered inside it, parses nothing more than before.
    if (!this.#prefixes && this.#carved.length === 0) return sameSite(u, this.#site.url) || sameSite(u, this.#homeUrl);
    const url = new URL(u);
    return this.#inScope(url) && !this.#carved.some((p) => underPrefix(url, p));
  }

  #inScope(u: URL): boolean {
    if (this.#prefixes) return this.#prefixes.some((p) => underPrefix(u, p));
    return sameSite(u.href, this.#site.url) || sameSite(u.href, this.#homeUrl);
  }

  /** A same-site URL the crawl may fetch (robots.txt). */
  allowed(u: string): boolean {
    return this.#robots.allowed(u);
  }

  /**
   * Parse a fetched page, rendered in Chromium when its static reading cannot decide (or always);
   * returns the pages to crawl next, or what says it is a soft 404.
   */
  async readPage(url: string, depth: number, res: HttpResponse): Promise<Next | { notFound: string }> {
    if (!isHtml(res.headers) || (depth > 0 && !this.onSite(res.finalUrl)) || this.#parsed.has(res.finalUrl)) return [];
    this.#parsed.add(res.finalUrl);
    const decoded = decodeHtml(res.body, res.headers['content-type']);
    const homeLike = depth === 0 || this.homeFrames.has(url);
    const source = limitNesting(decoded.text);
    let html = source;
    let page = extractPage(html, res.finalUrl, this.#asOf);
    let rendering: PageRendering | undefined;
    if (!(depth > 0 && page.saysNotFound)) {
      const needed = homeLike || [url, res.finalUrl].some((u) => this.#wanted.has(u) || this.#listPages.has(u));
      const seen = await this.#render(res.finalUrl, html, page, homeLike, needed);
      rendering = seen?.rendering;
      if (seen?.read) ({ read: page, html } = seen);
    }
    if (depth > 0 && page.saysNotFound) return { notFound: notFoundEvidence(page.title, page.facts.text.replace(/\s+/g, ' ')) ?? '页面显示不存在' };
    if (depth === 0) {
      this.homeHtml = html;
      this.homeSource = source;
      for (const l of page.links) if (l.kind === 'frame' && this.onSite(l.url)) this.homeFrames.add(l.url);
    }
    if (this.homeFrames.has(url) && this.footers.length < MAX_FOOTERS) this.footers.push({ url, kind: 'frame', text: html.slice(0, MAX_FOOTER_CHARS) });
    this.pages.push({ url, finalUrl: res.finalUrl, depth, status: res.status, charset: decoded.charset, title: page.title, facts: page.facts, ...(rendering ? { rendering } : {}) });
    for (const [u, rank] of wantedLinks(page, depth === 0 || this.homeFrames.has(url))) this.#wanted.set(u, Math.min(rank, this.#wanted.get(u) ?? rank));
    for (const u of page.facts.list?.pagination ?? []) this.#listPages.add(u);
    return this.#follow(url, depth, page.links, this.#since === undefined ? undefined : listedDates(page.facts));
  }

  /**
   * Render a page whose static reading cannot decide, within the site's budget. The rendered
   * reading replaces the static one; where they differ, `changed` says how (the findings say so).
   */
  async #render(finalUrl: string, html: string, page: ExtractedPage, homeLike: boolean, needed: boolean): Promise<{ rendering: PageRendering; read?: ExtractedPage; html: string } | undefined> {
    if (!this.#renderer && !this.#never) return undefined;
    const r: RenderReason[] = this.#opts.render === 'always' ? ['always'] : renderReasons(page.scripting, page.facts, html, homeLike);
    if (this.#footerByScript && !homeLike && r.length === 0 && !page.facts.errorReport && page.scripting.scripts > 0) r.push('footer');
    if (r.length === 0) return undefined;
    if (!this.#renderer) {
      this.rendering.notRendered++;
      return { rendering: { status: 'not-rendered', reasons: r }, html };
    }
    // The pages the rules depend on (home, frames, column lists and their later pages, boards) may use
    // the whole budget, the others half of it: a site that writes every page by script keeps renders for its lists.
    if (this.#renderTries >= (needed ? this.#opts.maxRendered : Math.floor(this.#opts.maxRendered / 2))) {
      this.rendering.overBudget++;
      return { rendering: { status: 'over-budget', reasons: r }, html };
    }
    this.#renderTries++;
    let out = await this.#renderer.render(finalUrl, { html, reading: true });
    // A script that sends the visitor to another page of the site: Chromium decodes that page by its
    // declaration, which may lie (UTF-8 bytes under a gb2312 meta) or be missing. The crawl fetches it
    // and, when its own reading of the bytes differs from the declaration, renders those instead.
    if (out.ok && out.finalUrl !== finalUrl && this.onSite(out.finalUrl) && this.allowed(out.finalUrl)) {
      const target = await this.#fetch(out.finalUrl);
      if (target.ok && target.status < 400 && isHtml(target.headers)) {
        const d = decodeHtml(target.body, target.headers['content-type']);
        if (d.mismatch || d.declared === undefined) {
          const again = await this.#renderer.render(out.finalUrl, { html: limitNesting(d.text), reading: true });
          if (again.ok) out = again;
        }
      }
    }
    // A script that sends the visitor to another site: what it shows there is not this site's page.
    if (!out.ok || !this.onSite(out.finalUrl)) {
      this.rendering.failed++;
      return { rendering: { status: 'failed', reasons: r, detail: out.ok ? `脚本跳转到其他网站 ${out.finalUrl}` : `${out.reason}: ${out.detail}` }, html };
    }
    // The page a script redirect leads to is read here, not fetched again.
    this.#crawled.add(out.finalUrl);
    this.#parsed.add(out.finalUrl);
    const rendered = limitNesting(out.html);
    // Its scripts have run: a list still empty is empty.
    const read = extractPage(rendered, out.finalUrl, this.#asOf, true);
    this.rendering.pages++;
    for (const reason of r) this.rendering.reasons[reason] = (this.rendering.reasons[reason] ?? 0) + 1;
    if (homeLike && !page.facts.errorReport && read.facts.errorReport) this.#footerByScript = true;
    return { rendering: { status: 'rendered', reasons: r, changed: readingChanges(page, read), finalUrl: out.finalUrl }, read, html: rendered };
  }

  /**
   * Pages asked for by name (the daily monitor's pages of open problems) that the crawl did not
   * reach: read last, at the deepest level so that they lead nowhere new, past the page budget.
   */
  revisit(urls: readonly string[]): Next {
    const next: Next = [];
    for (const url of urls) {
      if (this.#crawled.has(url) || !this.onSite(url) || !this.#robots.allowed(url)) continue;
      this.#crawled.add(url);
      next.push({ url, depth: this.#opts.maxDepth });
    }
    return next;
  }

  /** Record a page's links; the same-site pages within depth and budget, wanted ones first, are crawled next. */
  #follow(url: string, depth: number, links: ReadonlyArray<{ url: string; kind: LinkKind; where?: Where }>, dated?: ReadonlyMap<string, string>): Next {
    const next: Next = [];
    const rankOf = (u: string) => this.#wanted.get(u) ?? 9;
    for (const link of [...links].sort((a, b) => rankOf(a.url) - rankOf(b.url))) {
      if (link.url === url) continue;
      // Whether the target is on the site, worked out once for the link and only when asked.
      let on: boolean | undefined;
      const onSite = () => (on ??= this.onSite(link.url));
      let r = this.refs.get(link.url);
      if (r) r.referrers.add(url);
      else {
        this.refs.set(link.url, (r = { kind: link.kind, referrers: new Set([url]) }));
        if (!onSite()) this.onOffSite?.(link.url);
      }
      // One place per target and page, its first (the sort above keeps page order within a URL).
      if (link.where) (r.whereOn ??= {})[url] ??= link.where;
      const crawlable = (link.kind === 'page' || link.kind === 'frame') && onSite();
      if (!crawlable || depth + 1 > this.#opts.maxDepth || this.#crawled.has(link.url) || this.#passedOver.has(link.url) || this.#crawled.size >= this.#opts.maxPages) continue;
      if (!this.#robots.allowed(link.url)) continue;
      const listed = dated?.get(link.url);
      if (listed !== undefined && listed < this.#since!) {
        this.olderNotRead.add(link.url);
        continue;
      }
      // Pages passed over (a calendar's endless dates, a path that repeats itself) are counted once
      // and cost nothing of the page budget: the site's real pages still get it.
      if (this.tooManyDated(link.url, 'crawled')) {
        this.#passedOver.add(link.url);
        this.cut('dates', 'page');
        continue;
      }
      if (repeatsItself(link.url)) {
        this.#passedOver.add(link.url);
        this.cut('repeats', 'page');
        continue;
      }
      this.#crawled.add(link.url);
      next.push({ url: link.url, depth: depth + 1 });
    }
    return next;
  }
}

/**
 * Crawl one registered site as of a date, and complete its snapshot: messages, probes, DNS.
 * `revisit`: pages to read as well when the crawl does not reach them (the daily monitor's pages of
 * open problems, so that a fix is seen only where it was looked for). `since`: pages that a list or
 * block of the site dates before this day are not read, only their links checked (the daily
 * monitor reads what is new; the quarter's crawl reads everything). `idle`: how the site waits
 * between two tries of a home page that did not answer, giving up its place among the sites at once
 * (SiteSlot.idle).
 */
export async function crawlSite(site: Site, asOf: string, ctx: CrawlContext, { revisit = [], since, idle = (p) => p }: { revisit?: readonly string[]; since?: string; idle?: <U>(p: Promise<U>) => Promise<U> } = {}): Promise<SiteSnapshot> {
  const { opts, http, scheduler, links } = ctx;
  // Each try in its host's turn; the waits between tries hold no slot (HttpClient's schedule).
  const schedule = <T>(host: string, attempt: () => Promise<T>) => scheduler.run(host, attempt);
  const fetchPage = (url: string, maxBytes?: number) => http.fetch(url, maxBytes === undefined ? { schedule } : { maxBytes, schedule });
  const outside = async (snapshot: SiteSnapshot): Promise<SiteSnapshot> => {
    const probes = ctx.probes?.(site);
    const monitored = ctx.monitored?.(site);
    const duty = ctx.duty?.(site);
    const collects = collectedSites(site, ctx.websites ?? [], asOf);
    const dns = snapshot.dns ?? (ctx.dns && snapshot.home.url ? await ctx.dns(new URL(snapshot.home.url).hostname) : undefined);
    const vantage = opts.vantage ? { vantage: { name: opts.vantage, trusted: opts.trustedNetwork } } : {};
    return { ...snapshot, ...(probes ? { probes } : {}), ...(monitored ? { monitored } : {}), ...(duty?.length ? { duty } : {}), ...(collects ? { collects } : {}), ...(dns ? { dns } : {}), ...vantage, ...(opts.trustedNetwork ? {} : { networkTrusted: false }) };
  };

  const robots = await ctx.robots.forUrl(site.url);
  if (robots.delayMs !== undefined) scheduler.setHostDelay(new URL(site.url).host, robots.delayMs);
  const attempts: HomeAttempt[] = [];
  let home: HttpResponse | undefined;
  for (let i = 0; i < opts.homeAttempts && !home; i++) {
    if (i > 0) await idle(sleep(opts.homeAttemptGapMs));
    const o = await fetchPage(site.url);
    if (o.ok && o.status < 400) home = o;
    attempts.push({ ok: o.ok && o.status < 400, detail: o.ok ? statusDetail(o.status) : failureDetail(o, opts.timeoutMs), elapsedMs: o.elapsedMs });
  }
  if (!home) return outside({ site, asOf, home: { attempts }, pages: [], links: [], robots: robots.status, columns: [], messages: [] });

  const c = new SiteCrawl(site, home.finalUrl, asOf, opts, robots, ctx.renderer, fetchPage, ctx.columnEntities, since);
  // Targets on other hosts are checked as they are found: their hosts' politeness and a dead host's
  // timeouts then run beside the crawl instead of after it. The site's own are checked at the end.
  const targets = new TargetChecks(c, links, opts);
  c.onOffSite = (url) => targets.offer(url);
  links.remember(site.url, Promise.resolve({ url: site.url, verdict: 'ok', status: home.status, detail: `HTTP ${home.status}` }));
  const first = await c.readPage(site.url, 0, home);
  let frontier = 'notFound' in first ? [] : first;
  const homeFacts = c.pages[0]?.facts;
  // Checks that do not decide what to crawl run beside the crawl, not before it: a silent HTTPS port
  // or a slow search costs its own deadline, never the site's pages.
  const beside = Promise.all([
    footerScripts(c.homeHtml, home.finalUrl, (u) => c.onSite(u) && c.allowed(u), fetchPage),
    homeFacts ? probeSearch({ url: home.finalUrl, html: c.homeSource, facts: homeFacts }, (u) => !c.onSite(u) || c.allowed(u), fetchPage, opts.timeoutMs, c.renderer) : Promise.resolve(undefined),
    site.url.startsWith('http:') ? probeHttps(site.url, http, opts.timeoutMs) : Promise.resolve(undefined),
    // Two handshakes with the home host, under its politeness like every request to it.
    ctx.certificate ? scheduler.run(new URL(home.finalUrl).host, () => ctx.certificate!(new URL(home.finalUrl).hostname)) : Promise.resolve(undefined),
  ]);
  while (frontier.length > 0) {
    const levels = await Promise.all(
      frontier.map(async ({ url, depth }) => {
        if (c.timeIsUp()) {
          c.cut('time', 'page');
          return [];
        }
        const outcome: HttpOutcome = await fetchPage(url);
        // The page is parsed below anyway, so the soft-404 check happens there, not twice.
        let judged = await links.recheckBlocked(url, outcome, true);
        let next: Next = [];
        if (judged.verdict === 'ok' && outcome.ok) {
          const read = await c.readPage(url, depth, outcome);
          if ('notFound' in read) judged = softNotFound(url, outcome.status, read.notFound);
          else next = read;
        }
        links.remember(url, Promise.resolve(judged));
        return next;
      }),
    );
    frontier = levels.flat();
    if (frontier.length === 0 && revisit.length > 0) {
      frontier = c.revisit(revisit);
      revisit = [];
    }
  }

  const [scripts, homeSearch, https, certificate] = await beside;
  // Footer scripts first, then footer frames, four in all.
  const footers = [...scripts, ...c.footers].slice(0, MAX_FOOTERS);
  // A frameset home page shows its search in a frame (the top one, as a rule): submitted once from there.
  let search = homeSearch;
  if (!search && !homeFacts?.search.length) {
    const frame = [...c.homeFrames].map((u) => c.pages.find((p) => p.url === u)).find((p) => p && searchToTry(p.facts));
    if (frame) search = await probeSearch({ url: frame.finalUrl, facts: frame.facts }, (u) => !c.onSite(u) || c.allowed(u), fetchPage, opts.timeoutMs, c.renderer);
  }
  const pages = [...c.pages].sort((a, b) => a.depth - b.depth || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const checked = await targets.all(site.url);
  const attachments = ctx.reader ? await readAttachments(c, checked, ctx.reader, fetchPage, opts, asOf) : undefined;
  const dns = ctx.dns ? await ctx.dns(new URL(home.finalUrl).hostname) : undefined;
  // The home page and a sample of the pages below it again over IPv6, under each host's politeness.
  const ipv6 = ctx.ipv6 && dns?.aaaa === 'yes' ? await ctx.ipv6.measure({ homeUrl: home.finalUrl, homeHtml: c.homeSource, pages, run: (u, f) => scheduler.run(new URL(u).host, f) }) : undefined;
  const columns = assembleColumns(pages.filter((p) => p.depth === 0 || c.homeFrames.has(p.url)), pages);
  const accessibility = ctx.renderer && opts.auditPages > 0 ? await auditSite(ctx.renderer, await auditSources(auditedPages(home.finalUrl, columns, opts.auditPages, (u) => c.onSite(u) && c.allowed(u)), home.finalUrl, c.homeSource, fetchPage)) : undefined;
  const elder = accessibility && ctx.renderer && c.homeSource !== undefined ? await tryElderMode(ctx.renderer, home.finalUrl, c.homeSource) : undefined;
  if (accessibility && elder) accessibility.elder = elder;
  const truncated = c.truncated();
  const read = new Set(pages.map((p) => p.url));
  const olderNotRead = [...c.olderNotRead].filter((u) => !read.has(u)).length;
  return outside({
    site,
    asOf,
    home: {
      attempts,
      url: home.finalUrl,
      ...(c.homeHtml === undefined ? {} : { html: c.homeHtml }),
      ...(footers.length ? { footers: footers.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)) } : {}),
      ...(search ? { search } : {}),
      ...(https ? { https } : {}),
    },
    pages,
    ...(c.renderingHappened() ? { rendering: c.renderStats() } : {}),
    ...(truncated ? { truncated } : {}),
    ...(olderNotRead ? { olderNotRead } : {}),
    links: checked,
    ...(attachments ? { attachments } : {}),
    ...(certificate ? { certificate } : {}),
    ...(dns ? { dns } : {}),
    ...(ipv6 ? { ipv6 } : {}),
    ...(accessibility ? { accessibility } : {}),
    robots: robots.status,
    columns,
    messages: collectMessages(pages),
  });
}

/**
 * The audited pages' HTML as the crawl reads a page (its byte limit and deadline, the host's
 * politeness): the home page's as fetched, the others fetched again. A page that fails, answers an
 * error or is cut at the byte limit is not audited.
 */
async function auditSources(urls: readonly string[], home: string, homeSource: string | undefined, fetch: (url: string) => Promise<HttpOutcome>): Promise<AuditSource[]> {
  return Promise.all(
    urls.map(async (url): Promise<AuditSource> => {
      if (url === home && homeSource !== undefined) return { url, html: homeSource };
      const o = await fetch(url);
      if (!o.ok) return { url, failed: o.message };
      if (o.status >= 400) return { url, failed: `HTTP ${o.status}` };
      if (o.truncated) return { url, failed: '页面超过读取上限' };
      return { url: o.finalUrl, html: decodeHtml(o.body, o.headers['content-type']).text };
    }),
  );
}

/** The pages axe checks: the home page, then the list pages of the first columns found on the site (read, on the site, allowed), n in all. */
export function auditedPages(home: string, columns: readonly ColumnSnapshot[], n: number, mayVisit: (url: string) => boolean): string[] {
  const lists = columns.filter((col) => !col.unread && col.url !== home && mayVisit(col.url)).map((col) => col.url);
  return [...new Set([home, ...lists])].slice(0, n);
}

/**
 * The same-site attachments that opened, in URL order, up to the site's budget: fetched (at most
 * maxAttachmentBytes) and read in the reader's worker threads. A file that is too large, does not
 * answer or cannot be read is recorded with the reason; the rest over the budget are counted.
 */
async function readAttachments(
  c: SiteCrawl,
  links: readonly SiteLink[],
  reader: AttachmentReader,
  fetch: (url: string, maxBytes: number) => Promise<HttpOutcome>,
  opts: CrawlOptions,
  asOf: string,
): Promise<{ documents: AttachmentSnapshot[]; notRead: number } | undefined> {
  const wanted = links.flatMap((l) => {
    const named = l.kind === 'attachment' && l.verdict === 'ok' && c.onSite(l.url) && c.allowed(l.url) ? formatByName(l.url) : undefined;
    return named ? [{ url: l.url, named }] : [];
  });
  if (wanted.length === 0) return undefined;
  const chosen = wanted.slice(0, opts.maxAttachments);
  const limit = pLimit(2);
  const megabytes = Math.round(opts.maxAttachmentBytes / 1024 / 1024);
  const documents = await Promise.all(
    chosen.map(({ url, named }) =>
      limit(async (): Promise<AttachmentSnapshot> => {
        if (c.timeIsUp()) return { url, bytes: 0, outcome: { status: 'unreadable', kind: 'error', detail: `超出每站检查时间（${Math.round(opts.siteBudgetMs / 60_000)} 分钟），未读取` } };
        const o = await fetch(url, opts.maxAttachmentBytes);
        if (!o.ok) return { url, bytes: 0, outcome: { status: 'unreadable', kind: 'error', detail: failureDetail(o, opts.timeoutMs) } };
        if (o.status >= 400) return { url, bytes: o.body.length, outcome: { status: 'unreadable', kind: 'error', detail: statusDetail(o.status) } };
        if (o.truncated) return { url, bytes: o.body.length, outcome: { status: 'unreadable', kind: 'too-large', detail: `超过 ${megabytes} MB，未读取` } };
        return { url, bytes: o.body.length, outcome: await reader.read(o.body, named, asOf) };
      }),
    ),
  );
  return { documents, notRead: wanted.length - chosen.length };
}

/** Every link target the crawl saw, checked once (HEAD first); same-site pages it did not reach are read for soft 404s. */
/**
 * The checks of a site's link targets. Each starts when it is offered, in the order offered, so that
 * budgets cut the last found; a verdict the run already has costs nothing and is always used.
 */
class TargetChecks {
  readonly #c: SiteCrawl;
  readonly #links: LinkChecker;
  readonly #opts: CrawlOptions;
  readonly #results = new Map<string, LinkResult>();
  readonly #running: Array<Promise<void>> = [];
  readonly #offered = new Set<string>();
  readonly #limit: LimitFunction;
  #checked = 0;

  constructor(c: SiteCrawl, links: LinkChecker, opts: CrawlOptions) {
    this.#c = c;
    this.#links = links;
    this.#opts = opts;
    this.#limit = pLimit(Math.max(16, opts.concurrency));
  }

  /** Start checking a target the crawl has seen (once; later offers of it do nothing). */
  offer(url: string): void {
    if (this.#offered.has(url)) return;
    this.#offered.add(url);
    const c = this.#c;
    const opts = this.#opts;
    const known = this.#links.known(url);
    if (!known && c.onSite(url) && !c.allowed(url)) return void this.#results.set(url, { url, verdict: 'skipped', detail: 'robots.txt 不允许访问' });
    if (!known && c.tooManyDated(url, 'checked')) {
      c.cut('dates', 'link');
      return void this.#results.set(url, { url, verdict: 'skipped', detail: `同一形式的日期链接超过 ${MAX_PER_DATE_SHAPE} 个（日历等无尽页面），未逐一检查` });
    }
    if (!known && this.#checked >= opts.maxLinkChecks) {
      c.cut('links', 'link');
      return void this.#results.set(url, { url, verdict: 'skipped', detail: `超出每站链接检查上限（${opts.maxLinkChecks} 个），未检查` });
    }
    if (!known) this.#checked++;
    const running = this.#limit(async () => {
      if (!this.#links.known(url) && c.timeIsUp()) {
        c.cut('time', 'link');
        this.#results.set(url, { url, verdict: 'skipped', detail: `超出每站检查时间（${Math.round(opts.siteBudgetMs / 60_000)} 分钟），未检查` });
        return;
      }
      this.#results.set(url, await (this.#links.known(url) ?? this.#links.check(url, c.refs.get(url)?.kind === 'page')));
    });
    // A check offered during the crawl is awaited only by all(): a bug in it fails the site there,
    // as an unhandled rejection meanwhile would end the whole run.
    running.catch(() => {});
    this.#running.push(running);
  }

  /** Every target seen, checked: those not offered yet are offered now, in the order found. */
  async all(home: string): Promise<SiteLink[]> {
    for (const url of this.#c.refs.keys()) this.offer(url);
    await Promise.all(this.#running);
    return siteLinks(this.#c, home, this.#results);
  }
}

/** The site's targets in URL order with their verdicts and referrers (the home page first among them). */
function siteLinks(c: SiteCrawl, home: string, results: ReadonlyMap<string, LinkResult>): SiteLink[] {
  return [...c.refs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, ref]) => {
      const referrers = [...ref.referrers].sort();
      if (ref.referrers.has(home)) referrers.sort((a, b) => (a === home ? -1 : b === home ? 1 : 0));
      return { ...results.get(url)!, url, kind: ref.kind, referrers, ...(ref.whereOn ? { whereOn: ref.whereOn } : {}) };
    });
}

/**
 * Where a rendered reading differs from the static one, in words for the evidence: links, column
 * items, list items, the visible text, the 找错 entry and the search.
 */
export function readingChanges(before: ExtractedPage, after: ExtractedPage): string[] {
  const out: string[] = [];
  const count = (name: string, a: number, b: number) => {
    if (a !== b) out.push(`${name} ${a}→${b}`);
  };
  const has = (name: string, a: boolean, b: boolean) => {
    if (a !== b) out.push(`${name}${a ? '有→无' : '无→有'}`);
  };
  count('链接', before.links.length, after.links.length);
  const items = (p: ExtractedPage) => p.facts.blocks.reduce((n, b) => n + b.items.length, 0);
  count('栏目条目', items(before), items(after));
  count('列表条目', before.facts.list?.items.length ?? 0, after.facts.list?.items.length ?? 0);
  const chars = (p: ExtractedPage) => p.facts.text.replace(/\s+/g, '').length;
  if (chars(before) !== chars(after)) out.push(`文字 ${chars(before)}→${chars(after)} 字`);
  has('找错入口', before.facts.errorReport, after.facts.errorReport);
  has('搜索', before.facts.search.length > 0, after.facts.search.length > 0);
  return out;
}

const MAX_FOOTERS = 4;
/** URLs of one dated shape crawled, and checked, per site: a calendar links endless dates of one shape. */
export const MAX_PER_DATE_SHAPE = 20;
const MAX_FOOTER_CHARS = 256 * 1024;
/** Pagination pages read per column when its first page is not sorted newest first. */
const MAX_LIST_PAGES = 4;

/** The newest date each item of a page's lists and blocks is listed with, by URL. */
function listedDates(facts: PageFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of [...(facts.list?.items ?? []), ...facts.blocks.flatMap((b) => b.items)]) {
    if (item.url && !(item.date <= (out.get(item.url) ?? ''))) out.set(item.url, item.date);
  }
  return out;
}

/**
 * A 信息公开年报 list, a 政府信息公开工作年度报告, or a column of 政府网站年度报表, by its name: the annual
 * reports' rule reads them.
 */
const ANNUAL_REPORTS = /信息公开.*(年报|年度报告|工作报告)|公开年报|年度报表/;
/** List pages of a column collecting 年度报表 read at most (a province's hundreds of sites, twenty a page). */
const MAX_COLLECTION_PAGES = 30;

/**
 * Links a page gives that the rules need read, with their rank: column lists 0, pagination, the
 * annual reports' lists and reports (by their link text, on any page) and every page of a column of
 * 年度报表 1, navigation and boards 2.
 */
function wantedLinks({ facts, links, title }: Pick<ExtractedPage, 'facts' | 'links' | 'title'>, homeLike: boolean): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (homeLike) {
    for (const b of facts.blocks) {
      const u = b.more ?? b.headingUrl;
      if (u) out.push([u, 0]);
    }
    for (const n of [...facts.nav, ...facts.channels]) out.push([n.url, 2]);
  }
  for (const l of links) if (l.kind === 'page' && ANNUAL_REPORTS.test(l.text)) out.push([l.url, 1]);
  // A column collecting websites' 年度报表 is judged on all its entries: all its pages are read.
  const name = facts.meta['ColumnName'] || facts.breadcrumb.at(-1) || title;
  if (facts.list && /年度报表/.test(name) && !/信息公开/.test(name)) for (const u of facts.list.pagination.slice(0, MAX_COLLECTION_PAGES)) out.push([u, 1]);
  // The newest item may be on a later page when a list is not sorted newest first.
  const list = facts.list;
  if (list && !sortedNewestFirst(list.items)) for (const u of list.pagination.slice(0, MAX_LIST_PAGES)) out.push([u, 1]);
  return out;
}

/** A same-site script whose name says it writes the footer (public_foot_2017.js, bottom.js). */
const FOOTER_SCRIPT = /foot|bottom|dibu|copyright|banquan/i;

/** Fetch the footer scripts the home page loads; their text holds the marks a browser would show. */
async function footerScripts(
  html: string | undefined,
  base: string,
  fetchable: (u: string) => boolean,
  fetchPage: (url: string) => Promise<HttpOutcome>,
): Promise<Array<{ url: string; kind: 'script'; text: string }>> {
  if (!html) return [];
  const urls = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)]
    .map((m) => resolveLink(m[1], base))
    .filter((u): u is string => u !== undefined && fetchable(u) && FOOTER_SCRIPT.test(new URL(u).pathname))
    .slice(0, MAX_FOOTERS);
  const out: Array<{ url: string; kind: 'script'; text: string }> = [];
  for (const url of [...new Set(urls)]) {
    const o = await fetchPage(url);
    if (o.ok && o.status < 400) out.push({ url, kind: 'script', text: decodeHtml(o.body, o.headers['content-type']).text.slice(0, MAX_FOOTER_CHARS) });
  }
  return out;
}

/** A word that any government site's search finds something for. */
const SEARCH_WORD = '通知';

/**
 * Submit a page's search once (searchToTry); POST forms are not submitted (they may change state).
 * A box that only its script submits is typed into and clicked in the renderer, which tells where
 * the script sends the visitor; without a renderer, or when the script sends nowhere that can be
 * seen or posts, it is not tried (then it is not judged broken). The engine is asked through the
 * crawl's own HTTP either way.
 */
async function probeSearch(
  page: { url: string; html?: string | undefined; facts: PageFacts },
  allowed: (url: string) => boolean,
  fetchPage: (url: string) => Promise<HttpOutcome>,
  timeoutMs: number,
  renderer: Renderer | undefined,
): Promise<NonNullable<SiteSnapshot['home']['search']> | undefined> {
  const form = searchToTry(page.facts);
  if (!form) return undefined;
  let target: string;
  if (form.script) {
    const script = form.script;
    const tried = await renderer?.interact(page.url, page.html === undefined ? {} : { html: page.html }, (tab, left) => trySearchBox(tab, { field: form.field, script }, SEARCH_WORD, left));
    if (!tried?.ok || 'none' in tried.value || tried.value.method !== 'GET') return undefined;
    target = tried.value.url;
  } else {
    const u = new URL(form.action);
    u.searchParams.set(form.field, SEARCH_WORD);
    target = u.href;
  }
  // A search the site's robots.txt keeps crawlers out of is not submitted (then it is not judged broken).
  if (!allowed(target)) return undefined;
  const o = await fetchPage(target);
  const ok = o.ok && o.status < 400;
  return { url: target, ok, detail: o.ok ? statusDetail(o.status) : failureDetail(o, timeoutMs), ...(form.script ? { byScript: true as const } : {}) };
}

/** Does the site answer on https:// too? One HEAD request; any HTTP answer over TLS counts. */
async function probeHttps(url: string, http: HttpClient, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const u = new URL(url);
  u.protocol = 'https:';
  u.pathname = '/';
  u.search = '';
  const o = await http.fetch(u.href, { method: 'HEAD' });
  return o.ok ? { ok: o.status < 500, detail: statusDetail(o.status) } : { ok: false, detail: failureDetail(o, timeoutMs) };
}
