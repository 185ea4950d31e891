// axe-core in the crawl's Chromium, against pages served on 127.0.0.1 whose failures are known by
// construction: counted per rule over the pages, frames included, style sheets applied, a page that
// does not load listed and counted for nothing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { auditSite, floatingWindows, tryElderMode, type AuditSource } from './audit.ts';
import { findChromium } from './browser.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { Renderer } from './renderer.ts';
import { auditedPages } from './site.ts';
import * as cheerio from 'cheerio';
import { REAL_PAGES, realBytes, realHtml, realLabels } from './real-pages.test-helpers.ts';

const FOUND = await findChromium();
const CLEAN = '<!DOCTYPE html><html lang="zh-CN"><head><title>临河区人民政府</title></head><body><main><h1>临河区人民政府</h1><a href="/a">要闻动态</a></main></body></html>';

const PAGES: Record<string, string | { type: string; body: string }> = {
  '/': CLEAN,
  // Two images without alt, a search box with no label, a drop-down with no name; no lang.
  '/bad': '<html><head><title>栏目</title></head><body><img src="/x.png"><img src="/y.png"><input type="text" name="q"><select><option>友情链接</option></select><a href="/">首页</a></body></html>',
  // The third image without alt sits in a frame: the frame is audited too.
  '/frames': '<!DOCTYPE html><html lang="zh-CN"><head><title>框架</title></head><frameset rows="50%,*"><frame src="/top" title="top"><frame src="/main" title="main"></frameset></html>',
  '/top': '<!DOCTYPE html><html lang="zh-CN"><head><title>top</title></head><body><p>顶部</p></body></html>',
  '/main': '<!DOCTYPE html><html lang="zh-CN"><head><title>main</title></head><body><img src="/z.png"></body></html>',
  // A box labelled only by a style sheet's hiding of it: hidden elements are not judged, so the sheet must load.
  '/styled': '<!DOCTYPE html><html lang="zh-CN"><head><title>样式</title><link rel="stylesheet" href="/s.css"></head><body><input class="gone" type="text" name="q"><p>正文</p></body></html>',
  '/s.css': { type: 'text/css', body: '.gone { display: none }' },
  // 长者模式 entries: a script that enlarges the text, one that does nothing, a link to a larger page, one to another site.
  // A news link that mentions 关怀 and 老年 comes first: it is no entry.
  '/elder-script': '<html><body><p>正文一</p><p>正文二</p><a href="/news/1.html">关怀老年人生活的通知</a><a href="javascript:void(0)" onclick="document.body.style.fontSize=\'22px\'">长者模式</a></body></html>',
  '/elder-inert': '<html><body><p>正文一</p><p>正文二</p><a href="javascript:void(0)" onclick="void 0"><img src="/e.png" alt="关怀版"></a></body></html>',
  // In its mode: pale text, a 飘窗 drifting across and down, a fixed ad with 关闭; and what floats
  // but is neither (a carousel sliding one way, a 返回顶部 link to the page itself, a hidden pop-up).
  '/elder-pale': `<html lang="zh-CN"><head><style>.pale, .pale * { color: #bbb !important; background: #fff !important }</style></head><body><p>正文一</p><p>正文二</p>
    <a href="javascript:void(0)" onclick="document.body.className='pale';document.body.insertAdjacentHTML('beforeend','<div id=&quot;tb&quot; style=&quot;position:fixed;top:0&quot;><a href=&quot;/help&quot;>说明</a><span>关闭</span></div>')">长者模式</a>
    <div id="pc" style="position:absolute;left:10px;top:100px;z-index:9"><a href="/zt/">专题</a><span>关闭</span></div>
    <div id="ad" style="position:fixed;right:0;top:50px"><a href="http://ad.example.com/">广告</a><a onclick="this.parentNode.remove()">关闭</a></div>
    <ul id="slides" style="position:absolute;left:0;top:400px"><li><a href="/news/2.html">轮播一</a></li></ul>
    <a id="top" href="#" style="position:fixed;bottom:0;right:0">返回顶部</a>
    <div id="popup" style="position:fixed;display:none"><a href="/x">通知</a><span>×</span></div>
    <script>var x = 10, y = 100, s = 0; setInterval(function () { x += 3; y += 2; s -= 5; var p = document.getElementById('pc'); p.style.left = x + 'px'; p.style.top = y + 'px'; document.getElementById('slides').style.left = s + 'px'; }, 50);</script></body></html>`,
  '/elder-link': '<html><body><p>正文一</p><p>正文二</p><a href="/elder-page" target="_blank">适老化版</a></body></html>',
  '/elder-page': '<html><head><style>body { font-size: 24px }</style></head><body><p>正文一</p><p>正文二</p></body></html>',
  '/elder-away': '<html><body><p>正文</p><a href="http://elder.example.com/">长者版</a></body></html>',
  '/elder-frames': '<html><frameset rows="30%,*"><frame src="/elder-top"><frame src="/main"></frameset></html>',
  '/elder-top': '<html><body><p>顶部</p><button onclick="document.body.style.fontSize=\'20px\'">关怀模式</button></body></html>',
  // A toolbar: the entry draws a bar of buttons, whose own 放大 enlarges the text.
  '/elder-toolbar': '<html><body><p>正文</p><a href="javascript:void(0)" onclick="var b=document.createElement(\'div\');b.innerHTML=\'<button>放大</button><button>缩小</button><button>高对比</button><button>读屏</button><button>指读</button><button>关闭</button>\';document.body.prepend(b)">长者模式</a></body></html>',
};

