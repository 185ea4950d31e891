import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { samplePeakRssInWorker } from './peak-worker.ts';

it('samples this process from a thread of its own and hands back its peaks, its CPU and its children’s', async () => {
  // A child that spins for 300 ms of CPU, then waits: its CPU is counted as a descendant's.
  const child = spawn(process.execPath, ['-e', 'const t = Date.now() + 300; while (Date.now() < t); setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  const sampler = samplePeakRssInWorker(process.pid, 20);
  const hold = Buffer.alloc(64 * 2 ** 20, 1); // resident while the sampler reads
  await new Promise((r) => setTimeout(r, 600));
  const { peak, cpuMs, descendantsCpuMs } = await sampler.stop();
  child.kill();
  expect(hold[0]).toBe(1);
  expect(peak.samples).toBeGreaterThanOrEqual(3);
  expect(peak.total).toBeGreaterThan(64 * 2 ** 20);
  expect(cpuMs).toBeGreaterThanOrEqual(0);
  expect(descendantsCpuMs).toBeGreaterThanOrEqual(250);
});
