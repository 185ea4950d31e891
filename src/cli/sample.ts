// npm run sample (the quarter's spot-check draw): options, parsed and checked, and the command.
import { isIsoDate, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { quarterFilePath } from '../store/quarter-file.ts';
import { drawQuarterSample } from '../workflow/draw-sample.ts';
import { drawSummary } from '../workflow/sample.ts';
import { parseFlags, wholeNumber } from './args.ts';
import { withContentLock } from '../store/lock.ts';

export interface SampleArgs {
  contentDir: string;
  quarter: string;
  /** Share of the sites drawn, in (0, 1]. */
  ratio: number;
  seed: number;
  strata?: 'region' | 'unit';
  /** The drawn date recorded in the quarter file. */
  date: string;
}

export const SAMPLE_USAGE = `Usage: npm run sample -- --quarter 2026-Q4 --ratio 0.3 --seed N [options]

Draws the quarter's spot-check sample (抽查) from content/sites.yaml and records it under
sample: in content/quarters/<quarter>.md (which the office writes first). Each site is ranked by
the SHA-256 of "seed:id" and the first ⌈ratio × n⌉ are drawn (of each stratum, with --strata), so
anyone with the seed and the registry can draw it again. While the quarter is a draft a new draw
replaces the old one; a published quarter is refused. Crawl the sample with npm run crawl -- --sample.

  --quarter 2026-Q4      the quarter (required)
  --ratio 0.3            share of the sites to draw, more than 0 and at most 1 (required)
  --seed N               seed of the draw, a whole number, e.g. one announced in advance (required)
  --strata region|unit   draw separately in each region (sites without one: 本级) or each top-level unit
  --content DIR          content folder (default: content)
  --date YYYY-MM-DD      the drawn date recorded (default: today, Asia/Shanghai)
  -h, --help             this text`;

/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseSampleArgs(argv: string[], today = todayInShanghai()): SampleArgs | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        quarter: { type: 'string' },
        ratio: { type: 'string' },
        seed: { type: 'string' },
        strata: { type: 'string' },
        content: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    SAMPLE_USAGE,
  );
  if (values.help) return undefined;
  const missing = (['quarter', 'ratio', 'seed'] as const).filter((k) => values[k] === undefined);
  if (missing.length) throw new InputError(`${missing.map((k) => `--${k}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} required\n\n${SAMPLE_USAGE}`);
  const quarter = values.quarter!;
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter}"`);
  const ratio = Number(values.ratio);
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(values.ratio!) || !(ratio > 0 && ratio <= 1)) {
    throw new InputError(`--ratio must be a share more than 0 and at most 1, e.g. 0.3 for 30 %, got "${values.ratio}"`);
  }
  const seed = wholeNumber('seed', values.seed, 0)!;
  // Beyond 2^53 the number is rounded, so the seed recorded would not be the one typed.
  if (!Number.isSafeInteger(seed)) throw new InputError(`--seed must be at most ${Number.MAX_SAFE_INTEGER}, got "${values.seed}"`);
  const strata = values.strata;
  if (strata !== undefined && strata !== 'region' && strata !== 'unit') throw new InputError(`--strata must be region or unit, got "${strata}"`);
  const date = values.date ?? today;
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
  if (values.content === '') throw new InputError('--content needs a folder');
  return { contentDir: values.content ?? 'content', quarter, ratio, seed, ...(strata ? { strata } : {}), date };
}

/** npm run sample: the draw written into the quarter file, or left alone when it is the same. */
export function sampleCommand(argv: string[]): number {
  const args = parseSampleArgs(argv);
  if (!args) {
    console.log(SAMPLE_USAGE);
    return 0;
  }
  const params = { seed: args.seed, ratio: args.ratio, ...(args.strata ? { strata: args.strata } : {}) };
  const d = withContentLock(args.contentDir, `npm run sample -- ${argv.join(' ')}`, () => drawQuarterSample(args.contentDir, args.quarter, params, args.date));
  console.log(drawSummary(d.sample, d.strata, d.previous));
  if (!d.unchanged) console.log(`已写入 ${quarterFilePath(args.contentDir, args.quarter)} 的 sample；按抽样检查：npm run crawl -- --quarter ${args.quarter} --sample`);
  return 0;
}
