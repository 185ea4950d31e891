// The crawl with pages rendered in Chromium (--render), against a site on 127.0.0.1 whose home page
// fills its news list by XHR, writes its footer marks from a script named like nothing in particular,
// and links a page that sends the visitor on by script.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import type { Site } from '../../schemas/registry.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { findChromium } from './browser.ts';
import { HttpClient } from './http.ts';
import { LinkChecker } from './links.ts';
import { resolveOptions, type CrawlOptions } from './options.ts';
import { startCrawlRenderer } from './renderer.ts';
import { RobotsCache } from './robots.ts';
import { HostScheduler } from './scheduler.ts';
import { crawlSite } from './site.ts';

const FOUND = await findChromium();
const AS_OF = '2026-11-20';

const HOME = `<!doctype html><html><head><meta charset="utf-8"><title>某某县人民政府</title></head><body>
<div class="header"><h1>某某县人民政府</h1></div>
<div class="box"><h2><a href="/gzdt/">工作动态</a></h2><ul id="gzdt"></ul><a href="/gzdt/">更多</a></div>
<script>
  var x = new XMLHttpRequest();
  x.open('GET', '/api/gzdt.json');
  x.onload = function () {
    var items = JSON.parse(x.responseText), html = '';
    for (var i = 0; i < items.length; i++) html += '<li><a href="' + items[i].url + '">' + items[i].title + '</a><span>' + items[i].date + '</span></li>';
    document.getElementById('gzdt').innerHTML = html;
  };
  x.send();
</script>
<p><a href="/go.html">政务公开</a></p>
<p>某某县位于浙江省西部，辖 5 个镇、3 个乡，总面积 1,200 平方公里，户籍人口 32 万人。</p>
<script src="/js/common.js"></script>
</body></html>`;
const ITEMS = [
  { title: '县政府召开常务会议', url: '/gzdt/a1.html', date: '2026-11-18' },
  { title: '县长调研秋粮收购工作', url: '/gzdt/gone.html', date: '2026-11-10' },
];
/** A footer a script writes, from a file whose name does not say footer. */
const COMMON_JS = `document.write('<div class="footer">主办单位：某某县人民政府办公室 联系电话：0571-12345678 浙ICP备12345678号 浙公网安备33010002000001号 网站标识码：3301000001 <a href="https://bszs.conac.cn/sitename?method=show&id=1">党政机关</a> <a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3301000001">我为政府网站找错</a></div>');`;
/** An article whose footer the same script writes. */
const ARTICLE = (t: string) => `<html><head><meta charset="utf-8"><title>${t}</title></head><body><h1>${t}</h1><p>发布时间：2026-11-18</p><p>${'会议研究部署了当前重点工作。'.repeat(20)}</p><script src="/js/common.js"></script></body></html>`;
const PAGES: Record<string, [string, string]> = {
  '/': ['text/html; charset=utf-8', HOME],
  '/api/gzdt.json': ['application/json', JSON.stringify(ITEMS)],
  '/js/common.js': ['application/javascript', COMMON_JS],
  // The column's own list page shows only its newest item (the others are on later pages).
  '/gzdt/': ['text/html; charset=utf-8', `<html><body><ul><li><a href="${ITEMS[0]!.url}">${ITEMS[0]!.title}</a><span>${ITEMS[0]!.date}</span></li></ul></body></html>`],
  '/gzdt/a1.html': ['text/html; charset=utf-8', ARTICLE('县政府召开常务会议')],
  '/go.html': ['text/html; charset=utf-8', '<html><body><script>location.replace("/zwgk/index.html");</script></body></html>'],
  '/zwgk/index.html': ['text/html; charset=utf-8', `<html><body><h1>政务公开</h1><a href="/zwgk/gone-too.html">政府信息公开指南</a><p>${'政务公开栏目。'.repeat(30)}</p></body></html>`],
};
let robotsTxt = 'User-agent: *\nDisallow:\n';
let server: Server;
let site: Site;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page: [string, string] | undefined = path === '/robots.txt' ? ['text/plain', robotsTxt] : PAGES[path];
    res.writeHead(page ? 200 : 404, { 'content-type': page?.[0] ?? 'text/html; charset=utf-8' }).end(page?.[1] ?? '<html><body><h1>404</h1></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  site = { id: 'mock', name: '某某县人民政府', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, unit: 'mock', kind: 'portal' } as Site;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Crawl the mock site with the given options, its own client, robots cache and renderer. */
async function crawl(over: Partial<CrawlOptions>): Promise<SiteSnapshot> {
  const opts = resolveOptions({ allowPrivate: true, timeoutMs: 5_000, hostDelayMs: 0, homeAttemptGapMs: 50, backoffMs: 50, ...over });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  const robots = new RobotsCache(http, opts.robots);
  const renderer = await startCrawlRenderer(opts, robots, AS_OF);
  try {
    return await crawlSite(site, AS_OF, { opts, http, scheduler, robots, renderer, links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent) });
  } finally {
    await Promise.all([http.close(), renderer?.close()]);
  }
}
/** Crawl a site of its own at `url` with --render auto and a renderer of its own. */
async function crawlRendered(url: string, over: Partial<CrawlOptions> = {}): Promise<SiteSnapshot> {
  const opts = resolveOptions({ allowPrivate: true, render: 'auto', timeoutMs: 5_000, hostDelayMs: 0, retries: 0, homeAttempts: 1, ...over });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  const robots = new RobotsCache(http, opts.robots);
  const renderer = await startCrawlRenderer(opts, robots, AS_OF);
  try {
    return await crawlSite({ ...site, url }, AS_OF, { opts, http, scheduler, robots, renderer, links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent) });
  } finally {
    await Promise.all([http.close(), renderer?.close()]);
  }
}
const link = (s: SiteSnapshot, path: string) => s.links.find((l) => l.url === new URL(path, site.url).href);
const page = (s: SiteSnapshot, path: string) => s.pages.find((p) => p.url === new URL(path, site.url).href);

