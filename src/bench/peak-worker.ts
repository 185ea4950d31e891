// Peak memory sampled from a worker thread: reading /proc for every process on the machine costs
// some 17 ms a reading, which on the crawler's own event loop took 12 s of a 200-site run's 56 s.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { processCpuMs, processesUnder, samplePeakRss, type PeakRss } from './proc-memory.ts';

interface Job {
  root: number;
  intervalMs: number;
  exclude: number[];
}

/** The peaks, and the sampling thread's own CPU time in ms (to leave out of the process's). */
export interface WorkerPeak {
  peak: PeakRss;
  cpuMs: number;
  /**
   * CPU time of the root's descendants (Chromium's processes), in ms: each one's as last read, so a
   * process that ended counts with what it had used by its last reading.
   */
  descendantsCpuMs: number;
}

/** samplePeakRss on a thread of its own; stop() resolves with the peaks once the worker's last reading is in. */
export function samplePeakRssInWorker(root: number, intervalMs: number, exclude: readonly number[] = []): { stop(): Promise<WorkerPeak> } {
  const job: Job = { root, intervalMs, exclude: [...exclude] };
  const worker = new Worker(new URL(import.meta.url), { workerData: { peakRssJob: job } });
  const ended = new Promise<WorkerPeak>((resolve, reject) => {
    worker.once('message', (m: WorkerPeak) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the memory sampler's thread ended (${code}) before its readings were sent`)));
  });
  return {
    stop() {
      worker.postMessage('stop');
      return ended;
    },
  };
}

const job = (workerData as { peakRssJob?: Job } | null)?.peakRssJob;
if (!isMainThread && job && parentPort) {
  const port = parentPort;
  const sampler = samplePeakRss(job.root, job.intervalMs, '/proc', undefined, job.exclude);
  const descendants = new Map<number, number>();
  const readCpu = () => {
    for (const pid of processesUnder(job.root, '/proc', job.exclude)) {
      const ms = pid === job.root ? undefined : processCpuMs(pid);
      if (ms !== undefined) descendants.set(pid, ms);
    }
  };
  const cpuTimer = setInterval(readCpu, job.intervalMs);
  port.once('message', () => {
    clearInterval(cpuTimer);
    readCpu();
    const peak = sampler.stop();
    const u = process.threadCpuUsage();
    const descendantsCpuMs = [...descendants.values()].reduce((a, b) => a + b, 0);
    port.postMessage({ peak, cpuMs: Math.round((u.user + u.system) / 1000), descendantsCpuMs } satisfies WorkerPeak);
  });
}
