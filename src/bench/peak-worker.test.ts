import { expect, it } from 'vitest';
import { samplePeakRssInWorker } from './peak-worker.ts';

it('samples this process from a thread of its own and hands back its peaks and its CPU', async () => {
  const sampler = samplePeakRssInWorker(process.pid, 20);
  const hold = Buffer.alloc(64 * 2 ** 20, 1); // resident while the sampler reads
  await new Promise((r) => setTimeout(r, 150));
  const { peak, cpuMs } = await sampler.stop();
  expect(hold[0]).toBe(1);
  expect(peak.samples).toBeGreaterThanOrEqual(3);
  expect(peak.total).toBeGreaterThan(64 * 2 ** 20);
  expect(cpuMs).toBeGreaterThanOrEqual(0);
});
