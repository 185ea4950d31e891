import zlib from 'node:zlib';
import { ProxyAgent, request } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BOMB_INFLATED_BYTES, HUGE_BYTES } from './hostile.ts';
import { startSandbox, type RunningSandbox } from './server.ts';
import { HOSTILE_HOST } from './web.ts';

let sb: RunningSandbox;
let proxy: ProxyAgent;
const base = `http://${HOSTILE_HOST}`;

beforeAll(async () => {
  sb = await startSandbox({ sites: 3, pagesPerSite: 10, seed: 5, asOf: '2026-11-20', hostile: true });
  proxy = new ProxyAgent({ uri: sb.proxyUrl });
});

afterAll(async () => {
  await proxy?.destroy();
  await sb?.close();
});

test('the hostile site is in the registry only when asked for, and links to every trap', async () => {
  expect(sb.web.sites.at(-1)).toMatchObject({ id: 'hostile', url: `${base}/` });
  expect(sb.web.truth.some((t) => t.site === 'hostile')).toBe(false);
  const res = await request(`${base}/`, { dispatcher: proxy });
  const html = await res.body.text();
  for (const p of ['/endless', '/huge', '/bomb', '/slow-headers']) expect(html).toContain(`href="${p}"`);
});

test('/endless keeps streaming', async () => {
  const ac = new AbortController();
  const res = await request(`${base}/endless`, { dispatcher: proxy, signal: ac.signal });
  expect(res.statusCode).toBe(200);
  let chunks = 0;
  const t0 = performance.now();
  try {
    for await (const _ of res.body) {
      if (++chunks >= 4 || performance.now() - t0 > 2000) break;
    }
  } finally {
    ac.abort();
  }
  expect(chunks).toBeGreaterThanOrEqual(4);
});

test('/huge streams 200 MB without a Content-Length', async () => {
  const res = await request(`${base}/huge`, { dispatcher: proxy });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-length']).toBeUndefined();
  let bytes = 0;
  for await (const c of res.body) {
    bytes += (c as Buffer).length;
    if (bytes > 8 * 1024 * 1024) break;
  }
  expect(bytes).toBeGreaterThan(8 * 1024 * 1024);
  expect(HUGE_BYTES).toBe(200 * 1024 * 1024);
});

test('/bomb is about 1 MB of gzip that inflates past 1 GB', async () => {
  const res = await request(`${base}/bomb`, { dispatcher: proxy });
  expect(res.headers['content-encoding']).toBe('gzip');
  const body = Buffer.from(await res.body.arrayBuffer());
  expect(body.length).toBeLessThan(2 * 1024 * 1024);
  let inflated = 0;
  const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
  gunzip.on('data', (c: Buffer) => {
    inflated += c.length;
  });
  await new Promise<void>((resolve, reject) => {
    gunzip.on('end', resolve);
    gunzip.on('error', reject);
    gunzip.end(body);
  });
  expect(inflated).toBe(Math.ceil(BOMB_INFLATED_BYTES / (16 * 1024 * 1024)) * 16 * 1024 * 1024);
  expect(inflated).toBeGreaterThan(1e9);
}, 20_000);

test('/slow-headers outlasts a header timeout', async () => {
  await expect(request(`${base}/slow-headers`, { dispatcher: proxy, headersTimeout: 500 })).rejects.toThrow(/timeout/i);
});

test('close() ends held connections at once', async () => {
  const other = await startSandbox({ sites: 12, pagesPerSite: 10, seed: 1, asOf: '2026-11-20', hostile: true });
  const agent = new ProxyAgent({ uri: other.proxyUrl });
  const hang = other.web.truth.find((t) => t.note === 'never answers')?.target ?? '';
  const pending = [
    request(hang, { dispatcher: agent }),
    request(`${base}/slow-headers`, { dispatcher: agent }),
    request(`${base}/endless`, { dispatcher: agent }).then((r) => r.body.text()),
  ].map((p) => p.then(() => 'answered', () => 'failed'));
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  await other.close();
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(await Promise.all(pending)).toEqual(['failed', 'failed', 'failed']);
  await agent.destroy();
});
