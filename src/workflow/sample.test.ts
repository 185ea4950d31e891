import { describe, expect, test } from 'vitest';
import type { Sample } from '../schemas/quarter.ts';
import type { Unit } from '../schemas/registry.ts';
import { InputError } from '../errors.ts';
import { drawSample, drawStrata, drawSummary, quota, rankKey, rankSites, sameDraw, sampledSites, type SampleSite } from './sample.ts';

const site = (id: string, unit = 'city', region?: string): SampleSite => ({ id, unit, ...(region ? { region } : {}) });
const city: Unit[] = [{ id: 'city', name: '沂石市人民政府' }];

/** n sites spread over 6 regions (some without one) and 3 top units, like a small city's registry. */
function registry(n: number): { sites: SampleSite[]; units: Unit[] } {
  const units: Unit[] = [
    { id: 'city', name: '市政府' },
    { id: 'city-dept', name: '市直部门', parent: 'city' },
    { id: 'east', name: '东县政府' },
    { id: 'east-dept', name: '东县部门', parent: 'east' },
    { id: 'east-dept-sub', name: '东县部门下属', parent: 'east-dept' },
    { id: 'west', name: '西县政府' },
  ];
  const regions = [undefined, '东县', '西县', '南区', '北区', '中区'];
  const unitIds = ['city', 'city-dept', 'east', 'east-dept', 'east-dept-sub', 'west'];
  const sites = Array.from({ length: n }, (_, i) => site(`site-${i}`, unitIds[i % unitIds.length], regions[(i * 5 + Math.floor(i / 6)) % regions.length]));
  return { sites, units };
}

/** A deterministic shuffle (not the one under test): reverse, then interleave halves. */
function shuffled<T>(xs: readonly T[]): T[] {
  const r = [...xs].reverse();
  const h = Math.ceil(r.length / 2);
  return r.slice(0, h).flatMap((x, i) => (i + h < r.length ? [x, r[i + h]!] : [x]));
}

describe('rankKey', () => {
  test('is the hex SHA-256 of "seed:id" (printf "7:a" | sha256sum)', () => {
    expect(rankKey(7, 'a')).toBe('82d9d62baa6a7870f2637c9be0181e6b8ec19b5c394ba7e569549a13bafe47b6');
  });
});

describe('drawSample', () => {
  // Worked by hand with the shell: for id in a b c d e; do printf "7:$id" | sha256sum; done
  // (first 16 hex digits shown; lower ranks first):
  //   7:c 18ec666cf26c1a82   1st
  //   7:e 3da2a19986930c7d   2nd
  //   7:a 82d9d62baa6a7870   3rd
  //   7:d d3a3c601c900ff19   4th
  //   7:b ec2ad6f6c836d9dc   5th
  // Unstratified, ratio 0.4 of 5 → ⌈2⌉ = 2: c and e.
  // By region, X = {a, b, d} ranks a, d, b and Y = {c, e} ranks c, e; ratio 0.3 → ⌈0.9⌉ = 1 and
  // ⌈0.6⌉ = 1: a from X and c from Y.
  const tiny = [site('a', 'city', 'X'), site('b', 'city', 'X'), site('c', 'city', 'Y'), site('d', 'city', 'X'), site('e', 'city', 'Y')];

  test('seed 7, five sites: the sample checked by hand with sha256sum', () => {
    expect(rankSites(tiny, 7)).toEqual(['c', 'e', 'a', 'd', 'b']);
    expect(drawSample(tiny, city, { seed: 7, ratio: 0.4 })).toEqual(['c', 'e']);
    expect(drawSample(tiny, city, { seed: 7, ratio: 0.3, strata: 'region' })).toEqual(['a', 'c']);
  });

  test('the same seed gives the same sample whatever the order of sites.yaml', () => {
    const { sites, units } = registry(60);
    for (const strata of [undefined, 'region', 'unit'] as const) {
      const params = { seed: 2026, ratio: 0.3, ...(strata ? { strata } : {}) };
      const a = drawSample(sites, units, params);
      expect(drawSample(shuffled(sites), units, params)).toEqual(a);
      expect(drawSample([...sites].reverse(), [...units].reverse(), params)).toEqual(a);
    }
    expect(shuffled(sites).map((s) => s.id)).not.toEqual(sites.map((s) => s.id));
  });

  test('a different seed gives a different sample', () => {
    const { sites, units } = registry(100);
    const one = drawSample(sites, units, { seed: 1, ratio: 0.3 });
    const two = drawSample(sites, units, { seed: 2, ratio: 0.3 });
    expect(one).toHaveLength(30);
    expect(two).toHaveLength(30);
    expect(two).not.toEqual(one);
  });

  test('the ids come out sorted', () => {
    const { sites, units } = registry(40);
    const s = drawSample(sites, units, { seed: 3, ratio: 0.5, strata: 'region' });
    expect(s).toEqual([...s].sort());
    expect(new Set(s).size).toBe(s.length);
  });

  test('ratio 1 draws every site', () => {
    const { sites, units } = registry(25);
    const all = sites.map((s) => s.id).sort();
    expect(drawSample(sites, units, { seed: 9, ratio: 1 })).toEqual(all);
    expect(drawSample(sites, units, { seed: 9, ratio: 1, strata: 'region' })).toEqual(all);
    expect(drawSample(sites, units, { seed: 9, ratio: 1, strata: 'unit' })).toEqual(all);
  });

  test('adding a site keeps the others in their rank order, so an unstratified draw changes by at most that site and one other', () => {
    const { sites, units } = registry(50);
    const more = [...sites.slice(0, 20), site('newcomer'), ...sites.slice(20)];
    expect(rankSites(more, 5).filter((id) => id !== 'newcomer')).toEqual(rankSites(sites, 5));
    // 0.3 × 50 → 15 and 0.3 × 51 → 16: the old draw is the first 15 of the old ranking, the new one
    // the first 16 of the new, so without the newcomer the new draw contains the whole old one.
    const before = drawSample(sites, units, { seed: 5, ratio: 0.3 });
    const after = drawSample(more, units, { seed: 5, ratio: 0.3 });
    expect(before).toHaveLength(15);
    expect(after).toHaveLength(16);
    const kept = after.filter((id) => id !== 'newcomer');
    expect(before.filter((id) => !kept.includes(id))).toEqual([]);
    expect(kept.length - before.length).toBeLessThanOrEqual(1);
  });
});

