// npm run publish, npm run correct and npm run check:published: options and commands.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.ts';
import { evidenceDirOf } from '../store/evidence.ts';
import { describeProblems, evidenceElsewhere, verifyPublished } from '../workflow/manifest.ts';
import { correctQuarter, publishQuarter } from '../workflow/publish.ts';
import { rescoreQuarter } from '../workflow/rescore.ts';
import { contentArg, dateArg, type ArgDefaults } from './args.ts';
import { withContentLock } from '../store/lock.ts';


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

/** npm run publish: records and review applied, then the quarter signed. */
export async function publishCommand(argv: string[]): Promise<number> {
  const args = parsePublishArgs(argv);
  if (!args) {
    console.log(PUBLISH_USAGE);
    return 0;
  }
  // Records and review are validated and applied before signing: what is published is what they say.
  const check = () => {
    const r = rescoreQuarter(args.contentDir, args.quarter);
    if (r.changed.length) console.log(`发布前按人工记录与复核结果重新计分：${r.changed.length} 个文件`);
  };
  const done = await withContentLock(args.contentDir, `npm run publish -- ${argv.join(' ')}`, () => publishQuarter({ ...args, check }));
  console.log(`${done.quarter} 已发布（${done.date}），签名 ${done.files.length} 个文件：${join(args.contentDir, done.manifest)}`);
  console.log(`任何人都可以核对：cd ${args.contentDir} && sha256sum -c ${done.manifest}`);
  console.log(`此后改动须运行 npm run correct -- ${done.quarter} --what "改了什么" --why "为什么改"，记录勘误。`);
  return 0;
}

/** npm run correct: the quarter re-scored, the erratum recorded, the quarter signed again. */
export async function correctCommand(argv: string[]): Promise<number> {
  const args = parseCorrectArgs(argv);
  if (!args) {
    console.log(CORRECT_USAGE);
    return 0;
  }
  // An edited record or review changes scores: the findings files follow before re-signing.
  const done = await withContentLock(args.contentDir, `npm run correct -- ${argv.join(' ')}`, () => correctQuarter({ ...args, rescore: () => void rescoreQuarter(args.contentDir, args.quarter) }));
  console.log(`${done.quarter} 已记录勘误（${done.erratum.date}），涉及 ${done.erratum.files.length} 个文件：`);
  for (const f of done.erratum.files) console.log(`  ${f}`);
  console.log(`已重新签名 ${done.files.length} 个文件：${join(args.contentDir, done.manifest)}`);
  return 0;
}

/** npm run check:published: exit 1, listing each changed, missing or unsigned file, when a published quarter differs from its manifest. */
export function checkPublishedCommand(argv: string[]): number {
  const args = parseCheckPublishedArgs(argv);
  if (!args) {
    console.log(CHECK_PUBLISHED_USAGE);
    return 0;
  }
  const problems = verifyPublished(args.contentDir);
  if (problems.length) {
    console.error(describeProblems(args.contentDir, problems));
    return 1;
  }
  console.log('已发布的通报与签名清单一致。');
  if (evidenceElsewhere(args.contentDir)) console.log(`截图未核对：EVIDENCE_URL 已设置而本机没有截图目录 ${evidenceDirOf(args.contentDir)}；请在存放截图的机器上以 EVIDENCE_DIR 指明目录后运行本命令。`);
  return 0;
}
