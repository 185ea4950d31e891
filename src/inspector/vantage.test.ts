// Where a check runs from: a site that refuses every try is vetoed from a trusted vantage, and only
// noted from one rules.yaml does not trust; each findings file says where its crawl ran.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Site } from '../schemas/registry.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { resolveOptions } from './gather/options.ts';
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
