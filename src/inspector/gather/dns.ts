// IPv6 evidence from DNS: the home host's AAAA records (ipv6-missing) and whether every zone above
// it can be resolved over IPv6 (ipv6-incomplete's delegation chain), through an injectable resolver
// so tests and the sandbox stay offline.
import { Resolver } from 'node:dns/promises';
import type { DnsChain, DnsFacts, DnsResolver, DnsZone } from '../snapshot.ts';
export type { DnsResolver };

/** The system's resolver with a time limit, so one slow name server cannot hold a crawl. */
export function systemResolver(timeoutMs = 5_000): DnsResolver {
  const r = new Resolver({ timeout: timeoutMs, tries: 2 });
  return { resolve6: (host) => r.resolve6(host), resolveNs: (name) => r.resolveNs(name) };
}

/** Name servers read per zone at most (a zone lists two to six as a rule). */
const MAX_SERVERS = 6;

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/**
 * DNS facts of a host: its AAAA records, and the delegation chain of its name (each zone from the
 * host's own up to the top-level domain, and which of its name servers have IPv6 addresses). Only
 * "the name exists and has no AAAA record" (ENODATA) counts as no IPv6; a name that does not
 * resolve, a timeout or a refused query is no evidence. Answers are shared across a run's sites
 * (gov.cn and cn are asked once).
 */
export function dnsLookup(resolver: DnsResolver): (host: string) => Promise<DnsFacts> {
  const memo = new Map<string, Promise<Answer>>();
  const ask = (kind: 'aaaa' | 'ns', name: string): Promise<Answer> => {
    const key = `${kind} ${name}`;
    let p = memo.get(key);
    if (!p) {
      p = (kind === 'aaaa' ? resolver.resolve6(name) : resolver.resolveNs(name)).then(
        (values) => ({ values }),
        (e: unknown) => ({ values: [], code: codeOf(e) ?? String(e) }),
      );
      memo.set(key, p);
    }
    return p;
  };
  return async (host) => {
    const name = host.toLowerCase().replace(/\.$/, '');
    const [own, chain] = await Promise.all([ask('aaaa', name), delegationChain(name, ask)]);
    if (own.code === undefined && own.values.length) return { aaaa: 'yes', detail: own.values.slice(0, 2).join(', '), addresses: own.values, chain };
    if (own.code === undefined || own.code === 'ENODATA') return { aaaa: 'no', detail: `${name} 无 AAAA（IPv6）记录`, chain };
    return { aaaa: 'unknown', detail: `DNS 查询未完成：${own.code}`, chain };
  };
}

interface Answer {
  values: string[];
  code?: string;
}

/** The zones above a name (its own included, the root left out: every root server has IPv6) and their name servers' IPv6. */
async function delegationChain(name: string, ask: (kind: 'aaaa' | 'ns', name: string) => Promise<Answer>): Promise<DnsChain> {
  const labels = name.split('.');
  const suffixes = labels.map((_, i) => labels.slice(i).join('.'));
  const zones: DnsZone[] = [];
  const unanswered: string[] = [];
  for (const suffix of suffixes) {
    const ns = await ask('ns', suffix);
    if (ns.code === 'ENODATA' || (ns.code === undefined && ns.values.length === 0)) continue; // not a zone cut
    if (ns.code !== undefined) {
      unanswered.push(`${suffix}（${ns.code}）`);
      continue;
    }
    const servers = [...new Set(ns.values.map((s) => s.toLowerCase().replace(/\.$/, '')))].sort().slice(0, MAX_SERVERS);
    const answers = await Promise.all(servers.map((s) => ask('aaaa', s)));
    const withIpv6 = servers.filter((_, i) => answers[i]!.values.length > 0);
    const unknown = servers.filter((_, i) => answers[i]!.code !== undefined && answers[i]!.code !== 'ENODATA');
    zones.push({ zone: suffix, servers, withIpv6, ...(unknown.length ? { unknown } : {}) });
  }
  // A zone none of whose servers has IPv6 breaks the chain; one whose servers could not all be asked decides nothing.
  const broken = zones.filter((z) => z.withIpv6.length === 0 && !z.unknown);
  if (broken.length) return { status: 'no', zones };
  if (unanswered.length || zones.some((z) => z.withIpv6.length === 0) || zones.length === 0) {
    return { status: 'unknown', zones, detail: unanswered.length ? `未能查询 ${unanswered.join('、')} 的域名服务器` : zones.length === 0 ? '未查到任何域名服务器' : '部分域名服务器的 AAAA 查询未完成' };
  }
  return { status: 'yes', zones };
}
