import { describe, expect, test } from 'vitest';
import rule from './error-report-entry-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ARTICLE = `${HOME}xwzx/202611/t20261118_1.html`;
const ctx = context('error-report-entry-missing', { points: { home: 1, other: 0.2 } });

describe('error-report-entry-missing', () => {
  test('the entry on every page passes', () => {
    const s = snapshot({ pages: [page(HOME, { errorReport: true }, 0), page(ARTICLE, { errorReport: true })] });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });

  test('no entry on the home page: one finding for the home page at 1 point, the others counted in the detail', () => {
    const s = snapshot({ pages: [page(HOME, {}, 0), page(ARTICLE)] });
    expect(rule.run(s, ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'error-report-entry-missing', target: HOME, page: HOME, points: 1, detail: '首页底部未见“我为政府网站找错”入口；另有 1 个其他页面也未设置' }],
    });
  });

  test('an entry written by the footer script or shown in a footer frame counts for the home page', () => {
    const frame = `${HOME}bottom.htm`;
    const viaScript = snapshot({ pages: [page(HOME, {}, 0)] });
    viaScript.home.footers = [{ url: `${HOME}js/public_foot.js`, kind: 'script', text: 'document.write("<script id=\\"_jiucuo_\\" sitecode=\\"3713000001\\">")' }];
    expect(rule.run(viaScript, ctx).status).toBe('pass');
    const viaFrame = snapshot({ pages: [page(HOME, {}, 0), page(frame, { errorReport: true })], links: [{ url: frame, kind: 'frame', referrers: [HOME] }] });
    expect(rule.run(viaFrame, ctx).status).toBe('pass');
  });

  test('a page without it while the home page has it costs 0.2', () => {
    const s = snapshot({ pages: [page(HOME, { errorReport: true }, 0), page(ARTICLE)] });
    const out = rule.run(s, ctx);
    expect(out).toMatchObject({ status: 'fail', findings: [{ target: ARTICLE, points: 0.2 }] });
  });

  test('a page whose scripts were not run (rendering failed or over budget) is not charged; a rendered one is', () => {
    const unrun = { ...page(ARTICLE), rendering: { status: 'over-budget' as const, reasons: ['footer' as const] } };
    const failed = { ...page(`${HOME}a2.html`), rendering: { status: 'failed' as const, reasons: ['write' as const], detail: 'timeout' } };
    const rendered = { ...page(`${HOME}a3.html`), rendering: { status: 'rendered' as const, reasons: ['footer' as const], changed: [], finalUrl: `${HOME}a3.html` } };
    const out = rule.run(snapshot({ pages: [page(HOME, { errorReport: true }, 0), unrun, failed, rendered] }), ctx);
    expect(out).toMatchObject({ status: 'fail', findings: [{ target: `${HOME}a3.html`, points: 0.2 }] });
    expect(out.status === 'fail' && out.findings.length).toBe(1);
  });

  test('a home page that did not load is not judged', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx).status).toBe('not_applicable');
  });
});
