// The 政府信息公开年报 column of the roles that keep one (roles.ts openReport): a list of the body's
// 政府信息公开工作年度报告, each an article whose application table is in the format of
// 国办公开办函〔2021〕30号 (seven applicant columns; 一、本年新收, 二、上年结转, 三、本年度办理结果 with its 21
// cases and （七）总计, 四、结转下年度继续办理). The numbers come from (seed, host, year); a
// `wrong-sums` site's newest table has one sum that does not add up.
import type { Column, Item } from './columns.ts';
import { openReportYear, OPEN_REPORT_DUE } from './indicators.ts';
import { rng } from './random.ts';
import type { OpenReportKind } from './roles.ts';
import type { SandboxSite } from './types.ts';

/** The applicant columns, the last the row's total. */
const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

/** The format's result cases under 三、本年度办理结果, as (case, item) label pairs. */
const RESULTS: ReadonlyArray<readonly [string, string | null]> = [
  ['（一）予以公开', null],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null],
  ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']
    .map((s) => ['（三）不予公开', s] as const),
  ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((s) => ['（四）无法提供', s] as const),
  ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((s) => ['（五）不予处理', s] as const),
  ...['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((s) => ['（六）其他处理', s] as const),
];

/** Which sum a wrong table breaks. */
export type TableDefect = 'row-total' | 'results-total' | 'balance';
const DEFECTS: readonly TableDefect[] = ['row-total', 'results-total', 'balance'];

/** A site's 年报 column and what its reports are. */
export interface OpenReports {
  col: Column;
  /** The report year of each item, by item id. */
  years: ReadonlyMap<number, number>;
  /** The newest report's table breaks this sum (wrong-sums), or null. */
  defect: TableDefect | null;
}

/** Item id of the report of a year (apart from the generated columns' ids and the daily web's 900000s). */
const itemId = (year: number): number => 700000 + year;

/**
 * The column of a role that keeps one: two reports, the year due and the one before (older: the two
 * before the year due), each published on the 10th of its deadline's month, three weeks before the
 * deadline and never near a column window's boundary on a later as-of date.
 */
export function openReportsOf(kind: OpenReportKind | undefined, dept: boolean, asOf: string, siteIndex: number): OpenReports | null {
  if (!kind) return null;
  const due = openReportYear(asOf, dept);
  const newest = kind === 'older' ? due - 1 : due;
  const month = (dept ? OPEN_REPORT_DUE.department : OPEN_REPORT_DUE.government).slice(0, 2);
  const items: Item[] = [newest, newest - 1].map((y) => ({ id: itemId(y), date: `${y + 1}-${month}-10` }));
  const col: Column = {
    slug: 'xxgknb', name: '政府信息公开年报', cls: 'periodic', dir: '/zwgk/xxgknb/', items, pageSize: 20, pages: 1, blank: false, onHome: false, extraRows: [],
  };
  return {
    col,
    years: new Map([newest, newest - 1].map((y) => [itemId(y), y])),
    // Each twelve sites' wrong-sums site (one a role cycle) breaks the next sum.
    defect: kind === 'wrong-sums' ? DEFECTS[Math.floor(siteIndex / 12) % DEFECTS.length]! : null,
  };
}

/** The report year of an item of the 年报 column, or undefined for any other item. */
export function reportYearOf(reports: OpenReports | null, col: Column, item: Item): number | undefined {
  return reports && col.slug === reports.col.slug ? reports.years.get(item.id) : undefined;
}

/** The newest report's item (the one whose table a wrong-sums site breaks). */
export function newestReport(reports: OpenReports): Item {
  return reports.col.items[0]!;
}

