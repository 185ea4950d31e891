// npm run monitor: the daily pass over every registered site, as of one day (default today in
// Asia/Shanghai). Each site's problems move on and its events are appended to
// content/monitor/<site>/<yyyy>.csv; the day's totals go to content/monitor/_days/<yyyy>.csv.
import { isIsoDate, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { systemResolver } from '../inspector/gather/dns.ts';
import { resolveOptions, type CrawlOptions } from '../inspector/gather/options.ts';
import { loadCalendar } from '../inspector/workdays.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { withContentLock } from '../store/lock.ts';
import { loadRegistry } from '../store/registry.ts';
import { isColumnEntity } from '../schemas/registry.ts';
import { loadDutyPlan } from '../store/duty.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { monitorConfigOf, runMonitor, type MonitorRunEvent, type MonitorSummary } from '../workflow/monitor/daily.ts';
import { parseFlags } from './args.ts';
import { inShard, parseShard, shardLabel, type Shard } from '../workflow/shard.ts';
import { monitorShardReportPath } from '../workflow/monitor/shards.ts';
import { networkOptions, NETWORK_FLAGS, onlyArg } from './crawl.ts';
import { textTable, untrustedVantageNotice } from './crawl-output.ts';
import { deliverDigests, mailSettings, reportText } from './digest.ts';

export interface MonitorArgs {
  contentDir: string;
  date: string;
  only?: string[];
  /** Only this shard of the registered sites; the day's totals go to the shard's report for npm run merge -- --monitor (--shard i/n). */
  shard?: Shard;
  options: Partial<CrawlOptions>;
}

export const MONITOR_USAGE = `Usage: npm run monitor -- [options]

The daily pass: every registered site's home page, column lists, newest articles and the pages of its
open problems, judged with the indicators listed under monitor: in content/rules.yaml. Problems open,
are fixed (only where the pass looked again), reopen and are reminded to the unit that keeps them.

  --content DIR          content folder (default: content)
  --date YYYY-MM-DD      the day (default: today, Asia/Shanghai); only a day after the last one
                         recorded, or the last one again (its rows are replaced)
  --only id,id           these site ids only
  --shard i/n            only shard i of n of the registered sites (the crawl's shards); the day's totals
                         go to content/shards/monitor/<date>/i-of-n.json for npm run merge -- --monitor,
                         and no digest is sent (npm run digest, after the merge)
  --concurrency N        requests in flight in the whole run (default 256)
  --per-host N           requests in flight per host (default 2)
  --site-concurrency N   sites read at once, fixed (default: 24 to start with, then more while few
                         requests wait for a slot, the event loop keeps time and the crawler's memory
                         is under 1.2 GB, up to 8 × --concurrency)
  --timeout SECONDS      time for one page (default 15, the national rule)
  --retries N            retries for network errors, 429 and 5xx (default 2)
  --render MODE          auto (default), always or never (static HTML only)
  --max-rendered N       pages rendered per site at most (default: monitor.maxRendered, 8; this
                         switch can only lower it)
  --vantage NAME         where this run checks from (default: GOV_PORTAL_VANTAGE)
  --ignore-robots        do not read robots.txt
  --allow-private        allow loopback and private addresses (intranet deployments)
  -h, --help             this text

Pages per site and depth: monitor.maxPages and monitor.maxDepth in content/rules.yaml; after a site's
first pass, articles its lists date more than monitor.articleDays before the day are not read again.
Proxies: HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.`;

/** Parse argv; throws InputError on bad input, returns undefined for --help. */
export function parseMonitorArgs(argv: string[], today = todayInShanghai()): MonitorArgs | undefined {
  const { values } = parseFlags({ args: argv, options: { content: { type: 'string' }, date: { type: 'string' }, shard: { type: 'string' }, ...NETWORK_FLAGS, help: { type: 'boolean', short: 'h' } } }, MONITOR_USAGE);
  if (values.help) return undefined;
  const date = values.date ?? today;
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
  const only = onlyArg(values.only);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && only) throw new InputError('--shard and --only cannot be used together: a shard is a share of the whole registry');
  return { contentDir: values.content ?? 'content', date, ...(only ? { only } : {}), ...(shard ? { shard } : {}), options: networkOptions(values) };
}

