// The crawler measured on the sandbox: the sandbox runs in a child process, so the memory figure is
// the crawler's own. Settings as fast as the sandbox allows (no pause between requests to a host,
// a 2 s page limit): the figures measure the crawler, not politeness.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoRegistry } from '../demo/demo.ts';
import { resolveOptions, type CrawlOptions, type RenderMode } from '../inspector/gather/options.ts';
import { availableParallelism } from 'node:os';
import { samplePeakRssInWorker } from './peak-worker.ts';
import { processCpuMs } from './proc-memory.ts';
import { inspect, type InspectSummary } from '../inspector/inspect.ts';
import { sandboxResolver } from '../sandbox/dns.ts';
import { generateWeb } from '../sandbox/web.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';

/** The sandbox to crawl. */
export interface CrawlBench {
  sites: number;
  pages: number;
  seed: number;
  asOf: string;
  /** Pages rendered in Chromium (the crawl's --render). */
  render: RenderMode;
  /** Read the same-site attachments for personal data (the crawl's default; --skip-attachments turns it off). */
  attachments: boolean;
  /** Fetch the sites over IPv6 too (the crawl's default; --no-ipv6 turns it off), the sandbox's DNS answering. */
  ipv6: boolean;
  /**
   * The politeness and timing of npm run crawl's defaults (a pause between two requests to a host,
   * spaced home-page tries, 15 s pages), as users run it; else the sandbox's fastest.
   */
  asCommand?: boolean;
  /** Switches of the crawl's network given on top (--site-concurrency, --per-host, --concurrency…). */
  crawl?: Partial<CrawlOptions>;
}

/** CPU time spent during the crawl, in ms. */
export interface CrawlCpu {
  /** The crawler's process, all its threads but the benchmark's memory sampler (Chromium's processes not counted). */
  crawler: number;
  /** The crawler's main thread: its event loop, where pages are parsed and judged. */
  mainThread: number;
  /** The sandbox's process, serving the pages on the same machine; undefined where /proc is not readable. */
  sandbox?: number;
  /** The crawler's child processes (Chromium, when pages are rendered). */
  browser?: number;
}

/** A run's lower bounds on its wall time, in ms, and the larger one, which the run is measured against. */
export interface CrawlBounds {
  /** The busiest host's requests at one start per pause (HostScheduler.politenessBound). */
  politenessMs: number;
  /**
   * The machine's: the main thread cannot run faster than its own CPU time, and the crawler, its
   * Chromium and the sandbox together cannot use more than the machine's cores.
   */
  machineMs: number;
  boundMs: number;
  governs: 'politeness' | 'machine';
}

/** The bounds of a run from its politeness bound, the CPU it used and the machine's cores. */
export function crawlBounds(politenessMs: number, cpu: CrawlCpu, cores: number): CrawlBounds {
  const machineMs = Math.max(cpu.mainThread, (cpu.crawler + (cpu.sandbox ?? 0) + (cpu.browser ?? 0)) / cores);
  return { politenessMs, machineMs, boundMs: Math.max(politenessMs, machineMs), governs: machineMs > politenessMs ? 'machine' : 'politeness' };
}

/** The sandbox's fastest: no pause between two requests to a host, 2 s pages, short backoffs. */
const FASTEST: Partial<CrawlOptions> = { timeoutMs: 2_000, homeAttemptGapMs: 200, backoffMs: 100, hostDelayMs: 0, perHost: 4, concurrency: 32, siteConcurrency: 8 };

/**
 * Crawl a sandbox of the given size once. Peak memory is sampled every 100 ms: the crawler's own
 * resident set, and the crawler with its Chromium processes (the sandbox's process left out).
 */
export async function benchCrawl(o: CrawlBench): Promise<{ summary: InspectSummary; peakRss: number; peakTree: number; peakTreePss: number | undefined; cpu: CrawlCpu; bounds: CrawlBounds }> {
  const args = ['--sites', String(o.sites), '--pages', String(o.pages), '--seed', String(o.seed), '--as-of', o.asOf, '--port', '0'];
  const child = fork(new URL('../../scripts/sandbox.ts', import.meta.url), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const { proxyUrl, caPem } = await new Promise<{ proxyUrl: string; caPem: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { proxyUrl: string; caPem: string }));
      child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const web = generateWeb({ sites: o.sites, pagesPerSite: o.pages, seed: o.seed, asOf: o.asOf });
    writeDemoRegistry(dir, web);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const tree = samplePeakRssInWorker(process.pid, 100, child.pid === undefined ? [] : [child.pid]);
    const cpu0 = { crawler: process.cpuUsage(), mainThread: process.threadCpuUsage(), sandbox: child.pid === undefined ? undefined : processCpuMs(child.pid) };
    const summary = await inspect({
      sites: loadRegistry(dir).sites,
      contentDir: dir,
      quarter: '2026-Q4',
      asOf: o.asOf,
      rulesConfig: loadRulesConfig(dir),
      dictionary: loadDictionary(dir),
      // The same web is generated here as in the sandbox's process, so its DNS answers here.
      resolver: sandboxResolver(web),
      options: resolveOptions({
        proxy: { http: proxyUrl, https: proxyUrl },
        extraCa: [caPem],
        ...(o.asCommand ? {} : FASTEST),
        render: o.render,
        attachments: o.attachments,
        ipv6: o.ipv6,
        ipv6Reference: 'http://www.gov.cn/',
        ...o.crawl,
      }),
    });
    const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    const sandbox1 = child.pid === undefined ? undefined : processCpuMs(child.pid);
    const crawlerMs = ms(process.cpuUsage(cpu0.crawler));
    clearInterval(sampler);
    const { peak, cpuMs: samplerMs, descendantsCpuMs } = await tree.stop();
    const cpu: CrawlCpu = {
      crawler: Math.round(crawlerMs - samplerMs),
      mainThread: Math.round(ms(process.threadCpuUsage(cpu0.mainThread))),
      ...(cpu0.sandbox !== undefined && sandbox1 !== undefined ? { sandbox: sandbox1 - cpu0.sandbox } : {}),
      ...(descendantsCpuMs > 0 ? { browser: descendantsCpuMs } : {}),
    };
    const bounds = crawlBounds(summary.politeness?.boundMs ?? 0, cpu, availableParallelism());
    return { summary, peakRss, peakTree: peak.total, peakTreePss: peak.pss, cpu, bounds };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
