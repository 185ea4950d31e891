import { expect, test } from 'vitest';
import { benchMonitor } from './monitor.ts';

test('bench:monitor runs the days and measures them: time per day, memory, the records and their year', { timeout: 120_000 }, async () => {
  const r = await benchMonitor({ sites: 4, pages: 12, days: 3, seed: 2, asOf: '2026-11-20', yearAt: 400, options: { hostDelayMs: 0, render: 'never', timeoutMs: 1_500, backoffMs: 20, homeAttemptGapMs: 20 } });
  expect(r.dayMs).toHaveLength(3);
  expect(r.pages).toBeGreaterThan(4);
  expect(r.firstDayBytes).toBeGreaterThan(0);
  expect(r.totalBytes).toBeGreaterThanOrEqual(r.firstDayBytes);
  // 400 sites is 100 times 4: a year is at least 100 times what the first day wrote.
  expect(r.yearBytes).toBeGreaterThanOrEqual(100 * r.firstDayBytes * 0.9);
  expect(r.peakRss).toBeGreaterThan(10_000_000);
  // No Chromium here (render never): the tree is this process, read another way (PSS ≤ RSS).
  expect(r.peakTree).toBeGreaterThan(10_000_000);
  // Days after the first read only what is new: the sandbox's lists hold older articles.
  expect(r.olderNotRead).toBeGreaterThan(0);
});
