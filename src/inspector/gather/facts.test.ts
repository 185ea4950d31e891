import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { extractPage } from './extract.ts';
import { readHeader, readVisibleText, visibleText } from './facts.ts';
import { asOfOf } from './page/pages.test-helpers.ts';
import { locator } from './page/where.ts';
import { REAL_PAGES, realPages } from './real-pages.test-helpers.ts';

const PAGE = 'http://www.linhe.gov.cn/';

describe('readVisibleText', () => {
  test('the same text as visibleText, and a run where the block holding Chinese text changes', () => {
    const html = `<html><body><div id="top">  临河市\u3000人民政府 <a href="/">首页</a></div>
      <ul class="list"><li> <span>[11-18]</span> 关于冬季供暖的通知</li><li>2026&nbsp;年度报告</li></ul>
      <p>第一段<br>第二行<b>加粗</b>继续</p></body></html>`;
    const $ = cheerio.load(html);
    const { text, runs } = readVisibleText($, locator($, PAGE));
    expect(text).toBe(visibleText(cheerio.load(html)));
    expect(text).toBe('临河市 人民政府 首页\n[11-18] 关于冬季供暖的通知\n2026 年度报告\n第一段\n第二行加粗继续');
    // Each run starts at its block's first Chinese character; a <br> or an inline element starts none.
    expect(runs.map((r) => [text.slice(r.at, r.at + 3), r.selector])).toEqual([
      ['临河市', '#top'],
      ['关于冬', 'ul.list > li:nth-of-type(1)'],
      ['年度报', 'ul.list > li:nth-of-type(2)'],
      ['第一段', 'body > p'],
    ]);
  });

  test('without a locator, no runs', () => {
    expect(readVisibleText(cheerio.load('<p>临河</p>')).runs).toEqual([]);
  });
});

describeNeeding(REAL_PAGES, 'the real pages', () => {
  test.each(realPages().map((p) => [p.label.file, p] as const))('%s: each run starts in the element its selector finds', (_f, p) => {
    const { facts } = extractPage(p.html, p.url, asOfOf(p.label));
    const runs = facts.textWhere ?? [];
    expect(runs.length).toBeGreaterThan(0);
    // The page as the text was read: scripts, styles and templates gone (nth-of-type of other tags is unchanged).
    const $ = cheerio.load(p.html);
    $('script, style, noscript, template').remove();
    for (const r of runs.slice(0, 200)) {
      const head = facts.text.slice(r.at, r.at + 4).split('\n')[0]!;
      expect(/^\p{Script=Han}/u.test(head), `${r.selector} ${head}`).toBe(true);
      const shown = $(r.selector).toArray().map((el) => $(el).text().replace(/[\s\u00a0\u3000]+/g, ' '));
      expect(shown.some((t) => t.includes(head)), `${r.selector} should hold ${head}`).toBe(true);
    }
  });
});

describe('readHeader', () => {
  test('header boxes: <header> or an id or class with head, logo, top or banner in any case, the outermost six', () => {
    const html = `<html><body><div class="TopBar">顶部<div class="logo"><img alt="里面的标志"></div></div><header>页头</header>
      <div id="site-Banner">横幅</div><div class="headline">标题区</div><div class="main">正文<div class="pagetop">返回顶部</div></div>
      <div id="logoArea"><img alt="标志"><img src="/x.png"></div><div class="stop">停</div><div class="head">第七个</div></body></html>`;
    expect(readHeader(cheerio.load(html))).toBe('顶部 里面的标志 页头 横幅 标题区 返回顶部 标志');
  });

  test('without a header container, the first lines of the page stand for it, its footer left out', () => {
    const header = (html: string) => readHeader(cheerio.load(html));
    expect(header('<html><body><p>汉沙区教育局 欢迎您</p><div class="footer">主办单位：汉沙区教育局</div></body></html>')).toBe('汉沙区教育局 欢迎您');
    // The bottom frame of a frameset home page is all footer: it shows no header.
    expect(header('<html><body><div class="bottom">网站首页 | 联系我们 主办单位：汉沙区教育局</div></body></html>')).toBe('');
    expect(header('<html><body><div id="logo"><img src="/l.png" alt="汉沙区人民政府"></div><p>正文</p></body></html>')).toBe('汉沙区人民政府');
  });
});
