// Probe rounds against a loopback server (fast, failing and slow home pages) and the sandbox web
// through its forward proxy. Every server and loop is bounded: nothing here can hang.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import type { Site } from '../../schemas/registry.ts';
import { resolveOptions, type CrawlOptions } from './options.ts';
import { probeFile, readProbeFile } from '../../store/probe-records.ts';
import { probeLoop, probeOptions, probeRound, roundLine, type RoundSummary } from './probe.ts';

/** Far beyond the 500 ms limit the tests use, so the slow pages are slow without a doubt. */
const LATE_MS = 3_000;
let server: http.Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();
const later = (fn: () => void) => {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, LATE_MS);
  timers.add(t);
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/fast/':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><title>首页</title></html>');
        return;
      case '/error/':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
        return;
      case '/slow/':
        later(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'));
        return;
      case '/slow-body/': // the headers come at once, the body never in time: the limit includes the body
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>');
        later(() => res.end('</html>'));
        return;
      case '/robots-refused/': // a firewall that turns away the inspector's User-Agent but serves browsers
        if (/GovSiteInspector/.test(req.headers['user-agent'] ?? '')) res.writeHead(403).end('forbidden');
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const tempContent = () => (dir = mkdtempSync(join(tmpdir(), 'probe-run-')));

const site = (id: string, path = id): Site => ({ id, name: `网站 ${id}`, url: `${base}/${path}/`, unit: 'office', kind: 'department', siteCode: 'bm00000001' });
const sites = () => [site('fast'), site('error'), site('slow'), site('slow-body'), site('robots-refused')];
/** 12:00 in Shanghai on 2026-11-19. */
const NOON = () => new Date('2026-11-19T04:00:00Z');
/** A short limit keeps the test fast; an explicit empty proxy keeps a developer's HTTP_PROXY out of it. */
// Every test site is on one loopback origin: allow each its own connection, as separate hosts would have.
const opts = (over: Partial<CrawlOptions> = {}) => resolveOptions({ timeoutMs: 500, allowPrivate: true, proxy: {}, perHost: 8, ...over });
const verdicts = (s: RoundSummary) => Object.fromEntries(s.results.map((r) => [r.site, [r.verdict, r.detail]]));

describe('one probe round', () => {
  test('fast loads, a 500 and a slow page (headers or body) fail, and each outcome joins its site’s record of the day', async () => {
    const content = tempContent();
    const t0 = performance.now();
    const summary = await probeRound({ sites: sites(), contentDir: content, options: opts(), now: NOON });
    expect(performance.now() - t0).toBeLessThan(LATE_MS); // the limit was applied, not the server's pace
    expect(verdicts(summary)).toEqual({
      error: ['failed', 'HTTP 500（服务器内部错误）'],
      fast: ['ok', 'HTTP 200'],
      'robots-refused': ['ok', 'HTTP 200（对检查程序返回 HTTP 403，以浏览器标识访问正常）'],
      slow: ['failed', '连接超时（0.5 秒内未完成）'],
      'slow-body': ['failed', '连接超时（0.5 秒内未完成）'],
    });
    expect(summary.results.map((r) => r.date)).toEqual(Array(5).fill('2026-11-19'));
    expect(summary.files).toHaveLength(5);
    const record = (id: string) => readProbeFile(probeFile(content, id, 2026));
    expect(record('fast')).toMatchObject([{ date: '2026-11-19', tries: 1, failures: 0 }]);
    expect(record('fast')[0]!.max_ms).toBeLessThanOrEqual(500);
    expect(record('error')).toMatchObject([{ date: '2026-11-19', tries: 1, failures: 1, max_ms: undefined }]);
    expect(record('slow')).toMatchObject([{ tries: 1, failures: 1 }]);

    await probeRound({ sites: sites().slice(0, 2), contentDir: content, options: opts(), now: NOON });
    expect(record('fast')).toMatchObject([{ date: '2026-11-19', tries: 2, failures: 0 }]);
    expect(record('error')).toMatchObject([{ date: '2026-11-19', tries: 2, failures: 2 }]);
    expect(roundLine(summary)).toMatch(/^2026-11-19 12:00 探测 5 个网站首页：正常 2，失败 3（error HTTP 500（服务器内部错误）；slow 连接超时（0\.5 秒内未完成）；slow-body 连接超时（0\.5 秒内未完成））；用时 \d+\.\d 秒，更新 5 个记录文件$/);
  });

  test('a probe that starts before midnight in Shanghai goes into that day', async () => {
    const content = tempContent();
    const summary = await probeRound({ sites: [site('fast')], contentDir: content, options: opts(), now: () => new Date('2026-12-31T15:59:59Z') });
    expect(summary.results[0]!.date).toBe('2026-12-31');
    expect(readProbeFile(probeFile(content, 'fast', 2026))).toMatchObject([{ date: '2026-12-31', tries: 1 }]);
  });

  test('every probe is recorded with the round’s vantage; a round from another vantage on the same day is a row of its own', async () => {
    const content = tempContent();
    const inside = await probeRound({ sites: [site('fast'), site('error')], contentDir: content, options: opts({ vantage: 'city-intranet' }), now: NOON });
    await probeRound({ sites: [site('fast'), site('error')], contentDir: content, options: opts({ vantage: 'github-hosted' }), now: NOON });
    await probeRound({ sites: [site('error')], contentDir: content, options: opts({ vantage: 'city-intranet' }), now: NOON });
    const rows = (id: string) => readProbeFile(probeFile(content, id, 2026)).map((d) => [d.vantage, d.date, d.tries, d.failures]);
    expect(rows('fast')).toEqual([
      ['city-intranet', '2026-11-19', 1, 0],
      ['github-hosted', '2026-11-19', 1, 0],
    ]);
    expect(rows('error')).toEqual([
      ['city-intranet', '2026-11-19', 2, 2],
      ['github-hosted', '2026-11-19', 1, 1],
    ]);
    expect(roundLine(inside)).toMatch(/^2026-11-19 12:00 从“city-intranet”探测 2 个网站首页：正常 1，失败 1/);
  });

  test('an address the run may not fetch is not a probe: nothing is recorded', async () => {
    const content = tempContent();
    const summary = await probeRound({ sites: [site('fast')], contentDir: content, options: opts({ allowPrivate: false }), now: NOON });
    expect(summary.results[0]!.verdict).toBe('skipped');
    expect(summary.files).toEqual([]);
    expect(existsSync(join(content, 'probes'))).toBe(false);
    expect(roundLine(summary)).toMatch(/正常 0，失败 0，未探测 1；/);
  });

  test('a stopped run starts no probe and records nothing', async () => {
    const content = tempContent();
    const stop = new AbortController();
    stop.abort();
    const summary = await probeRound({ sites: sites(), contentDir: content, options: opts(), signal: stop.signal, now: NOON });
    expect(summary.stopped).toBe(true);
    expect(summary.results.every((r) => r.verdict === 'skipped')).toBe(true);
    expect(summary.files).toEqual([]);
  });

  test('a limit above the national 15 s is refused, and a probe is never retried', () => {
    expect(() => probeOptions(resolveOptions({ timeoutMs: 20_000 }))).toThrow(/at most 15 s/);
    expect(probeOptions(resolveOptions({ retries: 2 })).retries).toBe(0);
  });
});

describe('probe loop (--every)', () => {
  test('runs the given number of rounds at the interval, then returns', async () => {
    const content = tempContent();
    const lines: string[] = [];
    const t0 = performance.now();
    const rounds = await probeLoop({ sites: [site('fast')], contentDir: content, options: opts(), now: NOON, everyMs: 150, rounds: 3, onRound: (s) => lines.push(roundLine(s)) });
    const elapsed = performance.now() - t0;
    expect(rounds).toBe(3);
    expect(lines).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(290); // rounds start at 0, 150 and 300 ms
    expect(elapsed).toBeLessThan(5_000);
    expect(readProbeFile(probeFile(content, 'fast', 2026))).toMatchObject([{ tries: 3, failures: 0 }]);
  });

  test('a signal while waiting ends the loop at once; the round before it was written', async () => {
    const content = tempContent();
    const stop = new AbortController();
    const t0 = performance.now();
    const rounds = await probeLoop({
      sites: [site('fast')],
      contentDir: content,
      options: opts(),
      now: NOON,
      everyMs: 60_000,
      signal: stop.signal,
      onRound: () => setTimeout(() => stop.abort(), 20),
    });
    expect(rounds).toBe(1);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(readProbeFile(probeFile(content, 'fast', 2026))).toMatchObject([{ tries: 1 }]);
  });

  test('a signal during a round lets the probes under way finish and be written', async () => {
    const content = tempContent();
    const stop = new AbortController();
    // One probe at a time: the slow site is under way when the signal comes, the fast one not started.
    const running = probeLoop({ sites: [site('slow'), site('fast')], contentDir: content, options: opts({ concurrency: 1 }), now: NOON, everyMs: 60_000, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect(await running).toBe(1);
    expect(readProbeFile(probeFile(content, 'slow', 2026))).toMatchObject([{ tries: 1, failures: 1 }]);
    expect(readProbeFile(probeFile(content, 'fast', 2026))).toEqual([]);
  });

  test('without an interval, one round', async () => {
    const content = tempContent();
    expect(await probeLoop({ sites: [site('fast')], contentDir: content, options: opts(), now: NOON, rounds: 5 })).toBe(1);
  });
});

describe('through a forward proxy (the sandbox web)', () => {
  test('a site that refuses connections fails, the others load', async () => {
    // Enough sites that the sandbox's role cycle surely includes a site that is down.
    const sandbox = await startSandbox({ sites: 40, pagesPerSite: 10, seed: 1, asOf: '2026-11-20' });
    try {
      const downIds = new Set(sandbox.web.truth.filter((t) => t.indicator === 'site-unreachable').map((t) => t.site));
      const down = sandbox.web.sites.find((s) => downIds.has(s.id))!;
      const up = sandbox.web.sites.filter((s) => !downIds.has(s.id)).slice(0, 3);
      expect(down).toBeDefined();
      const content = tempContent();
      const summary = await probeRound({ sites: [down, ...up], contentDir: content, options: resolveOptions({ timeoutMs: 2_000, proxy: { http: sandbox.proxyUrl } }), now: NOON });
      expect(summary.results.filter((r) => r.verdict === 'failed').map((r) => r.site)).toEqual([down.id]);
      expect(summary.results.filter((r) => r.verdict === 'ok').map((r) => r.site)).toEqual(up.map((s) => s.id).sort());
      for (const s of [down, ...up]) expect(sandbox.requests(new URL(s.url).host)).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});
