// npm run bench:monitor: the daily monitor over the sandbox as it changes day by day
// (sandbox/daily.ts), the sandbox in a process of its own: each day's wall time, peak memory, and the
// bytes of content/monitor after the first day (every site's standing problems opened at once) and
// after the last; from those, a year of records at a given number of sites.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { dayNumber, isoDay } from '../sandbox/dates.ts';
import { startSandboxProcess } from './sandbox-process.ts';
import type { Site } from '../schemas/registry.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { resolveOptions, type CrawlOptions } from '../inspector/gather/options.ts';
import { loadCalendar } from '../inspector/workdays.ts';
import { runMonitor } from '../workflow/monitor/daily.ts';
import { EVENT_COLUMNS } from '../schemas/monitor.ts';
import { samplePeakRss } from './proc-memory.ts';
import { readSiteEvents, serializeEventCsv } from '../store/monitor-records.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

export interface MonitorBenchInput {
  sites: number;
  pages: number;
  days: number;
  seed: number;
  asOf: string;
  /** Crawl options over the defaults (the proxy is the sandbox's). */
  options?: Partial<CrawlOptions>;
  /** Sites a year of records is worked out for. */
  yearAt: number;
}

export interface MonitorBenchResult {
  sites: number;
  days: number;
  /** Wall time of each day's pass, ms. */
  dayMs: number[];
  pages: number;
  requests: number;
  /** Pages not read again on later days: their lists date them before the window (monitor.articleDays). */
  olderNotRead: number;
  /** The process's peak resident memory, bytes (sampled every 200 ms). */
  peakRss: number;
  /**
   * The process tree's peak (this process, Chromium and its helpers; not the sandbox's process):
   * the summed proportional set size where the kernel gives it (memory the processes share counted
   * once), else the summed resident sets.
   */
  peakTree: number;
  /** Bytes of content/monitor after the first day, and after the last. */
  firstDayBytes: number;
  totalBytes: number;
  /**
   * A year at yearAt sites: the rows of the problems standing on the first day (their opening, their
   * reminders, their fixes) once, and the rows of the problems that opened later at their daily rate
   * for 364 days; the days file; scaled by sites.
   */
  yearBytes: number;
  events: number;
}

/** Bytes of the files under a folder. */
function bytesUnder(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) n += s.size;
  }
  return n;
}

/** Run the monitor day after day on the sandbox; the content folder is a temporary one, removed after. */
export async function benchMonitor(input: MonitorBenchInput): Promise<MonitorBenchResult> {
  const sandbox = await startSandboxProcess({ sites: input.sites, pagesPerSite: input.pages, seed: input.seed, asOf: input.asOf });
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitor-'));
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const tree = samplePeakRss(process.pid, 1_000, '/proc', () => performance.now(), [sandbox.pid]);
  try {
    for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join(CONTENT, f), join(dir, f));
    writeFileSync(join(dir, 'sites.yaml'), yaml.dump(sandbox.web.sites));
    writeFileSync(join(dir, 'units.yaml'), yaml.dump(sandbox.web.units));
    const base = {
      sites: sandbox.web.sites.map((s) => ({ ...s }) as Site),
      contentDir: dir,
      options: resolveOptions({ proxy: { http: sandbox.proxyUrl }, ...input.options }),
      rulesConfig: loadRulesConfig(dir),
      dictionary: loadDictionary(dir),
      calendar: loadCalendar(dir),
    };
    const dayMs: number[] = [];
    let pages = 0;
    let requests = 0;
    let olderNotRead = 0;
    let firstDayBytes = 0;
    let events = 0;
    for (let d = 0; d < input.days; d++) {
      const date = isoDay(dayNumber(input.asOf) + d);
      await sandbox.setDay(date);
      const s = await runMonitor({ ...base, date });
      dayMs.push(s.elapsedMs);
      pages += s.pages;
      requests += s.requests;
      olderNotRead += s.olderNotRead;
      events += s.day.opened + s.day.reopened + s.day.fixed + s.day.reminded;
      if (d === 0) firstDayBytes = bytesUnder(join(dir, 'monitor'));
    }
    const totalBytes = bytesUnder(join(dir, 'monitor'));
    // Each row's bytes as the file holds it, by whether its problem stood on the first day.
    let standing = 0;
    let later = 0;
    for (const s of base.sites) {
      const rows = readSiteEvents(dir, s.id);
      const first = new Map<string, string>();
      for (const e of rows) if (!first.has(e.problem)) first.set(e.problem, e.date);
      for (const e of rows) {
        const n = Buffer.byteLength(serializeEventCsv([e])) - Buffer.byteLength(`${EVENT_COLUMNS.join(',')}\n`);
        if (first.get(e.problem) === input.asOf) standing += n;
        else later += n;
      }
    }
    const perDayLater = input.days > 1 ? later / (input.days - 1) : 0;
    const headers = base.sites.length * Buffer.byteLength(`${EVENT_COLUMNS.join(',')}\n`);
    const yearBytes = Math.round(((standing + perDayLater * 364 + headers) * input.yearAt) / input.sites + 365 * 60);
    const peak = tree.stop();
    return { sites: input.sites, days: input.days, dayMs, pages, requests, olderNotRead, peakRss, peakTree: peak.pss ?? peak.total, firstDayBytes, totalBytes, yearBytes, events };
  } finally {
    clearInterval(timer);
    tree.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
