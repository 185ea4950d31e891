import type { DnsChain } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** What IPv6 support can lack beyond the AAAA record, by target, in the words of the evidence. */
export const IPV6_PROBLEMS = {
  'home-rate': '首页 IPv6 访问成功率不足',
  content: 'IPv4 与 IPv6 首页内容不一致',
  'links-2': '二级链接 IPv6 支持度不足',
  'links-3': '三级链接 IPv6 支持度不足',
  'dns-chain': '域名解析链不支持 IPv6',
} as const;

type Problem = keyof typeof IPV6_PROBLEMS;

const pct = (n: number): string => `${Math.round(n * 100)}%`;

/**
 * IPv6 支持度 (advice): a site with AAAA records that its visitors over IPv6 still meet only in part,
 * as China's IPv6 monitoring of government portals measures it (gather/ipv6.ts, gather/dns.ts):
 * - the home page answered fewer than `homeRate` of its tries over IPv6 (none at all is ipv6-missing's);
 * - over IPv6 the home page is another page: another title, or fewer than `similarity` of their
 *   same-site links shared (a placeholder, a stale copy);
 * - fewer than `linkShare` of the sampled second-level (or third-level) pages answer over IPv6;
 * - a zone its name is delegated through has no name server with an IPv6 address.
 * Tries over IPv6 are measured only from a run that reached IPv6 at all, and count only from a vantage
 * rules.yaml trusts; the delegation chain is DNS data and counts from anywhere.
 */
export default defineRule({
  id: 'ipv6-incomplete',
  title: 'IPv6 支持度不足',
  clause: '建议：首页经 IPv6 访问成功率、IPv4 与 IPv6 内容一致性、二三级链接 IPv6 支持度、域名解析链 IPv6 支持不达标（2019 年指标未设分值，不扣分）',
  kind: 'advice',
  siteLevel: true,
  points: [],
  params: ['homeRate', 'similarity', 'linkShare'],
  targetNames: IPV6_PROBLEMS,
  run(snapshot, { params }) {
    const dns = snapshot.dns;
    if (!snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    if (!dns || dns.aaaa === 'unknown') return { status: 'not_applicable', reason: dns?.detail ?? '未查询 DNS' };
    if (dns.aaaa === 'no') return { status: 'not_applicable', reason: '无 AAAA 记录（见“不支持 IPv6”）' };
    const problems: Array<[Problem, string]> = [];
    const chain = dns.chain;
    if (chain?.status === 'no') problems.push(['dns-chain', brokenZones(chain)]);
    const v6 = snapshot.ipv6;
    const unmeasured: string[] = [];
    if (!chain || chain.status === 'unknown') unmeasured.push(`域名解析链：${chain?.detail ?? '未查询'}`);
    if (!v6) unmeasured.push('未经 IPv6 访问');
    else if (!v6.reachable) unmeasured.push(v6.detail);
    else if (!v6.home || v6.home.ok === 0) unmeasured.push('首页经 IPv6 无法访问（见“不支持 IPv6”）');
    else {
      const { tries, ok } = v6.home;
      const trusted = snapshot.networkTrusted !== false;
      if (!trusted) unmeasured.push(`检查地点“${snapshot.vantage?.name ?? '未设置'}”不在可信列表，IPv6 访问成功率与链接支持度不作认定`);
      if (trusted && ok / tries < params['homeRate']!) {
        problems.push(['home-rate', `首页经 IPv6 访问 ${tries} 次，成功 ${ok} 次（${pct(ok / tries)}，低于 ${pct(params['homeRate']!)}）：${v6.home.outcomes.join('；')}`]);
      }
      const c = v6.consistency;
      if (c && (c.v4Title !== c.v6Title || c.linkSimilarity < params['similarity']!)) {
        problems.push(['content', `经 IPv4 标题为“${c.v4Title}”，经 IPv6 标题为“${c.v6Title}”；两者的本站链接相同的比例为 ${pct(c.linkSimilarity)}`]);
      }
      for (const l of trusted ? (v6.levels ?? []) : []) {
        if (l.checked === 0 || l.ok / l.checked >= params['linkShare']!) continue;
        const failed = l.failed.map((f) => `${f.url}（${f.outcome}）`).join('；');
        problems.push([`links-${l.level}`, `抽查${l.level === 2 ? '二' : '三'}级页面 ${l.checked} 个，经 IPv6 可访问 ${l.ok} 个（${pct(l.ok / l.checked)}，低于 ${pct(params['linkShare']!)}）：${failed}`]);
      }
    }
    if (problems.length === 0) return unmeasured.length ? { status: 'not_applicable', reason: unmeasured.join('；') } : { status: 'pass' };
    const page = snapshot.home.url;
    const findings: RuleFinding[] = problems.map(([target, why]) => ({ indicator: 'ipv6-incomplete', target, page, points: 0, detail: `${IPV6_PROBLEMS[target]}：${why}` }));
    return { status: 'fail', findings };
  },
});

/** The zones none of whose name servers has an IPv6 address, named with their servers. */
function brokenZones(chain: DnsChain): string {
  return chain.zones
    .filter((z) => z.withIpv6.length === 0 && !z.unknown)
    .map((z) => `${z.zone} 的域名服务器 ${z.servers.join('、')} 均无 AAAA 记录`)
    .join('；');
}
