import { describe, expect, it } from 'vitest';
import { parseBenchBuildArgs, parseScaleArgs, SCALE_DEFAULTS, SCALE_OUT } from './scale.ts';

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

  it('takes the sites and the quarters as numbers, into .scale/ by default (npm run scale -- 15000 8)', () => {
    expect(SCALE_OUT).toBe('.scale');
    expect(parseScaleArgs(['15000', '8'])).toEqual({ ...SCALE_DEFAULTS, sites: 15_000, quarters: 8, out: '.scale' });
    expect(parseScaleArgs(['300', '--out', 'd'])).toEqual({ ...SCALE_DEFAULTS, sites: 300, out: 'd' });
    expect(parseScaleArgs([])).toEqual({ ...SCALE_DEFAULTS, out: '.scale' });
  });

  it.each([
    [['--out', ''], /--out needs a folder/],
    [['1', '2', '3'], /at most two numbers/],
    [['300', '--sites', '300'], /give the sites and the quarters once/],
    [['300', '2', '--quarters', '2'], /give the sites and the quarters once/],
    [['many'], /--sites must be a whole number/],
    [['--out', 'd', '--sites', '0'], /--sites must be a whole number ≥ 1/],
    [['--out', 'd', '--sites', '1e3'], /--sites must be a whole number/],
    [['--out', 'd', '--quarters', '-1'], /--quarters/],
    [['--out', 'd', '--until', '2026-Q5'], /--until must look like 2026-Q4/],
    [['--out', 'd', '--pages', '9'], /--pages must be a whole number ≥ 10/],
    [['--out', 'd', '--content', 'x'], /Unknown option '--content'/],
    [['--out', 'd', '1', 'x'], /--quarters must be a whole number/],
  ])('refuses %j', (argv, message) => expect(() => parseScaleArgs(argv)).toThrow(message));
});

describe('parseBenchBuildArgs', () => {
  it('generates by default, or builds a given folder', () => {
    expect(parseBenchBuildArgs([])).toEqual({ ...SCALE_DEFAULTS, sized: false, keep: false });
    expect(parseBenchBuildArgs(['--content', '/tmp/scale', '--keep'])).toEqual({ ...SCALE_DEFAULTS, content: '/tmp/scale', sized: false, keep: true });
    expect(parseBenchBuildArgs(['--quarters', '8'])).toMatchObject({ quarters: 8, sized: true });
    expect(parseBenchBuildArgs(['--sites', '1000'])).toMatchObject({ sites: 1000, quarters: 8 });
  });

  it.each([
    [['--content', ''], /--content needs a folder/],
    [['--out', 'x'], /Unknown option '--out'/],
    [['--sites', 'many'], /--sites/],
  ])('refuses %j', (argv, message) => expect(() => parseBenchBuildArgs(argv)).toThrow(message));
});
