// npm run merge: take a quarter crawled in shards (npm run crawl -- --shard i/n on several runners)
// into the content folder, when every shard reported and every planned site has exactly one file.
import { InputError } from '../errors.ts';
import { withContentLock } from '../store/lock.ts';
import { planCrawl } from '../workflow/crawl-plan.ts';
import { mergeShards } from '../workflow/merge.ts';
import { MAX_SHARDS } from '../workflow/shard.ts';
import { contentArg, parseFlags, wholeNumber, type ArgDefaults } from './args.ts';

export interface MergeArgs {
  contentDir: string;
  quarter: string;
  shards: number;
  sample: boolean;
  from: string[];
}

export const MERGE_USAGE = `Usage: npm run merge -- --quarter 2026-Q4 --shards N [options] DIR...

Takes the findings of a quarter crawled in N shards (npm run crawl -- --shard i/N) from the runners'
folders DIR... (each a content folder, or an artifact holding its findings/ and shards/) into the
content folder. Refused, naming what is missing and writing nothing, unless every shard reported,
all for the same quarter and as-of date, and every site the quarter plans has exactly one file, in
its own shard, unchanged since its shard reported it.

  --quarter 2026-Q4      the quarter (required)
  --shards N             how many shards it was crawled in (required)
  --sample               the quarter's plan is its spot-check sample (as the shards were crawled)
  --content DIR          content folder (default: CONTENT_DIR, or content)
  -h, --help             this text`;

/** Parse argv (without node and script); undefined for --help. */
export function parseMergeArgs(argv: string[], d: ArgDefaults = {}): MergeArgs | undefined {
  const { values, positionals } = parseFlags(
    { args: argv, allowPositionals: true, options: { quarter: { type: 'string' }, shards: { type: 'string' }, sample: { type: 'boolean' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } },
    MERGE_USAGE,
  );
  if (values.help) return undefined;
  const quarter = values.quarter;
  if (!quarter || !/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter ?? ''}"\n\n${MERGE_USAGE}`);
  const shards = wholeNumber('shards', values.shards, 1);
  if (shards === undefined || shards > MAX_SHARDS) throw new InputError(`--shards must be a whole number from 1 to ${MAX_SHARDS}, got "${values.shards ?? ''}"\n\n${MERGE_USAGE}`);
  if (positionals.length === 0) throw new InputError(`give the runners' folders to merge from\n\n${MERGE_USAGE}`);
  return { contentDir: contentArg(values.content, d), quarter, shards, sample: values.sample === true, from: positionals };
}

/** npm run merge: 0 when merged; an InputError (exit 2) when the quarter is incomplete. */
export async function mergeCommand(argv: string[]): Promise<number> {
  const args = parseMergeArgs(argv);
  if (!args) {
    console.log(MERGE_USAGE);
    return 0;
  }
  return withContentLock(args.contentDir, `npm run merge -- ${argv.join(' ')}`, () => {
    // The plan the shards were cut from: the registry's sites (or the sample), refused for a published quarter.
    const planned = planCrawl(args.contentDir, args.quarter, { sample: args.sample }).sites.map((s) => s.id);
    const r = mergeShards(args.contentDir, args.quarter, args.shards, planned, args.from);
    console.log(`${args.quarter}：${r.shards} 个分片全部到齐，${r.files} 个网站的检查结果已写入 ${args.contentDir}/findings/${args.quarter}/`);
    return 0;
  });
}
