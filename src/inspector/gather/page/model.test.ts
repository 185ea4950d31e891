import * as cheerio from 'cheerio';
import { expect, test } from 'vitest';
import { REAL_PAGES, realHtml, realLabels } from '../real-pages.test-helpers.ts';
import { describeNeeding } from '../../../../tests/needs.test-helpers.ts';
import { readBlocks } from './blocks.ts';
import { readBreadcrumb } from './breadcrumb.ts';
import { readList } from './lists.ts';
import { readNav } from './nav.ts';
import { readPubDate } from './pub-date.ts';
import { AS_OF, HOME, page } from './pages.test-helpers.ts';

// All five readers share one model of a parse: together they leave the document as it was, and
// they are quick.

test('the document is not changed', () => {
  const html = `<div class="lm"><h3>通知公告</h3><ul><li><a href="/1.html">一</a><span>2026-11-19</span><script>var a=1;</script></li><li><a href="/2.html">二</a><!-- c --></li></ul></div>`;
  const $ = page(html);
  const before = $.html();
  readBlocks($, HOME, AS_OF);
  readList($, HOME, AS_OF);
  readPubDate($, AS_OF);
  readBreadcrumb($);
  readNav($, HOME);
  expect($.html()).toBe(before);
});

describeNeeding(REAL_PAGES, 'the real home pages', () => {
  test('reading a 100 KB page takes milliseconds', () => {
    const pages = realLabels().filter((l) => l.kind === 'home').map((l) => ({ l, html: realHtml(l.file) }));
    const start = performance.now();
    for (const { l, html } of pages) {
      const $ = cheerio.load(html);
      const url = `http://${l.host}/`;
      readBlocks($, url, '2018-03-22');
      readList($, url, '2018-03-22');
      readPubDate($, '2018-03-22');
      readBreadcrumb($);
      readNav($, url);
    }
    // Measured 3–13 ms a page for all five readers (cheerio's parse alone is 4–8 ms); the bound
    // leaves room for slow CI machines.
    expect((performance.now() - start) / pages.length).toBeLessThan(100);
  });
});
