// Availability probes: one round fetches every registered home page once and adds each outcome to
// that site's record of the day; a loop repeats rounds at a fixed rate until it is stopped.
// The core never prints: a round returns its summary, and `roundLine` words it for the terminal.
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { Site } from '../../schemas/registry.ts';
import { HttpClient } from './http.ts';
import { failureDetail, statusDetail } from './links.ts';
import type { CrawlOptions } from './options.ts';
import { todayInShanghai } from '../../dates.ts';
import { InputError } from '../../errors.ts';
import { probeFile, readProbeFile, recordProbes } from '../../store/probe-records.ts';

/** The national limit: a home page that has not loaded within 15 s counts as not opening. */
export const PROBE_LIMIT_MS = 15_000;

/**
 * ok and failed are recorded; skipped is not a probe at all (an address the run may not fetch, or a
 * site not reached before the run was stopped), so it neither helps nor harms the site.
 */
export type ProbeVerdict = 'ok' | 'failed' | 'skipped';

/** One probe of one home page. */
export interface ProbeResult {
  site: string;
  url: string;
  /** When the probe started. */
  at: Date;
  /** The Asia/Shanghai day of `at`: the record it goes into. */
  date: string;
  verdict: ProbeVerdict;
  /** Time to the end of the body, in ms. */
  elapsedMs: number;
  /** Evidence in Chinese, e.g. "HTTP 200", "HTTP 500", "连接超时（15 秒内未完成）". */
  detail: string;
}

/**
 * GET the home page once: failed when no answer came, the status is ≥ 400, or the whole answer
 * (redirects and body included) took longer than the time limit. A 403/412 to the inspector's
 * User-Agent is asked once more as a browser, as the crawl does: a site that turns away robots but
 * serves its visitors is up.
 */
export async function probeHome(http: HttpClient, site: Site, opts: CrawlOptions, now: () => Date = () => new Date()): Promise<ProbeResult> {
  const at = now();
  const base = { site: site.id, url: site.url, at, date: todayInShanghai(at) };
  let o = await http.fetch(site.url);
  let note = '';
  if (o.ok && (o.status === 403 || o.status === 412)) {
    const asBrowser = await http.fetch(site.url, { userAgent: opts.browserUserAgent });
    if (asBrowser.ok && asBrowser.status < 400) {
      note = `（对检查程序返回 HTTP ${o.status}，以浏览器标识访问正常）`;
      o = asBrowser;
    }
  }
  if (!o.ok) {
    const verdict = o.code === 'private-address' || o.code === 'unsupported-url' ? 'skipped' : 'failed';
    return { ...base, verdict, elapsedMs: o.elapsedMs, detail: verdict === 'skipped' ? o.message : failureDetail(o, opts.timeoutMs) };
  }
  if (o.status >= 400) return { ...base, verdict: 'failed', elapsedMs: o.elapsedMs, detail: statusDetail(o.status) };
  if (o.elapsedMs > opts.timeoutMs) {
    return { ...base, verdict: 'failed', elapsedMs: o.elapsedMs, detail: `HTTP ${o.status}，但用时 ${(o.elapsedMs / 1000).toFixed(1)} 秒，超过 ${opts.timeoutMs / 1000} 秒` };
  }
  return { ...base, verdict: 'ok', elapsedMs: o.elapsedMs, detail: `HTTP ${o.status}${note}` };
}

/** What a round needs. */
export interface ProbeRoundInput {
  sites: readonly Site[];
  contentDir: string;
  /** HTTP settings (resolveOptions): timeoutMs is the probe's limit, concurrency the home pages fetched at once, vantage recorded with every probe. */
  options: CrawlOptions;
  /** Once aborted, no further probe starts; those under way finish and the round is written. */
  signal?: AbortSignal;
  /** The clock (tests). */
  now?: () => Date;
}

/** What a round did. */
export interface RoundSummary {
  startedAt: Date;
  /** Where the round probed from (--vantage), when named. */
  vantage?: string;
  elapsedMs: number;
  /** One per site, sorted by site id. */
  results: ProbeResult[];
  /** Record files written. */
  files: string[];
  /** The round was stopped before every site was probed. */
  stopped: boolean;
}

/** The options a probe runs with: one try per probe (a retry would hide a failure), never longer than the national limit. */
export function probeOptions(options: CrawlOptions): CrawlOptions {
  if (options.timeoutMs > PROBE_LIMIT_MS) throw new InputError(`the probe time limit is at most ${PROBE_LIMIT_MS / 1000} s (the national rule), got ${options.timeoutMs / 1000} s`);
  return { ...options, retries: 0 };
}

