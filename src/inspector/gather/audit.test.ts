// axe-core in the crawl's Chromium, against pages served on 127.0.0.1 whose failures are known by
// construction: counted per rule over the pages, frames included, style sheets applied, a page that
// does not load listed and counted for nothing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { auditSite } from './audit.ts';
import { findChromium } from './browser.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { Renderer } from './renderer.ts';
import { auditedPages } from './site.ts';

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
};

let server: PageServer;
let r: Renderer;

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
    const a = await auditSite(r, [`${o}/`, `${o}/bad`, `${o}/frames`]);
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
    const a = await auditSite(r, [`${server.origin}/styled`]);
    expect(a.violations).toEqual([]);
  }, 30_000);

  test('a page that does not load is listed with the reason and counts for nothing', async () => {
    const a = await auditSite(r, ['http://127.0.0.1:9/']);
    expect(a.pages).toEqual([{ url: 'http://127.0.0.1:9/', ok: false, detail: expect.stringMatching(/^error: /) }]);
    expect(a.violations).toEqual([]);
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
