import { describe, expect, test } from 'vitest';
import { DAILY_SPAN, siteOnDay, truthOnDay } from './daily.ts';
import { buildSiteModel } from './model.ts';
import { generateWeb } from './web.ts';

const web = generateWeb({ sites: 24, pagesPerSite: 30, seed: 3, asOf: '2026-11-20' });

describe('the sandbox by day', () => {
  test('day 0 is the as-of date’s web and truth, unchanged', () => {
    expect(truthOnDay(web, '2026-11-20')).toEqual(web.truth);
    expect(siteOnDay(buildSiteModel(web, 0), '2026-11-20')).toEqual(buildSiteModel(web, 0));
  });

  test('the web moves over the span and the same day is the same web', () => {
    const late = truthOnDay(web, '2026-12-15');
    const key = (t: { site: string; indicator: string; target: string }) => `${t.site} ${t.indicator} ${t.target}`;
    const before = new Set(web.truth.map(key));
    const after = new Set(late.map(key));
    expect([...after].some((k) => !before.has(k))).toBe(true);
    expect([...before].some((k) => !after.has(k))).toBe(true);
    expect(truthOnDay(web, '2026-12-15')).toEqual(late);
  });

  test('past the span nothing new happens, but the day is the real one', () => {
    const m = siteOnDay(buildSiteModel(web, 1), '2027-01-30');
    expect(m.asOf).toBe('2027-01-30');
    expect(m.columns.map((c) => c.items.length)).toEqual(siteOnDay(buildSiteModel(web, 1), `2026-12-${20 + DAILY_SPAN - 30}`).columns.map((c) => c.items.length));
    expect(() => siteOnDay(buildSiteModel(web, 1), '2026-11-19')).toThrow(/start at its as-of date 2026-11-20/);
  });
});
