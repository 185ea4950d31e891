import { describe, expect, test } from 'vitest';
import rule from './search-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('search-missing', { points: { missing: 4 } });
const FORM = { action: `${HOME}search`, method: 'get' as const, field: 'q' };

describe('search-missing', () => {
  test('a search form whose query answers passes; so does a POST form that is not submitted', () => {
    const ok = snapshot({ pages: [page(HOME, { search: [FORM] }, 0)] });
    ok.home.search = { url: `${HOME}search?q=%E9%80%9A%E7%9F%A5`, ok: true, detail: 'HTTP 200' };
    expect(rule.run(ok, ctx)).toEqual({ status: 'pass' });
    expect(rule.run(snapshot({ pages: [page(HOME, { search: [{ ...FORM, method: 'post' }] }, 0)] }), ctx)).toEqual({ status: 'pass' });
  });

  test('no search form costs 4', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)] }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'search-missing', target: HOME, page: HOME, points: 4, detail: '首页未见站内搜索框' }],
    });
  });

  test('a search that answers HTTP 500 costs 4 and says so', () => {
    const s = snapshot({ pages: [page(HOME, { search: [FORM] }, 0)] });
    s.home.search = { url: `${HOME}search?q=x`, ok: false, detail: 'HTTP 500' };
    expect(rule.run(s, ctx)).toMatchObject({ status: 'fail', findings: [{ points: 4, detail: `站内搜索不可用：检索“通知”返回 HTTP 500（${HOME}search?q=x）` }] });
  });

  test('a search that does not answer names the search box the crawl submitted', () => {
    const where = { part: 'header', selector: '#searchForm > input', text: '请输入关键字' } as const;
    const s = snapshot({ pages: [page(HOME, { search: [{ ...FORM, method: 'post' }, { ...FORM, where }] }, 0)] });
    s.home.search = { url: `${HOME}search?q=x`, ok: false, detail: 'HTTP 500' };
    expect(rule.run(s, ctx)).toMatchObject({ status: 'fail', findings: [{ where }] });
  });

  test('a box only a script submits, tried in a browser: the evidence says so and names the box', () => {
    const where = { part: 'header', selector: '#kw', text: '请输入关键字' } as const;
    const box = { action: HOME, method: 'get' as const, field: '', where, script: { input: 0, trigger: 1 } };
    const s = snapshot({ pages: [page(HOME, { search: [box] }, 0)] });
    s.home.search = { url: `${HOME}s/fail?q=x`, ok: false, detail: 'HTTP 500', byScript: true };
    expect(rule.run(s, ctx)).toMatchObject({
      status: 'fail',
      findings: [{ where, detail: `站内搜索不可用：检索“通知”（在浏览器中输入后由页面脚本提交）返回 HTTP 500（${HOME}s/fail?q=x）` }],
    });
  });

  test('a search that did not answer an untrusted vantage is not judged; an HTTP error still is', () => {
    const s = { ...snapshot({ pages: [page(HOME, { search: [FORM] }, 0)] }), networkTrusted: false };
    s.home.search = { url: `${HOME}search?q=x`, ok: false, detail: '连接超时（15 秒内未完成）' };
    expect(rule.run(s, ctx)).toEqual({ status: 'not_applicable', reason: '站内搜索未应答（连接超时（15 秒内未完成）），本次检查地点不在可信列表，不作认定' });
    s.home.search = { url: `${HOME}search?q=x`, ok: false, detail: 'HTTP 500' };
    expect(rule.run(s, ctx).status).toBe('fail');
  });

  test('a search box in a home-page frame counts', () => {
    const frame = `${HOME}top.htm`;
    const s = snapshot({ pages: [page(HOME, {}, 0), page(frame, { search: [FORM] })], links: [{ url: frame, kind: 'frame', referrers: [HOME] }] });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });
});
