// IPv6 evidence for ipv6-missing: the home host's AAAA records, through an injectable resolver so
// tests and the sandbox stay offline.
import { Resolver } from 'node:dns/promises';
import type { DnsFacts } from '../snapshot.ts';

/** Looks up a host's IPv6 addresses; rejects with a Node DNS error (err.code) on failure. */
export type Resolve6 = (host: string) => Promise<string[]>;

/** The system's resolver with a time limit, so one slow name server cannot hold a crawl. */
export function systemResolve6(timeoutMs = 5_000): Resolve6 {
  const r = new Resolver({ timeout: timeoutMs, tries: 2 });
  return (host) => r.resolve6(host);
}

/**
 * AAAA facts of a host. Only "the name exists and has no AAAA record" (ENODATA) counts as no
 * IPv6; a name that does not resolve at all, a timeout or a refused query is no evidence.
 */
export function aaaaLookup(resolve6: Resolve6): (host: string) => Promise<DnsFacts> {
  return async (host) => {
    try {
      const addrs = await resolve6(host);
      return addrs.length ? { aaaa: 'yes', detail: addrs.slice(0, 2).join(', ') } : { aaaa: 'no', detail: `${host} 无 AAAA（IPv6）记录` };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENODATA') return { aaaa: 'no', detail: `${host} 无 AAAA（IPv6）记录` };
      return { aaaa: 'unknown', detail: `DNS 查询未完成：${code ?? String(e)}` };
    }
  };
}