/** One line per site as it is done. */
function progress(stream: NodeJS.WriteStream = process.stderr): (e: MonitorRunEvent) => void {
  let done = 0;
  let total = 0;
  return (e) => {
    if (e.type === 'start') total = e.total;
    else if (e.type === 'site-error') stream.write(`[${++done}/${total}] ${e.site.id} 内部错误: ${e.message}\n`);
    else {
      const n = (k: string) => e.events.filter((x) => x.event === k).length;
      const what = e.state === 'unreachable' ? '首页无法打开' : '已检查';
      stream.write(`[${++done}/${total}] ${e.site.id} ${what}：新发现 ${n('open') + n('reopen')}，已整改 ${n('fixed')}，提醒 ${n('remind')}（${(e.ms / 1000).toFixed(1)} s）\n`);
    }
  };
}

/** The day's totals as a table. */
export function monitorSummaryTable(s: MonitorSummary): string {
  const d = s.day;
  return textTable([
    ['日期', '网站', '已检查', '首页无法打开', '未检查', '新发现', '再次出现', '已整改', '提醒', '页面', '旧文未重读', '请求', '用时'],
    [d.date, String(d.sites), String(d.checked), String(d.unreachable), String(d.not_checked), String(d.opened), String(d.reopened), String(d.fixed), String(d.reminded), String(s.pages), String(s.olderNotRead), String(s.requests), `${(s.elapsedMs / 1000).toFixed(1)} s`],
  ]);
}

/** npm run monitor: 0 when the day was recorded (and its digests sent), 1 when a site hit a bug, a duty plan column was never seen or a digest was not sent, 2 for bad input. */
export async function monitorCommand(argv: string[]): Promise<number> {
  const args = parseMonitorArgs(argv);
  if (!args) {
    console.log(MONITOR_USAGE);
    return 0;
  }
  return withContentLock(args.contentDir, `npm run monitor -- ${argv.join(' ')}`, () => monitorLocked(args), { transaction: false });
}

async function monitorLocked(args: MonitorArgs): Promise<number> {
  // Checked before the pass: a half-configured mail setting is refused before any request.
  const mail = args.shard ? undefined : mailSettings(process.env);
  const registry = loadRegistry(args.contentDir);
  const { sites } = registry;
  const plan = loadDutyPlan(args.contentDir, registry);
  const unknown = (args.only ?? []).filter((id) => !sites.some((s) => s.id === id));
  if (unknown.length) throw new InputError(`--only: no site with id ${unknown.join(', ')} in ${args.contentDir}/sites.yaml`);
  const rulesConfig = loadRulesConfig(args.contentDir);
  const summary = await runMonitor({
    sites: args.only ? sites.filter((s) => args.only!.includes(s.id)) : args.shard ? inShard(sites, args.shard) : sites,
    ...(args.shard ? { shard: args.shard } : {}),
    contentDir: args.contentDir,
    date: args.date,
    options: resolveOptions(args.options),
    rulesConfig,
    dictionary: loadDictionary(args.contentDir),
    calendar: loadCalendar(args.contentDir),
    resolver: systemResolver(),
    duty: { plan, units: registry.units },
    columnEntities: sites.filter(isColumnEntity),
    onEvent: progress(),
  });
  const config = monitorConfigOf(rulesConfig);
  console.log(`\n${args.date} 日常监测（${config.indicators.join('、')}），记录写入 ${args.contentDir}/monitor/\n`);
  console.log(monitorSummaryTable(summary));
  const untrusted = untrustedVantageNotice(rulesConfig.trustedVantages, args.options.vantage, args.contentDir);
  if (untrusted) console.log(`\n${untrusted}`);
  if (summary.internalErrors.length) {
    console.error(`\n${summary.internalErrors.length} 个网站检查时出现内部错误（程序缺陷，请报告；这些网站今天的问题未作变动）：`);
    for (const e of summary.internalErrors) console.error(`  ${e.site}: ${e.message}`);
  }
  if (summary.planErrors.length) {
    console.error(`\n${plan.file} 中有 ${summary.planErrors.length} 个栏目从未在所属网站上见到（名称或地址有误？其负责单位不会收到提醒）：\n  ${summary.planErrors.join('\n  ')}`);
  }
  if (args.shard) console.log(`\n分片 ${shardLabel(args.shard)}：当天合计写入 ${monitorShardReportPath(args.contentDir, args.date, args.shard)}；各分片合并（npm run merge -- --monitor --date ${args.date}）后再发送提醒（npm run digest）`);
  // After the records are written: a failed send is reported and can be sent again, never a lost day.
  const sent = mail ? await deliverDigests(args.contentDir, args.date, mail) : undefined;
  if (sent) console.log(`\n${reportText(args.date, sent)}`);
  return summary.internalErrors.length || summary.planErrors.length || sent?.failed.length ? 1 : 0;
}