let server: PageServer;
let r: Renderer;
/** A page of the test server as the crawl hands it to the audit: its URL and the HTML it fetched. */
const source = (path: string): AuditSource => ({ url: `${server.origin}${path}`, html: PAGES[path] as string });

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'accessibility audit', () => {
  beforeAll(async () => {
    server = await startPageServer((path) => PAGES[path]);
    r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 2, timeoutMs: 10_000, settleMs: 200 });
  }, 60_000);
  afterAll(async () => {
    await r?.close();
    await server?.close();
  });

  test('violations counted per rule over the pages, in Chinese, with WCAG criteria and examples', async () => {
    const o = server.origin;
    const a = await auditSite(r, [source('/'), source('/bad'), source('/frames')]);
    expect(a.engine).toMatch(/^axe-core 4\.\d+\.\d+$/);
    expect(a.pages).toEqual([{ url: `${o}/`, ok: true }, { url: `${o}/bad`, ok: true }, { url: `${o}/frames`, ok: true }]);
    const by = Object.fromEntries(a.violations.map((v) => [v.rule, v]));
    expect(Object.keys(by).sort()).toEqual(['html-has-lang', 'image-alt', 'label', 'select-name']);
    expect(by['image-alt']).toMatchObject({ elements: 3, pages: [`${o}/bad`, `${o}/frames`], wcag: ['1.1.1'] });
    expect(by['image-alt']!.help).toMatch(/\p{Script=Han}/u);
    expect(by['image-alt']!.examples[0]).toEqual({ page: `${o}/bad`, selector: 'img[src="/x.png"]' });
    expect(by['label']).toMatchObject({ elements: 1, pages: [`${o}/bad`] });
    expect(by['html-has-lang']).toMatchObject({ elements: 1, pages: [`${o}/bad`], wcag: ['3.1.1'] });
  }, 60_000);

  test('style sheets are applied: an element they hide is not judged', async () => {
    const a = await auditSite(r, [source('/styled')]);
    expect(a.violations).toEqual([]);
  }, 30_000);

  test('a page the crawl could not fetch, or the browser could not show, is listed with the reason and counts for nothing', async () => {
    // A script that never returns holds the page past the time for one page.
    const quick = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 1, timeoutMs: 1_500, settleMs: 100 });
    try {
      const a = await auditSite(quick, [{ url: `${server.origin}/big`, failed: '页面超过读取上限' }, { url: `${server.origin}/loop`, html: '<p>x</p><script>for (;;) {}</script>' }, source('/')]);
      expect(a.pages).toEqual([
        { url: `${server.origin}/big`, ok: false, detail: 'error: 页面超过读取上限' },
        { url: `${server.origin}/loop`, ok: false, detail: expect.stringMatching(/^timeout: /) },
        { url: `${server.origin}/`, ok: true },
      ]);
      expect(a.violations).toEqual([]);
    } finally {
      await quick.close();
    }
  }, 30_000);

  test('the page shown is the crawl’s bytes, not what the server sends the browser', async () => {
    const a = await auditSite(r, [{ url: `${server.origin}/`, html: PAGES['/bad'] as string }]);
    expect(a.violations.map((v) => v.rule)).toContain('image-alt');
    expect(server.hits.get('/x.png') ?? 0).toBe(0);
  }, 30_000);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'the 长者模式 entry followed', () => {
  let pages: PageServer;
  let browser: Renderer;
  beforeAll(async () => {
    pages = await startPageServer((path) => PAGES[path]);
    browser = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 2, timeoutMs: 10_000, settleMs: 100 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });
  const elder = (path: string) => tryElderMode(browser, `${pages.origin}${path}`, PAGES[path] as string);

  test('a script entry that enlarges the text, and one that does nothing: the median size before and after', async () => {
    expect(await elder('/elder-script')).toEqual({ entry: '长者模式', before: 16, after: 22, contrast: { elements: 0, examples: [] } });
    expect(await elder('/elder-inert')).toEqual({ entry: '关怀版', before: 16, after: 16, contrast: { elements: 0, examples: [] } });
  }, 30_000);

  test('in the mode: text that fails contrast counted by axe; a drifting 飘窗 and a fixed ad with 关闭 found, not a carousel, a link to the page itself, a hidden pop-up or the mode’s own toolbar', async () => {
    const mode = await elder('/elder-pale');
    expect(mode).toMatchObject({ entry: '长者模式', floating: [{ selector: '#pc', words: '专题关闭', moving: true, closable: true }, { selector: '#ad', words: '广告关闭', moving: false, closable: true }] });
    // #bbb on white is 1.9:1: every text the mode shows fails, the two paragraphs among them.
    expect(mode && 'contrast' in mode && mode.contrast!.elements).toBeGreaterThanOrEqual(2);
  }, 30_000);

  test('a link to the site’s elder version is opened in the same tab, even one meant for a new window', async () => {
    expect(await elder('/elder-link')).toEqual({ entry: '适老化版', before: 16, after: 24, contrast: { elements: 0, examples: [] } });
  }, 30_000);

  test('an entry in a frame is followed there; one leading to another site, or opening a toolbar, is not judged; a page without one has none', async () => {
    expect(await elder('/elder-frames')).toEqual({ entry: '关怀模式', before: 16, after: 20, contrast: { elements: 0, examples: [] } });
    expect(await elder('/elder-away')).toEqual({ entry: '长者版', failed: '入口指向其他网站（http://elder.example.com/），未检查' });
    expect(await elder('/elder-toolbar')).toEqual({ entry: '长者模式', failed: '入口打开了工具栏或新内容，未判断字号' });
    expect(await elder('/')).toBeUndefined();
    expect(pages.hits.get('/elder-page')).toBe(1);
    expect(pages.hits.get('/news/1.html')).toBeUndefined();
  }, 30_000);
});

