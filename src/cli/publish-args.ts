// Command-line options of npm run publish, npm run correct and npm run check:published.
import { parseArgs } from 'node:util';
import { InputError } from '../store/yaml-file.ts';
import { contentArg, dateArg, type ArgDefaults } from './args.ts';


export interface PublishArgs {
  contentDir: string;
  quarter: string;
  date: string;
}

export interface CorrectArgs extends PublishArgs {
  what: string;
  why: string;
}

export interface CheckPublishedArgs {
  contentDir: string;
}


const CONTENT = '  --content DIR          content folder (default: CONTENT_DIR, or content)';

export const PUBLISH_USAGE = `Usage: npm run publish -- 2026-Q4 [options]

Marks the quarter published (status, published date, 成文日期 if absent) and writes
content/manifests/2026-Q4.sha256, which anyone can check with
  cd content && sha256sum -c manifests/2026-Q4.sha256

${CONTENT}
  --date YYYY-MM-DD      day of publication (default: today, Asia/Shanghai)
  -h, --help             this text`;

export const CORRECT_USAGE = `Usage: npm run correct -- 2026-Q4 --what "…" --why "…" [options]

After editing the files of a published quarter: records an erratum listing the files that
differ from its manifest, and signs the quarter again.

  --what TEXT            what changed, in words for the public (required)
  --why TEXT             why it changed (required)
${CONTENT}
  --date YYYY-MM-DD      day of the correction (default: today, Asia/Shanghai)
  -h, --help             this text`;

export const CHECK_PUBLISHED_USAGE = `Usage: npm run check:published [-- --content DIR]

Checks every published quarter against its manifest; exits 1 listing each difference.

${CONTENT}
  -h, --help             this text`;

const STRING = { type: 'string' } as const;
const HELP = { type: 'boolean', short: 'h' } as const;

/** node:util parseArgs with one positional at most; its errors become InputErrors with the usage. */
function parse<O extends Record<string, typeof STRING | typeof HELP>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n\n${usage}`);
  }
}

function quarterArg(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new InputError(`give exactly one quarter, e.g. 2026-Q4${positionals.length ? `, got ${positionals.join(' ')}` : ''}\n\n${usage}`);
  const quarter = positionals[0]!;
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`the quarter must look like 2026-Q4, got "${quarter}"`);
  return quarter;
}


/** Parse npm run publish's argv (without node and script); undefined for --help. */
export function parsePublishArgs(argv: string[], d: ArgDefaults = {}): PublishArgs | undefined {
  const { values, positionals } = parse(argv, { content: STRING, date: STRING, help: HELP }, PUBLISH_USAGE);
  if (values.help) return undefined;
  return { contentDir: contentArg(values.content, d), quarter: quarterArg(positionals, PUBLISH_USAGE), date: dateArg(values.date, d) };
}

/** Parse npm run correct's argv; --what and --why are required and not blank; undefined for --help. */
export function parseCorrectArgs(argv: string[], d: ArgDefaults = {}): CorrectArgs | undefined {
  const { values, positionals } = parse(argv, { content: STRING, date: STRING, what: STRING, why: STRING, help: HELP }, CORRECT_USAGE);
  if (values.help) return undefined;
  const quarter = quarterArg(positionals, CORRECT_USAGE);
  const what = values.what?.trim();
  const why = values.why?.trim();
  if (!what) throw new InputError(`--what "…" is required: what changed, in words for the public\n\n${CORRECT_USAGE}`);
  if (!why) throw new InputError(`--why "…" is required: why it changed\n\n${CORRECT_USAGE}`);
  return { contentDir: contentArg(values.content, d), quarter, date: dateArg(values.date, d), what, why };
}

/** Parse npm run check:published's argv; undefined for --help. */
export function parseCheckPublishedArgs(argv: string[], d: ArgDefaults = {}): CheckPublishedArgs | undefined {
  const { values, positionals } = parse(argv, { content: STRING, help: HELP }, CHECK_PUBLISHED_USAGE);
  if (values.help) return undefined;
  if (positionals.length) throw new InputError(`unexpected argument ${positionals.join(' ')}\n\n${CHECK_PUBLISHED_USAGE}`);
  return { contentDir: contentArg(values.content, d) };
}
