// The HTTP client against a purpose-built loopback server: retries, Retry-After, redirects, caps,
// decompression and timeouts. Failures must come back as data.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HttpClient, retryAfterMs } from './http.ts';
import { resolveOptions } from './options.ts';

let server: Server;
let base: string;
const hits = new Map<string, number>();
const held: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const route = path.split('?')[0];
    switch (route) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>好</title>');
        break;
      case '/flaky-503':
        if (n === 1) res.writeHead(503).end('busy');
        else res.writeHead(200).end('ok');
        break;
      case '/always-500':
        res.writeHead(500).end('err');
        break;
      case '/retry-after':
        if (n === 1) res.writeHead(429, { 'retry-after': '1' }).end();
        else res.writeHead(200).end('ok');
        break;
      case '/retry-after-long':
        res.writeHead(429, { 'retry-after': '3600' }).end();
        break;
      case '/redirect-chain':
        res.writeHead(301, { location: '/redirect-2' }).end();
        break;
      case '/redirect-2':
        res.writeHead(302, { location: `${base}/ok#frag` }).end();
        break;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        break;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' }).end();
        break;
      case '/many': {
        const k = Number(new URL(path, base).searchParams.get('k') ?? 0);
        res.writeHead(302, { location: `/many?k=${k + 1}` }).end();
        break;
      }
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' }).end(gzipSync('<p>压缩的页面</p>'));
        break;
      case '/br':
        res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('brotli body'));
        break;
      case '/deflate':
        res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync('deflate body'));
        break;
      case '/bomb':
        // 64 MB of zeros gzip to ~64 KB; the client must stop at its cap.
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * 1024 * 1024)));
        break;
      case '/big':
        res.writeHead(200);
        for (let i = 0; i < 64; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
        res.end();
        break;
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => res.write('<p>more</p>'), 20);
        res.on('close', () => clearInterval(t));
        break;
      }
      case '/hang':
        held.push(() => res.destroy());
        break;
      case '/head-405':
        if (req.method === 'HEAD') res.writeHead(405).end();
        else res.writeHead(200).end('ok');
        break;
      case '/ua':
        res.writeHead(200).end(req.headers['user-agent']);
        break;
      default:
        res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  held.forEach((f) => f());
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const sleeps: number[] = [];
const client = (over = {}) => new HttpClient(resolveOptions({ allowPrivate: true, proxy: {}, timeoutMs: 1000, backoffMs: 10, ...over }), async (ms) => void sleeps.push(ms));

