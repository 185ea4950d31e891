import { describe, expect, test } from 'vitest';
import rule from './homepage-not-updated.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('homepage-not-updated', { params: { days: 14 } });
const block = (...dates: string[]) => ({ name: '要闻', items: dates.map((date) => ({ title: 't', date })), undated: 0 });

describe('homepage-not-updated (as of 2026-11-20)', () => {
  test.each([
    ['an item 14 days old', [block('2026-10-01', '2026-11-06')]],
    ['the newest of several blocks counts', [block('2026-01-01'), block('2026-11-19')]],
  ])('%s passes', (_n, blocks) => {
    expect(rule.run(snapshot({ pages: [page(HOME, { blocks }, 0)] }), ctx)).toEqual({ status: 'pass' });
  });

  test('15 days without a new item on the home page is the veto', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, { blocks: [block('2026-11-05')] }, 0)] }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'homepage-not-updated', target: HOME, page: HOME, points: 0, detail: '首页最新信息为 2026-11-05，已 15 天未更新（14 天内应有更新）' }],
    });
  });

  test('a future date (a forged one) does not make a home page fresh', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, { blocks: [block('2026-10-01', '2027-01-01')] }, 0)] }), ctx).status).toBe('fail');
  });

  test('a navigation hub is judged by its second-level pages', () => {
    const fresh = snapshot({ pages: [page(HOME, {}, 0), page(`${HOME}zwgk/`, { blocks: [block('2026-11-18')] })] });
    expect(rule.run(fresh, ctx)).toEqual({ status: 'pass' });
    const stale = snapshot({ pages: [page(HOME, {}, 0), page(`${HOME}zwgk/`, { pubDate: '2026-09-01' })] });
    expect(rule.run(stale, ctx)).toMatchObject({ status: 'fail', findings: [{ detail: '首页无日期信息（导航页），其二级页面最新信息为 2026-09-01，已 80 天未更新（14 天内应有更新）' }] });
  });

  test('no readable date anywhere is not judged', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0), page(`${HOME}a/`, {})] }), ctx).status).toBe('not_applicable');
  });
});
