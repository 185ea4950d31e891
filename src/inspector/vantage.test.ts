// Where a check runs from: a site that refuses every try is vetoed from a trusted vantage, and only
// noted from one rules.yaml does not trust; each findings file says where its crawl ran. The same
// holds for the week of probe records: a week of failures recorded from an untrusted vantage
// never vetoes a site, the same week recorded from a trusted one does.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeDay } from '../schemas/probes.ts';
import type { Site } from '../schemas/registry.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { addProbe, probeFile, writeProbeFile } from '../store/probe-records.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { resolveOptions } from './gather/options.ts';
import { loadProbeWindows } from './gather/probe-window.ts';
import { inspect } from './inspect.ts';

const CONTENT = join(import.meta.dirname, '../../content');
let dir: string;
let closedPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-'));
  // A port that was just free and is closed again: every connection is refused at once.
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((done) => probe.close(() => done()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (vantage: string | undefined) => {
  const site = { id: 'down', name: '某某县人民政府', url: `http://127.0.0.1:${closedPort}/`, unit: 'down', kind: 'portal' } as Site;
  return inspect({
    sites: [site],
    contentDir: dir,
    quarter: '2026-Q4',
    asOf: '2026-11-20',
    options: resolveOptions({ allowPrivate: true, render: 'never', timeoutMs: 1_000, retries: 0, homeAttempts: 2, homeAttemptGapMs: 10, ...(vantage ? { vantage } : {}) }),
    rulesConfig: { ...loadRulesConfig(CONTENT), trustedVantages: ['city-intranet'] },
    dictionary: loadDictionary(CONTENT),
  });
};

test('from the trusted vantage a site that refuses every try is vetoed', async () => {
  const r = (await run('city-intranet')).results[0]!;
  expect(r.vetoes).toContain('site-unreachable');
  expect(r.stats.vantage).toEqual({ name: 'city-intranet', trusted: true });
}, 20_000);

test('from another vantage, or none, it is not judged, and the file says why and where', async () => {
  for (const vantage of ['github-hosted', undefined]) {
    const r = (await run(vantage)).results[0]!;
    expect(r.vetoes).not.toContain('site-unreachable');
    expect(r.findings.filter((f) => f.indicator === 'site-unreachable')).toEqual([]);
    expect(r.notApplicable?.find((n) => n.indicator === 'site-unreachable')?.reason).toBe(
      `探测记录不足，本次检查地点“${vantage ?? '未设置'}”不在可信列表（rules.yaml 的 trustedVantages），首页访问失败不作认定`,
    );
    expect(r.stats.vantage).toEqual(vantage ? { name: vantage, trusted: false } : undefined);
  }
}, 20_000);

describe('probe records from two vantages', () => {
  let server: http.Server;
  let up: Site;
  let records: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>某某县人民政府</title></head><body>首页</body></html>'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    up = { id: 'up', name: '某某县人民政府', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, unit: 'up', kind: 'portal' } as Site;
    records = mkdtempSync(join(tmpdir(), 'vantage-probes-'));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(records, { recursive: true, force: true });
  });

  /** A week (2026-11-13 … 19) of 20 probes a day from `vantage`, `failures` of them failed each day. */
  const week = (vantage: string, failures: number): ProbeDay[] =>
    ['13', '14', '15', '16', '17', '18', '19'].map((d) => {
      let day: ProbeDay | undefined;
      for (let i = 0; i < 20; i++) day = addProbe(day, `2026-11-${d}`, { ok: i >= failures, elapsedMs: 200 }, vantage);
      return day!;
    });

  /** As `npm run crawl` does: the windows are read with rules.yaml's trustedVantages, then the site is inspected from city-intranet. */
  const crawl = async (days: ProbeDay[]) => {
    writeProbeFile(probeFile(records, 'up', 2026), days);
    const rulesConfig = { ...loadRulesConfig(CONTENT), trustedVantages: ['city-intranet'] };
    const windows = loadProbeWindows(records, ['up'], '2026-11-20', rulesConfig.trustedVantages);
    const summary = await inspect({
      sites: [up],
      contentDir: dir,
      quarter: '2026-Q4',
      asOf: '2026-11-20',
      options: resolveOptions({ allowPrivate: true, render: 'never', timeoutMs: 1_000, retries: 0, homeAttemptGapMs: 10, vantage: 'city-intranet' }),
      rulesConfig,
      dictionary: loadDictionary(CONTENT),
      probes: (site) => windows.get(site.id),
    });
    return summary.results[0]!;
  };

  test('a week of failures recorded from an untrusted vantage vetoes nothing; the same week from a trusted one vetoes', async () => {
    const abroad = await crawl(week('github-hosted', 20));
    expect(abroad.vetoes).not.toContain('site-unreachable');
    expect(abroad.findings.filter((f) => f.indicator === 'site-unreachable')).toEqual([]);

    const inside = await crawl(week('city-intranet', 2)); // 14 of 140: 10 %
    expect(inside.vetoes).toContain('site-unreachable');
    expect(inside.findings.find((f) => f.indicator === 'site-unreachable')?.detail).toBe('近 7 天（2026-11-13 至 2026-11-19）共探测 140 次，失败 14 次（10%），达到 5% 的否决线');

    // Both in one file: the trusted rows alone decide, and the week from abroad changes nothing.
    const both = await crawl([...week('github-hosted', 20), ...week('city-intranet', 0)]);
    expect(both.vetoes).not.toContain('site-unreachable');
  }, 30_000);
});
