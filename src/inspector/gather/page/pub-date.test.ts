import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { REAL_PAGES, realLabels } from '../real-pages.test-helpers.ts';
import { describeNeeding } from '../../../../tests/needs.test-helpers.ts';
import { readPubDate } from './pub-date.ts';
import { AS_OF, asOfOf, load, page } from './pages.test-helpers.ts';

describe('readPubDate', () => {
  const body = '<p>' + '正文内容，'.repeat(60) + '</p>';
  test.each([
    ['<div>发布时间：2026-11-18 09:30</div>', '2026-11-18'],
    ['<div>发布时间:2026/11/18</div>', '2026-11-18'],
    ['<div>发布日期 2026年11月18日</div>', '2026-11-18'],
    ['<div>发布日期2026-11-18</div>', '2026-11-18'],
    ['<div>成文日期：2026-11-10</div><div>发布日期：2026-11-18</div>', '2026-11-18'],
    ['<div>成文日期：2026-11-10</div>', '2026-11-10'],
    ['<span alt="时间：2017-11-08 20:26"><i>时间：</i>2026-11-18 06:23</span>', '2026-11-18'],
    ['<table><tr><td>日期</td><td>2026-11-18</td></tr></table>', '2026-11-18'],
    ['<div class="fl">2019年06月15日08:18&nbsp;&nbsp;来源：<a href="/">人民网</a></div>', '2019-06-15'],
    ['<small class="Article-time">( 2022-04-26)</small>', '2022-04-26'],
    ['<div>截止日期：2026-12-01</div>', undefined],
    ['<div>报名时间 11月18日</div>', undefined],
    ['<span>今天是2026年11月20日 星期五</span><div>当前日期：2026-11-20</div>', undefined],
    ['<div>©2026 版权所有 2005-2026</div>', undefined],
  ])('%s → %s', (html, expected) => {
    expect(readPubDate(page(html + body), AS_OF)).toBe(expected);
  });

  test('the PubDate meta (any case) when the page shows none', () => {
    const $ = cheerio.load(`<html><head><meta name="pubdate" content="2018-03-16 10:12"></head><body>${body}</body></html>`);
    expect(readPubDate($, AS_OF)).toBe('2018-03-16');
  });

  test('the visible date wins over the meta', () => {
    const $ = cheerio.load(`<html><head><meta name="PubDate" content="2016-11-22 09:53"></head><body><span>发布日期：2016-11-21</span>${body}</body></html>`);
    expect(readPubDate($, AS_OF)).toBe('2016-11-21');
  });

  test('the dates of a list page\'s items are not its publication date', () => {
    const $ = page(`<ul>${[1, 2, 3].map((i) => `<li><a href="/${i}.html">通知${i}</a><span>发布时间：2026-11-1${i}</span></li>`).join('')}</ul>`);
    expect(readPubDate($, AS_OF)).toBeUndefined();
  });
});

// Real pages with hand-checked labels (../shared/real-pages, read at test time, never copied).

describeNeeding(REAL_PAGES, 'real pages: publication dates', () => {
  for (const l of realLabels()) {
    test(`${l.file}`, () => {
      const got = readPubDate(load(l.file), asOfOf(l));
      // Home and list pages have no publication date of their own (no clock, copyright or item date).
      const expected = l.kind === 'article' ? l.publishedDate?.slice(0, 10) : undefined;
      expect(got).toBe(expected);
    });
  }
});
