// The whole pipeline on the simulated web: registry → crawl through the proxy → findings files →
// Astro portal under a project base path. One generated file is pinned (checked by hand against
// the sandbox's ground truth, see tests/fixtures/README.md).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { runDemo, type DemoResult } from '../src/demo/demo.ts';
import { parseSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { buildPortal } from './build-portal.test-helpers.ts';

const FAST = { timeoutMs: 1_500, homeAttemptGapMs: 50, backoffMs: 50, hostDelayMs: 0 };
let dir: string;
let first: DemoResult;
const snapshotFiles = () => {
  const q = join(dir, 'findings', '2026-Q4');
  return Object.fromEntries(readdirSync(q).map((f) => [f, readFileSync(join(q, f), 'utf8')]));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  first = await runDemo({ contentDir: dir, sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20', crawl: FAST });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pipeline', () => {
  test('every site gets one valid findings file, and detection matches the ground truth', () => {
    const files = snapshotFiles();
    expect(Object.keys(files).sort()).toEqual(first.web.sites.map((s) => `${s.id}.md`).sort());
    for (const [f, text] of Object.entries(files)) expect(parseSiteQuarter(text, f).data.quarter).toBe('2026-Q4');
    for (const s of first.scores) {
      expect({ indicator: s.indicator, precision: s.precision, falsePositives: s.falsePositives }).toEqual({ indicator: s.indicator, precision: 1, falsePositives: [] });
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
    }
    expect(first.summary.internalErrors).toEqual([]);
  });

  test('the file of czj.kaisha.gov.cn is exactly the pinned one', () => {
    const pinned = readFileSync(new URL('./fixtures/pinned/kaisha-czj.md', import.meta.url), 'utf8');
    expect(snapshotFiles()['kaisha-czj.md']).toBe(pinned);
  });

  test('crawling the same sandbox again with the same as-of date changes no byte', async () => {
    const before = snapshotFiles();
    await runDemo({ contentDir: dir, sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20', crawl: FAST });
    expect(snapshotFiles()).toEqual(before);
  });

  test('the portal builds under a project base path and names the non-compliant sites', () => {
    const built = buildPortal({ base: '/gov-portal', contentDir: dir });
    onTestFinished(() => built.remove());
    const out = built.dist;
    const quarter = readFileSync(join(out, 'quarters', '2026-Q4', 'index.html'), 'utf8');
    expect(quarter).toContain('<html lang="zh-CN"');
    expect(quarter).toContain('关于2026年第四季度政府网站检查情况的通报');
    for (const h of ['序号', '网站名称', '首页地址', '检查发现的问题']) expect(quarter).toContain(h);
    const down = first.summary.results.find((r) => r.vetoes.includes('site-unreachable'))!;
    expect(quarter).toContain(down.name);
    expect(quarter).toContain(`href="/gov-portal/sites/${down.site}/`);
    expect(quarter).not.toMatch(/href="\/(?!gov-portal\/)/);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('href="/gov-portal/quarters/2026-Q4/');
  }, 180_000);
});