/** The application table's numbers: rows of seven (six applicants and their total). */
export interface ReportNumbers {
  fresh: number[];
  carried: number[];
  results: number[][];
  total: number[];
  out: number[];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const withTotal = (six: number[]): number[] => [...six, sum(six)];

/** Numbers that add up for (seed, host, year); a defect then breaks one sum, and nothing else. */
export function reportNumbers(seed: number, host: string, year: number, defect: TableDefect | null): ReportNumbers {
  const r = rng(seed, host, 'open-report', year);
  // Natural persons apply most; companies now and then; the other four kinds seldom.
  const weights = [6, 2, 0.3, 0.3, 0.5, 0.5];
  const results = RESULTS.map((_, i) => withTotal(weights.map((w) => (r.chance(i < 2 ? 0.8 : 0.15) ? r.int(0, Math.ceil(w * (i < 2 ? 5 : 1))) : 0))));
  const total = withTotal([0, 1, 2, 3, 4, 5].map((c) => sum(results.map((row) => row[c]!))));
  const out = withTotal(weights.map((w) => (r.chance(0.3) ? r.int(0, Math.ceil(w)) : 0)));
  // 新收 + 上年结转 = 总计 + 结转下年度: the carried-in part is at most what the sum leaves.
  const carried = withTotal(weights.map((_, c) => r.int(0, Math.min(2, total[c]! + out[c]!))));
  const fresh = withTotal([0, 1, 2, 3, 4, 5].map((c) => total[c]! + out[c]! - carried[c]!));
  const n: ReportNumbers = { fresh, carried, results, total, out };
  if (defect === 'row-total') n.fresh[6]! += 1;
  // One more 予以公开 in its row and its total, but not in （七）总计.
  if (defect === 'results-total') {
    n.results[0]![0]! += 1;
    n.results[0]![6]! += 1;
  }
  // One more carried on to next year, in its row and total.
  if (defect === 'balance') {
    n.out[0]! += 1;
    n.out[6]! += 1;
  }
  return n;
}

/** The report's application table as the format lays it out, merged cells and all. */
export function reportTableHtml(n: ReportNumbers): string {
  const cells = (v: readonly number[]) => v.map((x) => `<td>${x}</td>`).join('');
  const rows: string[] = [
    '<tr><td colspan="3" rowspan="3">本年度情况</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
    `<tr>${APPLICANTS.slice(1, 6).map((a) => `<td>${a}</td>`).join('')}</tr>`,
    `<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${cells(n.fresh)}</tr>`,
    `<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>${cells(n.carried)}</tr>`,
  ];
  RESULTS.forEach(([kase, item], i) => {
    const first = i === 0 ? `<td rowspan="${RESULTS.length + 1}">三、本年度办理结果</td>` : '';
    const span = RESULTS.filter(([k]) => k === kase).length;
    const opens = RESULTS.findIndex(([k]) => k === kase) === i;
    const label = item === null ? `<td colspan="2">${kase}</td>` : `${opens ? `<td rowspan="${span}">${kase}</td>` : ''}<td>${item}</td>`;
    rows.push(`<tr>${first}${label}${cells(n.results[i]!)}</tr>`);
  });
  rows.push(`<tr><td colspan="2">（七）总计</td>${cells(n.total)}</tr>`);
  rows.push(`<tr><td colspan="3">四、结转下年度继续办理</td>${cells(n.out)}</tr>`);
  return `<table class="nbbg" border="1" cellspacing="0" cellpadding="0">\n${rows.join('\n')}\n</table>`;
}

/** The report's body: the format's part headings, a sentence in each, and part three's table. */
export function reportBodyHtml(unit: string, year: number, n: ReportNumbers): string {
  // The unit's name is the registry's (plain Chinese text); the rest is the format's own words.
  const p = (t: string) => `<p style="text-indent:2em;">${t}</p>`;
  return [
    p(`本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制，所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`),
    p('一、总体情况'),
    p(`${year}年，${unit}认真贯彻落实政府信息公开工作要求，依法依规做好主动公开和依申请公开工作。`),
    p('二、主动公开政府信息情况'),
    p('三、收到和处理政府信息公开申请情况'),
    reportTableHtml(n),
    p('四、政府信息公开行政复议、行政诉讼情况'),
    p('五、存在的主要问题及改进情况'),
    p('六、其他需要报告的事项'),
  ].join('\n');
}

/** Entries a page of the column collecting 年度报表 lists (a province's column lists many at once). */
const COLLECTION_PAGE = 20;

/** A collecting portal's column of its websites' 年度报表: every other website's but the first's, as PDF files. */
export interface ReportCollection {
  col: Column;
  /** The website whose report the column leaves out (the truth's finding). */
  missing: { id: string; name: string };
}

/**
 * The column of 年度报表 of a site the registry marks collectsReports: the report of the year due of
 * every other website of the registry (not a 专栏; the sandbox closes none) but the first in registry
 * order, each a PDF kept on the portal, listed newest first, twenty a page, dated in January. Named a
 * 专栏 as such columns often are: a topic column, never stale.
 */
export function reportCollectionOf(self: SandboxSite, sites: readonly SandboxSite[], year: number): ReportCollection | null {
  if (!self.collectsReports) return null;
  const others = sites.filter((s) => s.id !== self.id);
  const [missing, ...listed] = others;
  if (!missing) return null;
  const files = new Map<number, { path: string; title: string }>();
  const items: Item[] = listed.map((s, k) => {
    const id = 600000 + k;
    files.set(id, { path: `/zwgk/ndbb/P0${year}0120_${k}.pdf`, title: `${s.name}${s.kind === 'portal' ? '门户网站' : '网站'}${year}年度工作报表` });
    return { id, date: `${year + 1}-01-${String(20 - Math.floor((k * 15) / listed.length)).padStart(2, '0')}` };
  });
  const col: Column = {
    slug: 'ndbb', name: '政府网站年度报表专栏', cls: 'topic', dir: '/zwgk/ndbb/', items, pageSize: COLLECTION_PAGE,
    pages: Math.max(1, Math.ceil(items.length / COLLECTION_PAGE)), blank: false, onHome: false, extraRows: [], files,
  };
  return { col, missing: { id: missing.id, name: missing.name } };
}

/** List pages the collecting column of a web of this many sites takes. */
export function collectionPages(sites: number): number {
  return Math.max(1, Math.ceil((sites - 2) / COLLECTION_PAGE));
}
