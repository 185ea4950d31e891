// npm run probe: its options, parsed and checked (bad values are configuration errors), and the
// command: one round of availability probes, or rounds at an interval until stopped.
import { InputError } from '../errors.ts';
import { resolveOptions, type CrawlOptions } from '../inspector/gather/options.ts';
import { PROBE_LIMIT_MS, probeLoop, roundLine } from '../inspector/gather/probe.ts';
import { loadRegistry } from '../store/registry.ts';
import { inShard, parseShard, type Shard } from '../workflow/shard.ts';
import { parseDuration, parseFlags, VANTAGE_ENV, vantageArg, wholeNumber } from './args.ts';

export interface ProbeArgs {
  contentDir: string;
  /** Probe only these site ids. */
  sites?: string[];
  /** Probe only this shard of the registered sites (--shard i/n, as the crawl's). */
  shard?: Shard;
  /** Keep running, one round every this many ms; absent: one round. */
  everyMs?: number;
  /** With everyMs: stop after this many rounds. */
  rounds?: number;
  options: Partial<CrawlOptions>;
}

/** Rounds at least this far apart: a probe is one request per site, and the rule asks for 20 a day. */
export const MIN_EVERY_MS = 60_000;

export const PROBE_USAGE = `Usage: npm run probe -- [options]

Fetches every registered home page once and adds the outcome to content/probes/<site-id>/<year>.csv
(one row per site, vantage and day, Asia/Shanghai). 站点无法访问 is judged on the week before the
as-of date: at least 20 probes a day, spread over the day (--every 72m gives 20).

  --content DIR         content folder (default: content)
  --sites id,id         probe only these site ids
  --shard i/n           probe only shard i of n of the registered sites (the crawl's shards: a site's
                        shard depends on its id alone); each runner's records are its own sites' files
  --every DURATION      keep running, one round every DURATION (e.g. 72m, 1h; at least 1m),
                        until SIGINT or SIGTERM; without it, one round and exit
  --rounds N            with --every: stop after N rounds
  --timeout DURATION    time for the home page, redirects and body (default 15s, the national
                        limit, which is also the most allowed; e.g. 10s, 500ms; a bare number is seconds)
  --concurrency N       home pages fetched at once (default 48; one per site)
  --allow-private       allow loopback and private addresses (intranet deployments)
  --vantage NAME        where this prober runs, recorded with every probe (default: ${VANTAGE_ENV});
                        when rules.yaml lists trustedVantages, only probes from those count
  -h, --help            this text

Proxies: HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.`;



/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseProbeArgs(argv: string[]): ProbeArgs | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        content: { type: 'string' },
        sites: { type: 'string' },
        shard: { type: 'string' },
        every: { type: 'string' },
        rounds: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        'allow-private': { type: 'boolean' },
        vantage: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    PROBE_USAGE,
  );
  if (values.help) return undefined;
  const everyMs = values.every === undefined ? undefined : parseDuration('every', values.every);
  if (everyMs !== undefined && everyMs < MIN_EVERY_MS) throw new InputError(`--every must be at least 1m (one request per site per minute at most), got "${values.every}"`);
  const rounds = wholeNumber('rounds', values.rounds, 1);
  if (rounds !== undefined && everyMs === undefined) throw new InputError('--rounds needs --every (without it, one round is run)');
  const timeoutMs = values.timeout === undefined ? undefined : parseDuration('timeout', values.timeout, 's');
  if (timeoutMs !== undefined && !(timeoutMs >= 1 && timeoutMs <= PROBE_LIMIT_MS)) {
    throw new InputError(`--timeout must be between 1ms and 15s (the national limit: a slower home page has not loaded), got "${values.timeout}"`);
  }
  const sites = values.sites
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (sites && sites.length === 0) throw new InputError('--sites needs at least one site id');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && sites) throw new InputError('--shard and --sites cannot be used together: a shard is a share of the whole registry');
  const options: Partial<CrawlOptions> = {};
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  // Its own default, not the crawl's: each probe times one home page, and 48 at once keep a busy
  // machine or proxy from adding to those times.
  options.concurrency = wholeNumber('concurrency', values.concurrency, 1) ?? 48;
  if (values['allow-private']) options.allowPrivate = true;
  const vantage = vantageArg(values.vantage, process.env[VANTAGE_ENV]);
  if (vantage) options.vantage = vantage;
  return {
    contentDir: values.content ?? 'content',
    ...(sites ? { sites } : {}),
    ...(shard ? { shard } : {}),
    ...(everyMs !== undefined ? { everyMs } : {}),
    ...(rounds !== undefined ? { rounds } : {}),
    options,
  };
}

/** The registered sites a probe run covers: all, the ids of --sites (an unknown one refused), or its shard's. */
export function probeSites<T extends { id: string }>(registered: readonly T[], args: Pick<ProbeArgs, 'sites' | 'shard' | 'contentDir'>): T[] {
  if (args.sites) {
    const unknown = args.sites.filter((id) => !registered.some((s) => s.id === id));
    if (unknown.length) throw new InputError(`--sites: no site with id ${unknown.join(', ')} in ${args.contentDir}/sites.yaml`);
    return registered.filter((s) => args.sites!.includes(s.id));
  }
  return args.shard ? inShard(registered, args.shard) : [...registered];
}

/** npm run probe: the first SIGINT or SIGTERM finishes the round's records and exits 0; a second leaves at once. */
export async function probeCommand(argv: string[]): Promise<number> {
  const args = parseProbeArgs(argv);
  if (!args) {
    console.log(PROBE_USAGE);
    return 0;
  }
  const sites = probeSites(loadRegistry(args.contentDir).sites, args);
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    console.error(`收到 ${signal}，写完本轮记录后退出（再按一次立即退出）`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await probeLoop({
      sites,
      contentDir: args.contentDir,
      options: resolveOptions(args.options),
      signal: stop.signal,
      ...(args.everyMs !== undefined ? { everyMs: args.everyMs } : {}),
      ...(args.rounds !== undefined ? { rounds: args.rounds } : {}),
      onRound: (s) => console.log(roundLine(s)),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return 0;
}
