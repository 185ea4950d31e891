// npm run crawl: its options, parsed and checked (bad values are configuration errors), and the
// command: the workflow's plan (draft, sites, records, review), the crawl, the summary.
import { isIsoDate, quarterOf, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { systemResolver } from '../inspector/gather/dns.ts';
import { RENDER_MODES, resolveOptions, type CrawlOptions, type RenderMode } from '../inspector/gather/options.ts';
import { loadProbeWindows } from '../inspector/gather/probe-window.ts';
import { inspect } from '../inspector/inspect.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { evidenceDirOf } from '../store/evidence.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { planCrawl } from '../workflow/crawl-plan.ts';
import { openProblemsOn } from '../workflow/monitor/state.ts';
import { dutyAssignments, loadDutyPlan } from '../store/duty.ts';
import { loadRegistry } from '../store/registry.ts';
import { isColumnEntity } from '../schemas/registry.ts';
import { parseDuration, parseFlags, VANTAGE_ENV, vantageArg, wholeNumber } from './args.ts';
import { calendarGapNotice, progressReporter, screenshotNotice, summaryTable, untrustedVantageNotice } from './crawl-output.ts';
import { withContentLock } from '../store/lock.ts';
import { shardReportPath, writeShardReport } from '../workflow/merge.ts';
import { inShard, parseShard, shardLabel, type Shard } from '../workflow/shard.ts';
import type { DnsResolver } from '../inspector/snapshot.ts';

export interface CrawlArgs {
  contentDir: string;
  quarter: string;
  asOf: string;
  only?: string[];
  /** Inspect only the quarter's spot-check sample (content/quarters/<quarter>.md, sample.sites). */
  sample: boolean;
  /** Screenshots as evidence of the failing sites. */
  screenshots: boolean;
  /** Crawl only this shard of the planned sites, and report it for the merge (--shard i/n). */
  shard?: Shard;
  options: Partial<CrawlOptions>;
}

export const CRAWL_USAGE = `Usage: npm run crawl -- [options]

  --content DIR          content folder (default: content)
  --as-of YYYY-MM-DD     监测时间点, the date every window is measured from (default: today, Asia/Shanghai)
  --quarter 2026-Q4      quarter to file the results under (default: the as-of date's quarter)
  --only id,id           inspect only these site ids
  --sample               inspect only the quarter's spot-check sample (drawn by npm run sample);
                         with --only, only those ids of the sample (ids outside it are refused)
  --shard i/n            crawl only shard i of n of the planned sites (a site's shard depends on its id
                         alone) and write content/shards/<quarter>/i-of-n.json for npm run merge
  --concurrency N        requests in flight in the whole run (default 256)
  --per-host N           requests in flight per host (default 2)
  --host-delay DURATION  pause between two requests that start on one host (default 200ms; e.g. 1s)
  --site-concurrency N   sites crawled at once, fixed (default: 24 to start with, then more while few
                         requests wait for a slot, the event loop keeps time and the crawler's memory
                         is under 1.2 GB, up to 8 × --concurrency)
  --max-pages N          same-site pages per site (default 500)
  --max-depth N          link depth from the home page (default 3)
  --timeout SECONDS      time for one page, headers and body (default 15, the national rule)
  --site-budget MINUTES  time for one site (default 20): then no new page or link; the file says what was cut
  --max-link-checks N    link targets checked per site (default 5000); the rest are counted, not judged
  --retries N            retries for network errors, 429 and 5xx (default 2)
  --max-attachments N    same-site attachments (xlsx, docx, pdf, csv, xls, doc) read per site for
                         personal data (default 20; each at most 20 MB, 20 s and 384 MB of memory)
  --skip-attachments     read no attachment (personal data is then judged on pages only)
  --no-ipv6              fetch nothing over IPv6 (IPv6 is then judged on the AAAA record alone)
  --ipv6-reference URL   a page that answers over IPv6 wherever IPv6 works (default https://www.gov.cn/):
                         until it answers, no site is measured over IPv6
  --render MODE          pages rendered in Chromium: auto (default: pages whose lists, footer marks,
                         search or redirect scripts write), always, or never (static HTML only)
  --max-rendered N       pages rendered per site at most (default 30); more are read statically
  --audit-pages N        pages per site checked by axe-core for accessibility (default 4: the home page
                         and the list pages of its first three columns; 0: none; needs rendering)
  --screenshots          screenshots as evidence: for each failing site, its vetoes' and deductions'
                         pages with the element outlined (up to 12 a site, each ≤ 150 KB), written
                         to public/evidence/<quarter>/<site>/ (EVIDENCE_DIR: a folder of its own)
  --vantage NAME         where this run checks from (default: GOV_PORTAL_VANTAGE); when rules.yaml lists
                         trustedVantages and NAME is not one, network failures are not judged
  --ignore-robots        do not read robots.txt (for the supervising office's own inspections)
  --allow-private        allow loopback and private addresses (intranet deployments)
  -h, --help             this text

Proxies: HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.`;


/** The switches of the crawl's network and rendering that the crawl and the daily monitor share. */
export const NETWORK_FLAGS = {
  only: { type: 'string' },
  concurrency: { type: 'string' },
  'per-host': { type: 'string' },
  'host-delay': { type: 'string' },
  'site-concurrency': { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  render: { type: 'string' },
  'max-rendered': { type: 'string' },
  vantage: { type: 'string' },
  'ignore-robots': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
} as const;

/** --only id,id as a list of ids (undefined when absent). */
export function onlyArg(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The crawl options NETWORK_FLAGS give; a bad value is an InputError naming its switch. */
export function networkOptions(values: Partial<Record<keyof typeof NETWORK_FLAGS, string | boolean>>): Partial<CrawlOptions> {
  const str = (k: keyof typeof NETWORK_FLAGS) => (typeof values[k] === 'string' ? values[k] : undefined);
  const options: Partial<CrawlOptions> = {};
  const set = <K extends keyof CrawlOptions>(k: K, v: CrawlOptions[K] | undefined) => {
    if (v !== undefined) options[k] = v;
  };
  const timeout = str('timeout') === undefined ? undefined : Number(str('timeout'));
  if (timeout !== undefined && !(timeout > 0 && timeout <= 300)) throw new InputError(`--timeout must be seconds between 0 and 300, got "${str('timeout')}"`);
  set('concurrency', wholeNumber('concurrency', str('concurrency'), 1));
  set('perHost', wholeNumber('per-host', str('per-host'), 1));
  const delay = str('host-delay');
  if (delay !== undefined) {
    const ms = parseDuration('host-delay', delay, 'ms');
    if (ms > 60_000) throw new InputError(`--host-delay must be at most 60s, got "${delay}"`);
    set('hostDelayMs', ms);
  }
  set('siteConcurrency', wholeNumber('site-concurrency', str('site-concurrency'), 1));
  set('retries', wholeNumber('retries', str('retries'), 0));
  set('timeoutMs', timeout === undefined ? undefined : Math.round(timeout * 1000));
  set('maxRendered', wholeNumber('max-rendered', str('max-rendered'), 0));
  const render = str('render');
  if (render !== undefined) {
    if (!(RENDER_MODES as readonly string[]).includes(render)) throw new InputError(`--render must be one of ${RENDER_MODES.join(', ')}, got "${render}"`);
    options.render = render as RenderMode;
  }
  const vantage = vantageArg(str('vantage'), process.env[VANTAGE_ENV]);
  if (vantage) options.vantage = vantage;
  if (values['ignore-robots'] === true) options.robots = false;
  if (values['allow-private'] === true) options.allowPrivate = true;
  return options;
}

/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseCrawlArgs(argv: string[], today = todayInShanghai()): CrawlArgs | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        content: { type: 'string' },
        'as-of': { type: 'string' },
        quarter: { type: 'string' },
        sample: { type: 'boolean' },
        shard: { type: 'string' },
        ...NETWORK_FLAGS,
        'max-pages': { type: 'string' },
        'max-depth': { type: 'string' },
        'site-budget': { type: 'string' },
        'max-link-checks': { type: 'string' },
        'max-attachments': { type: 'string' },
        'audit-pages': { type: 'string' },
        'skip-attachments': { type: 'boolean' },
        'no-ipv6': { type: 'boolean' },
        'ipv6-reference': { type: 'string' },
        screenshots: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    CRAWL_USAGE,
  );
  if (values.help) return undefined;
  const asOf = values['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const quarter = values.quarter ?? quarterOf(asOf);
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter}"`);
  const only = onlyArg(values.only);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && only) throw new InputError('--shard and --only cannot be used together: a shard is a share of the whole plan');
  const options = networkOptions(values);
  const set = <K extends keyof CrawlOptions>(k: K, v: CrawlOptions[K] | undefined) => {
    if (v !== undefined) options[k] = v;
  };
  set('maxPages', wholeNumber('max-pages', values['max-pages'], 1));
  set('maxDepth', wholeNumber('max-depth', values['max-depth'], 0));
  const budget = values['site-budget'] === undefined ? undefined : Number(values['site-budget']);
  if (budget !== undefined && !(budget > 0 && budget <= 24 * 60)) throw new InputError(`--site-budget must be minutes between 0 and 1440, got "${values['site-budget']}"`);
  set('siteBudgetMs', budget === undefined ? undefined : Math.round(budget * 60_000));
  set('maxLinkChecks', wholeNumber('max-link-checks', values['max-link-checks'], 1));
  set('maxAttachments', wholeNumber('max-attachments', values['max-attachments'], 0));
  set('auditPages', wholeNumber('audit-pages', values['audit-pages'], 0));
  if (values['skip-attachments'] === true) options.attachments = false;
  if (values['no-ipv6'] === true) options.ipv6 = false;
  const reference = values['ipv6-reference'];
  if (reference !== undefined) {
    if (!/^https?:\/\/[^/\s]+/.test(reference)) throw new InputError(`--ipv6-reference must be an http(s) URL, got "${reference}"`);
    options.ipv6Reference = reference;
  }
  return { contentDir: values.content ?? 'content', quarter, asOf, ...(only ? { only } : {}), ...(shard ? { shard } : {}), sample: values.sample === true, screenshots: values.screenshots === true, options };
}

