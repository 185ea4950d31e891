import { describe, expect, test } from 'vitest';
import rule from './https-missing.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('https-missing');

describe('https-missing', () => {
  test('a site that answers on https passes, also when registered as http', () => {
    const s = snapshot();
    s.home.https = { ok: true, detail: 'HTTP 200' };
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
    expect(rule.run(snapshot({ url: 'https://www.linhe.gov.cn/' }), ctx)).toEqual({ status: 'pass' });
  });

  test('http only: advice at 0 points with the TLS failure as evidence', () => {
    const s = snapshot();
    s.home.https = { ok: false, detail: 'TLS 握手失败' };
    expect(rule.run(s, ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'https-missing', target: HOME, page: HOME, points: 0, detail: '首页仅通过 HTTP 提供，HTTPS 访问失败：TLS 握手失败' }],
    });
  });

  test('not checked, or the site is down: not judged', () => {
    expect(rule.run(snapshot(), ctx).status).toBe('not_applicable');
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: 'x', elapsedMs: 1 }] }), ctx).status).toBe('not_applicable');
  });
});
