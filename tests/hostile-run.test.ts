// Issue 13: a run over twelve hostile sites — slowloris, a silent socket, a gzip bomb, a 200 MB page,
// a redirect loop, an endless calendar, malformed HTML, a wrong charset, links to private addresses,
// an XSS payload in a site's name, a connection reset mid-body, and one normal site — ends with exit
// 0 within 5 minutes and under 1.5 GB, with a findings file for every site, no request to a private
// address, and the normal site judged reachable. The real command, through a proxy, bounded in time.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePeakRss } from '../src/bench/proc-memory.ts';
import { parseSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { HOSTILE_SITES, startHostileFarm, type HostileFarm } from './hostile-farm.test-helpers.ts';

const CRAWL = resolve(import.meta.dirname, '../scripts/crawl.ts');
const CONTENT = resolve(import.meta.dirname, '../content');
const hosts = Object.keys(HOSTILE_SITES);
const idOf = (host: string) => host.split('.')[0]!;
let farm: HostileFarm;
let dir: string;

beforeAll(async () => {
  farm = await startHostileFarm();
  dir = mkdtempSync(join(tmpdir(), 'hostile-run-'));
  writeFileSync(join(dir, 'units.yaml'), stringify([{ id: 'hostile-office', name: '测试单位' }]));
  writeFileSync(join(dir, 'sites.yaml'), stringify(hosts.map((h) => ({ id: idOf(h), name: HOSTILE_SITES[h]!.name, url: `http://${h}/`, unit: 'hostile-office', kind: 'department', siteCode: `33010000${String(hosts.indexOf(h)).padStart(2, '0')}` }))));
  for (const f of ['rules.yaml', 'dictionary.yaml']) copyFileSync(join(CONTENT, f), join(dir, f));
});
afterAll(async () => {
  await farm?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('twelve hostile sites: the run ends, every site has a file, nothing private is asked for, the normal site is reachable', async () => {
  const t0 = performance.now();
  let sampler: ReturnType<typeof samplePeakRss> | undefined;
  const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
    const args = [CRAWL, '--content', dir, '--as-of', '2026-11-20', '--timeout', '3', '--site-concurrency', '6', '--max-pages', '60'];
    const child = execFile(process.execPath, args, { env: { ...process.env, HTTP_PROXY: farm.proxyUrl, HTTPS_PROXY: farm.proxyUrl, NO_PROXY: '' }, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (_e, stdout, stderr) =>
      done({ code: child.exitCode, out: stdout + stderr }),
    );
    if (child.pid) sampler = samplePeakRss(child.pid, 200);
  });
  const peak = sampler!.stop();
  const seconds = (performance.now() - t0) / 1000;
  expect(code, out.slice(-2000)).toBe(0);
  expect(seconds).toBeLessThan(300);
  expect(peak.pss ?? peak.total).toBeLessThan(1.5 * 1024 ** 3);

  const file = (host: string) => parseSiteQuarter(readFileSync(join(dir, 'findings', '2026-Q4', `${idOf(host)}.md`), 'utf8')).data;
  for (const h of hosts) expect(file(h).site).toBe(idOf(h));
  // No request reached the proxy for a private, loopback or link-local address.
  expect(farm.requests.filter((r) => /^(?:10\.|169\.254\.|192\.168\.|127\.|localhost|\[::1\])/.test(r))).toEqual([]);
  // The normal site loaded and is not called unreachable; the silent one is, by the crawl's tries.
  const normal = file('normal.hostile.gov.cn');
  expect(normal.findings.filter((f) => f.indicator === 'site-unreachable')).toEqual([]);
  expect(normal.stats.pages).toBe(3);
  // Its HTTPS port never answered: the check cost its 3 s deadline, beside the crawl, and says so.
  expect(normal.findings.find((f) => f.indicator === 'https-missing')?.detail).toBe('首页仅通过 HTTP 提供，HTTPS 访问失败：连接超时（3 秒内未完成）');
  expect(file('silent.hostile.gov.cn').vetoes).toContain('site-unreachable');
  // The calendar ended by its budget and says so; the XSS name is kept as data, exactly.
  expect(file('calendar.hostile.gov.cn').stats.truncated?.reasons).toContain('dates');
  expect(file('xss.hostile.gov.cn').name).toBe(HOSTILE_SITES['xss.hostile.gov.cn']!.name);
}, 320_000);