describe('HttpClient', () => {
  test('a 503 is retried with backoff and the page is then read', async () => {
    sleeps.length = 0;
    const r = await client().fetch(`${base}/flaky-503`);
    expect(r).toMatchObject({ ok: true, status: 200, tries: 2 });
    expect(sleeps).toEqual([10]);
  });

  test('with a schedule, each try takes its turn and the wait before a retry holds no slot', async () => {
    let inSlot = 0;
    const turns: string[] = [];
    const held: number[] = [];
    const http = new HttpClient(resolveOptions({ allowPrivate: true, proxy: {}, timeoutMs: 1000, backoffMs: 10, retries: 2 }), async () => void held.push(inSlot));
    const schedule = async <T>(host: string, attempt: () => Promise<T>): Promise<T> => {
      turns.push(host);
      inSlot++;
      try {
        return await attempt();
      } finally {
        inSlot--;
      }
    };
    const r = await http.fetch(`${base}/always-500`, { schedule });
    expect(r).toMatchObject({ ok: true, status: 500, tries: 3 });
    expect(turns).toEqual([new URL(base).host, new URL(base).host, new URL(base).host]);
    expect(held).toEqual([0, 0]);
  });

  test('a persistent 500 is tried 1 + retries times and returned as a response', async () => {
    const before = hits.get('/always-500') ?? 0;
    const r = await client({ retries: 2 }).fetch(`${base}/always-500`);
    expect(r).toMatchObject({ ok: true, status: 500, tries: 3 });
    expect(hits.get('/always-500')! - before).toBe(3);
  });

  test('Retry-After is honoured, and one longer than the limit is not waited for', async () => {
    sleeps.length = 0;
    expect(await client().fetch(`${base}/retry-after`)).toMatchObject({ ok: true, status: 200, tries: 2 });
    expect(sleeps).toEqual([1000]);
    sleeps.length = 0;
    expect(await client().fetch(`${base}/retry-after-long`)).toMatchObject({ ok: true, status: 429, tries: 1 });
    expect(sleeps).toEqual([]);
  });

  test('redirects are followed and recorded; fragments are dropped', async () => {
    const r = await client().fetch(`${base}/redirect-chain`);
    expect(r).toMatchObject({ ok: true, status: 200, finalUrl: `${base}/ok`, redirects: [`${base}/redirect-2`, `${base}/ok`] });
  });

  test('a redirect loop is a failure, not a hang', async () => {
    expect(await client().fetch(`${base}/loop-a`)).toMatchObject({ ok: false, code: 'redirect-loop' });
  });

  test('more than maxRedirects is a failure', async () => {
    expect(await client({ maxRedirects: 10 }).fetch(`${base}/many?k=0`)).toMatchObject({ ok: false, code: 'too-many-redirects', redirects: expect.any(Array) });
  });

  test.each([
    ['gzip', '<p>压缩的页面</p>'],
    ['br', 'brotli body'],
    ['deflate', 'deflate body'],
  ])('%s bodies are decompressed', async (path, text) => {
    const r = await client().fetch(`${base}/${path}`);
    expect(r.ok && r.body.toString('utf8')).toBe(text);
  });

  test('a gzip bomb stops at the byte cap', async () => {
    const r = await client({ maxBytes: 1024 * 1024 }).fetch(`${base}/bomb`);
    expect(r).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(r.ok && r.body.length).toBe(1024 * 1024);
  });

  test('a large body stops at the byte cap; a small one is not truncated', async () => {
    const big = await client({ maxBytes: 100_000 }).fetch(`${base}/big`);
    expect(big).toMatchObject({ ok: true, truncated: true });
    expect(big.ok && big.body.length).toBe(100_000);
    expect(await client().fetch(`${base}/ok`)).toMatchObject({ ok: true, truncated: false });
  });

  test('a page that never ends stops at the byte cap or the time limit, whichever comes first', async () => {
    const r = await client({ timeoutMs: 500, maxBytes: 1024 * 1024 }).fetch(`${base}/endless`);
    expect(r).toMatchObject({ ok: false, code: 'timeout' });
    expect(r.elapsedMs).toBeLessThan(2000);
  });

  test('a server that never answers is a timeout, reported as data', async () => {
    const r = await client({ timeoutMs: 300 }).fetch(`${base}/hang`);
    expect(r).toMatchObject({ ok: false, code: 'timeout', tries: 1 });
  });

  test('a refused connection is retried, then reported', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await client({ retries: 1 }).fetch(`http://127.0.0.1:${port}/`);
    expect(r).toMatchObject({ ok: false, code: 'refused', tries: 2 });
  });

  test('private and loopback addresses are refused unless allowed', async () => {
    const guarded = new HttpClient(resolveOptions({ proxy: {} }));
    expect(await guarded.fetch(`${base}/ok`)).toMatchObject({ ok: false, code: 'private-address', tries: 0 });
    expect(await guarded.fetch('http://localhost/')).toMatchObject({ ok: false, code: 'private-address' });
    expect(await guarded.fetch('http://[::1]/')).toMatchObject({ ok: false, code: 'private-address' });
    expect(await guarded.fetch('http://10.1.2.3/')).toMatchObject({ ok: false, code: 'private-address' });
    await guarded.close();
  });

  test('the identifying User-Agent is sent, and can be replaced per request', async () => {
    const c = client();
    const own = await c.fetch(`${base}/ua`);
    expect(own.ok && own.body.toString()).toMatch(/^GovSiteInspector\/.*\(\+https?:\/\/.+\)/);
    const browser = await c.fetch(`${base}/ua`, { userAgent: 'Mozilla/5.0 test' });
    expect(browser.ok && browser.body.toString()).toBe('Mozilla/5.0 test');
  });

  test('HEAD reads no body', async () => {
    const r = await client().fetch(`${base}/head-405`, { method: 'HEAD' });
    expect(r).toMatchObject({ ok: true, status: 405 });
    expect(r.ok && r.body.length).toBe(0);
  });
});

describe('through a proxy', () => {
  /** A proxy on 127.0.0.1 that never answers, or answers every CONNECT with 502 at once. */
  const proxies: Array<ReturnType<typeof createNetServer>> = [];
  const startProxy = async (answer: boolean) => {
    const p = createNetServer((socket) => {
      socket.on('error', () => {});
      if (answer) socket.once('data', () => socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'));
    });
    proxies.push(p);
    await new Promise<void>((done) => p.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(p.address() as AddressInfo).port}`;
  };
  afterAll(() => {
    for (const p of proxies) p.close();
  });

  test('a CONNECT the proxy never answers costs the deadline, not undici’s 300 s', async () => {
    const proxy = await startProxy(false);
    const http = new HttpClient(resolveOptions({ proxy: { http: proxy, https: proxy }, timeoutMs: 800, retries: 0 }));
    const t0 = performance.now();
    const o = await http.fetch('https://www.linhe.gov.cn/', { method: 'HEAD' });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(o).toMatchObject({ ok: false, code: 'timeout' });
    void http.close();
  }, 10_000);

  test('a proxy that refuses the tunnel at once says so: not a timeout', async () => {
    const proxy = await startProxy(true);
    const http = new HttpClient(resolveOptions({ proxy: { http: proxy, https: proxy }, timeoutMs: 5_000, retries: 0 }));
    const o = await http.fetch('https://www.linhe.gov.cn/', { method: 'HEAD' });
    expect(o).toMatchObject({ ok: false, code: 'proxy', message: '代理服务器拒绝连接（HTTP 502）' });
    expect(o.elapsedMs).toBeLessThan(2_000);
    await http.close();
  });
});

describe('retryAfterMs', () => {
  test.each([
    ['5', 5000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s', (v, ms) => {
    expect(retryAfterMs(v, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});