test('the pages audited: the home page, then the list pages of the columns found, read and allowed, n in all', () => {
  const col = (url: string, unread?: string) => ({ name: 'x', source: 'block' as const, url, homeItems: [], items: [], pagesRead: 1, blank: false, ...(unread ? { unread } : {}) });
  const home = 'http://www.linhe.gov.cn/';
  const columns = [col(home), col(`${home}a/`), col(`${home}b/`, 'HTTP 404'), col(`${home}c/`), col(`${home}d/`), col(`${home}a/`)];
  expect(auditedPages(home, columns, 3, () => true)).toEqual([home, `${home}a/`, `${home}c/`]);
  expect(auditedPages(home, columns, 4, (u) => !u.endsWith('c/'))).toEqual([home, `${home}a/`, `${home}d/`]);
  expect(auditedPages(home, columns, 1, () => true)).toEqual([home]);
});

// The real pages, served as saved (their style sheets and scripts elsewhere do not load here): the
// audit finishes on each, and says a page names no language exactly when its <html> has no lang.
describeNeeding({ what: `a Chromium and ${REAL_PAGES.what}`, found: FOUND !== undefined && REAL_PAGES.found }, 'the audit on the real pages of ../shared/real-pages', () => {
  let web: PageServer;
  let browser: Renderer;
  const files = REAL_PAGES.found ? realLabels().map((l) => l.file) : [];
  beforeAll(async () => {
    web = await startPageServer((path) => {
      const file = decodeURIComponent(path.slice(1));
      return files.includes(file) ? { type: 'text/html', body: realBytes(file) } : undefined;
    });
    browser = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 3, timeoutMs: 20_000, settleMs: 200 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  test('every page is audited; html-has-lang exactly where the saved <html> has no lang', async () => {
    const a = await auditSite(browser, files.map((f) => ({ url: `${web.origin}/${encodeURIComponent(f)}`, html: realHtml(f) })));
    expect(a.pages.filter((p) => !p.ok)).toEqual([]);
    const noLang = files.filter((f) => {
      const html = cheerio.load(realBytes(f).toString('latin1'))('html');
      return !html.attr('lang')?.trim() && !html.attr('xml:lang')?.trim();
    });
    const flagged = a.violations.find((v) => v.rule === 'html-has-lang')?.pages ?? [];
    expect(flagged.map((u) => decodeURIComponent(u.slice(web.origin.length + 1))).sort()).toEqual(noLang.sort());
    expect(noLang.length).toBeGreaterThan(0);
    expect(noLang.length).toBeLessThan(files.length);
  }, 180_000);

  test('floating windows with a 关闭: alt.gov.cn’s 对联 ad (#ad_right, position fixed) and beijing.gov.cn’s side bar of 公众号 and 微博; tab titles and menus placed absolutely are none', async () => {
    const closable = new Map<string, string[]>();
    for (const f of files) {
      const out = await browser.interact(`${web.origin}/${encodeURIComponent(f)}`, { html: realHtml(f), styles: true }, async (page) => (await Promise.all(page.frames().map((fr) => fr.evaluate(floatingWindows).catch(() => [])))).flat());
      expect(out.ok, f).toBe(true);
      const shown = out.ok ? out.value.filter((w) => w.closable).map((w) => w.selector) : [];
      if (shown.length) closable.set(f, shown);
    }
    expect([...closable.keys()].sort()).toEqual(['alt.gov.cn.home.html', 'beijing.gov.cn.home.html']);
    expect(closable.get('alt.gov.cn.home.html')).toEqual(['#ad_right']);
  }, 180_000);
});
