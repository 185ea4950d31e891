// The sandbox's DNS and its IPv6 network, checked from outside (raw CONNECT tunnels, plain
// node:http, no product code): what each site really does over IPv6 is what the truth says.
import http from 'node:http';
import type { Socket } from 'node:net';
import * as cheerio from 'cheerio';
import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostOfAddress, resolveNs, sandboxResolver } from './dns.ts';
import { buildSiteModel } from './model.ts';
import { fetchVia, linksOf, showPageVia } from './reference-crawler.ts';
import { startSandbox, type RunningSandbox } from './server.ts';
import { generateWeb } from './web.ts';

const OPTS = { sites: 24, pagesPerSite: 30, seed: 3, asOf: '2026-11-20' };
let sb: RunningSandbox;
let agent: ProxyAgent;

beforeAll(async () => {
  sb = await startSandbox(OPTS);
  agent = new ProxyAgent({ uri: sb.proxyUrl });
});
afterAll(async () => {
  await agent?.close();
  await sb?.close();
});

type V6 = { status: number; body: string } | { error: string };

/** GET host/path over a CONNECT tunnel to [address]:80 through the sandbox proxy. */
function v6Get(address: string, host: string, path: string): Promise<V6> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: sb.port, method: 'CONNECT', path: `[${address}]:80`, timeout: 2_000 });
    req.once('connect', (res, socket: Socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        return resolve({ error: `CONNECT ${res.statusCode}` });
      }
      const get = http.get({ createConnection: () => socket, host, path, headers: { host, connection: 'close' }, timeout: 2_000 }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      get.once('error', (e) => resolve({ error: e.message }));
    });
    req.once('error', (e) => resolve({ error: e.message }));
    req.end();
  });
}

const title = (html: string): string => cheerio.load(html)('title').first().text().trim();
const answered = (r: V6): r is { status: number; body: string } => 'status' in r && r.status < 400;

const NOT_PAGE = /\.(css|js|json|png|gif|jpe?g|ico|pdf|xlsx?|docx?|csv|zip|txt|xml)$/i;

/** Same-site pages a page links to that answer 200 over IPv4, at most n. */
async function pagesBelow(url: string, html: string, exclude: Set<string>, n: number): Promise<Array<{ url: string; html: string }>> {
  const host = new URL(url).host;
  const out: Array<{ url: string; html: string }> = [];
  for (const u of linksOf(html, url)) {
    if (out.length >= n) break;
    const parsed = new URL(u);
    if (parsed.host !== host || parsed.pathname === '/' || NOT_PAGE.test(parsed.pathname) || exclude.has(u)) continue;
    exclude.add(u);
    const r = await fetchVia(agent, u);
    if (typeof r !== 'string' && r.status === 200) out.push({ url: u, html: r.body.toString('utf8') });
  }
  return out;
}

