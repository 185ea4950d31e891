// npm run merge: take a quarter crawled in shards (npm run crawl -- --shard i/n on several runners)
// into the content folder, when every shard reported and every planned site has exactly one file.
import { InputError } from '../errors.ts';
import { withContentLock } from '../store/lock.ts';
import { planCrawl } from '../workflow/crawl-plan.ts';
import { mergeShards } from '../workflow/merge.ts';
import { mergeMonitorShards } from '../workflow/monitor/shards.ts';
import { loadRegistry } from '../store/registry.ts';
import { isIsoDate } from '../dates.ts';
import { MAX_SHARDS } from '../workflow/shard.ts';
import { contentArg, parseFlags, wholeNumber, type ArgDefaults } from './args.ts';

export interface MergeArgs {
  contentDir: string;
  /** The quarter crawled in shards; absent with --monitor. */
  quarter?: string;
  /** The day of a daily monitor pass run in shards (--monitor --date). */
  date?: string;
  shards: number;
  sample: boolean;
  from: string[];
}

export const MERGE_USAGE = `Usage: npm run merge -- --quarter 2026-Q4 --shards N [options] DIR...
       npm run merge -- --monitor --date 2026-11-21 --shards N [options] DIR...

Takes the findings of a quarter crawled in N shards (npm run crawl -- --shard i/N) from the runners'
folders DIR... (each a content folder, or an artifact holding its findings/ and shards/) into the
content folder. Refused, naming what is missing and writing nothing, unless every shard reported,
all for the same quarter and as-of date, and every site the quarter plans has exactly one file, in
its own shard, unchanged since its shard reported it.

  --quarter 2026-Q4      the quarter
  --monitor --date DAY   instead, a day's daily monitor run in N shards (npm run monitor -- --shard
                         i/N): each site's records from its shard, and the day's totals summed into
                         content/monitor/_days; then npm run digest sends the units' reminders
  --shards N             how many shards it was crawled in (required)
  --sample               the quarter's plan is its spot-check sample (as the shards were crawled)
  --content DIR          content folder (default: CONTENT_DIR, or content)
  -h, --help             this text`;

/** Parse argv (without node and script); undefined for --help. */
export function parseMergeArgs(argv: string[], d: ArgDefaults = {}): MergeArgs | undefined {
  const { values, positionals } = parseFlags(
    { args: argv, allowPositionals: true, options: { quarter: { type: 'string' }, monitor: { type: 'boolean' }, date: { type: 'string' }, shards: { type: 'string' }, sample: { type: 'boolean' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } },
    MERGE_USAGE,
  );
  if (values.help) return undefined;
  const quarter = values.quarter;
  const monitor = values.monitor === true;
  if (monitor && quarter !== undefined) throw new InputError(`--monitor merges a day, --quarter a quarter: give one of them\n\n${MERGE_USAGE}`);
  if (monitor && !isIsoDate(values.date ?? '')) throw new InputError(`--monitor needs --date YYYY-MM-DD, got "${values.date ?? ''}"\n\n${MERGE_USAGE}`);
  if (!monitor && values.date !== undefined) throw new InputError(`--date goes with --monitor\n\n${MERGE_USAGE}`);
  if (!monitor && (!quarter || !/^\d{4}-Q[1-4]$/.test(quarter))) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter ?? ''}"\n\n${MERGE_USAGE}`);
  const shards = wholeNumber('shards', values.shards, 1);
  if (shards === undefined || shards > MAX_SHARDS) throw new InputError(`--shards must be a whole number from 1 to ${MAX_SHARDS}, got "${values.shards ?? ''}"\n\n${MERGE_USAGE}`);
  if (positionals.length === 0) throw new InputError(`give the runners' folders to merge from\n\n${MERGE_USAGE}`);
  return { contentDir: contentArg(values.content, d), ...(monitor ? { date: values.date! } : { quarter: quarter! }), shards, sample: values.sample === true, from: positionals };
}

/** npm run merge: 0 when merged; an InputError (exit 2) when the quarter is incomplete. */
export async function mergeCommand(argv: string[]): Promise<number> {
  const args = parseMergeArgs(argv);
  if (!args) {
    console.log(MERGE_USAGE);
    return 0;
  }
  return withContentLock(args.contentDir, `npm run merge -- ${argv.join(' ')}`, () => {
    if (args.date) {
      // The daily monitor covers every registered site.
      const planned = loadRegistry(args.contentDir).sites.map((s) => s.id);
      const r = mergeMonitorShards(args.contentDir, args.date, args.shards, planned, args.from);
      console.log(`${args.date} 日常监测：${args.shards} 个分片全部到齐，${r.files} 个记录文件已写入 ${args.contentDir}/monitor/，当天合计 ${r.day.sites} 个网站（已检查 ${r.day.checked}，首页无法打开 ${r.day.unreachable}）；发送提醒：npm run digest -- --date ${args.date}`);
      return 0;
    }
    const quarter = args.quarter!;
    // The plan the shards were cut from: the registry's sites (or the sample), refused for a published quarter.
    const planned = planCrawl(args.contentDir, quarter, { sample: args.sample }).sites.map((s) => s.id);
    const r = mergeShards(args.contentDir, quarter, args.shards, planned, args.from);
    console.log(`${quarter}：${r.shards} 个分片全部到齐，${r.files} 个网站的检查结果已写入 ${args.contentDir}/findings/${quarter}/`);
    return 0;
  });
}
