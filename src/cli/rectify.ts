// npm run rectify: re-check the problems a published notice named (整改复核), on the deadline and
// after it, and print what each unit's problems came to.
import { isIsoDate, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { systemResolver } from '../inspector/gather/dns.ts';
import { resolveOptions, type CrawlOptions } from '../inspector/gather/options.ts';
import { loadCalendar } from '../inspector/workdays.ts';
import { RECTIFICATION_NAMES, RECTIFICATION_STATES } from '../schemas/rectification.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { loadDutyPlan, dutyAssignments } from '../store/duty.ts';
import { withContentLock } from '../store/lock.ts';
import { publishedQuarters, readQuarterFile } from '../store/quarter-file.ts';
import { addDays } from '../inspector/workdays.ts';
import { byUnit, deadlineOf, readRechecks, readRectifyReplies, rectifications } from '../store/rectification.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { publishedProblems, runRectify } from '../workflow/rectify.ts';
import { loadReview } from '../workflow/review.ts';
import { parseFlags } from './args.ts';
import { networkOptions, NETWORK_FLAGS, onlyArg } from './crawl.ts';
import { textTable } from './crawl-output.ts';

export interface RectifyArgs {
  contentDir: string;
  /** The quarter, or 'due': every published quarter whose deadline is the day or DUE_AFTER days before it. */
  quarter: string;
  date: string;
  only?: string[];
  options: Partial<CrawlOptions>;
}

export const RECTIFY_USAGE = `Usage: npm run rectify -- --quarter 2026-Q3 [options]
       npm run rectify -- --due [options]

Re-check the problems the published notice of a quarter named (整改复核): each named site is crawled
with the quarter's rules, the pages of its named problems read again, and each problem recorded as
gone, still there or not judged in content/rectification/<quarter>.csv. Run it on the notice's
deadline (rectifyBy in content/quarters/<quarter>.md, else rules.yaml rectification.workdays after
publication) and again later: a problem gone at the deadline's re-check is 已整改, gone only later
逾期整改, still there 未整改. Units answer with npm run review -- --reply (shown beside the result).

  --quarter YYYY-Qn      the published quarter
  --due                  every published quarter whose deadline is the day, or 7, 14, 21 or 28 days
                         before it (the scheduled workflow's daily call; nothing due is not an error)
  --content DIR          content folder (default: content)
  --date YYYY-MM-DD      the day of the re-check (default: today, Asia/Shanghai); a re-run of a day replaces its rows
  --only id,id           these site ids only
  (the network switches of npm run crawl: --concurrency, --per-host, --timeout, --render, --vantage …)
  -h, --help             this text`;

/** Parse argv; throws InputError on bad input, returns undefined for --help. */
export function parseRectifyArgs(argv: string[], today = todayInShanghai()): RectifyArgs | undefined {
  const { values } = parseFlags({ args: argv, options: { quarter: { type: 'string' }, due: { type: 'boolean' }, content: { type: 'string' }, date: { type: 'string' }, ...NETWORK_FLAGS, help: { type: 'boolean', short: 'h' } } }, RECTIFY_USAGE);
  if (values.help) return undefined;
  if ((values.quarter === undefined) === !values.due) throw new InputError(`give one of --quarter and --due\n\n${RECTIFY_USAGE}`);
  if (values.quarter !== undefined && !/^\d{4}-Q[1-4]$/.test(values.quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${values.quarter}"`);
  const date = values.date ?? today;
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
  const only = onlyArg(values.only);
  return { contentDir: values.content ?? 'content', quarter: values.quarter ?? 'due', date, ...(only ? { only } : {}), options: networkOptions(values) };
}

/** 整改情况 of a quarter as of a day, per unit: the lines the command prints. */
export function rectificationText(contentDir: string, quarter: string, today: string): string {
  const q = readQuarterFile(contentDir, quarter)!;
  const calendar = loadCalendar(contentDir);
  const deadline = deadlineOf(q, loadRulesConfig(contentDir), calendar);
  if (!deadline) return `${quarter} 通报未设整改期限（content/quarters/${quarter}.md 的 rectifyBy，或 rules.yaml 的 rectification.workdays），不判定整改情况。`;
  const list = rectifications(publishedProblems(contentDir, quarter), readRechecks(contentDir, quarter), [...loadReview(contentDir, quarter).replies, ...readRectifyReplies(contentDir, quarter)], deadline, today);
  const units = new Map(loadRegistry(contentDir).units.map((u) => [u.id, u.name]));
  const rows = byUnit(list).map((u) => [units.get(u.unit) ?? u.unit, String(u.named), ...RECTIFICATION_STATES.map((s) => String(u.counts[s]))]);
  return `${quarter} 通报问题整改情况（整改期限 ${deadline}，截至 ${today}）\n\n${textTable([['单位', '通报问题', ...RECTIFICATION_STATES.map((s) => RECTIFICATION_NAMES[s])], ...rows])}`;
}

/** Days after a deadline on which --due re-checks again: the deadline itself, then weekly for four weeks. */
export const DUE_AFTER = [0, 7, 14, 21, 28] as const;

/** The published quarters whose deadline is `date` or DUE_AFTER days before it. */
export function dueQuarters(contentDir: string, date: string): string[] {
  return [...publishedQuarters(contentDir)].sort().filter((q) => {
    const by = readQuarterFile(contentDir, q)?.rectifyBy;
    return by !== undefined && DUE_AFTER.some((n) => addDays(by, n) === date);
  });
}

/** npm run rectify: 0 when the day's re-checks were recorded (or none was due), 1 when a site hit a bug, 2 for bad input. */
export async function rectifyCommand(argv: string[]): Promise<number> {
  const args = parseRectifyArgs(argv);
  if (!args) {
    console.log(RECTIFY_USAGE);
    return 0;
  }
  if (args.quarter !== 'due') return rectifyQuarter(args);
  const due = dueQuarters(args.contentDir, args.date);
  if (due.length === 0) console.log(`${args.date} 没有到整改期限或期限后复核日的通报。`);
  let code = 0;
  for (const quarter of due) code = Math.max(code, await rectifyQuarter({ ...args, quarter }));
  return code;
}

async function rectifyQuarter(args: RectifyArgs): Promise<number> {
  return withContentLock(args.contentDir, `npm run rectify -- --quarter ${args.quarter} --date ${args.date}`, async () => {
    const registry = loadRegistry(args.contentDir);
    const duty = dutyAssignments(loadDutyPlan(args.contentDir, registry), registry.units);
    const s = await runRectify({
      contentDir: args.contentDir,
      quarter: args.quarter,
      date: args.date,
      sites: registry.sites,
      ...(args.only ? { only: args.only } : {}),
      options: resolveOptions(args.options),
      rulesConfig: loadRulesConfig(args.contentDir),
      dictionary: loadDictionary(args.contentDir),
      calendar: loadCalendar(args.contentDir),
      resolver: systemResolver(),
      duty: (site) => duty.get(site.id),
    });
    const count = (state: string) => s.rows.filter((r) => r.state === state).length;
    console.log(`${args.date} 复核 ${s.rows.length} 个通报问题：已消除 ${count('fixed')} 个，仍存在 ${count('open')} 个，无法判定 ${count('unjudged')} 个；记录写入 ${s.file}\n`);
    console.log(rectificationText(args.contentDir, args.quarter, args.date));
    if (s.missing.length) console.error(`\n名录中已没有这些网站，其问题无法复核：${s.missing.join('、')}`);
    if (s.internalErrors.length) {
      console.error(`\n${s.internalErrors.length} 个网站复核时出现内部错误（程序缺陷，请报告；这些网站今天没有记录）：`);
      for (const e of s.internalErrors) console.error(`  ${e.site}: ${e.message}`);
      return 1;
    }
    return 0;
  }, { transaction: false });
}
