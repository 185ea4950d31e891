// npm run record: one manual record from flags, and at a terminal the missing values asked for in
// Chinese (an inspector types 指标 by number from the list shown); npm run record:import: a CSV.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { quarterOf } from '../dates.ts';
import { InputError } from '../errors.ts';
import { indicatorsAbout } from '../inspector/catalogue/index.ts';
import type { Subject } from '../inspector/indicator.ts';
import type { ManualRecord } from '../schemas/manual.ts';
import { readBytes } from '../store/read.ts';
import { assertDraft } from '../workflow/draft.ts';
import { importRecords, importResultText } from '../workflow/record-import.ts';
import { addRecords, addResultText, type NewRecord } from '../workflow/record-write.ts';
import { contentArg, dateArg, parseFlags, type ArgDefaults } from './args.ts';
import { withContentLock } from '../store/lock.ts';


/** The flags as given; what is missing is asked for (at a terminal) or refused. */
export interface RecordFlags {
  contentDir: string;
  quarter?: string;
  subject?: { kind: Subject; id: string };
  indicator?: string;
  target?: string;
  points?: number;
  page?: string;
  screenshot?: string;
  inspector?: string;
  /** Given, or today. */
  date: string;
  evidence?: string;
}

/** A complete record to write. */
export interface RecordArgs {
  contentDir: string;
  quarter: string;
  record: NewRecord;
}

export const RECORD_USAGE = `Usage: npm run record -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --inspector 姓名 --evidence "…" [options]

Writes one inspector's record to content/manual/<quarter>/<subject>.<indicator>.<hash>.md and
re-scores the quarter. The file name follows from the subject, indicator and target, so recording
the same thing again replaces the earlier record. At a terminal, missing values are asked for.

  --quarter 2026-Q4      the quarter (required)
  --site ID              the website (content/sites.yaml); or
  --media ID             the new media account (content/media.yaml); or
  --unit ID              the responsible unit (content/units.yaml): exactly one of the three
  --indicator ID         manual indicator (src/inspector/catalogue/manual.ts) or, for a site, a crawl rule id
  --target TEXT          what is wrong, in a few words (the message, the service, the post)
  --points N             points for this finding (default: points.each in content/rules.yaml)
  --page URL             the page where it was seen
  --screenshot PATH      screenshot under public/, e.g. evidence/2026-Q4/linhe-message.png
  --inspector NAME       who recorded it (required)
  --date YYYY-MM-DD      when it was observed (default: today, Asia/Shanghai)
  --evidence TEXT        what was seen, in words (required)
  --content DIR          content folder (default: CONTENT_DIR, or content)
  -h, --help             this text`;

const STRING = { type: 'string' } as const;

/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseRecordFlags(argv: string[], d: ArgDefaults = {}): RecordFlags | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        quarter: STRING,
        site: STRING,
        media: STRING,
        unit: STRING,
        indicator: STRING,
        target: STRING,
        points: STRING,
        page: STRING,
        screenshot: STRING,
        inspector: STRING,
        date: STRING,
        evidence: STRING,
        content: STRING,
        help: { type: 'boolean', short: 'h' },
      },
    },
    RECORD_USAGE,
  );
  if (values.help) return undefined;
  const subjects = (['site', 'media', 'unit'] as const).filter((k) => values[k] !== undefined);
  if (subjects.length > 1) throw new InputError(`give only one of --site, --media and --unit (got ${subjects.map((k) => `--${k}`).join(', ')})`);
  const kind = subjects[0];
  const quarter = values.quarter;
  if (quarter !== undefined) checkQuarter(quarter);
  let points: number | undefined;
  if (values.points !== undefined) {
    if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(values.points)) throw new InputError(`--points must be a number ≥ 0, e.g. 4 or 0.5, got "${values.points}"`);
    points = Number(values.points);
  }
  const date = dateArg(values.date, d);
  // Blank values count as missing: at a terminal they are asked for, otherwise refused by name.
  const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const out: RecordFlags = { contentDir: contentArg(values.content, d), date };
  if (quarter !== undefined) out.quarter = quarter;
  if (kind && text(values[kind])) out.subject = { kind, id: text(values[kind])! };
  for (const k of ['indicator', 'target', 'page', 'screenshot', 'inspector', 'evidence'] as const) {
    const v = text(values[k]);
    if (v !== undefined) out[k] = v;
  }
  if (points !== undefined) out.points = points;
  return out;
}

