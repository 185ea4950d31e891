import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { parseSampleArgs, SAMPLE_USAGE } from './sample.ts';

const base = ['--quarter', '2026-Q4', '--ratio', '0.3', '--seed', '7'];

describe('parseSampleArgs', () => {
  test('defaults: content/, drawn today in Shanghai, no strata', () => {
    expect(parseSampleArgs(base, '2026-10-08')).toEqual({ contentDir: 'content', quarter: '2026-Q4', ratio: 0.3, seed: 7, date: '2026-10-08' });
  });

  test('every documented option', () => {
    expect(parseSampleArgs([...base, '--strata', 'region', '--content', 'c', '--date', '2026-09-30'], '2026-10-08')).toEqual({
      contentDir: 'c',
      quarter: '2026-Q4',
      ratio: 0.3,
      seed: 7,
      strata: 'region',
      date: '2026-09-30',
    });
    expect(parseSampleArgs(['--quarter', '2026-Q1', '--ratio', '1', '--seed', '0', '--strata', 'unit'], '2026-10-08')).toMatchObject({ ratio: 1, seed: 0, strata: 'unit' });
    expect(parseSampleArgs(['--quarter', '2026-Q1', '--ratio', '.25', '--seed', '3'], '2026-10-08')?.ratio).toBe(0.25);
  });

  test('--help returns nothing to run, and the usage names every switch', () => {
    expect(parseSampleArgs(['--help'])).toBeUndefined();
    expect(parseSampleArgs(['-h'])).toBeUndefined();
    for (const s of ['--quarter', '--ratio', '--seed', '--strata', '--content', '--date', '--help']) expect(SAMPLE_USAGE).toContain(s);
  });

  test.each([
    [[], /--quarter, --ratio, --seed are required/],
    [['--quarter', '2026-Q4', '--ratio', '0.3'], /--seed is required/],
    [['--quarter', '2026-Q5', '--ratio', '0.3', '--seed', '7'], /--quarter must look like 2026-Q4, got "2026-Q5"/],
    [['--quarter', '2026-Q4', '--ratio', '0', '--seed', '7'], /--ratio must be a share/],
    [['--quarter', '2026-Q4', '--ratio', '1.5', '--seed', '7'], /--ratio must be a share/],
    [['--quarter', '2026-Q4', '--ratio', '30%', '--seed', '7'], /--ratio must be a share .* got "30%"/],
    [['--quarter', '2026-Q4', '--ratio', '3e-1', '--seed', '7'], /--ratio must be a share/],
    [['--quarter', '2026-Q4', '--ratio', '', '--seed', '7'], /--ratio must be a share/],
    [['--quarter', '2026-Q4', '--ratio', '0.3', '--seed', '-1'], /--seed/],
    [['--quarter', '2026-Q4', '--ratio', '0.3', '--seed', '1.5'], /--seed must be a whole number ≥ 0/],
    [['--quarter', '2026-Q4', '--ratio', '0.3', '--seed', '99999999999999999999'], /--seed must be at most 9007199254740991/],
    [[...base, '--strata', 'county'], /--strata must be region or unit, got "county"/],
    [[...base, '--date', '2026-02-30'], /--date must be a date YYYY-MM-DD/],
    [[...base, '--content', ''], /--content needs a folder/],
    [[...base, '--only', 'a'], /Unknown option '--only'/],
    [[...base, 'extra'], /positional/],
  ])('%j is a configuration error', (argv, message) => {
    expect(() => parseSampleArgs(argv, '2026-10-08')).toThrow(InputError);
    expect(() => parseSampleArgs(argv, '2026-10-08')).toThrow(message);
  });
});
