import { describe, expect, it } from 'vitest';
import { parseBenchBuildArgs, parseScaleArgs, SCALE_DEFAULTS } from './scale.ts';

describe('parseScaleArgs', () => {
  it('takes the defaults: 15,000 sites × 8 quarters ending 2026-Q4', () => {
    expect(parseScaleArgs(['--out', '/tmp/x'])).toEqual({ ...SCALE_DEFAULTS, out: '/tmp/x' });
    expect(SCALE_DEFAULTS).toMatchObject({ sites: 15_000, quarters: 8, until: '2026-Q4' });
  });

  it('reads every switch', () => {
    expect(parseScaleArgs(['--sites', '30', '--quarters', '3', '--until', '2025-Q2', '--seed', '0', '--pages', '10', '--out', 'd'])).toEqual({
      sites: 30, quarters: 3, until: '2025-Q2', seed: 0, pagesPerSite: 10, out: 'd',
    });
  });

  it('returns undefined for --help', () => expect(parseScaleArgs(['-h'])).toBeUndefined());

  it.each([
    [[], /--out DIR is required/],
    [['--out', 'd', '--sites', '0'], /--sites must be a whole number ≥ 1/],
    [['--out', 'd', '--sites', '1e3'], /--sites must be a whole number/],
    [['--out', 'd', '--quarters', '-1'], /--quarters/],
    [['--out', 'd', '--until', '2026-Q5'], /--until must look like 2026-Q4/],
    [['--out', 'd', '--pages', '9'], /--pages must be a whole number ≥ 10/],
    [['--out', 'd', '--content', 'x'], /Unknown option '--content'/],
    [['--out', 'd', 'extra'], /positional/],
  ])('refuses %j', (argv, message) => expect(() => parseScaleArgs(argv)).toThrow(message));
});

describe('parseBenchBuildArgs', () => {
  it('generates by default, or builds a given folder', () => {
    expect(parseBenchBuildArgs([])).toEqual({ ...SCALE_DEFAULTS, keep: false });
    expect(parseBenchBuildArgs(['--content', '/tmp/scale', '--keep'])).toEqual({ ...SCALE_DEFAULTS, content: '/tmp/scale', keep: true });
    expect(parseBenchBuildArgs(['--sites', '1000'])).toMatchObject({ sites: 1000, quarters: 8 });
  });

  it.each([
    [['--content', ''], /--content needs a folder/],
    [['--out', 'x'], /Unknown option '--out'/],
    [['--sites', 'many'], /--sites/],
  ])('refuses %j', (argv, message) => expect(() => parseBenchBuildArgs(argv)).toThrow(message));
});
