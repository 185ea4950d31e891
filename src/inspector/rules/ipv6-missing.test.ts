import { describe, expect, test } from 'vitest';
import rule from './ipv6-missing.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('ipv6-missing', { points: { each: 1 } });

describe('ipv6-missing', () => {
  test.each([
    ['an AAAA record', { aaaa: 'yes', detail: '2001:db8::1' }, 'pass'],
    ['a lookup that failed', { aaaa: 'unknown', detail: 'DNS 查询超时' }, 'not_applicable'],
    ['no lookup at all', undefined, 'not_applicable'],
  ] as const)('%s: %s', (_n, dns, status) => {
    expect(rule.run(snapshot(dns ? { dns } : {}), ctx).status).toBe(status);
  });

  test('no AAAA record: 1 point, the host as target', () => {
    expect(rule.run(snapshot({ dns: { aaaa: 'no', detail: '无 AAAA 记录' } }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'ipv6-missing', target: 'www.linhe.gov.cn', page: HOME, points: 1, detail: '无 AAAA 记录' }],
    });
  });
});