describe('strata', () => {
  test('region: ⌈ratio × n⌉ from each region, sites without one drawn as 本级', () => {
    const sites = [
      ...Array.from({ length: 10 }, (_, i) => site(`a-${i}`, 'city', '东县')),
      ...Array.from({ length: 3 }, (_, i) => site(`b-${i}`, 'city', '西县')),
      ...Array.from({ length: 7 }, (_, i) => site(`c-${i}`, 'city')),
      site('d-0', 'city', '南区'),
    ];
    const strata = drawStrata(sites, city, { seed: 11, ratio: 0.3, strata: 'region' });
    // 0.3 × 10 is exactly 3 (not 4), 0.3 × 3 → 1, 0.3 × 7 → 3, 0.3 × 1 → 1.
    // Strata in code-unit order of their keys: 东 U+4E1C, 南 U+5357, 本 U+672C, 西 U+897F.
    expect(strata.map((s) => [s.label, s.drawn.length, s.size])).toEqual([['东县', 3, 10], ['南区', 1, 1], ['本级', 3, 7], ['西县', 1, 3]]);
    for (const s of strata) for (const id of s.drawn) expect(id[0]).toBe({ 东县: 'a', 西县: 'b', 本级: 'c', 南区: 'd' }[s.key]);
    expect(drawSample(sites, city, { seed: 11, ratio: 0.3, strata: 'region' })).toHaveLength(8);
  });

  test('unit: strata are top-level units, followed up through every parent', () => {
    const { sites, units } = registry(60);
    const strata = drawStrata(sites, units, { seed: 4, ratio: 0.25, strata: 'unit' });
    // city + city-dept → city (20 sites); east, east-dept, east-dept-sub → east (30); west (10).
    expect(strata.map((s) => [s.key, s.label, s.size, s.drawn.length])).toEqual([
      ['city', '市政府', 20, 5],
      ['east', '东县政府', 30, 8],
      ['west', '西县政府', 10, 3],
    ]);
    const unitOf = new Map(sites.map((s) => [s.id, s.unit]));
    for (const id of strata[1]!.drawn) expect(['east', 'east-dept', 'east-dept-sub']).toContain(unitOf.get(id));
  });

  test('unit: under a single top unit (a city government above everything), the strata are the units just below it', () => {
    const { sites, units } = registry(60);
    const province: Unit = { id: 'gov', name: '市人民政府' };
    const under = units.map((u) => (u.parent === undefined ? { ...u, parent: 'gov' } : u));
    const strata = drawStrata(sites, [province, ...under], { seed: 4, ratio: 0.25, strata: 'unit' });
    // The same three strata as without the common top unit: city (20), east (30), west (10).
    expect(strata.map((s) => [s.key, s.size, s.drawn.length])).toEqual([
      ['city', 20, 5],
      ['east', 30, 8],
      ['west', 10, 3],
    ]);
  });

  test('each stratum gives its own best-ranked sites, not a share of the best of the whole', () => {
    const { sites, units } = registry(60);
    const drawn = drawStrata(sites, units, { seed: 8, ratio: 0.2, strata: 'region' });
    const byRegion = Map.groupBy(sites, (s) => s.region ?? '本级');
    for (const s of drawn) expect(s.drawn).toEqual(rankSites(byRegion.get(s.key)!, 8).slice(0, s.drawn.length).sort());
  });

  test('a circle of parents in units.yaml is an InputError', () => {
    const units: Unit[] = [{ id: 'p', name: 'P', parent: 'q' }, { id: 'q', name: 'Q', parent: 'p' }];
    expect(() => drawSample([site('x', 'p')], units, { seed: 1, ratio: 0.5, strata: 'unit' })).toThrow(InputError);
    expect(() => drawSample([site('x', 'p')], units, { seed: 1, ratio: 0.5, strata: 'unit' })).toThrow(/p → q → p/);
  });
});

