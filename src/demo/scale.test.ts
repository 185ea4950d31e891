import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { parseSiteQuarter } from '../inspector/report/site-quarter.ts';
import { RULES } from '../inspector/rules/index.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import { asOfOf, findingsOf, generateScale, quartersEnding, truthInQuarter, type ScaleEvent } from './scale.ts';
import type { TruthEntry } from '../sandbox/web.ts';

const SITES = 30;
const QUARTERS = quartersEnding('2026-Q4', 3);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'scale-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every file of a content folder, path → text. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

describe('quartersEnding and asOfOf', () => {
  it.each([
    ['2026-Q4', 1, ['2026-Q4']],
    ['2026-Q2', 3, ['2025-Q4', '2026-Q1', '2026-Q2']],
    ['2026-Q4', 8, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
  ])('%s × %i', (until, n, want) => expect(quartersEnding(until, n)).toEqual(want));

  it.each([['2026-4', 1], ['2026-Q5', 1], ['2026-Q4', 0], ['2026-Q4', 1.5]])('refuses %s × %s', (until, n) => {
    expect(() => quartersEnding(until, n)).toThrow();
  });

  it.each([['2026-Q1', '2026-02-20'], ['2026-Q2', '2026-05-20'], ['2026-Q3', '2026-08-20'], ['2026-Q4', '2026-11-20']])('%s → %s', (q, d) => {
    expect(asOfOf(q)).toBe(d);
  });
});

describe('findingsOf: the points each rule would give from the rules file', () => {
  const config = loadRulesConfig('content');
  const rule = (id: string) => RULES.find((r) => r.id === id)!;
  const entry = (indicator: string, target: string, page: string, note: string): TruthEntry => ({ site: 's', indicator, target, page, note });
  const site = { url: 'http://www.a.gov.cn/' };
  const points = (id: string, entries: TruthEntry[], sampled = 10) =>
    findingsOf(rule(id), entries, config.indicators[id]!.points, site, sampled).map((f) => [f.target, f.points]);

  it.each([
    ['broken-link', [entry('broken-link', 'http://x/1', site.url, 'HTTP 404'), entry('broken-link', 'http://x/2', 'http://www.a.gov.cn/a.html', 'HTTP 500')], [['http://x/1', 0.2], ['http://x/2', 0.1]]],
    ['column-missing', [entry('column-missing', 'leaders', site.url, ''), entry('column-missing', 'interpretation', site.url, '')], [['leaders', 2], ['interpretation', 5]]],
    ['messages-not-public', [entry('messages-not-public', 'b', 'b', 'no published message in the last 2 months'), entry('messages-not-public', 'b', 'b', 'messages shown without 答复时间')], [['b', 3], ['b', 1]]],
    ['data-release-updated', [entry('data-release-updated', '数据发布', 'p', 'bonus 1: newest release 2026-06-01')], [['数据发布', 1]]],
    ['identity-mark-missing', [entry('identity-mark-missing', 'icp', site.url, 'absent from the footer')], [['icp', 0.5]]],
    ['severe-error', [entry('severe-error', '2026-12-01', 'p', 'forged')], [['2026-12-01', 0]]],
    ['https-missing', [entry('https-missing', site.url, site.url, 'advice')], [[site.url, 0]]],
  ])('%s', (id, entries, want) => expect(points(id, entries)).toEqual(want));

  it('column-stale: news, policy and interpretation are lost once, other columns 1 each', () => {
    const stale = (name: string, cls: string) => entry('column-stale', name, `http://www.a.gov.cn/${name}/`, `${cls} column, newest item 2026-01-01`);
    expect(points('column-stale', [stale('a', 'news'), stale('b', 'news'), stale('c', 'notice'), stale('d', 'policy'), stale('e', 'periodic'), stale('f', 'periodic')])).toEqual([
      ['a', 5], ['b', 0], ['c', 5], ['d', 0], ['e', 1], ['f', 1],
    ]);
  });

  it('meta-tags-missing: each sampled page charged once, under the first tag it lacks', () => {
    const tag = (t: string, note: string) => entry('meta-tags-missing', t, site.url, note);
    expect(points('meta-tags-missing', [tag('ArticleTitle', 'absent from every article page'), tag('PubDate', 'absent from every article page')], 10)).toEqual([['ArticleTitle', 0.6], ['PubDate', 0]]);
    expect(points('meta-tags-missing', [tag('SiteIDCode', 'absent from every page')], 36)).toEqual([['SiteIDCode', 3.6]]);
  });
});

describe('truthInQuarter', () => {
  const entries: TruthEntry[] = Array.from({ length: 40 }, (_, i) => ({ site: `s${i}`, indicator: 'search-missing', target: 't', page: 'p', note: '' }));
  it('keeps a different, deterministic share in each quarter', () => {
    const kept = (q: string) => entries.flatMap((e) => truthInQuarter([e], 1, q)).map((e) => e.site);
    expect(kept('2026-Q3')).toEqual(kept('2026-Q3'));
    expect(kept('2026-Q3')).not.toEqual(kept('2026-Q4'));
    expect(kept('2026-Q3').length).toBeGreaterThan(15);
    expect(kept('2026-Q3').length).toBeLessThan(40);
  });

  it('keeps a veto and the problems behind it together, and https-missing always', () => {
    const site: TruthEntry[] = [
      ...Array.from({ length: 6 }, (_, i): TruthEntry => ({ site: 'x', indicator: 'column-stale', target: `c${i}`, page: 'p', note: 'news column' })),
      { site: 'x', indicator: 'columns-not-updated', target: 'h', page: 'h', note: '' },
      { site: 'x', indicator: 'https-missing', target: 'h', page: 'h', note: '' },
    ];
    for (const q of quartersEnding('2026-Q4', 12)) {
      const kept = truthInQuarter(site, 3, q).map((e) => e.indicator);
      expect(kept).toContain('https-missing');
      expect(kept.filter((i) => i === 'column-stale').length).toBe(kept.includes('columns-not-updated') ? 6 : 0);
    }
  });
});

describe('generateScale', () => {
  let dir: string;
  let events: ScaleEvent[];
  let files: Map<string, string>;
  let byQuarter: Map<string, SiteQuarter[]>;

  beforeAll(() => {
    dir = tempDir();
    events = [];
    generateScale({ contentDir: dir, sites: SITES, quarters: QUARTERS.length, until: '2026-Q4', seed: 5, onEvent: (e) => events.push(e) });
    files = snapshot(dir);
    byQuarter = new Map(QUARTERS.map((q) => [q, [...files].filter(([p]) => p.startsWith(`findings/${q}/`)).map(([p, text]) => parseSiteQuarter(text, p).data)]));
  });

  it('writes a complete content folder: registry, rules, dictionary and one schema-valid file per site per quarter', () => {
    expect([...files.keys()].filter((p) => !p.startsWith('findings/')).sort()).toEqual(['dictionary.yaml', 'duty.yaml', 'rules.yaml', 'sites.yaml', 'units.yaml']);
    expect(readFileSync(join(dir, 'rules.yaml'), 'utf8')).toBe(readFileSync('content/rules.yaml', 'utf8'));
    const registry = loadRegistry(dir);
    expect(registry.sites).toHaveLength(SITES);
    for (const q of QUARTERS) {
      const rows = byQuarter.get(q)!;
      expect(rows.map((r) => r.site).sort()).toEqual(registry.sites.map((s) => s.id).sort());
      expect(rows.every((r) => r.quarter === q && r.asOf === asOfOf(q))).toBe(true);
    }
    expect(events.filter((e) => e.type === 'quarter').map((e) => e.type === 'quarter' && e.quarter)).toEqual(QUARTERS);
  });

  it('keeps each site\'s id, name, url, unit and region in every quarter', () => {
    const identity = (r: SiteQuarter) => JSON.stringify([r.site, r.name, r.url, r.unit, r.region]);
    const first = new Set(byQuarter.get(QUARTERS[0]!)!.map(identity));
    for (const q of QUARTERS) expect(new Set(byQuarter.get(q)!.map(identity))).toEqual(first);
  });

  it('varies the problems, scores and verdicts between quarters', () => {
    const summary = (q: string) => byQuarter.get(q)!.map((r) => `${r.site} ${r.score} ${r.verdict} ${r.findings.length}`).sort();
    for (let i = 1; i < QUARTERS.length; i++) expect(summary(QUARTERS[i]!)).not.toEqual(summary(QUARTERS[i - 1]!));
    const histories = new Set(byQuarter.get(QUARTERS[0]!)!.map((r) => QUARTERS.map((q) => byQuarter.get(q)!.find((x) => x.site === r.site)!.verdict).join()));
    expect(histories.size).toBeGreaterThan(1);
  });

  it('scores as the national method: veto or below the pass line fails; vetoes and clauses match the findings', () => {
    const config = loadRulesConfig(dir);
    const kind = new Map(RULES.map((r) => [r.id, r]));
    for (const r of [...byQuarter.values()].flat()) {
      const deductionPart = Math.round((r.score - (r.bonus ?? 0)) * 10) / 10;
      expect(r.verdict).toBe(r.vetoes.length > 0 || deductionPart < config.passLine ? 'fail' : 'pass');
      expect(r.vetoes).toEqual([...new Set(r.findings.filter((f) => kind.get(f.indicator)!.kind === 'veto').map((f) => f.indicator))].sort());
      for (const f of r.findings) expect(f.clause).toBe(kind.get(f.indicator)!.clause);
    }
    const all = [...byQuarter.values()].flat();
    expect(all.some((r) => r.verdict === 'pass')).toBe(true);
    expect(all.some((r) => r.verdict === 'fail' && r.vetoes.length > 0)).toBe(true);
  });

  it('gives the same bytes for the same seed, and overwrites its own registry', () => {
    const again = tempDir();
    generateScale({ contentDir: again, sites: SITES, quarters: QUARTERS.length, until: '2026-Q4', seed: 5 });
    generateScale({ contentDir: again, sites: SITES, quarters: QUARTERS.length, until: '2026-Q4', seed: 5 });
    expect(snapshot(again)).toEqual(files);
  });

  it('removes files of sites no longer generated', () => {
    const d = tempDir();
    generateScale({ contentDir: d, sites: 12, quarters: 1, until: '2026-Q4', seed: 5 });
    generateScale({ contentDir: d, sites: 6, quarters: 1, until: '2026-Q4', seed: 5 });
    expect(readdirSync(join(d, 'findings', '2026-Q4'))).toHaveLength(6);
  });
});
