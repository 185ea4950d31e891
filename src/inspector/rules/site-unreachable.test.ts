import { describe, expect, test } from 'vitest';
import rule from './site-unreachable.ts';
import { context, HOME, snapshot } from './testing/snapshot.ts';

describe('site-unreachable', () => {
  test.each([
    ['loaded at the first try', [{ ok: true, detail: 'HTTP 200', elapsedMs: 40 }]],
    ['failed once, then loaded', [{ ok: false, detail: '连接超时', elapsedMs: 15000 }, { ok: true, detail: 'HTTP 200', elapsedMs: 40 }]],
  ])('accepts: %s', (_n, attempts) => {
    expect(rule.run(snapshot({ attempts }), context('site-unreachable'))).toEqual({ status: 'pass' });
  });

  test('rejects a home page that failed every try, with the reasons', () => {
    const attempts = [
      { ok: false, detail: '连接被拒绝', elapsedMs: 3 },
      { ok: false, detail: 'HTTP 502', elapsedMs: 5 },
      { ok: false, detail: '连接被拒绝', elapsedMs: 3 },
    ];
    expect(rule.run(snapshot({ attempts }), context('site-unreachable'))).toEqual({
      status: 'fail',
      findings: [{ indicator: 'site-unreachable', target: HOME, page: HOME, points: 0, detail: '本次检查间隔访问首页 3 次均失败：连接被拒绝；HTTP 502' }],
    });
  });
});
