import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ProbeDay } from '../../schemas/probes.ts';
import { InputError } from '../../errors.ts';
import { addProbe, probeFile, writeProbeFile } from '../../store/probe-records.ts';
import { addDays, loadProbeWindow, loadProbeWindows, summariseWindow, windowBounds } from './probe-window.ts';

/** A day with `tries` probes of which `failures` failed, from `vantage` (unnamed when absent). */
const day = (date: string, tries: number, failures: number, vantage?: string): ProbeDay => {
  let d: ProbeDay | undefined;
  for (let i = 0; i < tries; i++) d = addProbe(d, date, { ok: i >= failures, elapsedMs: 200 }, vantage);
  return d!;
};

describe('the week before the as-of date', () => {
  test('is asOf−7 … asOf−1: the as-of day, still under way, is not counted', () => {
    expect(windowBounds('2026-11-20')).toEqual({ from: '2026-11-13', to: '2026-11-19' });
    expect(windowBounds('2027-01-03')).toEqual({ from: '2026-12-27', to: '2027-01-02' });
    expect(windowBounds('2028-03-01')).toEqual({ from: '2028-02-23', to: '2028-02-29' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  test('sums the days inside and leaves out the days around it', () => {
    const days = [day('2026-11-12', 20, 20), ...['13', '14', '15', '16', '17', '18', '19'].map((d) => day(`2026-11-${d}`, 20, 1)), day('2026-11-20', 20, 20)];
    expect(summariseWindow(days, '2026-11-20')).toEqual({ from: '2026-11-13', to: '2026-11-19', days: 7, tries: 140, failures: 7 });
  });

  test('counts only the days that have records', () => {
    expect(summariseWindow([day('2026-11-15', 22, 0), day('2026-11-18', 19, 2)], '2026-11-20')).toEqual({ from: '2026-11-13', to: '2026-11-19', days: 2, tries: 41, failures: 2 });
  });

  describe('where the probes ran', () => {
    const TRUSTED = ['city-intranet'];
    const week = (vantage: string | undefined, failures: number) => ['13', '14', '15', '16', '17', '18', '19'].map((d) => day(`2026-11-${d}`, 20, failures, vantage));

    test('only a trusted vantage’s probes count; the others are summed apart, by name', () => {
      const days = [...week('city-intranet', 0), ...week('github-hosted', 10), day('2026-11-15', 20, 20)];
      expect(summariseWindow(days, '2026-11-20', TRUSTED)).toEqual({
        from: '2026-11-13',
        to: '2026-11-19',
        days: 7,
        tries: 140,
        failures: 0,
        untrusted: { vantages: ['', 'github-hosted'], tries: 160, failures: 90 },
      });
    });

    test('a week from an untrusted vantage alone counts nothing', () => {
      expect(summariseWindow(week('github-hosted', 20), '2026-11-20', TRUSTED)).toEqual({
        from: '2026-11-13',
        to: '2026-11-19',
        days: 0,
        tries: 0,
        failures: 0,
        untrusted: { vantages: ['github-hosted'], tries: 140, failures: 140 },
      });
    });

    test('without trustedVantages every vantage counts, the unnamed one too (as the crawl does); a day from two of them is one day', () => {
      const days = [...week('city-intranet', 0), day('2026-11-19', 20, 20, 'github-hosted'), day('2026-11-19', 3, 1)];
      expect(summariseWindow(days, '2026-11-20')).toEqual({ from: '2026-11-13', to: '2026-11-19', days: 7, tries: 163, failures: 21 });
    });
  });

  test('is undefined when no record falls inside', () => {
    expect(summariseWindow([day('2026-11-20', 20, 0), day('2026-11-01', 20, 0)], '2026-11-20')).toBeUndefined();
    expect(summariseWindow([], '2026-11-20')).toBeUndefined();
  });
});

describe('loading windows from content/probes', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('reads across the turn of the year, and gives undefined for a site without records', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    writeProbeFile(probeFile(dir, 'linhe', 2026), [day('2026-12-26', 20, 20), day('2026-12-27', 20, 1), day('2026-12-31', 20, 2)]);
    writeProbeFile(probeFile(dir, 'linhe', 2027), [day('2027-01-02', 21, 3), day('2027-01-03', 20, 20)]);
    expect(loadProbeWindow(dir, 'linhe', '2027-01-03')).toEqual({ from: '2026-12-27', to: '2027-01-02', days: 3, tries: 61, failures: 6 });
    expect(loadProbeWindow(dir, 'linhe-jyj', '2027-01-03')).toBeUndefined();
    expect(loadProbeWindows(dir, ['linhe', 'linhe-jyj'], '2027-01-03')).toEqual(new Map([['linhe', { from: '2026-12-27', to: '2027-01-02', days: 3, tries: 61, failures: 6 }]]));
  });

  test('passes rules.yaml’s trustedVantages on: records that name no vantage count only without a list', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    writeProbeFile(probeFile(dir, 'linhe', 2026), [day('2026-11-18', 20, 2), day('2026-11-19', 20, 1, 'city-intranet')]);
    expect(loadProbeWindows(dir, ['linhe'], '2026-11-20', ['city-intranet']).get('linhe')).toEqual({
      from: '2026-11-13',
      to: '2026-11-19',
      days: 1,
      tries: 20,
      failures: 1,
      untrusted: { vantages: [''], tries: 20, failures: 2 },
    });
    expect(loadProbeWindows(dir, ['linhe'], '2026-11-20').get('linhe')).toEqual({ from: '2026-11-13', to: '2026-11-19', days: 2, tries: 40, failures: 3 });
  });

  test('a bad record file is a configuration error naming every bad file', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    for (const id of ['a', 'b']) {
      mkdirSync(join(dir, 'probes', id), { recursive: true });
      writeFileSync(probeFile(dir, id, 2026), 'date\n2026-11-19\n');
    }
    let err: unknown;
    try {
      loadProbeWindows(dir, ['a', 'b'], '2026-11-20');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/probes\/a\/2026\.csv:1: the header must be[^\n]*\n[^\n]*probes\/b\/2026\.csv:1/);
  });
});
