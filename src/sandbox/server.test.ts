import net from 'node:net';
import zlib from 'node:zlib';
import { Agent, EnvHttpProxyAgent, ProxyAgent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Encoding } from './look.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { fetchVia } from './reference-crawler.ts';
import { startSandbox, type RunningSandbox } from './server.ts';

const OPTS = { sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' };

let sb: RunningSandbox;
let proxy: ProxyAgent;
let tunnel: ProxyAgent;

beforeAll(async () => {
  sb = await startSandbox(OPTS);
  proxy = new ProxyAgent({ uri: sb.proxyUrl });
  tunnel = new ProxyAgent({ uri: sb.proxyUrl, proxyTunnel: true });
});

afterAll(async () => {
  await proxy?.close();
  await tunnel?.close();
  await sb?.close();
});

const models = (): SiteModel[] => sb.web.sites.map((_, i) => buildSiteModel(sb.web, i));
const upSite = (pred: (m: SiteModel) => boolean = () => true): SiteModel => {
  const m = models().find((x) => !x.down && pred(x));
  if (!m) throw new Error('no such site in the demo web');
  return m;
};
const downSite = (): SiteModel => models().find((m) => m.down) as SiteModel;

async function get(url: string, headers: Record<string, string> = {}, dispatcher: ProxyAgent | EnvHttpProxyAgent = proxy) {
  const res = await request(url, { dispatcher, headers });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

/** A raw CONNECT: the proxy's status line and headers. */
function rawConnect(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    let data = '';
    s.on('data', (c) => {
      data += c.toString('latin1');
      if (data.includes('\r\n\r\n')) {
        s.destroy();
        resolve(data);
      }
    });
    s.on('error', reject);
  });
}

