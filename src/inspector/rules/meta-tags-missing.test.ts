import { describe, expect, test } from 'vitest';
import rule from './meta-tags-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('meta-tags-missing', { points: { page: 0.1 } });
const SITE = { SiteName: '临河市人民政府', SiteDomain: 'www.linhe.gov.cn', SiteIDCode: '3713000001' };
const LIST = { items: [{ title: 'a', date: '2026-11-18' }], undated: 0, empty: false, pagination: [] };
const column = (url: string, meta: Record<string, string>) => page(url, { meta, list: LIST });
const article = (url: string, meta: Record<string, string>) => page(url, { meta, pubDate: '2026-11-18' });

describe('meta-tags-missing', () => {
  test('complete tags pass; the home page and other pages are not sampled', () => {
    const s = snapshot({
      pages: [
        page(HOME, {}, 0),
        column(`${HOME}tzgg/`, { ...SITE, ColumnName: '通知公告' }),
        article(`${HOME}tzgg/t1.html`, { ...SITE, ColumnName: '通知公告', ArticleTitle: '关于…的通知', PubDate: '2026-11-18 09:00' }),
        page(`${HOME}lxwm/`, {}),
      ],
    });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });

  test('the frames of a frameset home page are the home page, not column pages', () => {
    const main = `${HOME}main.html`;
    const s = snapshot({ pages: [page(HOME, {}, 0), column(main, {}), column(`${HOME}tzgg/`, { ...SITE, ColumnName: '通知公告' })], links: [{ url: main, kind: 'frame', referrers: [HOME] }] });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });

  test('each page is charged once, under the first tag it lacks; an empty tag is missing', () => {
    const a1 = `${HOME}tzgg/t1.html`;
    const a2 = `${HOME}tzgg/t2.html`;
    const s = snapshot({
      pages: [
        column(`${HOME}tzgg/`, { ...SITE, ColumnName: '通知公告' }),
        article(a1, { ...SITE, ColumnName: '通知公告' }),
        article(a2, { ...SITE, SiteIDCode: '', ColumnName: '通知公告', PubDate: '2026-11-18' }),
      ],
    });
    expect(rule.run(s, ctx)).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'meta-tags-missing', target: 'ArticleTitle', page: a1, alsoOn: { pages: [a2], more: 0 }, points: 0.1, detail: '抽查的 3 个栏目页和内容页中，2 个缺少 ArticleTitle 标签' },
        { indicator: 'meta-tags-missing', target: 'PubDate', page: a1, points: 0, detail: '抽查的 3 个栏目页和内容页中，1 个缺少 PubDate 标签' },
        { indicator: 'meta-tags-missing', target: 'SiteIDCode', page: a2, points: 0.1, detail: '抽查的 3 个栏目页和内容页中，1 个缺少 SiteIDCode 标签' },
      ],
    });
  });

  test('no column or content page read: not judged', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)] }), ctx).status).toBe('not_applicable');
  });
});
