import { describe, expect, test } from 'vitest';
import rule from './hidden-link.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('hidden-link');
const SPAM = { url: 'http://www.bet365-vip.example/', text: '体育投注', how: 'display:none' };

describe('hidden-link', () => {
  test('says where the link is hidden on the page', () => {
    const where = { part: 'footer', selector: 'div.footer > p:nth-of-type(2) > span > a', text: '体育投注' } as const;
    const out = rule.run(snapshot({ pages: [page(HOME, { hiddenLinks: [{ ...SPAM, where }] }, 0)] }), ctx);
    expect(out).toMatchObject({ status: 'fail', findings: [{ target: SPAM.url, page: HOME, where }] });
  });

  test('no hidden spam link passes', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)] }), ctx)).toEqual({ status: 'pass' });
  });

  test('one finding per hidden link, at the first page showing it', () => {
    const s = snapshot({ pages: [page(HOME, { hiddenLinks: [SPAM] }, 0), page(`${HOME}a.html`, { hiddenLinks: [SPAM] })] });
    expect(rule.run(s, ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'hidden-link', target: SPAM.url, page: HOME, points: 0, detail: '隐藏方式：display:none；链接文字“体育投注”' }],
    });
  });
});