describe('quota', () => {
  test.each([
    [0.3, 10, 3],
    [0.3, 11, 4],
    [0.3, 1, 1],
    [0.07, 100, 7], // 0.07 × 100 is 7.000000000000001 in floating point
    [0.07, 300, 21],
    [0.01, 5, 1],
    [1e-12, 3, 1], // a stratum with a site always gives one
    [1, 12, 12],
    [0.5, 0, 0],
  ])('ratio %d of %d sites → %d', (ratio, n, k) => expect(quota(ratio, n)).toBe(k));
});

describe('sampledSites', () => {
  const registered = [site('a'), site('b'), site('c'), site('d')];
  const sample: Sample = { seed: 1, ratio: 0.5, drawn: '2026-10-08', sites: ['a', 'c'] };

  test('the sampled sites, in registry order', () => {
    expect(sampledSites([...registered].reverse(), sample, '2026-Q4').map((s) => s.id)).toEqual(['c', 'a']);
  });

  test('--only narrows the sample', () => {
    expect(sampledSites(registered, sample, '2026-Q4', ['c']).map((s) => s.id)).toEqual(['c']);
  });

  test.each([
    [undefined, undefined, /2026-Q4 has no sample; run npm run sample/],
    [{ ...sample, sites: ['a', 'gone', 'x'] }, undefined, /no longer in sites.yaml: gone, x/],
    [sample, ['a', 'b'], /--only: b is not in the 2026-Q4 sample/],
  ])('refuses %j with --only %j', (s, only, message) => {
    expect(() => sampledSites(registered, s, '2026-Q4', only)).toThrow(InputError);
    expect(() => sampledSites(registered, s, '2026-Q4', only)).toThrow(message);
  });
});

describe('sameDraw and drawSummary', () => {
  const a: Sample = { seed: 7, ratio: 0.3, strata: 'region', drawn: '2026-10-08', sites: ['a', 'c'] };

  test('the drawn date does not make a draw different; anything else does', () => {
    expect(sameDraw(a, { ...a, drawn: '2026-10-09' })).toBe(true);
    expect(sameDraw(a, { ...a, seed: 8 })).toBe(false);
    expect(sameDraw(a, { ...a, ratio: 0.4 })).toBe(false);
    expect(sameDraw(a, { seed: 7, ratio: 0.3, drawn: '2026-10-08', sites: ['a', 'c'] })).toBe(false);
    expect(sameDraw(a, { ...a, sites: ['a', 'd'] })).toBe(false);
  });

  const strata = [
    { key: 'X', label: 'X', size: 3, drawn: ['a'] },
    { key: 'Y', label: 'Y', size: 2, drawn: ['c'] },
  ];

  test('how many of how many, per stratum', () => {
    expect(drawSummary(a, strata)).toBe('抽取 2 个网站（共 5 个；比例 30%，种子 7，按县区分层；抽取日期 2026-10-08）\n  X：1 / 3\n  Y：1 / 2');
  });

  test('says what it replaced, or that nothing changed', () => {
    const previous: Sample = { seed: 1, ratio: 0.5, drawn: '2026-10-01', sites: ['a', 'b', 'c'] };
    expect(drawSummary(a, strata, previous)).toMatch(/\n已替换此前的抽样（2026-10-01：种子 1，比例 50%，3 个网站）。$/);
    expect(drawSummary(a, strata, a)).toMatch(/\n与已有抽样相同（抽取日期 2026-10-08），未改动季度文件。$/);
  });
});
