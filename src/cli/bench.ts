// npm run bench -- [--sites 40] [--pages 60] [--seed 1] [--as-of 2026-11-20] [--fastest]: crawl the sandbox and
// print throughput, its two lower bounds, the rules' share and peak memory (src/bench/crawl.ts).
import { isIsoDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { availableParallelism } from 'node:os';
import { benchCrawl, type CrawlBounds, type CrawlCpu } from '../bench/crawl.ts';
import type { InspectSummary } from '../inspector/inspect.ts';
import { benchMonitor } from '../bench/monitor.ts';
import { networkOptions, NETWORK_FLAGS } from './crawl.ts';
import { DAILY_SPAN } from '../sandbox/daily.ts';
import { formatBytes } from '../bench/proc-memory.ts';
import { importMeasureText, measureImport } from '../bench/record-import.ts';
import { RENDER_MODES, type RenderMode } from '../inspector/gather/options.ts';
import { parseFlags, wholeNumber } from './args.ts';

export const BENCH_USAGE = `Usage: npm run bench -- [options]
  --sites N          sandbox sites (default 40)
  --pages N          pages per site, at least 10 (default 60)
  --seed N           sandbox seed (default 1)
  --as-of DATE       the as-of date YYYY-MM-DD (default 2026-11-20)
  --render MODES     crawls to run, by --render mode, comma-separated (default auto,never)
  --attachments WAYS read, skip or read,skip: with and without reading attachments (default read)
  --ipv6 WAYS        on, off or on,off: with and without fetching the sites over IPv6 (default on)
  --fastest          the sandbox's fastest: no pause between two requests to a host, 8 sites at
                     once, 2 s pages (the crawler's own cost; the README's figures before issue 18).
                     Default: npm run crawl's own politeness and timings, as users run it
  --site-concurrency N, --concurrency N, --per-host N
                     the crawl's switches, on top
  -h, --help         this text

Each run prints two lower bounds on its wall time, and its wall time over the larger one:
  politeness  the busiest host's requests at one start per pause (no schedule can end sooner)
  machine     the CPU the crawl used: its main thread's own, or the crawler's and the sandbox's
              together over the machine's cores, whichever is larger`;

/** npm run bench. */
export async function benchCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    { args: argv, options: { sites: { type: 'string' }, pages: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' }, render: { type: 'string' }, attachments: { type: 'string' }, ipv6: { type: 'string' }, fastest: { type: 'boolean' }, 'site-concurrency': { type: 'string' }, concurrency: { type: 'string' }, 'per-host': { type: 'string' }, help: { type: 'boolean', short: 'h' } } },
    BENCH_USAGE,
  );
  if (values.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const asOf = values['as-of'] ?? '2026-11-20';
  if (!isIsoDate(asOf)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const sites = wholeNumber('sites', values.sites, 1) ?? 40;
  const pages = wholeNumber('pages', values.pages, 10) ?? 60;
  const modes = (values.render ?? 'auto,never').split(',').map((m) => m.trim());
  for (const m of modes) if (!(RENDER_MODES as readonly string[]).includes(m)) throw new InputError(`--render takes ${RENDER_MODES.join(', ')}, comma-separated; got "${m}"`);
  const seed = wholeNumber('seed', values.seed, 0) ?? 1;
  const ways = (values.attachments ?? 'read').split(',').map((w) => w.trim());
  for (const w of ways) if (w !== 'read' && w !== 'skip') throw new InputError(`--attachments takes read, skip or read,skip; got "${w}"`);
  const v6 = (values.ipv6 ?? 'on').split(',').map((w) => w.trim());
  for (const w of v6) if (w !== 'on' && w !== 'off') throw new InputError(`--ipv6 takes on, off or on,off; got "${w}"`);
  const given = { 'site-concurrency': values['site-concurrency'], concurrency: values.concurrency, 'per-host': values['per-host'] };
  const crawl = networkOptions(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  const asCommand = values.fastest !== true;
  for (const render of modes as RenderMode[]) for (const way of ways) for (const ip of v6) {
    const { summary, peakRss, peakTree, peakTreePss, cpu, bounds } = await benchCrawl({ sites, pages, seed, asOf, render, attachments: way === 'read', ipv6: ip === 'on', asCommand, crawl });
    const s = summary.elapsedMs / 1000;
    const rendered = summary.results.reduce((n, r) => n + (r.stats.rendered?.pages ?? 0), 0);
    console.log(`\n--render ${render}${way === 'skip' ? ' --skip-attachments' : ''}${ip === 'off' ? ' --no-ipv6' : ''}`);
    console.log(`sites ${sites}, pages/site ≤ ${pages}: ${summary.pages} pages, ${summary.links} distinct links, ${summary.requests} requests in ${s.toFixed(1)} s`);
    console.log(`pages/s ${(summary.pages / s).toFixed(1)}  links checked/s ${(summary.links / s).toFixed(1)}  requests/s ${(summary.requests / s).toFixed(1)}  sites at once ≤ ${summary.mostSitesAtOnce}`);
    console.log(boundsText(summary, cpu, bounds, availableParallelism()));
    console.log(`pages rendered in Chromium ${rendered} = ${summary.pages ? ((100 * rendered) / summary.pages).toFixed(1) : '0.0'} % of pages`);
    const docs = summary.results.reduce((n, r) => ({ read: n.read + (r.stats.attachments?.read ?? 0), unreadable: n.unreadable + (r.stats.attachments?.unreadable?.length ?? 0), bytes: n.bytes + (r.stats.attachments?.bytes ?? 0) }), { read: 0, unreadable: 0, bytes: 0 });
    if (way === 'read') console.log(`attachments read ${docs.read} (${formatBytes(docs.bytes)}), unreadable ${docs.unreadable}`);
    // Rules run synchronously on the one event loop, so their summed time is wall time taken from the crawl.
    console.log(`rules and scoring ${summary.rulesMs} ms = ${((summary.rulesMs / summary.elapsedMs) * 100).toFixed(1)} % of the run (issue 3 budget: < 20 %)`);
    const pss = peakTreePss === undefined ? '' : `, ${formatBytes(peakTreePss)} counting shared memory once (PSS)`;
    console.log(`peak RSS of the crawler ${formatBytes(peakRss)}; with its Chromium processes ${formatBytes(peakTree)} summed${pss} (sandbox in a separate process, not counted)`);
  }
  console.log('\nNote: the sandbox\'s seeded "never answers" links cost the 2 s bench timeout each (HEAD then GET).');
  return 0;
}

/** The run's two lower bounds, its CPU per page, and its wall time over the larger bound. */
export function boundsText(summary: Pick<InspectSummary, 'politeness' | 'elapsedMs' | 'pages'>, cpu: CrawlCpu, bounds: CrawlBounds, cores: number): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const p = summary.politeness;
  const lines = [
    p && p.boundMs > 0 ? `politeness lower bound ${s(p.boundMs)} (${p.host}: ${p.starts} requests, one start per pause)` : 'politeness lower bound 0 s (no pause between two requests to a host)',
    `machine lower bound ${s(bounds.machineMs)} (main thread's CPU ${s(cpu.mainThread)}; crawler ${s(cpu.crawler)}${cpu.browser === undefined ? '' : ` + Chromium ${s(cpu.browser)}`}${cpu.sandbox === undefined ? '' : ` + sandbox ${s(cpu.sandbox)}`} over ${cores} cores)`,
    `CPU per page: crawler ${summary.pages ? (cpu.crawler / summary.pages).toFixed(2) : '0'} ms, its main thread ${summary.pages ? (cpu.mainThread / summary.pages).toFixed(2) : '0'} ms`,
  ];
  if (bounds.boundMs > 0) lines.push(`wall time ${(summary.elapsedMs / bounds.boundMs).toFixed(2)}× the larger bound (${bounds.governs === 'politeness' ? 'politeness' : 'the machine'})`);
  return lines.join('\n');
}

export const BENCH_IMPORT_USAGE = `Usage: npm run bench:import -- [options]
  --rows N           records to import (default 100000)
  --content DIR      content folder to copy (default content/, the demo's)
  --keep             keep the working folder (node_modules/.cache/bench-import-*)
  -h, --help         this text`;

/** npm run bench:import: npm run record:import of N generated rows on a copy of the content, its time and peak memory. */
export async function benchImportCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { rows: { type: 'string' }, content: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, BENCH_IMPORT_USAGE);
  if (values.help) {
    console.log(BENCH_IMPORT_USAGE);
    return 0;
  }
  const m = await measureImport({ rows: wholeNumber('rows', values.rows, 1) ?? 100_000, ...(values.content ? { contentDir: values.content } : {}), keep: values.keep ?? false });
  console.log(importMeasureText(m));
  if (values.keep) console.log(`working folder: ${m.work}`);
  return m.exitCode === 0 ? 0 : 1;
}

export const BENCH_MONITOR_USAGE = `Usage: npm run bench:monitor -- [options]
  --sites N          sandbox sites (default 24)
  --pages N          pages per site, at least 10 (default 30)
  --days N           days from the as-of date, 1 to 30 (default 30)
  --seed N           sandbox seed (default 1)
  --year-at N        sites a year of records is worked out for (default 15000)
  --fast             no pause between two requests to a host, --render never, 2 s timeouts (the
                     monitor's own cost, not the politeness it waits for)
  and npm run monitor's network switches (--site-concurrency, --concurrency, --per-host, --render,
  --max-rendered …), on top of --fast when both are given
  -h, --help         this text`;

/** npm run bench:monitor: the daily pass day after day on the sandbox by day; time, memory and the records' size. */
export async function benchMonitorCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    { args: argv, options: { sites: { type: 'string' }, pages: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, 'year-at': { type: 'string' }, fast: { type: 'boolean' }, ...NETWORK_FLAGS, help: { type: 'boolean', short: 'h' } } },
    BENCH_MONITOR_USAGE,
  );
  if (values.help) {
    console.log(BENCH_MONITOR_USAGE);
    return 0;
  }
  const days = wholeNumber('days', values.days, 1) ?? 30;
  if (days > DAILY_SPAN) throw new InputError(`--days must be at most ${DAILY_SPAN} (the sandbox plans ${DAILY_SPAN} days), got ${days}`);
  const r = await benchMonitor({
    sites: wholeNumber('sites', values.sites, 1) ?? 24,
    pages: wholeNumber('pages', values.pages, 10) ?? 30,
    days,
    seed: wholeNumber('seed', values.seed, 0) ?? 1,
    asOf: '2026-11-20',
    yearAt: wholeNumber('year-at', values['year-at'], 1) ?? 15_000,
    options: {
      ...(values.fast ? { hostDelayMs: 0, render: 'never' as const, timeoutMs: 2_000, backoffMs: 100, homeAttemptGapMs: 200, siteConcurrency: 16, concurrency: 64 } : {}),
      ...networkOptions(values),
    },
  });
  const ms = [...r.dayMs].sort((a, b) => a - b);
  console.log(`${r.sites} sites, ${r.days} days${values.fast ? ' (--fast)' : ''}: ${r.pages} pages, ${r.requests} requests, ${r.events} events; ${r.olderNotRead} pages not read again (older than monitor.articleDays)`);
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  console.log(`a day's pass: ${r.days <= 7 ? `day by day ${r.dayMs.map(s).join(', ')}` : `first ${s(r.dayMs[0]!)}, median ${s(ms[Math.floor(ms.length / 2)]!)}, slowest ${s(ms.at(-1)!)}`}`);
  console.log(`peak memory: ${formatBytes(r.peakRss)} this process, ${formatBytes(r.peakTree)} the process tree with Chromium when it renders (shared pages once; the sandbox's own process left out)`);
  console.log(`records: ${formatBytes(r.firstDayBytes)} after the first day, ${formatBytes(r.totalBytes)} after ${r.days} days`);
  console.log(`a year at ${values['year-at'] ?? 15000} sites: ${formatBytes(r.yearBytes)} (the problems standing on the first day once, with their reminders and fixes; the problems that opened later at their daily rate for 364 days)`);
  return 0;
}