test('--render never reads the HTML alone: the script-built list, footer and redirect target are unseen', async () => {
  const s = await crawl({ render: 'never' });
  // The pages that needed a browser are marked, so that what they lack is no evidence.
  expect(s.rendering).toEqual({ pages: 0, reasons: {}, notRendered: 2 });
  expect(page(s, '/')!.rendering).toEqual({ status: 'not-rendered', reasons: ['list', 'home-marks'] });
  expect(page(s, '/gzdt/a1.html')!.rendering).toBeUndefined();
  expect(page(s, '/')!.facts.blocks.find((b) => b.name === '工作动态')?.items ?? []).toEqual([]);
  expect(link(s, '/gzdt/gone.html')).toBeUndefined();
  expect(s.home.html).not.toContain('bszs.conac.cn');
  expect(link(s, '/zwgk/gone-too.html')).toBeUndefined();
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'the crawl with --render auto', () => {
  test('reads the home page as a browser shows it, and says why and what changed', async () => {
    const s = await crawl({ render: 'auto' });
    const home = page(s, '/')!;
    expect(home.rendering).toMatchObject({ status: 'rendered', reasons: ['list', 'home-marks'] });
    // Links: the heading, 更多, 政务公开 and the script; then the two items and the footer's two links.
    // Text (no spaces): 59 characters, then the items' titles and dates (39) and the footer's (95).
    expect(home.rendering?.status === 'rendered' && home.rendering.changed).toEqual(['链接 4→8', '栏目条目 0→2', '列表条目 0→2', '文字 59→193 字', '找错入口无→有']);
    // The dates the script wrote are the column's items; the footer's marks are in the home page's HTML.
    expect(home.facts.blocks.find((b) => b.name === '工作动态')?.items.map((i) => i.date)).toEqual(['2026-11-18', '2026-11-10']);
    expect(s.home.html).toContain('bszs.conac.cn');
    expect(s.home.html).toContain('网站标识码：3301000001');
    // A link only the script builds is checked like any other.
    expect(link(s, '/gzdt/gone.html')).toMatchObject({ verdict: 'broken', status: 404, referrers: [site.url] });
    // The redirect page is read where the script sends the visitor, and that page is not fetched twice.
    const go = page(s, '/go.html')!;
    expect(go.rendering).toMatchObject({ status: 'rendered', reasons: ['redirect', 'empty'], finalUrl: new URL('/zwgk/index.html', site.url).href });
    expect(link(s, '/zwgk/gone-too.html')).toMatchObject({ verdict: 'broken' });
    expect(s.pages.filter((p) => p.url.endsWith('/zwgk/index.html'))).toEqual([]);
    // The home page's 找错 entry came from a script: a page with scripts and no entry is rendered too.
    expect(page(s, '/gzdt/a1.html')!.rendering).toMatchObject({ status: 'rendered', reasons: ['footer'], changed: expect.arrayContaining(['找错入口无→有']) });
    expect(page(s, '/gzdt/a1.html')!.facts.errorReport).toBe(true);
    // A page without scripts is not.
    expect(page(s, '/gzdt/')!.rendering).toBeUndefined();
    expect(s.rendering).toEqual({ pages: 3, reasons: { list: 1, 'home-marks': 1, redirect: 1, empty: 1, footer: 1 } });
  }, 60_000);

  test('beyond --max-rendered a page is read statically and counted', async () => {
    const s = await crawl({ render: 'auto', maxRendered: 1 });
    expect(page(s, '/')!.rendering?.status).toBe('rendered');
    expect(page(s, '/go.html')!.rendering).toEqual({ status: 'over-budget', reasons: ['redirect', 'empty'] });
    expect(page(s, '/gzdt/a1.html')!.rendering).toEqual({ status: 'over-budget', reasons: ['footer'] });
    expect(s.rendering).toMatchObject({ pages: 1, overBudget: 2 });
  }, 60_000);

  test("requests from inside a page follow the site's robots.txt", async () => {
    robotsTxt = 'User-agent: *\nDisallow: /api/\n';
    try {
      const s = await crawl({ render: 'auto' });
      const home = page(s, '/')!;
      // Rendered, but the list's data was not fetched: the list stays empty, as the crawl may not read it.
      expect(home.rendering?.status).toBe('rendered');
      expect(home.facts.blocks.find((b) => b.name === '工作动态')?.items ?? []).toEqual([]);
      expect(s.home.html).toContain('bszs.conac.cn');
    } finally {
      robotsTxt = 'User-agent: *\nDisallow:\n';
    }
  }, 60_000);
});

test('a frameset home page: the search in its top frame is submitted once, and its error is seen', async () => {
  const frames: Record<string, string> = {
    '/': '<html><frameset rows="120,*,80"><frame src="/top.html"><frame src="/main.html"><frame src="/bottom.html"></frameset></html>',
    '/top.html': '<html><body><form action="/search" method="get"><input name="q" placeholder="搜索"></form></body></html>',
    '/main.html': `<html><body><p>${'县政府门户网站。'.repeat(20)}</p></body></html>`,
    '/bottom.html': '<html><body><div class="footer">主办单位：某某县人民政府</div></body></html>',
  };
  let searches = 0;
  const frameSite = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/search') searches++;
    const body = frames[path];
    res.writeHead(path === '/search' ? 500 : body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'error');
  });
  await new Promise<void>((done) => frameSite.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${(frameSite.address() as AddressInfo).port}/`;
    const opts = resolveOptions({ allowPrivate: true, render: 'never', timeoutMs: 5_000, hostDelayMs: 0, retries: 0 });
    const http = new HttpClient(opts);
    const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
    try {
      const s = await crawlSite({ ...site, url }, AS_OF, { opts, http, scheduler, robots: new RobotsCache(http, opts.robots), links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent) });
      expect(s.home.search).toEqual({ url: `${url}search?q=%E9%80%9A%E7%9F%A5`, ok: false, detail: 'HTTP 500（服务器内部错误）' });
      expect(searches).toBe(1);
    } finally {
      await http.close();
    }
  } finally {
    await new Promise<void>((done) => frameSite.close(() => done()));
  }
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'a script redirect to a page that declares the wrong charset', () => {
  test('the page it leads to is read as the crawl reads its bytes (UTF-8 under a gb2312 meta), not as Chromium decodes the declaration', async () => {
    const target = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>县政府门户网站</title></head><body><div class="header"><h1>某某县人民政府</h1></div><p>主办单位：某某县人民政府办公室</p></body></html>';
    const pages: Record<string, string> = {
      '/': '<html><head><meta charset="utf-8"></head><body><script>location.replace("/index.html");</script></body></html>',
      '/index.html': target,
    };
    const odd = createServer((req, res) => {
      const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
      // No charset in the header: the meta's gb2312 is all a browser has to go by, and the bytes are UTF-8.
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' }).end(Buffer.from(body ?? 'not found', 'utf8'));
    });
    await new Promise<void>((done) => odd.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(odd.address() as AddressInfo).port}/`;
      const s = await crawlRendered(url);
      const home = s.pages[0]!;
      expect(home.rendering).toMatchObject({ status: 'rendered', finalUrl: `${url}index.html` });
      expect(home.title).toBe('县政府门户网站');
      expect(s.home.html).toContain('主办单位：某某县人民政府办公室');
    } finally {
      await new Promise<void>((done) => odd.close(() => done()));
    }
  }, 60_000);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'the render budget when every page writes by script', () => {
  test('articles render only while less than half of --max-rendered is spent; column lists and their later pages may use all of it', async () => {
    const write = '<script>document.write("<span>本站</span>");</script>';
    const articles = Array.from({ length: 6 }, (_, i) => `<li><a href="/gzdt/a${i}.html">县政府召开第${i + 1}次常务会议研究部署工作</a><span>2026-11-1${i}</span></li>`).join('');
    const pages: Record<string, string> = {
      '/': `<html><body>${write}<div class="box"><h2>要闻</h2><ul>${articles}</ul></div><div class="box"><h2><a href="/gzdt/">工作动态</a></h2><ul><li><a href="/gzdt/a0.html">县政府召开第1次常务会议研究部署工作</a><span>2026-11-10</span></li></ul><a href="/gzdt/">更多</a></div><div class="box"><h2><a href="/tzgg/">通知公告</a></h2><ul><li><a href="/tzgg/b.html">关于做好冬季安全生产工作的通知</a><span>2026-11-01</span></li></ul><a href="/tzgg/">更多</a></div></body></html>`,
      '/gzdt/': `<html><body>${write}<ul class="list"><li><a href="/gzdt/a0.html">县政府召开第1次常务会议研究部署工作</a><span>2026-11-10</span></li></ul><div class="page"><a href="/gzdt/index_1.html">下一页</a></div></body></html>`,
      '/gzdt/index_1.html': `<html><body>${write}<ul class="list"><li><a href="/gzdt/old.html">县政府召开往年会议研究部署工作</a><span>2025-11-10</span></li></ul></body></html>`,
      '/tzgg/': `<html><body>${write}<ul class="list"><li><a href="/tzgg/b.html">关于做好冬季安全生产工作的通知</a><span>2026-11-01</span></li></ul></body></html>`,
    };
    const article = (t: string) => `<html><body>${write}<h1>${t}</h1><p>${'会议研究部署了当前重点工作。'.repeat(10)}</p></body></html>`;
    const srv = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = pages[path] ?? (/\.html$/.test(path) ? article(path) : undefined);
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    });
    await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
      const s = await crawlRendered(url, { maxRendered: 6 });
      const status = (p: string) => s.pages.find((x) => x.url === new URL(p, url).href)?.rendering?.status;
      // Home, the two lists and the list's second page are rendered, however the eight articles race
      // them: an article renders only while fewer than half the budget (3) is spent.
      for (const p of ['/', '/gzdt/', '/tzgg/', '/gzdt/index_1.html']) expect(status(p), p).toBe('rendered');
      const arts = s.pages.filter((p) => /\/(a\d|b|old)\.html$/.test(p.url));
      expect(arts).toHaveLength(8);
      expect(arts.filter((p) => p.rendering?.status === 'rendered').length).toBeLessThanOrEqual(2);
      expect(arts.filter((p) => p.rendering?.status === 'over-budget').length).toBeGreaterThanOrEqual(6);
      expect(s.columns.find((c) => c.name === '工作动态')?.unread).toBeUndefined();
    } finally {
      await new Promise<void>((done) => srv.close(() => done()));
    }
  }, 60_000);
});