describe('the sandbox over IPv6, seen from outside', () => {
  test('each site with AAAA records does over IPv6 exactly what its truth says (ipv6-missing, ipv6-incomplete)', { timeout: 60_000 }, async () => {
    const web = sb.web;
    const kinds = new Set<string>();
    for (let i = 0; i < web.sites.length; i++) {
      const m = buildSiteModel(web, i);
      if (m.down) continue;
      const host = m.plan.host;
      const seen: string[] = [];
      const addresses = web.resolveAaaa(host);
      // The delegation chain: every zone above the name with a name server that has AAAA records.
      const labels = host.split('.');
      for (let k = 0; k < labels.length; k++) {
        const servers = resolveNs(web, labels.slice(k).join('.'));
        if (servers.length && !servers.some((s) => web.resolveAaaa(s).length)) seen.push('ipv6-incomplete dns-chain');
      }
      if (addresses.length === 0) seen.push(`ipv6-missing ${host}`);
      else {
        const v4 = await fetchVia(agent, m.home);
        const v4Html = typeof v4 === 'string' ? '' : v4.body.toString('utf8');
        // The pages below are found as a browser shows the home page (frames, script-written lists and redirects).
        const shown = await showPageVia(agent, m.home);
        const tries = [await v6Get(addresses[0]!, host, '/'), await v6Get(addresses[0]!, host, '/'), await v6Get(addresses[0]!, host, '/')];
        const ok = tries.filter(answered);
        if (ok.length === 0) seen.push(`ipv6-missing ${host}`);
        else {
          if (ok.length < tries.length) seen.push('ipv6-incomplete home-rate');
          if (title(ok[0]!.body) !== title(v4Html)) seen.push('ipv6-incomplete content');
          const visited = new Set<string>();
          const second = await pagesBelow(shown?.url ?? m.home, shown?.html ?? '', visited, 3);
          const third = second.length ? await pagesBelow(second[0]!.url, (await showPageVia(agent, second[0]!.url))?.html ?? '', visited, 3) : [];
          for (const [level, pages] of [['2', second], ['3', third]] as const) {
            expect(pages.length, `${host}: level ${level} pages`).toBeGreaterThan(0);
            const over6 = await Promise.all(pages.map((p) => v6Get(addresses[0]!, host, new URL(p.url).pathname)));
            const failed = over6.filter((r) => !answered(r)).length;
            expect([0, over6.length], `${host} level ${level}: all pages fail or none`).toContain(failed);
            if (failed) seen.push(`ipv6-incomplete links-${level}`);
          }
        }
      }
      const truth = web.truth.filter((t) => t.site === m.site.id && t.indicator.startsWith('ipv6')).map((t) => `${t.indicator} ${t.target}`);
      expect({ site: m.site.id, seen: seen.sort() }).toEqual({ site: m.site.id, seen: truth.sort() });
      for (const s of seen) kinds.add(s.startsWith('ipv6-missing') ? `ipv6-missing ${addresses.length ? 'silent' : 'none'}` : s);
    }
    // Every kind of IPv6 defect was seen on this web, not only the ones that happened to be easy.
    expect([...kinds].sort()).toEqual(['ipv6-incomplete content', 'ipv6-incomplete dns-chain', 'ipv6-incomplete home-rate', 'ipv6-incomplete links-2', 'ipv6-incomplete links-3', 'ipv6-missing none', 'ipv6-missing silent']);
  });

  test('a CONNECT to an address nobody has, or from a sandbox without IPv6, is refused as an unreachable network', async () => {
    expect(await v6Get('2001:db8::1', 'www.example.gov.cn', '/')).toEqual({ error: 'CONNECT 502' });
    const off = await startSandbox({ ...OPTS, ipv6: false });
    try {
      const m = buildSiteModel(off.web, off.web.sites.findIndex((_, i) => buildSiteModel(off.web, i).ipv6 === 'full'));
      const res = await new Promise<number>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port: off.port, method: 'CONNECT', path: `[${off.web.resolveAaaa(m.plan.host)[0]}]:80` });
        req.once('connect', (r, s: Socket) => (s.destroy(), resolve(r.statusCode ?? 0)));
        req.end();
      });
      expect(res).toBe(502);
    } finally {
      await off.close();
    }
  });
});

describe('the sandbox DNS', () => {
  const web = generateWeb({ ...OPTS, sites: 36 });

  test('every AAAA address belongs to one name, and the proxy finds it back', () => {
    for (const host of web.hosts.keys()) for (const a of web.resolveAaaa(host)) expect(hostOfAddress(web, a)).toBe(host);
    expect(hostOfAddress(web, '2001:db8::1')).toBeUndefined();
  });

  test('zones: cn and gov.cn, each place, and the own zone of a site delegated elsewhere; any other name is no zone', () => {
    expect(resolveNs(web, 'cn')).toEqual(['a.dns.cn', 'b.dns.cn', 'c.dns.cn']);
    const place = [...web.portals.keys()][0]!;
    expect(resolveNs(web, `${place}.gov.cn`)).toEqual([`ns1.${place}.gov.cn`, `ns2.${place}.gov.cn`]);
    expect(web.resolveAaaa(`ns1.${place}.gov.cn`)).toHaveLength(web.resolveAaaa(`ns1.${place}.gov.cn`).length || 1);
    expect(resolveNs(web, `www.${place}.gov.cn`)).toEqual([]);
    expect(resolveNs(web, 'nosuch.example')).toEqual([]);
  });

  test('the resolver rejects a name without the records asked for with ENODATA, as node:dns does', async () => {
    const r = sandboxResolver(web);
    await expect(r.resolve6('www.nosuchplace.gov.cn')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(r.resolveNs('www.nosuchplace.gov.cn')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(r.resolveNs('cn')).resolves.toHaveLength(3);
  });
});
