import { describe, expect, test } from 'vitest';
import rule from './accessibility-entry-missing.ts';
import { extractPage } from '../gather/extract.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('accessibility-entry-missing');
/** A site whose home page is this HTML, read as the crawl reads it. */
const home = (body: string) => snapshot({ pages: [{ ...page(HOME, {}, 0), facts: extractPage(`<html><body>${body}</body></html>`, HOME, '2026-11-20').facts }] });

describe('accessibility-entry-missing', () => {
  test.each([
    ['two links', '<div class="top"><a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a></div>'],
    ['a button', '<button type="button">无障碍</button>'],
    ['关怀版 in a toolbar label', '<span class="tool" onclick="x()">关怀版</span>'],
    ['适老化 in running text', '<p>本网站已完成适老化改造</p>'],
  ])('%s: pass', (_what, body) => {
    expect(rule.run(home(body), ctx)).toEqual({ status: 'pass' });
  });

  test('an image link named by its alt text counts (the crawl keeps the alt as the link text)', () => {
    const s = snapshot({ pages: [page(HOME, {}, 0)], links: [{ url: `${HOME}elder/`, whereOn: { [HOME]: { selector: 'a', text: '长者版' } } }] });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });

  test('none: one finding on the home page', () => {
    expect(rule.run(home('<a href="/">设为首页</a><p>政府信息公开</p>'), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'accessibility-entry-missing', target: HOME, page: HOME, points: 0, detail: '首页（含其框架页）的文字和链接中未见长者模式、关怀版、无障碍浏览等入口' }],
    });
  });

  test('not judged: a scripted home page not rendered, a 专栏', () => {
    expect(rule.run(snapshot({ pages: [{ ...page(HOME, {}, 0), rendering: { status: 'failed', reasons: ['write'], detail: 'x' } }] }), ctx).status).toBe('not_applicable');
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)], kind: 'column' }), ctx).status).toBe('not_applicable');
  });
});
