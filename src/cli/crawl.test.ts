import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { parseCrawlArgs } from './crawl.ts';
import { resolveOptions } from '../inspector/gather/options.ts';

describe('parseCrawlArgs', () => {
  test('defaults: content/, today in Shanghai, its quarter', () => {
    expect(parseCrawlArgs([], '2026-11-22')).toEqual({ contentDir: 'content', quarter: '2026-Q4', asOf: '2026-11-22', sample: false, screenshots: false, options: {} });
  });

  test('every documented option', () => {
    const a = parseCrawlArgs(
      ['--content', 'c', '--as-of', '2026-03-31', '--quarter', '2026-Q1', '--only', 'a, b', '--sample', '--concurrency', '8', '--per-host', '3', '--site-concurrency', '2', '--max-pages', '100', '--max-depth', '2', '--timeout', '7.5', '--retries', '0', '--ignore-robots', '--allow-private', '--screenshots', '--render', 'never', '--max-rendered', '5', '--site-budget', '2.5', '--max-link-checks', '300', '--vantage', 'city-intranet', '--max-attachments', '3', '--skip-attachments', '--no-ipv6', '--ipv6-reference', 'http://www.linhe.gov.cn/', '--audit-pages', '2'],
      '2026-11-22',
    );
    expect(a).toEqual({
      contentDir: 'c',
      quarter: '2026-Q1',
      asOf: '2026-03-31',
      only: ['a', 'b'],
      sample: true,
      screenshots: true,
      options: { concurrency: 8, perHost: 3, siteConcurrency: 2, maxPages: 100, maxDepth: 2, timeoutMs: 7500, retries: 0, robots: false, allowPrivate: true, render: 'never', maxRendered: 5, siteBudgetMs: 150_000, maxLinkChecks: 300, vantage: 'city-intranet', maxAttachments: 3, attachments: false, ipv6: false, ipv6Reference: 'http://www.linhe.gov.cn/', auditPages: 2 },
    });
  });

  test('--host-delay takes a duration (a bare number is ms) up to a minute; sites at once start at 24, or half the requests in flight when that is less, and may grow to 8 times them', () => {
    expect(parseCrawlArgs(['--host-delay', '1s'])?.options.hostDelayMs).toBe(1000);
    expect(parseCrawlArgs(['--host-delay', '250'])?.options.hostDelayMs).toBe(250);
    expect(parseCrawlArgs(['--host-delay', '0'])?.options.hostDelayMs).toBe(0);
    expect(() => parseCrawlArgs(['--host-delay', '2m'])).toThrow(/--host-delay must be at most 60s/);
    expect(() => parseCrawlArgs(['--host-delay', 'soon'])).toThrow(/--host-delay must be a duration/);
    expect(resolveOptions()).toMatchObject({ concurrency: 256, siteConcurrency: 24, maxSitesAtOnce: 2048, perHost: 2, hostDelayMs: 200 });
    expect(resolveOptions({ concurrency: 9 })).toMatchObject({ siteConcurrency: 4, maxSitesAtOnce: 72 });
    expect(resolveOptions({ concurrency: 1 })).toMatchObject({ siteConcurrency: 1, maxSitesAtOnce: 8 });
    // A number given is fixed.
    expect(resolveOptions({ concurrency: 9, siteConcurrency: 7 })).toMatchObject({ siteConcurrency: 7, maxSitesAtOnce: 7 });
    expect(() => resolveOptions({ siteConcurrency: 7, maxSitesAtOnce: 6 })).toThrow(/maxSitesAtOnce \(6\) must be at least siteConcurrency \(7\)/);
  });

  test('the quarter follows the as-of date', () => {
    expect(parseCrawlArgs(['--as-of', '2026-07-01'])?.quarter).toBe('2026-Q3');
  });

  test('--sample is a switch: it takes no value', () => {
    expect(parseCrawlArgs(['--sample'], '2026-11-22')?.sample).toBe(true);
    expect(() => parseCrawlArgs(['--sample=yes'], '2026-11-22')).toThrow(InputError);
  });

  test('--help returns nothing to run', () => {
    expect(parseCrawlArgs(['--help'])).toBeUndefined();
  });

  test.each([
    [['--as-of', '2026-02-30'], /--as-of must be a date/],
    [['--ipv6-reference', 'www.gov.cn'], /--ipv6-reference must be an http\(s\) URL, got "www.gov.cn"/],
    [['--as-of', '20261120'], /--as-of must be a date/],
    [['--quarter', '2026-Q5'], /--quarter must look like 2026-Q4/],
    [['--per-host', '0'], /--per-host must be a whole number ≥ 1/],
    [['--max-pages', 'many'], /--max-pages must be a whole number/],
    [['--timeout', '0'], /--timeout must be seconds/],
    [['--timeout=-1'], /--timeout must be seconds/],
    [['--render', 'sometimes'], /--render must be one of never, auto, always/],
    [['--site-budget', '0'], /--site-budget must be minutes/],
    [['--max-link-checks', '0'], /--max-link-checks must be a whole number ≥ 1/],
    [['--max-attachments', 'many'], /--max-attachments must be a whole number ≥ 0/],
    [['--vantage', ' '], /--vantage needs a name/],
    [['--vantage', 'City-Intranet'], /--vantage must be lower-case ASCII letters, digits and single hyphens, got "City-Intranet"/],
    [['--no-such-flag'], /Unknown option '--no-such-flag'/],
  ])('%j is a configuration error', (argv, message) => {
    expect(() => parseCrawlArgs(argv, '2026-11-22')).toThrow(InputError);
    expect(() => parseCrawlArgs(argv, '2026-11-22')).toThrow(message);
  });
});
