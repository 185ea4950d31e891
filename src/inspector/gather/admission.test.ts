import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SiteAdmission, type RunPressure } from './admission.ts';

const CALM: RunPressure = { waitingRequests: 0, loopDelayMs: 12, liveBytes: 100 * 2 ** 20, rssBytes: 500 * 2 ** 20 };

/** 60 sites of 150 ms each through the admission; the most seen running at once. */
async function run(a: SiteAdmission, sites = 60): Promise<number> {
  await Promise.all(Array.from({ length: sites }, () => a.run(() => sleep(150))));
  return a.peak;
}

describe('SiteAdmission', () => {
  it('a fixed number (min = max) is never exceeded and always filled', async () => {
    const a = new SiteAdmission({ min: 4, max: 4, memoryBytes: 2 ** 30, slots: 16, intervalMs: 10 }, () => CALM);
    expect(await run(a, 20)).toBe(4);
  });

  it('with room to spare, adds sites beyond min up to max', async () => {
    const a = new SiteAdmission({ min: 2, max: 12, memoryBytes: 2 ** 30, slots: 16, intervalMs: 10 }, () => CALM);
    expect(await run(a)).toBe(12);
  });

  it.each([
    ['requests queue for the run’s slots', { ...CALM, waitingRequests: 3 }],
    ['the event loop runs late', { ...CALM, loopDelayMs: 200 }],
    ['live memory is over budget', { ...CALM, liveBytes: 2 ** 31 }],
    ['the resident set is over budget', { ...CALM, rssBytes: 2 ** 31 }],
  ])('adds none while %s', async (_, pressure) => {
    const a = new SiteAdmission({ min: 2, max: 12, memoryBytes: 2 ** 30, slots: 16, intervalMs: 10 }, () => pressure);
    expect(await run(a, 20)).toBe(2);
  });

  it('lowers its target under overload: finished sites are not replaced beyond min', async () => {
    let pressure = CALM;
    const a = new SiteAdmission({ min: 2, max: 16, memoryBytes: 2 ** 30, slots: 16, intervalMs: 10 }, () => pressure);
    const seen: number[] = [];
    const all = Promise.all(Array.from({ length: 800 }, () => a.run(async () => {
      seen.push(a.running);
      await sleep(40);
    })));
    await sleep(400);
    expect(a.running).toBe(16);
    // A resident set over budget only holds the number: garbage V8 has yet to collect.
    pressure = { ...CALM, rssBytes: 2 ** 31 };
    await sleep(400);
    expect(a.running).toBe(16);
    pressure = { ...CALM, liveBytes: 2 ** 31 };
    await sleep(400);
    expect(a.running).toBe(2);
    pressure = CALM;
    await all;
  });

  it('a site idling (between two home-page tries) gives up its place, and resumes before any new site', async () => {
    const a = new SiteAdmission({ min: 1, max: 1, memoryBytes: 2 ** 30, slots: 16, intervalMs: 10 }, () => CALM);
    const log: string[] = [];
    const site = (name: string, work: (idle: <U>(p: Promise<U>) => Promise<U>) => Promise<void>) =>
      a.run(async (slot) => {
        log.push(`${name} in`);
        await work(slot.idle);
        log.push(`${name} out`);
      });
    await Promise.all([
      // The down site waits 100 ms between its tries without a place; b runs meanwhile (150 ms).
      site('down', async (idle) => {
        await idle(sleep(100));
        log.push('down resumes');
      }),
      site('b', () => sleep(150)),
      site('c', () => sleep(10)),
    ]);
    // down's wait ends while b still runs: it resumes when b leaves, before c, which waited all along.
    expect(log).toEqual(['down in', 'b in', 'b out', 'down resumes', 'down out', 'c in', 'c out']);
    expect(a.peak).toBe(1);
  });

  it('refuses a min above its max', () => {
    expect(() => new SiteAdmission({ min: 5, max: 4, memoryBytes: 1, slots: 16 }, () => CALM)).toThrow(/min ≤ max/);
  });
});