function checkQuarter(quarter: string): void {
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter}"`);
}

/** Indicators a record about this subject may name: the manual ones first, then (for a site) the crawl rules. */
export function indicatorChoices(subject: Subject): Array<{ id: string; title: string }> {
  // Items only a person checks first: they are what an inspector records most.
  const about = indicatorsAbout(subject);
  return [...about.filter((d) => d.check === 'manual'), ...about.filter((d) => d.check === 'crawl')].map(({ id, title }) => ({ id, title }));
}

/** Asks one question at the terminal and gives the answer. */
export type Ask = (question: string) => Promise<string>;

const SUBJECT_FLAG = '--site (or --media, --unit)';

/**
 * Fill in what the flags leave out. With ask (a terminal), each missing value is asked for until
 * it is given; without, every missing flag is named in one InputError. onQuarter runs as soon as
 * the quarter is known (the published-quarter check), before anything else is asked.
 */
export async function completeRecord(flags: RecordFlags, ask?: Ask, onQuarter: (quarter: string) => void = () => {}): Promise<RecordArgs> {
  if (!ask) {
    const missing = [
      ['--quarter', flags.quarter],
      [SUBJECT_FLAG, flags.subject],
      ['--indicator', flags.indicator],
      ['--target', flags.target],
      ['--inspector', flags.inspector],
      ['--evidence', flags.evidence],
    ].flatMap(([flag, v]) => (v === undefined ? [flag as string] : []));
    if (missing.length) throw new InputError(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required (no terminal to ask at)\n\n${RECORD_USAGE}`);
  }
  // A refused answer asks again, saying why first (and without repeating a long list: again).
  const until = async (question: string, accept: (answer: string) => string | undefined, retry: string, again = question): Promise<string> => {
    for (let q = question; ; q = `${retry}\n${again}`) {
      const v = accept((await ask!(q)).trim());
      if (v !== undefined) return v;
    }
  };
  const given = (s: string) => (s ? s : undefined);
  const defaultQuarter = quarterOf(flags.date);
  const quarter = flags.quarter ?? (await until(`季度（直接回车为 ${defaultQuarter}）：`, (a) => (a === '' ? defaultQuarter : /^\d{4}-Q[1-4]$/.test(a) ? a : undefined), '季度的写法如 2026-Q4。'));
  onQuarter(quarter);
  const subject =
    flags.subject ??
    parseSubject(await until('检查对象：网站 id（新媒体账号写 media:<id>，单位写 unit:<id>）：', (a) => (a && parseSubject(a).id ? a : undefined), '请填写对象的 id，如 linhe 或 media:linhe-fabu。'));
  let indicator = flags.indicator;
  if (indicator === undefined) {
    const choices = indicatorChoices(subject.kind);
    const list = choices.map((c, i) => `  ${String(i + 1).padStart(2)}. ${c.id}  ${c.title}`).join('\n');
    const pick = (a: string) => (/^\d+$/.test(a) ? choices[Number(a) - 1]?.id : choices.find((c) => c.id === a)?.id);
    indicator = await until(`指标（填编号或 id）：\n${list}\n> `, pick, '请从上面的列表中选一个编号或 id。', '指标（填编号或 id）：');
  }
  const target = flags.target ?? (await until('问题（用一句话说明对象，如“2026-11-03 模拟咨询：社保卡补办”）：', given, '问题不能为空。'));
  const inspector = flags.inspector ?? (await until('检查人：', given, '检查人不能为空。'));
  const evidence = flags.evidence ?? (await until('证据（看到了什么）：', given, '证据不能为空。'));
  const data: ManualRecord = {
    ...(subject.kind === 'site' ? { site: subject.id } : subject.kind === 'media' ? { media: subject.id } : { unit: subject.id }),
    indicator,
    target,
    ...(flags.points !== undefined ? { points: flags.points } : {}),
    ...(flags.page ? { page: flags.page } : {}),
    ...(flags.screenshot ? { screenshot: flags.screenshot } : {}),
    inspector,
    date: flags.date,
  };
  return { contentDir: flags.contentDir, quarter, record: { data, evidence } };
}

/** linhe → a site; media:linhe-fabu and unit:linhe-bgs → an account and a unit. */
function parseSubject(answer: string): { kind: Subject; id: string } {
  const m = /^(site|media|unit)\s*[:：]\s*(.*)$/.exec(answer);
  return m ? { kind: m[1] as Subject, id: m[2]!.trim() } : { kind: 'site', id: answer.trim() };
}

/** Options of npm run record:import. */
export interface RecordImportArgs {
  contentDir: string;
  quarter: string;
  file: string;
}

export const RECORD_IMPORT_USAGE = `Usage: npm run record:import -- FILE.csv --quarter 2026-Q4 [--content DIR]

Imports inspectors' records from a spreadsheet saved as CSV (UTF-8, UTF-8 with BOM, or GBK as
Excel writes it on Chinese Windows), one record per row, then re-scores the quarter. Headers in
English or Chinese:
  site / 网站id, media / 新媒体账号id, unit / 单位id (one of the three per row),
  indicator / 指标, target / 问题, points / 扣分, page / 页面, screenshot / 截图,
  inspector / 检查人, date / 日期, evidence / 证据 / 问题描述
Other columns (序号, 网站名称…) are not read. Every bad row is reported as FILE.csv:LINE and
nothing is written until all are right. Importing the same row again replaces the same file.

  --quarter 2026-Q4      the quarter (required)
  --content DIR          content folder (default: CONTENT_DIR, or content)
  -h, --help             this text`;

/** Parse npm run record:import's argv; undefined for --help. */
export function parseRecordImportArgs(argv: string[], d: ArgDefaults = {}): RecordImportArgs | undefined {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { quarter: STRING, content: STRING, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n\n${RECORD_IMPORT_USAGE}`);
  }
  if (values.help) return undefined;
  if (positionals.length !== 1) throw new InputError(`give exactly one CSV file${positionals.length ? `, got ${positionals.join(' ')}` : ''}\n\n${RECORD_IMPORT_USAGE}`);
  if (values.quarter === undefined) throw new InputError(`--quarter is required\n\n${RECORD_IMPORT_USAGE}`);
  checkQuarter(values.quarter);
  if (values.content === '') throw new InputError('--content needs a folder');
  return { contentDir: contentArg(values.content, d), quarter: values.quarter, file: positionals[0]! };
}

