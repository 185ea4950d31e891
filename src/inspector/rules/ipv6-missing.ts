import { defineRule } from './types.ts';

/**
 * IPv6 支持: the home page's host has no AAAA record. A failed lookup (no resolver, a timeout) is
 * no evidence either way and is not judged.
 */
export default defineRule({
  id: 'ipv6-missing',
  title: '不支持 IPv6',
  clause: '扣分：网站未支持 IPv6 访问（无 AAAA 记录，扣 1 分）',
  kind: 'deduction',
  siteLevel: true,
  points: ['each'],
  run(snapshot, { points }) {
    const dns = snapshot.dns;
    if (!dns || dns.aaaa === 'unknown') return { status: 'not_applicable', reason: dns?.detail ?? '未查询 DNS' };
    if (dns.aaaa === 'yes') return { status: 'pass' };
    const host = new URL(snapshot.home.url ?? snapshot.site.url).hostname;
    return { status: 'fail', findings: [{ indicator: 'ipv6-missing', target: host, page: snapshot.site.url, points: points['each']!, detail: dns.detail }] };
  },
});
