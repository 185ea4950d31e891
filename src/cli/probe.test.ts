import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseProbeArgs, probeSites } from './probe.ts';
import { parseDuration } from './args.ts';
import { shardOf } from '../workflow/shard.ts';

describe('npm run probe arguments', () => {
  // A developer's or runner's own GOV_PORTAL_VANTAGE must not leak into the expected defaults.
  beforeEach(() => vi.stubEnv('GOV_PORTAL_VANTAGE', ''));
  afterEach(() => vi.unstubAllEnvs());

  test('defaults: one round over every site of content/, with the crawl’s own HTTP defaults', () => {
    // 48 home pages at once, not the crawl's 256: each probe times its page.
    expect(parseProbeArgs([])).toEqual({ contentDir: 'content', options: { concurrency: 48 } });
  });

  test('all options', () => {
    expect(parseProbeArgs(['--content', 'data', '--every', '72m', '--rounds', '20', '--sites', 'linhe, linhe-jyj', '--timeout', '10s', '--concurrency', '8', '--allow-private', '--vantage', 'city-intranet'])).toEqual({
      contentDir: 'data',
      everyMs: 72 * 60_000,
      rounds: 20,
      sites: ['linhe', 'linhe-jyj'],
      options: { timeoutMs: 10_000, concurrency: 8, allowPrivate: true, vantage: 'city-intranet' },
    });
  });

  test('the vantage comes from --vantage, else GOV_PORTAL_VANTAGE (trimmed; empty is unset), as for the crawl', () => {
    vi.stubEnv('GOV_PORTAL_VANTAGE', ' office-lan ');
    expect(parseProbeArgs([])?.options.vantage).toBe('office-lan');
    expect(parseProbeArgs(['--vantage', 'city-intranet'])?.options.vantage).toBe('city-intranet');
    vi.stubEnv('GOV_PORTAL_VANTAGE', '');
    expect(parseProbeArgs([])?.options).toEqual({ concurrency: 48 });
  });

  test('a vantage name rules.yaml could never match is refused, naming where it came from', () => {
    expect(() => parseProbeArgs(['--vantage', 'City Intranet'])).toThrow(/^--vantage must be lower-case ASCII letters, digits and single hyphens, got "City Intranet"$/);
    vi.stubEnv('GOV_PORTAL_VANTAGE', '市政务内网');
    expect(() => parseProbeArgs([])).toThrow(/^GOV_PORTAL_VANTAGE must be lower-case ASCII letters, digits and single hyphens, got "市政务内网"$/);
  });

  test('--shard i/n probes the crawl’s shard of the registry; with --sites it is refused', () => {
    const registered = Array.from({ length: 40 }, (_, i) => ({ id: `site-${i}` }));
    const args = parseProbeArgs(['--shard', '2/3'])!;
    expect(args.shard).toEqual({ index: 2, count: 3 });
    const mine = probeSites(registered, args);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => shardOf(s.id, 3) === 2)).toBe(true);
    expect(registered.filter((s) => shardOf(s.id, 3) === 2)).toEqual(mine);
    expect(() => parseProbeArgs(['--shard', '2/3', '--sites', 'a'])).toThrow(/--shard and --sites/);
    expect(() => probeSites(registered, { contentDir: 'c', sites: ['nope'] })).toThrow(/--sites: no site with id nope/);
  });

  test('--help gives undefined', () => {
    expect(parseProbeArgs(['--help'])).toBeUndefined();
    expect(parseProbeArgs(['-h'])).toBeUndefined();
  });

  test.each([
    ['72m', 4_320_000],
    ['1.5h', 5_400_000],
    ['15s', 15_000],
    ['300ms', 300],
  ])('duration %s', (v, ms) => {
    expect(parseDuration('every', v)).toBe(ms);
  });

  test('a bare number is seconds for --timeout (as in npm run crawl), and needs a unit for --every', () => {
    expect(parseProbeArgs(['--timeout', '15'])?.options.timeoutMs).toBe(15_000);
    expect(() => parseProbeArgs(['--every', '72'])).toThrow(/--every must be a duration such as 72m/);
  });

  test.each([
    [['--every', '30s'], /--every must be at least 1m/],
    [['--every', 'often'], /--every must be a duration/],
    [['--rounds', '3'], /--rounds needs --every/],
    [['--every', '1h', '--rounds', '0'], /--rounds must be a whole number ≥ 1/],
    [['--timeout', '20s'], /--timeout must be between 1ms and 15s/],
    [['--timeout', '0'], /--timeout must be between 1ms and 15s/],
    [['--concurrency', '0'], /--concurrency must be a whole number ≥ 1/],
    [['--sites', ' , '], /--sites needs at least one site id/],
    [['--vantage', ' '], /--vantage needs a name/],
    [['--vantage', 'city_intranet'], /--vantage must be lower-case ASCII letters/],
    [['--as-of', '2026-11-20'], /Unknown option '--as-of'[\s\S]*Usage: npm run probe/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseProbeArgs(argv)).toThrow(message);
  });
});
