// captureEvidence with a stand-in for the browser: what is written, what the findings file names,
// and what is noted when a shot fails (the browser's own part is tested in gather/shoot.test.ts).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import type { ShotOptions, ShotResult } from './gather/shoot.ts';
import { captureEvidence, ruleErrorsOf } from './inspect.ts';

const HOME = 'http://www.linhe.gov.cn/';
const f = (indicator: string, target: string, page: string, selector?: string): Finding => ({
  indicator,
  target,
  page,
  ...(selector ? { where: { part: 'body' as const, selector, text: target } } : {}),
  points: 0.5,
  detail: '',
  clause: 'x',
});
const result: SiteQuarter = {
  site: 'linhe',
  name: '临河区人民政府',
  url: HOME,
  unit: 'linhe-gov',
  quarter: '2026-Q4',
  asOf: '2026-11-20',
  verdict: 'fail',
  score: 50,
  vetoes: [],
  stats: { pages: 3, links: 3, inconclusive: 0 },
  findings: [
    f('broken-link', `${HOME}a.html`, HOME, '#news > li:nth-of-type(1) > a'),
    // The same element as a finding of another rule: one capture for both.
    f('typo', '政府网占', HOME, '#news > li:nth-of-type(1) > a'),
    f('meta-tags-missing', 'SiteName', `${HOME}down.html`),
    f('search-missing', 'search', `${HOME}gone.html`, '#search'),
  ],
};

/** A browser that shoots HOME, cannot open down.html, and no longer finds #search on gone.html. */
function fakeShooter() {
  const calls: Array<[string, ShotOptions]> = [];
  return {
    calls,
    shoot: async (url: string, o: ShotOptions): Promise<ShotResult[]> => {
      calls.push([url, o]);
      return o.selectors.map((selector): ShotResult => {
        if (url.endsWith('down.html')) return { ok: false, url, reason: 'timeout', detail: 'took more than 15000 ms', ms: 15_000 };
        const outlined = url.endsWith('gone.html') ? 'none' : 'element';
        return { ok: true, url, jpeg: Buffer.from(`jpeg of ${url} ${selector}`), quality: 70, width: 1366, height: 900, outlined, box: null, ms: 10 };
      });
    },
  };
}

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'capture-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('shots are written, named on their findings, and the failures noted, not thrown', async () => {
  const shooter = fakeShooter();
  const { result: out, shots } = await captureEvidence(result, shooter, dir);
  expect(shooter.calls.map(([u, o]) => [u, o.selectors, o.maxBytes])).toEqual([
    [HOME, ['#news > li:nth-of-type(1) > a'], 150 * 1024],
    [`${HOME}down.html`, [undefined], 150 * 1024],
    [`${HOME}gone.html`, ['#search'], 150 * 1024],
  ]);
  const named = out.findings.map((x) => x.screenshot);
  expect(named[0]).toMatch(/^evidence\/2026-Q4\/linhe\/[0-9a-f]{16}\.jpg$/);
  expect(named[1]).toMatch(/^evidence\/2026-Q4\/linhe\/[0-9a-f]{16}\.jpg$/);
  expect(named.slice(2)).toEqual([undefined, undefined]);
  expect(readdirSync(join(dir, '2026-Q4', 'linhe')).sort()).toEqual(named.slice(0, 2).map((p) => p!.split('/').pop()).sort());
  expect(shots).toMatchObject({ files: 2, failed: [{ indicator: 'meta-tags-missing', reason: 'timeout' }, { indicator: 'search-missing', reason: 'no-element' }] });
  // Nothing else of the findings file changes.
  expect(out.findings.map(({ screenshot: _, ...rest }) => rest)).toEqual(result.findings);
});

test('a second run gives the same names, and a site that now passes loses the crawl’s shots once its findings file is written (prune), not before', async () => {
  const first = await captureEvidence(result, fakeShooter(), dir);
  const second = await captureEvidence(result, fakeShooter(), dir);
  expect(second.result).toEqual(first.result);
  const passed = await captureEvidence({ ...result, verdict: 'pass' }, fakeShooter(), dir);
  // The findings file still on disk names these until the new one replaces it.
  expect(readdirSync(join(dir, '2026-Q4', 'linhe'))).toHaveLength(2);
  passed.prune();
  expect(readdirSync(join(dir, '2026-Q4', 'linhe'))).toEqual([]);
});

test('rules that threw are gathered by rule, with their sites in order, so the crawl exits 1 naming them', () => {
  const withErrors = (site: string, errors: SiteQuarter['errors']): SiteQuarter => ({ ...result, site, ...(errors ? { errors } : {}) });
  const out = ruleErrorsOf([
    withErrors('b', [{ indicator: 'typo', message: 'dictionary: allowed word x does not contain y' }, { indicator: 'severe-error', message: 'same' }]),
    withErrors('a', [{ indicator: 'typo', message: 'dictionary: allowed word x does not contain y' }]),
    withErrors('c', undefined),
  ]);
  expect(out).toEqual([
    { indicator: 'severe-error', message: 'same', sites: ['b'] },
    { indicator: 'typo', message: 'dictionary: allowed word x does not contain y', sites: ['b', 'a'] },
  ]);
});
