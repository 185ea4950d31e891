import { defineRule } from './types.ts';

/**
 * IPv6 支持: the site is not reachable over IPv6 — its home host has no AAAA record, or it has one
 * and the home page did not answer over IPv6 on any of the crawl's tries (gather/ipv6.ts). A failed
 * lookup (no resolver, a timeout) is no evidence either way and is not judged. Tries over IPv6 count
 * only from a run that reached IPv6 at all (a reference page answered over it) and from a vantage
 * rules.yaml trusts: a network without IPv6, or one far from the site, proves nothing about it.
 */
export default defineRule({
  id: 'ipv6-missing',
  title: '不支持 IPv6',
  clause: '扣分：网站未支持 IPv6 访问（无 AAAA 记录，或经 IPv6 无法访问，扣 1 分）',
  kind: 'deduction',
  siteLevel: true,
  points: ['each'],
  run(snapshot, { points }) {
    const dns = snapshot.dns;
    if (!dns || dns.aaaa === 'unknown') return { status: 'not_applicable', reason: dns?.detail ?? '未查询 DNS' };
    const host = new URL(snapshot.home.url ?? snapshot.site.url).hostname;
    const fail = (detail: string) => ({ status: 'fail' as const, findings: [{ indicator: 'ipv6-missing', target: host, page: snapshot.site.url, points: points['each']!, detail }] });
    if (dns.aaaa === 'no') return fail(dns.detail);
    const v6 = snapshot.ipv6;
    if (!v6?.home || v6.home.ok > 0) return { status: 'pass' };
    if (snapshot.networkTrusted === false) return { status: 'not_applicable', reason: `首页经 IPv6 ${v6.home.tries} 次均无法访问，但检查地点“${snapshot.vantage?.name ?? '未设置'}”不在可信列表，不作认定` };
    return fail(`${host} 有 AAAA 记录（${dns.detail}），但首页经 IPv6 访问 ${v6.home.tries} 次均失败：${[...new Set(v6.home.outcomes)].join('；')}`);
  },
});