describe('proxy protocol', () => {
  test('absolute-form requests through ProxyAgent reach the site', async () => {
    const m = upSite();
    const res = await get(m.home);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(sb.requests(m.plan.host, '/')).toBeGreaterThan(0);
  });

  test('EnvHttpProxyAgent({ httpProxy }) works the same way', async () => {
    const env = new EnvHttpProxyAgent({ httpProxy: sb.proxyUrl, noProxy: '' });
    try {
      const m = upSite();
      const res = await get(`${m.origin}/robots.txt`, {}, env);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toMatch(/^User-agent: \*/);
    } finally {
      await env.close();
    }
  });

  test('CONNECT tunnels carry plain HTTP routed by Host', async () => {
    const m = upSite();
    const before = sb.requests(m.plan.host);
    const a = await get(m.home, { 'accept-encoding': 'identity' }, tunnel);
    const b = await get(m.home, { 'accept-encoding': 'identity' });
    expect(a.status).toBe(200);
    expect(a.body.equals(b.body)).toBe(true);
    expect(sb.requests(m.plan.host)).toBe(before + 2);
    expect(await rawConnect(sb.port, `${m.plan.host}:80`)).toMatch(/^HTTP\/1\.1 200 Connection Established\r\n/);
  });

  test('CONNECT to an unknown or down host is refused with 502', async () => {
    const unknown = await rawConnect(sb.port, 'www.nosuchplace.gov.cn:80');
    expect(unknown).toMatch(/^HTTP\/1\.1 502 /);
    expect(unknown).toMatch(/x-sandbox-error: dns/i);
    const down = await rawConnect(sb.port, `${downSite().plan.host}:80`);
    expect(down).toMatch(/^HTTP\/1\.1 502 /);
    expect(down).toMatch(/x-sandbox-error: refused/i);
    await expect(get('http://www.nosuchplace.gov.cn/', {}, tunnel)).rejects.toThrow(/502/);
  });

  test('direct requests are routed by their Host header', async () => {
    const m = upSite();
    const agent = new Agent();
    try {
      const res = await request(`${sb.proxyUrl}/robots.txt`, { dispatcher: agent, headers: { host: m.plan.host } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toContain('User-agent');
    } finally {
      await agent.close();
    }
  });

  test('unknown host → 502 dns; down host → 502 refused; keep-alive stays on', async () => {
    const unknown = await get('http://www.nosuchplace.gov.cn/index.html');
    expect(unknown.status).toBe(502);
    expect(unknown.headers['x-sandbox-error']).toBe('dns');
    const down = await get(downSite().home);
    expect(down.status).toBe(502);
    expect(down.headers['x-sandbox-error']).toBe('refused');
    const ok = await get(upSite().home);
    expect(ok.headers.connection).not.toBe('close');
  });
});

describe('what the sites serve', () => {
  test('every live site has robots.txt; one keeps crawlers out of /internal/', async () => {
    const bodies = await Promise.all(models().filter((m) => !m.down).map(async (m) => (await get(`${m.origin}/robots.txt`)).body.toString()));
    for (const b of bodies) expect(b).toMatch(/^User-agent: \*\n/);
    expect(bodies.some((b) => b.includes('Disallow: /internal/'))).toBe(true);
  });

  const encodingCases: [Encoding, RegExp, RegExp | null, 'gbk' | 'utf-8'][] = [
    ['utf8-header', /charset=utf-8/i, /<meta charset="utf-8">/, 'utf-8'],
    ['gbk-header', /charset=GBK/i, /charset=gbk/, 'gbk'],
    ['gb2312-meta', /^text\/html$/, /charset=gb2312/, 'gbk'],
    ['utf8-declared-gb2312', /^text\/html$/, /charset=gb2312/, 'utf-8'],
    ['utf8-undeclared', /^text\/html$/, null, 'utf-8'],
  ];
  test.each(encodingCases)('%s pages decode as declared', async (encoding, header, meta, bytes) => {
    const m = upSite((x) => x.encoding === encoding);
    const res = await get(m.home, { 'accept-encoding': 'identity' });
    expect(String(res.headers['content-type'])).toMatch(header);
    const ascii = res.body.toString('latin1');
    if (meta) expect(ascii).toMatch(meta);
    else expect(ascii).not.toMatch(/charset/i);
    const text = new TextDecoder(bytes, { fatal: true }).decode(res.body);
    expect(text).toContain(`<title>${m.template === 'cards' ? '首页 - ' : ''}${m.site.name}</title>`);
    if (bytes === 'gbk') expect(() => new TextDecoder('utf-8', { fatal: true }).decode(res.body)).toThrow();
  });

  test('gzip and br are served when accepted, for some sites only', async () => {
    for (const enc of ['gzip', 'br'] as const) {
      const m = upSite((x) => x.compression === enc);
      const plain = await get(m.home, { 'accept-encoding': 'identity' });
      const packed = await get(m.home, { 'accept-encoding': 'gzip, deflate, br' });
      expect(packed.headers['content-encoding']).toBe(enc);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const inflated = enc === 'gzip' ? zlib.gunzipSync(packed.body) : zlib.brotliDecompressSync(packed.body);
      expect(inflated.equals(plain.body)).toBe(true);
    }
    const none = upSite((x) => x.compression === 'none');
    expect((await get(none.home, { 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBeUndefined();
  });

  test('two servers with the same options serve the same bytes', async () => {
    const other = await startSandbox(OPTS);
    const agent = new ProxyAgent({ uri: other.proxyUrl });
    try {
      // A site with sessions gives each answer new session ids: the same bytes only for the same number of answers (web.test.ts).
      for (const m of models().filter((x) => !x.down && !x.sessions).slice(0, 6)) {
        for (const url of [m.home, `${m.origin}${m.board.path}`]) {
          const a = await get(url, { 'accept-encoding': 'gzip, br' });
          const b = await get(url, { 'accept-encoding': 'gzip, br' }, agent);
          expect(b.body.equals(a.body), url).toBe(true);
        }
      }
    } finally {
      await agent.close();
      await other.close();
    }
  });
});

describe('links that must not be reported', () => {
  const control = (note: string): { site: string; target: string } => {
    const c = sb.web.controls.find((x) => x.note.startsWith(note));
    if (!c) throw new Error(`no control "${note}"`);
    return c;
  };

  test('HEAD 405 but GET 200', async () => {
    const { target } = control('HEAD answers 405');
    expect((await request(target, { dispatcher: proxy, method: 'HEAD' })).statusCode).toBe(405);
    expect((await get(target)).status).toBe(200);
  });

  test('an href written with &amp; works once decoded (and only then)', async () => {
    const { target } = control('href written with &amp;');
    expect(target).toMatch(/\/search\?a=1&b=2$/);
    expect((await get(target)).status).toBe(200);
    expect((await get(target.replace('&b=', '&amp;b='))).status).toBe(404);
  });

  test('a path in Chinese is served once percent-decoded', async () => {
    const { target } = control('Chinese characters');
    expect(target).toContain('%E4%B8%93%E9%A2%98');
    expect((await get(target)).status).toBe(200);
  });

  test('a 301 → 302 chain ends on a 200 page', async () => {
    const { target } = control('301');
    const first = await get(target);
    expect(first.status).toBe(301);
    const second = await get(new URL(String(first.headers.location), target).href);
    expect(second.status).toBe(302);
    expect((await get(new URL(String(second.headers.location), target).href)).status).toBe(200);
  });

  test('503 and 429 once per server instance, then 200', async () => {
    const a = control('503 once');
    const first = await get(a.target);
    expect(first.status).toBe(503);
    expect((await get(a.target)).status).toBe(200);
    const b = control('429 with Retry-After');
    const limited = await get(b.target);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect((await get(b.target)).status).toBe(200);
    const u = new URL(b.target);
    expect(sb.requests(u.hostname, u.pathname)).toBe(2);
  });

  test('403 to the inspector User-Agent only', async () => {
    const { target } = control('inconclusive');
    expect((await get(target, { 'user-agent': 'GovSiteInspector/0.1 (+https://example.org)' })).status).toBe(403);
    expect((await get(target, { 'user-agent': 'Mozilla/5.0 Chrome/126.0' })).status).toBe(200);
  });
});

describe('seeded failures', () => {
  test('a never-answering link holds until the client gives up', async () => {
    const t = sb.web.truth.find((x) => x.note === 'never answers');
    expect(t).toBeDefined();
    const t0 = performance.now();
    const res = await fetchVia(proxy, t?.target ?? '', { timeoutMs: 800 });
    expect(typeof res).toBe('string');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(700);
  });

  test('internal 404 and 500 answer with those statuses', async () => {
    for (const note of ['HTTP 404', 'HTTP 500', 'image 404']) {
      const t = sb.web.truth.find((x) => x.note === note);
      expect((await get(t?.target ?? '')).status, note).toBe(Number(note.match(/\d{3}/)?.[0]));
    }
  });

  test('a redirect loop never ends', async () => {
    const t = sb.web.truth.find((x) => x.note === 'redirect loop');
    const a = await get(t?.target ?? '');
    expect(a.status).toBe(302);
    const bUrl = new URL(String(a.headers.location), t?.target).href;
    const b = await get(bUrl);
    expect(new URL(String(b.headers.location), bUrl).href).toBe(t?.target);
  });
});
