// Budgets against traps: an endless calendar, a slow site and a site with more links than the cap
// all end, say what they did not read, and keep what they did.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Site } from '../../schemas/registry.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { HttpClient } from './http.ts';
import { LinkChecker } from './links.ts';
import { resolveOptions, type CrawlOptions } from './options.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { RobotsCache } from './robots.ts';
import { HostScheduler } from './scheduler.ts';
import { crawlSite } from './site.ts';

const AS_OF = '2026-11-20';
const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const page = (body: string) => `<html><head><meta charset="utf-8"><title>t</title></head><body>${body}<p>${'某某县人民政府网站内容。'.repeat(10)}</p></body></html>`;

let server: PageServer;
/** A host that takes connections and never answers, on another loopback address (another host). */
let silent: { server: Server; origin: string; sockets: Set<Socket> };
beforeAll(async () => {
  const sockets = new Set<Socket>();
  const hang = createServer((s) => void sockets.add(s));
  await new Promise<void>((done) => hang.listen(0, '127.0.0.2', done));
  silent = { server: hang, origin: `http://127.0.0.2:${(hang.address() as AddressInfo).port}`, sockets };
  server = await startPageServer((path) => {
    const p = path;
    // Fourteen articles, and a link to a host that never answers.
    if (p === '/paced/') return page(`<a href="${silent.origin}/dead.html">旧网站</a>` + Array.from({ length: 14 }, (_, i) => `<a href="/paced/a${i}.html">文章${i}</a>`).join(''));
    if (p.startsWith('/paced/a')) return page('<h1>文章</h1>');
    if (p === '/') return page('<a href="/cal/2026-11-01.html">日历</a><a href="/about.html">概况</a><a href="/gone.html">旧链接</a>' + Array.from({ length: 20 }, (_, i) => `<img src="/img/${i}.png" alt="">`).join(''));
    if (p === '/about.html') return page('<h1>概况</h1>');
    // Every day of the calendar links the next 30 days: endless.
    const m = /^\/cal\/(\d{4}-\d{2}-\d{2})\.html$/.exec(p);
    if (m) return page(Array.from({ length: 30 }, (_, i) => `<a href="/cal/${day(m[1]!, i + 1)}.html">${day(m[1]!, i + 1)}</a>`).join(' '));
    if (p.startsWith('/img/')) return { type: 'image/png', body: 'png' };
    // A server that answers any path under /loop/ with the same page of relative links: each level links one deeper.
    if (p.startsWith('/loop/')) return page('<a href="zwgk/">政务公开</a> <a href="about.html">概况</a>');
    return undefined;
  });
});
afterAll(async () => {
  for (const s of silent.sockets) s.destroy();
  await new Promise((done) => silent.server.close(done));
  await server.close();
});

async function crawl(over: Partial<CrawlOptions>, home = '/'): Promise<{ snap: SiteSnapshot; ms: number }> {
  const opts = resolveOptions({ allowPrivate: true, render: 'never', timeoutMs: 2_000, hostDelayMs: 0, retries: 0, homeAttemptGapMs: 10, perHost: 4, ...over });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  const site = { id: 'cal', name: '某某县人民政府', url: `${server.origin}${home}`, unit: 'cal', kind: 'portal' } as Site;
  const t0 = performance.now();
  try {
    const snap = await crawlSite(site, AS_OF, { opts, http, scheduler, robots: new RobotsCache(http, opts.robots), links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent) });
    return { snap, ms: performance.now() - t0 };
  } finally {
    await http.close();
  }
}

test('an endless calendar: 20 dated pages of one shape are read, the rest counted; the other pages and links are judged', async () => {
  const { snap, ms } = await crawl({ maxDepth: 10 });
  expect(ms).toBeLessThan(20_000);
  const calendar = snap.pages.filter((p) => p.url.includes('/cal/'));
  expect(calendar.length).toBe(20);
  expect(snap.pages.some((p) => p.url.endsWith('/about.html'))).toBe(true);
  expect(snap.links.find((l) => l.url.endsWith('/gone.html'))).toMatchObject({ verdict: 'broken', status: 404 });
  expect(snap.truncated?.reasons).toEqual(['dates']);
  expect(snap.truncated!.pagesNotRead).toBeGreaterThan(0);
  // Links to dates beyond the first 20 of the shape are not checked one by one, and say so.
  const skipped = snap.links.filter((l) => l.verdict === 'skipped' && l.detail.includes('日期链接'));
  expect(skipped.length).toBe(snap.truncated!.linksNotChecked);
  expect(skipped.length).toBeGreaterThan(0);
}, 30_000);

