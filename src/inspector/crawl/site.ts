// Crawl one site: home page (with spaced tries), then same-site pages breadth-first, then every
// other link target once. Returns a snapshot; a failing site is an outcome, never an exception.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Site } from '../../schemas/registry.ts';
import { decodeHtml } from './decode.ts';
import { extractPage, sameSite, type LinkKind } from './extract.ts';
import type { HttpClient, HttpOutcome, HttpResponse } from './http.ts';
import { failureDetail, isHtml, softNotFound, type LinkChecker } from './links.ts';
import type { CrawlOptions } from './options.ts';
import type { RobotsCache } from './robots.ts';
import type { HostScheduler } from './scheduler.ts';
import type { HomeAttempt, LinkResult, PageSnapshot, SiteLink, SiteSnapshot } from './snapshot.ts';

/** Shared machinery of one crawl run. */
export interface CrawlContext {
  opts: CrawlOptions;
  http: HttpClient;
  scheduler: HostScheduler;
  links: LinkChecker;
  robots: RobotsCache;
}

/** Crawl one registered site as of a date. */
export async function crawlSite(site: Site, asOf: string, ctx: CrawlContext): Promise<SiteSnapshot> {
  const { opts, http, scheduler, links } = ctx;
  const fetchPage = (url: string) => scheduler.run(new URL(url).host, () => http.fetch(url));

  const robots = await ctx.robots.forUrl(site.url);
  if (robots.delayMs !== undefined) scheduler.setHostDelay(new URL(site.url).host, robots.delayMs);
  const attempts: HomeAttempt[] = [];
  let home: HttpResponse | undefined;
  for (let i = 0; i < opts.homeAttempts && !home; i++) {
    if (i > 0) await sleep(opts.homeAttemptGapMs);
    const o = await fetchPage(site.url);
    if (o.ok && o.status < 400) home = o;
    attempts.push({ ok: o.ok && o.status < 400, detail: o.ok ? `HTTP ${o.status}` : failureDetail(o, opts.timeoutMs), elapsedMs: o.elapsedMs });
  }
  if (!home) return { site, asOf, home: { attempts }, pages: [], links: [], robots: robots.status, columns: [] };

  const refs = new Map<string, { kind: LinkKind; referrers: Set<string> }>();
  const addRef = (url: string, kind: LinkKind, page: string) => {
    const r = refs.get(url);
    if (r) r.referrers.add(page);
    else refs.set(url, { kind, referrers: new Set([page]) });
  };
  const pages: PageSnapshot[] = [];
  const crawled = new Set<string>([site.url]);
  const parsed = new Set<string>();
  let homeHtml: string | undefined;
  links.remember(site.url, Promise.resolve({ url: site.url, verdict: 'ok', status: home.status, detail: `HTTP ${home.status}` }));

  // Same site as the registered home page or as where it redirects (a portal that moved to a new host).
  const onSite = (u: string) => sameSite(u, site.url) || sameSite(u, home!.finalUrl);
  /** Parse a fetched page; returns the pages to crawl next, or 'not-found' for a soft 404. */
  const readPage = (url: string, depth: number, res: HttpResponse): Array<{ url: string; depth: number }> | 'not-found' => {
    if (!isHtml(res.headers) || (depth > 0 && !onSite(res.finalUrl)) || parsed.has(res.finalUrl)) return [];
    parsed.add(res.finalUrl);
    const decoded = decodeHtml(res.body, res.headers['content-type']);
    const page = extractPage(decoded.text, res.finalUrl, asOf);
    if (depth > 0 && page.saysNotFound) return 'not-found';
    if (depth === 0) homeHtml = decoded.text;
    pages.push({ url, finalUrl: res.finalUrl, depth, status: res.status, charset: decoded.charset, title: page.title, facts: page.facts });
    const next: Array<{ url: string; depth: number }> = [];
    for (const link of page.links) {
      if (link.url === url) continue;
      addRef(link.url, link.kind, url);
      const crawlable = (link.kind === 'page' || link.kind === 'frame') && onSite(link.url);
      if (!crawlable || depth + 1 > opts.maxDepth || crawled.has(link.url) || crawled.size >= opts.maxPages) continue;
      if (!robots.allowed(link.url)) continue;
      crawled.add(link.url);
      next.push({ url: link.url, depth: depth + 1 });
    }
    return next;
  };

  const first = readPage(site.url, 0, home);
  let frontier = first === 'not-found' ? [] : first;
  while (frontier.length > 0) {
    const levels = await Promise.all(
      frontier.map(async ({ url, depth }) => {
        const outcome: HttpOutcome = await fetchPage(url);
        // The page is parsed below anyway, so the soft-404 check happens there, not twice.
        let judged = await links.recheckBlocked(url, outcome, true);
        let next: Array<{ url: string; depth: number }> = [];
        if (judged.verdict === 'ok' && outcome.ok) {
          const read = readPage(url, depth, outcome);
          if (read === 'not-found') judged = softNotFound(url, outcome.status);
          else next = read;
        }
        links.remember(url, Promise.resolve(judged));
        return next;
      }),
    );
    frontier = levels.flat();
  }

  // Every other target once: HEAD first. Same-site pages the crawl did not reach are read for soft 404s.
  const results = new Map<string, LinkResult>();
  await Promise.all(
    [...refs.entries()].map(async ([url, ref]) => {
      const same = onSite(url);
      let p = links.known(url);
      if (!p && same && !robots.allowed(url)) {
        results.set(url, { url, verdict: 'skipped', detail: 'robots.txt 不允许访问' });
        return;
      }
      p ??= links.check(url, same && ref.kind === 'page');
      results.set(url, await p);
    }),
  );

  const siteLinks: SiteLink[] = [...refs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, ref]) => {
      const referrers = [...ref.referrers].sort();
      if (ref.referrers.has(site.url)) referrers.sort((a, b) => (a === site.url ? -1 : b === site.url ? 1 : 0));
      return { ...results.get(url)!, url, kind: ref.kind, referrers };
    });
  pages.sort((a, b) => a.depth - b.depth || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return {
    site,
    asOf,
    home: { attempts, url: home.finalUrl, ...(homeHtml === undefined ? {} : { html: homeHtml }) },
    pages,
    links: siteLinks,
    robots: robots.status,
    columns: [],
  };
}
