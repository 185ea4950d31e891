// A search box outside any form, tried through the renderer by the crawl: typed into, clicked (or
// Enter pressed), and the address its script sends the visitor to fetched once by the crawl.
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

const page = (box: string) => `<!doctype html><html><head><meta charset="utf-8"><title>某某县人民政府</title></head><body>
<div class="top"><a href="./">首页</a>${box}</div>
<p>${'某某县位于浙江省西部，辖 5 个镇、3 个乡。'.repeat(5)}</p></body></html>`;

/** Home pages by directory: each a box outside any form, its script sending the search somewhere else. */
const HOMES: Record<string, string> = {
  // window.open with the word, to an engine that fails.
  '/open/': page(`<div class="ss"><input type="text" id="kw" placeholder="请输入关键字"><a href="javascript:void(0)" onclick="go()"><img src="/btn.png" alt="搜索"></a></div>
<script>function go(){var w=document.getElementById('kw').value;if(!w){alert('请输入关键字');return;}window.open('/engine/fail?q='+encodeURIComponent(w),'_blank');}</script>`),
  // Enter in a named box, location.href to a working engine.
  '/enter/': page(`<input type="text" name="keyword" placeholder="站内搜索" onkeydown="if(event.keyCode==13){location.href='/engine/ok?keyword='+encodeURIComponent(this.value);}">`),
  // A button whose function is missing: nothing can be seen to happen.
  '/nothing/': page(`<span class="s"><input type="text" id="q2"><button type="button" onclick="noSuchFunction()">搜索</button></span>`),
};

let server: Server;
let base: string;
const engine: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname.startsWith('/engine/')) engine.push(`${u.pathname}${u.search}`);
    const home = HOMES[u.pathname];
    const status = home ? 200 : u.pathname === '/engine/ok' ? 200 : u.pathname === '/engine/fail' ? 500 : 404;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(home ?? `<html><body><p>${status}</p></body></html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function crawl(path: string, over: Partial<CrawlOptions>): Promise<SiteSnapshot> {
  const opts = resolveOptions({ allowPrivate: true, timeoutMs: 5_000, hostDelayMs: 0, homeAttempts: 1, retries: 0, maxDepth: 0, ...over });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  const robots = new RobotsCache(http, opts.robots);
  const renderer = await startCrawlRenderer(opts, robots, AS_OF);
  const site = { id: 'mock', name: '某某县人民政府', url: `${base}${path}`, unit: 'mock', kind: 'portal' } as Site;
  try {
    return await crawlSite(site, AS_OF, { opts, http, scheduler, robots, renderer, links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent) });
  } finally {
    await Promise.all([http.close(), renderer?.close()]);
  }
}

test('without a browser a box only its script submits is not tried: not judged broken, and no made-up address is asked', async () => {
  engine.length = 0;
  const s = await crawl('/open/', { render: 'never' });
  expect(s.pages[0]!.facts.search).toHaveLength(1);
  expect(s.home.search).toBeUndefined();
  expect(engine).toEqual([]);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'a form-less search box tried in the renderer', () => {
  test('clicked: where its script opens a window is fetched once by the crawl, and the engine’s error is seen', async () => {
    engine.length = 0;
    const s = await crawl('/open/', { render: 'auto' });
    expect(s.home.search).toEqual({ url: `${base}/engine/fail?q=%E9%80%9A%E7%9F%A5`, ok: false, detail: 'HTTP 500（服务器内部错误）', byScript: true });
    // The browser's own navigation was stopped before it left: the engine was asked once, by the crawl.
    expect(engine).toEqual(['/engine/fail?q=%E9%80%9A%E7%9F%A5']);
  }, 60_000);

  test('Enter in a box with no button: the page’s own navigation is caught, and the working engine passes', async () => {
    engine.length = 0;
    const s = await crawl('/enter/', { render: 'auto' });
    expect(s.home.search).toEqual({ url: `${base}/engine/ok?keyword=%E9%80%9A%E7%9F%A5`, ok: true, detail: 'HTTP 200（正常）', byScript: true });
    expect(engine).toEqual(['/engine/ok?keyword=%E9%80%9A%E7%9F%A5']);
  }, 60_000);

  test('a button that does nothing visible is not judged: no probe, no request', async () => {
    engine.length = 0;
    const s = await crawl('/nothing/', { render: 'auto' });
    expect(s.pages[0]!.facts.search).toHaveLength(1);
    expect(s.home.search).toBeUndefined();
    expect(engine).toEqual([]);
  }, 60_000);
});
