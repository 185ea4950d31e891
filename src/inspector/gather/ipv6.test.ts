import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { sandboxResolver } from '../../sandbox/dns.ts';
import { buildSiteModel, type SiteModel } from '../../sandbox/model.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { openCrawl } from '../inspect.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { crawlSite } from './site.ts';
import { HttpClient } from './http.ts';
import { ipv6Dispatcher, Ipv6Prober, sample, type Ipv6Input } from './ipv6.ts';
import { resolveOptions, type CrawlOptions } from './options.ts';
import { CONTENT } from '../rules/snapshot.test-helpers.ts';

let sandbox: RunningSandbox;
let offline: RunningSandbox;
const WEB = { sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' };

beforeAll(async () => {
  sandbox = await startSandbox(WEB);
  offline = await startSandbox({ ...WEB, ipv6: false });
});
afterAll(async () => {
  await sandbox?.close();
  await offline?.close();
});

const options = (sb: RunningSandbox, over: Partial<CrawlOptions> = {}): CrawlOptions =>
  resolveOptions({ proxy: { http: sb.proxyUrl, https: sb.proxyUrl }, extraCa: [sb.caPem], ipv6Reference: 'http://www.gov.cn/', timeoutMs: 1_500, hostDelayMs: 0, backoffMs: 50, homeAttemptGapMs: 50, ...over });
const site = (sb: RunningSandbox, pred: (m: SiteModel) => boolean): SiteModel => {
  const m = sb.web.sites.map((_, i) => buildSiteModel(sb.web, i)).find((x) => !x.down && pred(x));
  if (!m) throw new Error('no such site in the sandbox');
  return m;
};
const prober = (sb: RunningSandbox) => new Ipv6Prober(options(sb), sandboxResolver(sb.web).resolve6);
/** Runs a request at once (no host scheduler). */
const direct: Ipv6Input['run'] = (_url, fetch) => fetch();

describe('Ipv6Prober', () => {
  test('the run reaches IPv6 through the proxy: the reference page answered over it', async () => {
    const p = prober(sandbox);
    try {
      expect(await p.reachable()).toEqual({ reachable: true, detail: '参照站点 www.gov.cn 经 IPv6 应答 HTTP 200' });
      expect(sandbox.requests('[v6] www.gov.cn', '/')).toBe(1);
    } finally {
      await p.close();
    }
  });

  test('a network without IPv6: not reachable, nothing else asked of any site', async () => {
    const p = prober(offline);
    const m = site(offline, (x) => x.ipv6 === 'full');
    try {
      const facts = await p.measure({ homeUrl: m.home, homeHtml: '<title>x</title>', pages: [], run: direct });
      expect(facts).toEqual({ reachable: false, detail: expect.stringMatching(/^参照站点 www\.gov\.cn 经 IPv6 无应答（代理服务器拒绝连接（HTTP 502）|.*502.*）：本次检查所在网络不能访问 IPv6，不作判断$/) });
      expect(offline.requests(`[v6] ${m.plan.host}`)).toBe(0);
    } finally {
      await p.close();
    }
  });

  test('a site served alike over IPv6 (over HTTPS too, the name in SNI): every try answers, same title and links', async () => {
    const m = site(sandbox, (x) => x.ipv6 === 'full' && x.https === 'valid');
    const https = m.home.replace(/^http:/, 'https:');
    const v4 = await new HttpClient(options(sandbox)).fetch(https);
    expect(v4.ok && v4.status).toBe(200);
    const p = prober(sandbox);
    try {
      const facts = await p.measure({ homeUrl: https, homeHtml: v4.ok ? v4.body.toString('utf8') : '', pages: [], run: direct });
      expect(facts.home).toEqual({ tries: 3, ok: 3, outcomes: ['HTTP 200', 'HTTP 200', 'HTTP 200'] });
      expect(facts.consistency).toMatchObject({ linkSimilarity: 1 });
      expect(facts.consistency!.v6Title).toBe(facts.consistency!.v4Title);
      expect(sandbox.requests(`[v6] ${m.plan.host}`, '/')).toBe(3);
    } finally {
      await p.close();
    }
  });

  test('a proxy that cannot be reached: the reason said as it is, not as a timeout', async () => {
    const p = new Ipv6Prober(resolveOptions({ proxy: { http: 'http://127.0.0.1:9', https: 'http://127.0.0.1:9' }, ipv6Reference: 'http://www.gov.cn/', timeoutMs: 1_500 }), sandboxResolver(sandbox.web).resolve6);
    try {
      expect((await p.reachable()).detail).toMatch(/^参照站点 www\.gov\.cn 经 IPv6 无应答（代理连接失败：connect ECONNREFUSED 127\.0\.0\.1:9）/);
    } finally {
      await p.close();
    }
  });

  test('the sample of pages below: evenly spread, the same every run', () => {
    expect(sample(['a', 'b', 'c', 'd', 'e', 'f'], 3)).toEqual(['a', 'c', 'e']);
    expect(sample(['a', 'b'], 3)).toEqual(['a', 'b']);
  });
});

/** Whether this machine's loopback speaks IPv6 (a container may have it turned off). */
const LOOPBACK_V6 = await new Promise<boolean>((resolve) => {
  const s = http.createServer();
  s.once('error', () => resolve(false));
  s.listen(0, '::1', () => s.close(() => resolve(true)));
});

describeNeeding({ what: 'IPv6 on the loopback (::1)', found: LOOPBACK_V6 }, 'ipv6Dispatcher without a proxy', () => {
  test('connects to the AAAA address itself, with the name in Host', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.socket.remoteFamily} ${req.headers.host}`);
      res.end('<title>ok</title>');
    });
    await new Promise<void>((r) => server.listen(0, '::1', r));
    const port = (server.address() as AddressInfo).port;
    const opts = resolveOptions({ proxy: {}, allowPrivate: true, timeoutMs: 2_000, retries: 0 });
    const client = new HttpClient(opts, undefined, ipv6Dispatcher(async (host) => (host === 'www.linhe.gov.cn' ? ['::1'] : []), opts));
    try {
      const o = await client.fetch(`http://www.linhe.gov.cn:${port}/`);
      expect(o.ok && o.status).toBe(200);
      expect(seen).toEqual([`IPv6 www.linhe.gov.cn:${port}`]);
      // The loopback is refused unless private addresses are allowed, as for every request of a crawl.
      const guarded = resolveOptions({ proxy: {}, timeoutMs: 2_000, retries: 0 });
      const strict = new HttpClient(guarded, undefined, ipv6Dispatcher(async () => ['::1'], guarded));
      const refused = await strict.fetch(`http://www.linhe.gov.cn:${port}/`);
      expect(refused.ok ? refused.status : refused.code).toBe('private-address');
      await strict.close();
    } finally {
      await client.close();
      server.close();
    }
  });
});

