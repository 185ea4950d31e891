import { describe, expect, test } from 'vitest';
import rule from './broken-link.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const DEEP = 'http://www.linhe.gov.cn/col/col1/index.html';

describe('broken-link', () => {
  test.each([
    ['every link opens', [{ url: `${HOME}a.html` }]],
    ['an inconclusive link (403 to crawlers only) is not broken', [{ url: `${HOME}b.html`, verdict: 'inconclusive' as const }]],
    ['a link not checked because of robots.txt is not broken', [{ url: `${HOME}c.html`, verdict: 'skipped' as const }]],
  ])('accepts: %s', (_name, links) => {
    expect(rule.run(snapshot({ links }), context('broken-link'))).toEqual({ status: 'pass' });
  });

  test('rejects a broken link on the home page at home-page points, naming the home page', () => {
    const out = rule.run(snapshot({ links: [{ url: `${HOME}gone.html`, verdict: 'broken', status: 404, detail: 'HTTP 404', referrers: [HOME, DEEP] }] }), context('broken-link'));
    expect(out).toEqual({
      status: 'fail',
      findings: [{ indicator: 'broken-link', target: `${HOME}gone.html`, page: HOME, alsoOn: { pages: [DEEP], more: 0 }, points: 0.2, detail: 'HTTP 404' }],
    });
  });

  test('rejects a broken link on a deeper page at the lower points, naming the first referrer', () => {
    const out = rule.run(snapshot({ links: [{ url: 'http://x.gov.cn/', verdict: 'broken', detail: '域名无法解析', referrers: [DEEP, `${HOME}z.html`] }] }), context('broken-link'));
    expect(out).toMatchObject({ status: 'fail', findings: [{ page: DEEP, points: 0.1, detail: '域名无法解析' }] });
  });

  test('says where the link is on the page the finding names', () => {
    const onHome = { part: 'footer', selector: '#footer > ul > li:nth-of-type(3) > a', text: '县政府信息公开' } as const;
    const onDeep = { part: 'body', selector: '#zoom > p:nth-of-type(2) > a', text: '附件下载' } as const;
    const out = rule.run(snapshot({ links: [
      { url: `${HOME}gone.html`, verdict: 'broken', detail: 'HTTP 404', referrers: [HOME, DEEP], whereOn: { [HOME]: onHome, [DEEP]: onDeep } },
      { url: `${HOME}old.pdf`, verdict: 'broken', detail: 'HTTP 404', referrers: [DEEP], whereOn: { [DEEP]: onDeep } },
      // A link the crawl saw only in a page's <head> (a style sheet) has no place on the page.
      { url: `${HOME}a.css`, kind: 'style', verdict: 'broken', detail: 'HTTP 404', referrers: [DEEP] },
    ] }), context('broken-link'));
    expect(out.status === 'fail' && out.findings.map((f) => [f.page, f.where])).toEqual([[HOME, onHome], [DEEP, onDeep], [DEEP, undefined]]);
  });

  test('a link in a frame of a frameset home page is on the home page: home-page points, the frame in where', () => {
    const main = `${HOME}main.html`;
    const at = { part: 'body', selector: 'div.bmfw > ul > li:nth-of-type(4) > a', text: '网站地图' } as const;
    const s = snapshot({
      pages: [page(HOME, {}, 0), page(main, {})],
      links: [
        { url: main, kind: 'frame', referrers: [HOME] },
        { url: `${HOME}wzdt/index.htm`, verdict: 'broken', detail: '重定向循环', referrers: [main, DEEP], whereOn: { [main]: at } },
      ],
    });
    expect(rule.run(s, context('broken-link'))).toEqual({
      status: 'fail',
      findings: [{ indicator: 'broken-link', target: `${HOME}wzdt/index.htm`, page: HOME, where: { ...at, page: main }, alsoOn: { pages: [main, DEEP], more: 0 }, points: 0.2, detail: '重定向循环' }],
    });
  });

  test('lists the other referring pages, the first 50 in order, and counts the rest; a link on one page lists none', () => {
    const pages = Array.from({ length: 60 }, (_, i) => `${HOME}p${String(i).padStart(2, '0')}.html`);
    const out = rule.run(snapshot({ links: [
      { url: `${HOME}gone.html`, verdict: 'broken', detail: 'HTTP 404', referrers: pages },
      { url: `${HOME}once.html`, verdict: 'broken', detail: 'HTTP 404', referrers: [DEEP] },
    ] }), context('broken-link'));
    if (out.status !== 'fail') throw new Error(out.status);
    const [many, once] = out.findings;
    expect(many!.page).toBe(`${HOME}p00.html`);
    expect(many!.alsoOn?.pages).toEqual(pages.slice(1, 51));
    expect(many!.alsoOn?.more).toBe(9);
    expect(once!.alsoOn).toBeUndefined();
  });

  test('does not apply when the home page did not load', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), context('broken-link')).status).toBe('not_applicable');
  });
});
