import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { REAL_PAGES, realHtml, realLabels } from '../real-pages.test-helpers.ts';
import { describeNeeding } from '../../../../tests/needs.test-helpers.ts';
import type { Node } from './node.ts';
import { HOME, page } from './pages.test-helpers.ts';
import { locator } from './where.ts';

/** The place of the first element a CSS selector finds (how a test names the element it asks about). */
const whereOf = ($: cheerio.CheerioAPI, css: string, text = '') => locator($, HOME).where($(css)[0] as unknown as Node, text);

/** Enough body text that the header and footer are the page's edges (a tenth of its text at most). */
const PROSE = `<p>${'临河市人民政府召开常务会议，研究部署近期重点工作。'.repeat(40)}</p>`;

/** A page in the shape of a county portal's template. */
const TEMPLATE = `<div class="top"><a href="/">首页</a><a href="/en/">English</a> 临河市人民政府门户网站</div>
  <div id="nav"><ul><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
  <div class="main">
    <div class="lm"><div class="lm-hd"><h3>通知公告</h3><a href="/tzgg/">更多</a></div><ul><li><a href="/tzgg/1.html">关于冬季供暖的通知</a></li></ul></div>
    <div class="news_bottom">${PROSE}</div>
    <div class="article"><header><h1>临河市召开工作会议</h1></header><p>会议要求。</p></div>
  </div>
  <div class="footer"><p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p><p>主办单位：临河市人民政府办公室</p></div>
  <div class="popup" style="display:none"><a href="/close">关闭</a></div>`;

describe('the part of the page', () => {
  const $ = page(TEMPLATE);
  test.each([
    ['the top bar', 'div.top a', 'header'],
    ['the menu', '#nav a', 'nav'],
    ["a block's heading box (lm-hd), though named like a header", 'div.lm-hd h3', 'body'],
    ['a box named news_bottom in the middle of the page', 'div.news_bottom p', 'body'],
    ["an article's own <header>", 'div.article h1', 'body'],
    ['the footer', 'div.footer a', 'footer'],
  ])('%s: %s is %s', (_n, css, part) => {
    expect(whereOf($, css)?.part).toBe(part);
  });

  test('a pop-up after the footer is in no part that can be told', () => {
    expect(whereOf($, 'div.popup a')).toEqual({ selector: 'div.popup > a', text: '' });
  });

  test('HTML landmarks and ARIA roles', () => {
    const $h = page(`<header><a href="/">首页</a></header><nav><a href="/a/">新闻</a></nav><main>${PROSE}<a href="/m/">正文链接</a></main>
      <div role="contentinfo"><a href="/lx/">联系我们</a></div>`);
    expect(['header a', 'nav a', 'main a', '[role=contentinfo] a'].map((css) => whereOf($h, css)?.part)).toEqual(['header', 'nav', 'body', 'footer']);
  });

  test("a box named like a header that holds the whole page is a wrapper, not the page's header", () => {
    const $w = page(`<div id="top"><div class="header"><a href="/">首页</a></div><div class="content">${PROSE}<a href="/x/">正文链接</a></div>
      <div class="copyright">版权所有：临河市人民政府</div></div>`);
    expect(['div.header a', 'div.content a', 'div.copyright'].map((css) => whereOf($w, css)?.part)).toEqual(['header', 'body', 'footer']);
  });

  test('without a header or footer, the part of the first and last text is not said', () => {
    const $n = page(`<div class="a"><a href="/">首页</a></div><div class="b">${PROSE}<a href="/m/">正文链接</a>${PROSE}</div><div class="c"><a href="/z/">联系我们</a></div>`);
    expect(['div.a a', 'div.b a', 'div.c a'].map((css) => whereOf($n, css)?.part)).toEqual([undefined, 'body', undefined]);
  });
});