/** npm run record: the record validated, written and the site's findings file re-scored, or nothing written. */
export async function recordCommand(argv: string[]): Promise<number> {
  const flags = parseRecordFlags(argv);
  if (!flags) {
    console.log(RECORD_USAGE);
    return 0;
  }
  // Only at a terminal is anyone there to answer; piped or scripted, a missing flag is an error.
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  let args;
  try {
    args = await completeRecord(flags, rl && ((q) => rl.question(q)), (quarter) => assertDraft(flags.contentDir, quarter, 'record'));
  } finally {
    rl?.close();
  }
  // The answers are asked without the lock; the quarter is checked again once it is held.
  const { contentDir, quarter, record } = args;
  const done = withContentLock(contentDir, `npm run record -- --quarter ${quarter}`, () => {
    assertDraft(contentDir, quarter, 'record');
    return addRecords(contentDir, quarter, [record]);
  });
  console.log(addResultText(done));
  return 0;
}

/** npm run record:import: every row checked before any is written. */
export function recordImportCommand(argv: string[]): number {
  const args = parseRecordImportArgs(argv);
  if (!args) {
    console.log(RECORD_IMPORT_USAGE);
    return 0;
  }
  const done = withContentLock(args.contentDir, `npm run record:import -- ${argv.join(' ')}`, () => {
    assertDraft(args.contentDir, args.quarter, 'record:import');
    return importRecords(args.contentDir, args.quarter, readBytes(args.file), args.file);
  });
  console.log(importResultText(done, args.file));
  return 0;
}
