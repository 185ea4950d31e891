import { describe, expect, test } from 'vitest';
import rule from './ipv6-missing.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';
import type { DnsFacts, Ipv6Facts } from '../snapshot.ts';

const ctx = context('ipv6-missing', { points: { each: 1 } });
const AAAA: DnsFacts = { aaaa: 'yes', detail: '240e:1::1', addresses: ['240e:1::1'] };
const REACHED = { reachable: true, detail: '参照站点 www.gov.cn 经 IPv6 应答 HTTP 200' };
const tries = (ok: number, outcomes = ['代理服务器拒绝连接（HTTP 504）', '代理服务器拒绝连接（HTTP 504）', '代理服务器拒绝连接（HTTP 504）']): Ipv6Facts => ({ ...REACHED, home: { tries: 3, ok, outcomes } });

describe('ipv6-missing', () => {
  test.each([
    ['an AAAA record, IPv6 not tried', { aaaa: 'yes', detail: '2001:db8::1' }, undefined, 'pass'],
    ['an AAAA record, the home page answered one try in three over IPv6 (ipv6-incomplete, not this)', AAAA, tries(1), 'pass'],
    ['an AAAA record, a run without IPv6 (nothing measured)', AAAA, { reachable: false, detail: '参照站点无应答' }, 'pass'],
    ['a lookup that failed', { aaaa: 'unknown', detail: 'DNS 查询超时' }, undefined, 'not_applicable'],
    ['no lookup at all', undefined, undefined, 'not_applicable'],
  ] as Array<[string, DnsFacts | undefined, Ipv6Facts | undefined, string]>)('%s: %s', (_n, dns, ipv6, status) => {
    expect(rule.run(snapshot({ ...(dns ? { dns } : {}), ...(ipv6 ? { ipv6 } : {}) }), ctx).status).toBe(status);
  });

  test('no AAAA record: 1 point, the host as target', () => {
    expect(rule.run(snapshot({ dns: { aaaa: 'no', detail: '无 AAAA 记录' } }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'ipv6-missing', target: 'www.linhe.gov.cn', page: HOME, points: 1, detail: '无 AAAA 记录' }],
    });
  });

  test('an AAAA record but no answer over IPv6 on any try: 1 point, the tries as evidence', () => {
    expect(rule.run(snapshot({ dns: AAAA, ipv6: tries(0) }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'ipv6-missing', target: 'www.linhe.gov.cn', page: HOME, points: 1, detail: 'www.linhe.gov.cn 有 AAAA 记录（240e:1::1），但首页经 IPv6 访问 3 次均失败：代理服务器拒绝连接（HTTP 504）' }],
    });
  });

  test('no answer over IPv6 seen from a vantage rules.yaml does not trust: not judged, and said why', () => {
    const r = rule.run(snapshot({ dns: AAAA, ipv6: tries(0), networkTrusted: false, vantage: { name: 'github-hosted', trusted: false } }), ctx);
    expect(r).toEqual({ status: 'not_applicable', reason: '首页经 IPv6 3 次均无法访问，但检查地点“github-hosted”不在可信列表，不作认定' });
  });
});