describe('crawlSite over IPv6 (the sandbox roles)', () => {
  const crawl = async (sb: RunningSandbox, m: SiteModel) => {
    const { gather, close } = await openCrawl({ options: options(sb, { render: 'never', attachments: false, certificates: false }), rulesConfig: loadRulesConfig(CONTENT), asOf: WEB.asOf, resolver: sandboxResolver(sb.web) });
    try {
      return await crawlSite(m.site, WEB.asOf, gather);
    } finally {
      await close();
    }
  };

  test('one try in three reset (flaky): 2 of 3', async () => {
    const s = await crawl(sandbox, site(sandbox, (x) => x.ipv6 === 'flaky'));
    expect(s.ipv6?.home).toMatchObject({ tries: 3, ok: 2 });
  });

  test('only the home page over IPv6 (partial): the sampled second- and third-level pages all fail', async () => {
    const s = await crawl(sandbox, site(sandbox, (x) => x.ipv6 === 'partial'));
    expect(s.ipv6?.home?.ok).toBe(3);
    expect(s.ipv6?.levels?.map((l) => [l.level, l.ok, l.checked > 0])).toEqual([[2, 0, true], [3, 0, true]]);
  });

  test('a placeholder over IPv6 (stale): another title, no link shared', async () => {
    const s = await crawl(sandbox, site(sandbox, (x) => x.ipv6 === 'stale'));
    expect(s.ipv6?.consistency).toMatchObject({ v6Title: 'IPv6 访问测试页', linkSimilarity: 0 });
  });

  test('an AAAA record and no answer (silent): no try succeeds; from a network without IPv6 the same site is not measured at all', async () => {
    const s = await crawl(sandbox, site(sandbox, (x) => x.ipv6 === 'silent'));
    expect(s.ipv6?.home).toMatchObject({ tries: 3, ok: 0 });
    const o = await crawl(offline, site(offline, (x) => x.ipv6 === 'silent'));
    expect(o.dns?.aaaa).toBe('yes');
    expect(o.ipv6?.reachable).toBe(false);
    expect(o.ipv6?.home).toBeUndefined();
  });
});