test('the link-check cap: the first targets found are checked, the rest skipped and counted', async () => {
  const { snap } = await crawl({ maxDepth: 0, maxLinkChecks: 5 });
  const checked = snap.links.filter((l) => l.verdict !== 'skipped');
  const capped = snap.links.filter((l) => l.detail.startsWith('超出每站链接检查上限'));
  // The home page itself was fetched by the crawl (its verdict is known, costs no check), then 5 checks.
  expect(checked.length).toBe(5);
  expect(capped.length).toBe(snap.links.length - 5);
  expect(snap.truncated).toEqual({ reasons: ['links'], pagesNotRead: 0, linksNotChecked: capped.length });
}, 30_000);

test('the time budget: a site whose time is up fetches no new page and checks no new link', async () => {
  const { snap, ms } = await crawl({ maxDepth: 10, siteBudgetMs: 1 });
  expect(ms).toBeLessThan(10_000);
  // The home page is read (it is how a site is judged at all); nothing after the budget.
  expect(snap.pages.map((p) => p.depth)).toEqual([0]);
  expect(snap.truncated?.reasons).toContain('time');
  expect(snap.truncated!.pagesNotRead).toBeGreaterThan(0);
  expect(snap.links.filter((l) => l.detail.startsWith('超出每站检查时间')).length).toBe(snap.truncated!.linksNotChecked);
}, 30_000);

test('relative links on a server that answers any path: a path that repeats itself three times is not read, and counted', async () => {
  const { snap } = await crawl({ maxDepth: 10 }, '/loop/');
  const paths = snap.pages.map((p) => new URL(p.url).pathname).sort();
  // Each level links one deeper (zwgk/) and a page there (about.html); zwgk three times is where it stops.
  expect(paths).toEqual(['/loop/', '/loop/about.html', '/loop/zwgk/', '/loop/zwgk/about.html', '/loop/zwgk/zwgk/', '/loop/zwgk/zwgk/about.html']);
  expect(snap.truncated).toEqual({ reasons: ['repeats'], pagesNotRead: 1, linksNotChecked: 0 });
}, 30_000);

test('a link to a host that never answers is checked beside the crawl: its timeout does not add to the site’s paced pages', async () => {
  // The home page and 14 articles at one start per 400 ms: 5.6 s. The silent link (a page: one GET)
  // costs a 2.5 s timeout. One after the other, 8.1 s; beside each other, under 6 s.
  const { snap, ms } = await crawl({ hostDelayMs: 400, timeoutMs: 2_500, perHost: 2 }, '/paced/');
  expect(snap.pages.length).toBe(15);
  expect(snap.links.find((l) => l.url.startsWith(silent.origin))).toMatchObject({ verdict: 'broken', failure: 'timeout' });
  expect(ms).toBeGreaterThan(5_400);
  expect(ms).toBeLessThan(7_000);
}, 30_000);

test('a check that fails with a bug while the crawl goes on fails the site, not the run', async () => {
  const opts = resolveOptions({ allowPrivate: true, render: 'never', timeoutMs: 2_000, hostDelayMs: 0, retries: 0, perHost: 4 });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  class Buggy extends LinkChecker {
    override check(url: string, readPages = false) {
      return url.startsWith(silent.origin) ? Promise.reject(new Error('a bug in the link check')) : super.check(url, readPages);
    }
  }
  const site = { id: 'paced', name: '某某县人民政府', url: `${server.origin}/paced/`, unit: 'paced', kind: 'portal' } as Site;
  try {
    await expect(crawlSite(site, AS_OF, { opts, http, scheduler, robots: new RobotsCache(http, opts.robots), links: new Buggy(http, scheduler, opts.timeoutMs, opts.browserUserAgent) })).rejects.toThrow('a bug in the link check');
  } finally {
    await http.close();
  }
}, 30_000);
