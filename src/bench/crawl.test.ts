import { describe, expect, it } from 'vitest';
import { crawlBounds } from './crawl.ts';

describe('crawlBounds', () => {
  it('is the politeness bound while the machine has time to spare', () => {
    // 30 s of pauses; 8 s of main thread, (12 + 10) / 2 = 11 s over two cores.
    expect(crawlBounds(30_000, { crawler: 12_000, mainThread: 8_000, sandbox: 10_000 }, 2)).toEqual({ politenessMs: 30_000, machineMs: 11_000, boundMs: 30_000, governs: 'politeness' });
  });
  it('is the CPU over the cores when the machine is the limit', () => {
    // (300 + 260) / 2 = 280 s: more than the main thread's 250 s and the 30 s of pauses.
    expect(crawlBounds(30_000, { crawler: 300_000, mainThread: 250_000, sandbox: 260_000 }, 2)).toEqual({ politenessMs: 30_000, machineMs: 280_000, boundMs: 280_000, governs: 'machine' });
  });
  it('is the main thread’s CPU when one thread is the limit', () => {
    // Four cores: (300 + 100) / 4 = 100 s, but the one event loop ran 250 s.
    expect(crawlBounds(30_000, { crawler: 300_000, mainThread: 250_000, sandbox: 100_000 }, 4).machineMs).toBe(250_000);
  });
  it('counts Chromium’s processes with the crawler and the sandbox', () => {
    // (100 + 60 + 80) / 2 = 120 s.
    expect(crawlBounds(30_000, { crawler: 100_000, mainThread: 70_000, sandbox: 60_000, browser: 80_000 }, 2)).toMatchObject({ machineMs: 120_000, governs: 'machine' });
  });
  it('counts the crawler alone where the sandbox’s CPU is unknown', () => {
    expect(crawlBounds(0, { crawler: 9_000, mainThread: 4_000 }, 2)).toMatchObject({ machineMs: 4_500, governs: 'machine' });
  });
});