/** npm run crawl: exit 0 when the run completed, whatever the sites did; 1 when a site hit a bug. */
export async function crawlCommand(argv: string[]): Promise<number> {
  const args = parseCrawlArgs(argv);
  if (!args) {
    console.log(CRAWL_USAGE);
    return 0;
  }
  // One writer at a time: records, reviews and publication of this content folder wait for the crawl.
  return withContentLock(args.contentDir, `npm run crawl -- ${argv.join(' ')}`, () => runCrawl(args), { transaction: false });
}

/**
 * The crawl of a quarter as the command runs it (inside its content lock). `resolver` answers the
 * IPv6 checks' DNS queries (the system's by default; tests give the sandbox's).
 */
export async function runCrawl(args: CrawlArgs, { resolver = systemResolver() }: { resolver?: DnsResolver } = {}): Promise<number> {
  const plan = planCrawl(args.contentDir, args.quarter, args);
  const planned = plan.sites.length;
  if (args.shard) {
    plan.sites = inShard(plan.sites, args.shard);
    console.log(`分片 ${shardLabel(args.shard)}：检查 ${plan.sites.length} 个网站（共 ${planned} 个）`);
  }
  if (args.sample) console.log(`${args.quarter} 抽查：检查 ${plan.sites.length} 个网站（注册 ${plan.registered} 个）`);
  // Not refused (a full check of a sampled quarter can be wanted), but publish will only take the sample's files.
  if (plan.unsampledDraw !== undefined) console.warn(`注意：${args.quarter} 已抽样（${plan.unsampledDraw} 个网站），本次未加 --sample；发布时样本以外网站的结果须先删除。`);
  const rulesConfig = loadRulesConfig(args.contentDir);
  const dictionary = loadDictionary(args.contentDir);
  // Read before any request: a bad probe record is a configuration error (exit 2), not a site's failure.
  const windows = loadProbeWindows(args.contentDir, plan.sites.map((s) => s.id), args.asOf, rulesConfig.trustedVantages);
  const monitored = openProblemsOn(args.contentDir, plan.sites, args.asOf);
  const registry = loadRegistry(args.contentDir);
  const duty = dutyAssignments(loadDutyPlan(args.contentDir, registry), registry.units);
  const progress = progressReporter();
  const summary = await inspect({
    sites: plan.sites,
    contentDir: args.contentDir,
    quarter: args.quarter,
    asOf: args.asOf,
    options: resolveOptions(args.options),
    rulesConfig,
    dictionary,
    resolver,
    probes: (site) => windows.get(site.id),
    monitored: (site) => monitored.get(site.id),
    duty: (site) => duty.get(site.id),
    columnEntities: registry.sites.filter(isColumnEntity),
    websites: registry.sites.filter((s) => !isColumnEntity(s)),
    manual: plan.manual,
    review: plan.review,
    screenshots: args.screenshots,
    onEvent: progress.onEvent,
  });
  progress.stop();
  console.log(`\n${args.quarter} 监测时间点 ${args.asOf}，结果写入 ${args.contentDir}/findings/${args.quarter}/\n`);
  // The shard's report: what the merge checks before it takes this runner's files.
  if (args.shard) console.log(`分片报告写入 ${shardReportPath(args.contentDir, args.quarter, args.shard)}（${Object.keys(writeShardReport(args.contentDir, args.quarter, args.asOf, args.shard, plan.sites.map((s) => s.id)).files).length} 个网站）\n`);
  console.log(summaryTable(summary));
  if (summary.screenshots) console.log(`\n${screenshotNotice(summary.screenshots, evidenceDirOf(args.contentDir))}`);
  if (summary.calendarGap) console.log(`\n${calendarGapNotice(summary.calendarGap, args.contentDir)}`);
  const untrusted = untrustedVantageNotice(rulesConfig.trustedVantages, args.options.vantage, args.contentDir);
  if (untrusted) console.log(`\n${untrusted}`);
  // A rule that threw left its indicator unjudged on those sites (a veto may be missed): never a quiet 0.
  for (const e of summary.ruleErrors) {
    const shown = e.sites.slice(0, 10).join('、') + (e.sites.length > 10 ? ` 等 ${e.sites.length} 个网站` : '');
    console.error(`\n规则 ${e.indicator} 执行出错，这些网站的该项未作判断：${shown}\n  ${e.message}`);
  }
  if (summary.internalErrors.length) {
    console.error(`\n${summary.internalErrors.length} 个网站检查时出现内部错误（程序缺陷，请报告）：`);
    for (const e of summary.internalErrors) console.error(`  ${e.site}: ${e.message}`);
  }
  return summary.internalErrors.length || summary.ruleErrors.length ? 1 : 0;
}