describe('the selector', () => {
  test.each([
    ['an id used once', '<div id="xxgk"><ul><li><a href="/1">一</a></li></ul></div>', '#xxgk a', '#xxgk > ul > li > a'],
    ['a class used once, with the tag', '<div class="tzgg"><a href="/1">一</a><a href="/2">二</a></div>', 'div.tzgg a + a', 'div.tzgg > a:nth-of-type(2)'],
    ['an id used twice is no anchor', '<div id="box"><a href="/1">一</a></div><div id="box"><a href="/2">二</a></div>', 'div + div a', 'body > div:nth-of-type(2) > a'],
    ['a generated id is no anchor', '<div><div id="TRS_AUTOADD_1520301548021"><a href="/1">一</a></div></div>', 'a', 'body > div > div > a'],
    ['state and float classes are no anchor', '<ul><li class="on"><a href="/1">一</a></li><li class="fl">二</li></ul>', 'li.on a', 'body > ul > li:nth-of-type(1) > a'],
    ['nth-of-type counts only siblings of the same tag', '<div class="x"><span>a</span><a href="/1">一</a><span>b</span><a href="/2">二</a></div>', 'div.x a + span + a', 'div.x > a:nth-of-type(2)'],
    ['a deep element: the anchor, then the last five steps', '<div><div><div><div><div><div><div><a href="/1">一</a></div></div></div></div></div></div></div>', 'a', 'body div > div > div > div > a'],
  ])('%s', (_n, html, css, want) => {
    const $ = page(html);
    expect(whereOf($, css)?.selector).toBe(want);
    // The selector finds the element in the browser's developer tools.
    expect($(want).toArray()).toContain($(css)[0]);
  });

  test('an element outside the body has no place', () => {
    const $ = cheerio.load('<html><head><link rel="stylesheet" href="/a.css"></head><body><p>x</p></body></html>');
    expect(whereOf($, 'link')).toBeUndefined();
  });

  test('the text is what the caller says the element shows', () => {
    expect(whereOf(page(TEMPLATE), '#nav a', '新闻中心')).toEqual({ part: 'nav', selector: '#nav > ul > li:nth-of-type(1) > a', text: '新闻中心' });
  });
});

describeNeeding(REAL_PAGES, 'the real pages', () => {
  const read = (file: string) => {
    const $ = cheerio.load(realHtml(file));
    return { $, loc: locator($, 'http://example.gov.cn/', '2018-03-22') };
  };

  // Checked by reading the saved HTML: where each element sits as a visitor sees the page.
  test.each([
    ['stats.gov.cn: 首页 in the top bar (div.top)', 'stats.gov.cn.home.html', 'ul.top01_a a', { part: 'header', selector: 'ul.top01_a > li:nth-of-type(1) > a', text: '' }],
    ['www.gov.cn: 国务院 in the menu (ul#nav)', 'www.gov.cn.home.html', '#mainlevel_02 > a', { part: 'nav', selector: '#mainlevel_02 > a', text: '' }],
    ['moe.gov.cn: news in div.scy_bottom, the lower half of the body', 'moe.gov.cn.home.html', '#eight_con2 li a', { part: 'body', selector: '#eight_con2 > div > ul > li:nth-of-type(1) > div > a', text: '' }],
    ['moe.gov.cn: the ministries in div.scy-foot', 'moe.gov.cn.home.html', '#moe_index_foot_gwy a', { part: 'footer', selector: '#moe_index_foot_gwy > li:nth-of-type(1) > a', text: '' }],
    // Its footer holds more text than its article (drop-downs of friendly links): still the footer.
    ['shanxi.gov.cn: a friendly link in div.footer', 'gne_shanxi.gov.cn_article.html', 'div.footer-nav-inner a', { part: 'footer', selector: 'div.footer-nav-inner > div:nth-of-type(1) > ul > li:nth-of-type(1) > a', text: '' }],
    // Its footer is loaded by a script (public_foot_2017.js): the last links of the body are not said to be in any part.
    ['beijing.gov.cn: the last district of the government links', 'beijing.gov.cn.home.html', 'div.district_gov li:last-child a', { selector: 'div.district_gov > ul > li:nth-of-type(16) > a', text: '' }],
  ])('%s', (_n, file, css, want) => {
    const { $, loc } = read(file);
    expect(loc.where($(css)[0] as unknown as Node, '')).toEqual(want);
  });

  test('every link and image of every page: its selector finds it, and one without a descendant step finds only it', () => {
    for (const l of realLabels()) {
      const { $, loc } = read(l.file);
      for (const el of $('a[href], img[src]').toArray()) {
        const s = loc.selector(el as unknown as Node);
        if (s === undefined) continue;
        const found = $(s).toArray();
        expect(found, `${l.file} ${s}`).toContain(el);
        if (!/[^>] [^>]/.test(s)) expect(found, `${l.file} ${s}`).toHaveLength(1);
      }
    }
  });
});
