// The sandbox's DNS: AAAA records of its hosts and name servers, the NS records of the zones above
// them, and the reverse lookup its proxy needs to serve a CONNECT to an IPv6 address. Deterministic:
// the addresses are derived from (seed, name).
import { rng } from './random.ts';
import { roleOf } from './roles.ts';
import type { SandboxWeb } from './types.ts';

/** Well-known hosts outside the registry that have IPv6 (the national portal and its services). */
const WELL_KNOWN_V6 = new Set(['www.gov.cn', 'zfwzgl.www.gov.cn']);

/** Name servers of the zones every sandbox name sits under; all have IPv6. */
const UPPER_ZONES: Readonly<Record<string, readonly string[]>> = {
  cn: ['a.dns.cn', 'b.dns.cn', 'c.dns.cn'],
  'gov.cn': ['a.dns.cn', 'b.dns.cn', 'c.dns.cn'],
  'com.cn': ['a.dns.cn', 'b.dns.cn', 'c.dns.cn'],
  'org.cn': ['a.dns.cn', 'b.dns.cn', 'c.dns.cn'],
};

/** A hosting company's name servers, without IPv6: where the role seeded with a broken chain delegates its own zone. */
const V4_ONLY_NS = ['ns1.yunwei-idc.com', 'ns2.yunwei-idc.com'];

const norm = (name: string): string => name.toLowerCase().replace(/\.$/, '');

/** The plan of a registry host, when it is one. */
function planOf(web: SandboxWeb, host: string) {
  const i = web.hosts.get(host);
  return i === undefined ? undefined : web.plans[i];
}

/**
 * The zone a registry host's name is delegated to: the role seeded with a broken chain (role ipv6
 * 'dns') has its own zone (the host's parent name) served by V4_ONLY_NS; every other host sits in its
 * place's zone (<place>.gov.cn) or, off .gov.cn, in its own parent name.
 */
function ownZone(web: SandboxWeb, host: string): string | undefined {
  const plan = planOf(web, host);
  if (!plan || plan.hostile) return undefined;
  if (roleOf(plan.role).ipv6 === 'dns' || !host.endsWith('.gov.cn')) return host.replace(/^www\./, '');
  return `${plan.place.pinyin}.gov.cn`;
}

/** Name servers of a place's zone: ns1 and ns2 under it, both with IPv6. */
const placeServers = (zone: string): string[] => [`ns1.${zone}`, `ns2.${zone}`];

/**
 * The NS records of a name: the upper zones', a place's zone's (<place>.gov.cn, for places with a
 * site), each registry host's own zone when it has one; [] for every other name (not a zone cut).
 */
export function resolveNs(web: SandboxWeb, name: string): string[] {
  const n = norm(name);
  const upper = UPPER_ZONES[n];
  if (upper) return [...upper];
  const place = /^([a-z]+)\.gov\.cn$/.exec(n);
  if (place && web.portals.has(place[1]!)) return placeServers(n);
  for (const host of [n, `www.${n}`]) {
    const zone = ownZone(web, host);
    if (zone === n) {
      const plan = planOf(web, host)!;
      return roleOf(plan.role).ipv6 === 'dns' ? [...V4_ONLY_NS] : placeServers(n);
    }
  }
  return [];
}

/**
 * The AAAA records of a name: one or two addresses for every registry site's host (down ones
 * included: their DNS is fine) except the role seeded without IPv6 (ipv6 'none'), for each served
 * search.<place>.gov.cn, a few well-known hosts and the name servers above (except a hosting
 * company's); [] for everything else (no record, or no such name).
 */
export function resolveAaaa(web: SandboxWeb, host: string): string[] {
  const h = norm(host);
  const plan = planOf(web, h);
  let has: boolean;
  if (plan !== undefined) has = !plan.hostile && roleOf(plan.role).ipv6 !== 'none';
  else {
    const search = /^search\.([a-z]+)\.gov\.cn$/.exec(h);
    const server = /^ns[12]\.(.+)$/.exec(h);
    has =
      WELL_KNOWN_V6.has(h) ||
      Object.values(UPPER_ZONES).some((s) => s.includes(h)) ||
      (search !== null && web.portals.has(search[1] ?? '')) ||
      (server !== null && !V4_ONLY_NS.includes(h) && resolveNs(web, server[1]!).includes(h));
  }
  if (!has) return [];
  const r = rng(web.options.seed, 'aaaa', h);
  const hex = (): string => r.int(0, 0xffff).toString(16);
  // Prefixes of the three big Chinese carriers' allocations.
  const prefix = r.pick(['240e', '2409', '2408']);
  const net = `${prefix}:${hex()}:${hex()}:${hex()}`;
  const out = [`${net}::${hex()}`];
  if (r.chance(0.3)) out.push(`${net}::${hex()}`);
  return out;
}

/**
 * The host an IPv6 address of the sandbox belongs to (its proxy serves a CONNECT to it as that
 * host), or undefined. The table is built on first use from every name that has AAAA records.
 */
export function hostOfAddress(web: SandboxWeb, address: string): string | undefined {
  let table = OWNERS.get(web);
  if (!table) {
    table = new Map();
    const names = [...web.hosts.keys(), ...WELL_KNOWN_V6, ...[...web.portals.keys()].map((p) => `search.${p}.gov.cn`)];
    for (const name of names) for (const a of resolveAaaa(web, name)) table.set(a, name);
    OWNERS.set(web, table);
  }
  return table.get(address.toLowerCase());
}

const OWNERS = new WeakMap<SandboxWeb, Map<string, string>>();

/**
 * The sandbox's DNS as a resolver answers a crawl (node:dns/promises' resolve6 and resolveNs): a name
 * without the records asked for is rejected with ENODATA, as a real resolver does.
 */
export function sandboxResolver(web: SandboxWeb): { resolve6(host: string): Promise<string[]>; resolveNs(name: string): Promise<string[]> } {
  const answer = async (kind: string, name: string, records: string[]): Promise<string[]> => {
    if (records.length) return records;
    throw Object.assign(new Error(`query${kind} ENODATA ${name}`), { code: 'ENODATA' });
  };
  return { resolve6: (host) => answer('Aaaa', host, resolveAaaa(web, host)), resolveNs: (name) => answer('Ns', name, resolveNs(web, name)) };
}
