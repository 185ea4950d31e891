import { describe, expect, test } from 'vitest';
import rule from './ipv6-incomplete.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';
import type { DnsChain, DnsFacts, Ipv6Facts } from '../snapshot.ts';

const ctx = context('ipv6-incomplete', { params: { homeRate: 1, similarity: 0.5, linkShare: 0.9 } });
const CHAIN_OK: DnsChain = {
  status: 'yes',
  zones: [
    { zone: 'linhe.gov.cn', servers: ['ns1.linhe.gov.cn', 'ns2.linhe.gov.cn'], withIpv6: ['ns1.linhe.gov.cn'] },
    { zone: 'cn', servers: ['a.dns.cn'], withIpv6: ['a.dns.cn'] },
  ],
};
/** AAAA records and a delegation chain (null: the chain was not read). */
const dns = (chain: DnsChain | null = CHAIN_OK): DnsFacts => ({ aaaa: 'yes', detail: '240e:1::1', addresses: ['240e:1::1'], ...(chain ? { chain } : {}) });
const GOOD: Ipv6Facts = {
  reachable: true,
  detail: '参照站点 www.gov.cn 经 IPv6 应答 HTTP 200',
  home: { tries: 3, ok: 3, outcomes: ['HTTP 200', 'HTTP 200', 'HTTP 200'] },
  consistency: { v4Title: '临河市人民政府', v6Title: '临河市人民政府', linkSimilarity: 0.96 },
  levels: [
    { level: 2, checked: 10, ok: 10, failed: [] },
    { level: 3, checked: 10, ok: 9, failed: [{ url: `${HOME}a/1.html`, outcome: 'HTTP 404' }] },
  ],
};
const run = (over: Parameters<typeof snapshot>[0]) => rule.run(snapshot(over), ctx);
const targets = (r: ReturnType<typeof run>): string[] => (r.status === 'fail' ? r.findings.map((f) => f.target) : []);

describe('ipv6-incomplete', () => {
  test('everything measured and within the thresholds (9 of 10 third-level pages is 90%): pass', () => {
    expect(run({ dns: dns(), ipv6: GOOD })).toEqual({ status: 'pass' });
  });

  test.each([
    ['no AAAA record (ipv6-missing reports it)', { dns: { aaaa: 'no', detail: '无 AAAA 记录' } as DnsFacts, ipv6: GOOD }, '无 AAAA 记录（见“不支持 IPv6”）'],
    ['a lookup that failed', { dns: { aaaa: 'unknown', detail: 'DNS 查询未完成：ETIMEOUT' } as DnsFacts }, 'DNS 查询未完成：ETIMEOUT'],
    ['a run that could not reach IPv6 at all', { dns: dns(), ipv6: { reachable: false, detail: '参照站点 www.gov.cn 经 IPv6 无应答' } }, '参照站点 www.gov.cn 经 IPv6 无应答'],
    ['the home page never answered over IPv6 (ipv6-missing reports it)', { dns: dns(), ipv6: { ...GOOD, home: { tries: 3, ok: 0, outcomes: ['connection reset', 'connection reset', 'connection reset'] } } }, '首页经 IPv6 无法访问（见“不支持 IPv6”）'],
    ['IPv6 not tried, the chain unread', { dns: dns(null) }, '域名解析链：未查询；未经 IPv6 访问'],
  ] as const)('%s: not applicable', (_n, over, reason) => {
    expect(run(over as Parameters<typeof snapshot>[0])).toEqual({ status: 'not_applicable', reason });
  });

  test('one try in three failed: home-rate, with each try', () => {
    const r = run({ dns: dns(), ipv6: { ...GOOD, home: { tries: 3, ok: 2, outcomes: ['connection reset', 'HTTP 200', 'HTTP 200'] } } });
    expect(r).toEqual({
      status: 'fail',
      findings: [{ indicator: 'ipv6-incomplete', target: 'home-rate', page: HOME, points: 0, detail: '首页 IPv6 访问成功率不足：首页经 IPv6 访问 3 次，成功 2 次（67%，低于 100%）：connection reset；HTTP 200；HTTP 200' }],
    });
  });

  test('another title over IPv6, or the same title with few links shared: content', () => {
    expect(targets(run({ dns: dns(), ipv6: { ...GOOD, consistency: { v4Title: '临河市人民政府', v6Title: 'IPv6 访问测试页', linkSimilarity: 0 } } }))).toEqual(['content']);
    expect(targets(run({ dns: dns(), ipv6: { ...GOOD, consistency: { v4Title: '临河市人民政府', v6Title: '临河市人民政府', linkSimilarity: 0.3 } } }))).toEqual(['content']);
    expect(run({ dns: dns(), ipv6: { ...GOOD, consistency: { v4Title: '临河市人民政府', v6Title: '临河市人民政府', linkSimilarity: 0.5 } } }).status).toBe('pass');
  });

  test('second- and third-level pages under the share: one finding per level, the failed pages as evidence', () => {
    const failed = [{ url: `${HOME}xwzx/index.html`, outcome: 'HTTP 502' }];
    const r = run({ dns: dns(), ipv6: { ...GOOD, levels: [{ level: 2, checked: 10, ok: 8, failed }, { level: 3, checked: 4, ok: 0, failed }] } });
    expect(targets(r)).toEqual(['links-2', 'links-3']);
    expect(r.status === 'fail' && r.findings[0]!.detail).toBe(`二级链接 IPv6 支持度不足：抽查二级页面 10 个，经 IPv6 可访问 8 个（80%，低于 90%）：${HOME}xwzx/index.html（HTTP 502）`);
  });

  test('a zone without a name server with IPv6: dns-chain, even from a run without IPv6 (DNS data counts from anywhere)', () => {
    const chain: DnsChain = { status: 'no', zones: [{ zone: 'linhezf.org.cn', servers: ['ns1.idc.example.com', 'ns2.idc.example.com'], withIpv6: [] }, ...CHAIN_OK.zones.slice(1)] };
    const r = run({ dns: dns(chain), ipv6: { reachable: false, detail: '无应答' } });
    expect(r).toEqual({
      status: 'fail',
      findings: [{ indicator: 'ipv6-incomplete', target: 'dns-chain', page: HOME, points: 0, detail: '域名解析链不支持 IPv6：linhezf.org.cn 的域名服务器 ns1.idc.example.com、ns2.idc.example.com 均无 AAAA 记录' }],
    });
  });

  test('from a vantage rules.yaml does not trust, failed tries and pages are not judged; another page over IPv6 still is', () => {
    const bad: Ipv6Facts = { ...GOOD, home: { tries: 3, ok: 1, outcomes: ['timeout', 'timeout', 'HTTP 200'] }, consistency: { v4Title: 'a', v6Title: 'b', linkSimilarity: 0 }, levels: [{ level: 2, checked: 10, ok: 0, failed: [] }] };
    expect(targets(run({ dns: dns(), ipv6: bad, networkTrusted: false, vantage: { name: 'abroad', trusted: false } }))).toEqual(['content']);
    expect(run({ dns: dns(), ipv6: { ...bad, consistency: GOOD.consistency! }, networkTrusted: false, vantage: { name: 'abroad', trusted: false } })).toEqual({
      status: 'not_applicable',
      reason: '检查地点“abroad”不在可信列表，IPv6 访问成功率与链接支持度不作认定',
    });
  });
});