/** One round: every site's home page once, then each outcome merged into content/probes. */
export async function probeRound(input: ProbeRoundInput): Promise<RoundSummary> {
  const opts = probeOptions(input.options);
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const t0 = performance.now();
  // A bad record file is a configuration error: say so before any request is made.
  const year = todayInShanghai(startedAt).slice(0, 4);
  const bad: string[] = [];
  for (const s of input.sites) {
    try {
      readProbeFile(probeFile(input.contentDir, s.id, year));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad.push(e.message);
    }
  }
  if (bad.length) throw new InputError(bad.join('\n'));

  const http = new HttpClient(opts);
  const limit = pLimit(opts.concurrency);
  let results: ProbeResult[];
  try {
    results = await Promise.all(
      input.sites.map((site) =>
        limit((): Promise<ProbeResult> => {
          if (input.signal?.aborted) {
            const at = now();
            return Promise.resolve({ site: site.id, url: site.url, at, date: todayInShanghai(at), verdict: 'skipped', elapsedMs: 0, detail: '运行已停止，未探测' });
          }
          return probeHome(http, site, opts, now);
        }),
      ),
    );
  } finally {
    await http.close();
  }
  results.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  const files = recordProbes(
    input.contentDir,
    results
      .filter((r) => r.verdict !== 'skipped')
      .map((r) => ({ site: r.site, date: r.date, ...(opts.vantage ? { vantage: opts.vantage } : {}), ok: r.verdict === 'ok', elapsedMs: r.elapsedMs })),
  );
  return { startedAt, ...(opts.vantage ? { vantage: opts.vantage } : {}), elapsedMs: Math.round(performance.now() - t0), results, files, stopped: input.signal?.aborted ?? false };
}

/** Rounds to run. */
export interface ProbeLoopInput extends ProbeRoundInput {
  /** Start a round every this many ms (fixed rate, from the first round's start); absent: one round only. */
  everyMs?: number;
  /** Stop after this many rounds; absent: until the signal. */
  rounds?: number;
  onRound?: (summary: RoundSummary) => void;
}

/**
 * Run rounds until `rounds` are done or the signal aborts; returns how many ran. Rounds start at
 * fixed times (first + k × every), so a slow round does not push the day's probes later; a round
 * that overran its slot skips to the next one instead of starting a burst.
 */
export async function probeLoop(input: ProbeLoopInput): Promise<number> {
  const { everyMs, signal } = input;
  if (everyMs !== undefined && !(everyMs > 0)) throw new Error(`everyMs must be positive, got ${everyMs}`);
  const maxRounds = everyMs === undefined ? 1 : (input.rounds ?? Infinity);
  const t0 = performance.now();
  let done = 0;
  while (done < maxRounds && !signal?.aborted) {
    const summary = await probeRound(input);
    done++;
    input.onRound?.(summary);
    if (done >= maxRounds || everyMs === undefined || signal?.aborted) break;
    const elapsed = performance.now() - t0;
    const next = (Math.floor(elapsed / everyMs) + 1) * everyMs;
    try {
      await sleep(next - elapsed, undefined, signal ? { signal } : {});
    } catch {
      break; // stopped while waiting
    }
  }
  return done;
}

/** Local time in Asia/Shanghai, YYYY-MM-DD HH:MM. */
function shanghaiMinute(d: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/** Failed sites named in the one-line summary; the rest are counted. */
const NAMED_FAILURES = 5;

/** One line for the terminal or the CI log. */
export function roundLine(s: RoundSummary): string {
  const ok = s.results.filter((r) => r.verdict === 'ok');
  const failed = s.results.filter((r) => r.verdict === 'failed');
  const skipped = s.results.filter((r) => r.verdict === 'skipped');
  const named = failed.slice(0, NAMED_FAILURES).map((r) => `${r.site} ${r.detail}`).join('；');
  const more = failed.length > NAMED_FAILURES ? `；等 ${failed.length} 个` : '';
  return [
    `${shanghaiMinute(s.startedAt)} ${s.vantage ? `从“${s.vantage}”` : ''}探测 ${s.results.length} 个网站首页：正常 ${ok.length}，失败 ${failed.length}`,
    failed.length ? `（${named}${more}）` : '',
    skipped.length ? `，未探测 ${skipped.length}` : '',
    `；用时 ${(s.elapsedMs / 1000).toFixed(1)} 秒，更新 ${s.files.length} 个记录文件`,
    s.stopped ? '；已收到停止信号' : '',
  ].join('');
}
