// Crawl one site: home page (with spaced tries), then same-site pages breadth-first, then every
// other link target once. Returns a snapshot; a failing site is an outcome, never an exception.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Site } from '../../schemas/registry.ts';
import { assembleColumns } from './columns.ts';
import { decodeHtml } from './decode.ts';
import { extractPage, type LinkKind } from './extract.ts';
import { resolveLink, sameSite } from './urls.ts';
import type { HttpClient, HttpOutcome, HttpResponse } from './http.ts';
import { failureDetail, isHtml, softNotFound, type LinkChecker } from './links.ts';
import type { CrawlOptions } from './options.ts';
import type { RobotsCache } from './robots.ts';
import type { HostScheduler } from './scheduler.ts';
import type { HomeAttempt, LinkResult, PageFacts, PageSnapshot, SiteLink, SiteSnapshot } from '../snapshot.ts';

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
  /** Links the rules depend on, by rank (0 first): column lists, then list pagination, then navigation and boards. */
  const wanted = new Map<string, number>();
  const homeFrames = new Set<string>();
  const footers: NonNullable<SiteSnapshot['home']['footers']> = [];
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
    if (depth === 0) {
      homeHtml = decoded.text;
      for (const l of page.links) if (l.kind === 'frame' && onSite(l.url)) homeFrames.add(l.url);
    }
    if (homeFrames.has(url) && footers.length < MAX_FOOTERS) footers.push({ url, kind: 'frame', text: decoded.text.slice(0, MAX_FOOTER_CHARS) });
    pages.push({ url, finalUrl: res.finalUrl, depth, status: res.status, charset: decoded.charset, title: page.title, facts: page.facts });
    for (const [u, rank] of wantedLinks(page.facts, depth === 0 || homeFrames.has(url))) wanted.set(u, Math.min(rank, wanted.get(u) ?? rank));
    const next: Array<{ url: string; depth: number }> = [];
    const rankOf = (u: string) => wanted.get(u) ?? 9;
    const ordered = [...page.links].sort((a, b) => rankOf(a.url) - rankOf(b.url));
    for (const link of ordered) {
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
  const homeFacts = pages[0]?.facts;
  const [scripts, search, https] = await Promise.all([
    footerScripts(homeHtml, home.finalUrl, (u) => onSite(u) && robots.allowed(u), fetchPage),
    homeFacts ? probeSearch(homeFacts, (u) => !onSite(u) || robots.allowed(u), fetchPage, opts.timeoutMs) : Promise.resolve(undefined),
    site.url.startsWith('http:') ? probeHttps(site.url, http, opts.timeoutMs) : Promise.resolve(undefined),
  ]);
  footers.push(...scripts);
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
    home: {
      attempts,
      url: home.finalUrl,
      ...(homeHtml === undefined ? {} : { html: homeHtml }),
      ...(footers.length ? { footers: footers.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)) } : {}),
      ...(search ? { search } : {}),
      ...(https ? { https } : {}),
    },
    pages,
    links: siteLinks,
    robots: robots.status,
    columns: assembleColumns(pages.filter((p) => p.depth === 0 || homeFrames.has(p.url)), pages),
  };
}

const MAX_FOOTERS = 4;
const MAX_FOOTER_CHARS = 256 * 1024;
/** Pagination pages read per column when its first page is not sorted newest first. */
const MAX_LIST_PAGES = 4;

/** Links a page gives that the rules need read, with their rank: column lists 0, pagination 1, navigation and boards 2. */
function wantedLinks(facts: PageFacts, homeLike: boolean): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (homeLike) {
    for (const b of facts.blocks) {
      const u = b.more ?? b.headingUrl;
      if (u) out.push([u, 0]);
    }
    for (const n of [...facts.nav, ...facts.channels]) out.push([n.url, 2]);
  }
  // The newest item may be on a later page when a list is not sorted newest first.
  const list = facts.list;
  if (list && !sortedNewestFirst(list.items)) for (const u of list.pagination.slice(0, MAX_LIST_PAGES)) out.push([u, 1]);
  return out;
}

/** Dates never increase down the list. */
function sortedNewestFirst(items: readonly { date: string }[]): boolean {
  return items.every((it, i) => i === 0 || it.date <= items[i - 1]!.date);
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

/** Submit the home page's first GET search form once; POST forms are not submitted (they may change state). */
async function probeSearch(
  facts: PageFacts,
  allowed: (url: string) => boolean,
  fetchPage: (url: string) => Promise<HttpOutcome>,
  timeoutMs: number,
): Promise<{ url: string; ok: boolean; detail: string } | undefined> {
  const form = facts.search.find((f) => f.method === 'get' && f.field !== '');
  if (!form) return undefined;
  const u = new URL(form.action);
  u.searchParams.set(form.field, SEARCH_WORD);
  // A search the site's robots.txt keeps crawlers out of is not submitted (then it is not judged broken).
  if (!allowed(u.href)) return undefined;
  const o = await fetchPage(u.href);
  const ok = o.ok && o.status < 400;
  return { url: u.href, ok, detail: o.ok ? `HTTP ${o.status}` : failureDetail(o, timeoutMs) };
}

/** Does the site answer on https:// too? One HEAD request; any HTTP answer over TLS counts. */
async function probeHttps(url: string, http: HttpClient, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const u = new URL(url);
  u.protocol = 'https:';
  u.pathname = '/';
  u.search = '';
  const o = await http.fetch(u.href, { method: 'HEAD' });
  return o.ok ? { ok: o.status < 500, detail: `HTTP ${o.status}` } : { ok: false, detail: failureDetail(o, timeoutMs) };
}
