import { isIsoDate } from '../../dates.ts';
import type { CollectedSite } from '../../schemas/registry.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { checkApplicationTable, describeError } from './lib/open-report-table.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** The reports a site owes each year, and its report's table, by target. */
export const ANNUAL_REPORTS = {
  'website-report': '政府网站工作年度报表',
  'website-report-collection': '政府网站年度报表栏目',
  'open-report': '政府信息公开工作年度报告',
  'open-report-table': '政府信息公开工作年度报告表格',
} as const;

type Target = keyof typeof ANNUAL_REPORTS;
type Judged = { finding: RuleFinding } | { pass: true } | { notJudged: string };

/**
 * 年度报表、报告缺失或有误 (advice, beyond the 2019 table). Three things a site owes each year:
 * - `website-report`: its 政府网站工作年度报表 for the past year "在网站首页显著位置" by 31 January
 *   (国办函〔2018〕12号, `websiteDue` in rules.yaml as MMDD), looked for among the links of the home
 *   page and its frames (their text or image alt: 网站 and 年度报表 or 年报, and the year), or in the
 *   site's own column of 年度报表. A home page that scripts write and that could not be rendered is
 *   not judged.
 * - `website-report-collection`: a provincial portal or a ministry's site (the registry's
 *   collectsReports) lists, in its column of 年度报表, the report of that year of every website it
 *   oversees (here, every other open website of the registry), by the name registered; judged only
 *   from such a column read to its last page, with every entry dated.
 * - `open-report`: the body's 政府信息公开工作年度报告 for the past year, by 31 January for a
 *   department and 31 March for a local government (《政府信息公开条例》第四十九条; `openDueDepartment`,
 *   `openDueGovernment`). A report of that year named anywhere the crawl read (a link, a list, a page
 *   title) is enough; its absence is judged only from the site's own 信息公开年报 list when the crawl
 *   read it, never from a list it did not reach (reports often live on a platform of the province).
 * - `open-report-table`: the newest report the crawl read whose application table (国办公开办函〔2021〕
 *   30号's format) is on its page: its sums and totals add up (lib/open-report-table.ts).
 * A 专栏 is part of a site and owes none of them.
 */
export default defineRule({
  id: 'annual-report-missing',
  title: '年度报表、报告缺失或有误',
  clause: '建议：未按期发布上一年度政府网站工作年度报表（国办函〔2018〕12号：每年 1 月 31 日前，网站首页显著位置）或政府信息公开工作年度报告（《政府信息公开条例》第四十九条：部门每年 1 月 31 日前、县级以上地方人民政府每年 3 月 31 日前），或年度报告表格数据不能相互对应',
  kind: 'advice',
  points: [],
  params: ['websiteDue', 'openDueDepartment', 'openDueGovernment'],
  targetNames: ANNUAL_REPORTS,
  run(snapshot, { params }) {
    const home = snapshot.pages.find((p) => p.depth === 0);
    if (!home || !snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    if (snapshot.site.kind === 'column') return { status: 'not_applicable', reason: '专栏不单独发布年度报表和年度报告' };
    const openDue = dueDate(params[snapshot.site.kind === 'department' ? 'openDueDepartment' : 'openDueGovernment']!);
    const websiteDue = dueDate(params['websiteDue']!);
    const judged: Array<[Target, Judged]> = [
      ['website-report', websiteReport(snapshot, websiteDue)],
      ...(snapshot.collects ? [['website-report-collection', reportCollection(snapshot, snapshot.collects, websiteDue)] as [Target, Judged]] : []),
      ['open-report', openReport(snapshot, openDue)],
      ['open-report-table', openReportTable(snapshot)],
    ];
    const findings = judged.flatMap(([, j]) => ('finding' in j ? [j.finding] : []));
    if (findings.length) return { status: 'fail', findings };
    const unjudged = judged.flatMap(([t, j]) => ('notJudged' in j ? [`${ANNUAL_REPORTS[t]}：${j.notJudged}`] : []));
    // What could be judged passed: the open report is often kept where the crawl does not go.
    return judged.some(([, j]) => 'pass' in j) ? { status: 'pass' } : { status: 'not_applicable', reason: unjudged.join('；') };
  },
});

/** The website report of the latest year due, among the home page's links. */
function websiteReport(snapshot: SiteSnapshot, due: string): Judged {
  const r = snapshot.pages.find((p) => p.depth === 0)?.rendering?.status;
  if (r === 'failed' || r === 'over-budget' || r === 'not-rendered') return { notJudged: '首页由脚本生成而未能渲染，无法判断' };
  const year = reportYear(snapshot.asOf, due);
  const years = homeLinkTexts(snapshot).flatMap((t) => websiteReportYear(t) ?? []);
  if (years.includes(year)) return { pass: true };
  // Or in the site's own column of 年度报表 (for a portal that collects others' reports, an entry that names it).
  const own = snapshot.columns.filter((c) => /年度报表/.test(c.name) && !/信息公开/.test(c.name)).flatMap((c) => [...c.homeItems, ...c.items]);
  if (own.some((i) => websiteReportYear(i.title) === year && (!snapshot.collects || bare(i.title).includes(bare(snapshot.site.name))))) return { pass: true };
  const newest = years.length ? Math.max(...years) : undefined;
  return {
    finding: {
      indicator: 'annual-report-missing',
      target: 'website-report',
      page: snapshot.home.url!,
      points: 0,
      detail: `首页未见 ${year} 年度政府网站工作年度报表（应于 ${year + 1}-${due} 前在首页显著位置发布，检查日期 ${snapshot.asOf}）${newest ? `；首页最新为 ${newest} 年度` : ''}`,
    },
  };
}

/** The collecting column's reports of the latest year due: one for each website the portal oversees. */
function reportCollection(snapshot: SiteSnapshot, sites: readonly CollectedSite[], due: string): Judged {
  const year = reportYear(snapshot.asOf, due);
  // A portal may keep its own reports' column beside the collecting one: the collecting one lists more.
  const col = snapshot.columns
    .filter((c) => /年度报表/.test(c.name) && !/信息公开/.test(c.name))
    .sort((a, b) => b.items.length + b.homeItems.length - (a.items.length + a.homeItems.length))[0];
  if (!col) return { notJudged: '未在本站找到政府网站年度报表栏目' };
  if (col.unread || !col.complete) return { notJudged: `“${col.name}”栏目（${col.url}）未能读完全部 ${col.pagesRead} 页以上的列表页` };
  if (col.undated) return { notJudged: `“${col.name}”栏目有 ${col.undated} 条未标日期的条目，无法逐一核对` };
  const titles = [...col.homeItems, ...col.items].filter((i) => websiteReportYear(i.title) === year).map((i) => bare(i.title));
  const missing = sites.filter((s) => !titles.some((t) => t.includes(bare(s.name))));
  if (missing.length === 0) return { pass: true };
  const named = missing.slice(0, 10).map((s) => s.name).join('、');
  return {
    finding: {
      indicator: 'annual-report-missing',
      target: 'website-report-collection',
      page: col.url,
      points: 0,
      detail: `“${col.name}”栏目（读取 ${col.pagesRead} 页）未见本平台登记的 ${missing.length} 个网站的 ${year} 年度政府网站工作年度报表：${named}${missing.length > 10 ? ' 等' : ''}（应于 ${year + 1}-${due} 前集中发布，共应 ${sites.length} 个）`,
      ...(col.where ? { where: col.where } : {}),
    },
  };
}

/** A name or title without spaces and the words 门户网站/网站 that registries and report titles add or leave out. */
function bare(text: string): string {
  return text.replace(/\s+/g, '').replace(/(门户)?网站/g, '');
}

/** The open report of the latest year due: named anywhere the crawl read, or missing from the site's 年报 list. */
function openReport(snapshot: SiteSnapshot, due: string): Judged {
  const year = reportYear(snapshot.asOf, due);
  const named = [
    ...snapshot.links.flatMap((l) => Object.values(l.whereOn ?? {}).map((w) => w.text ?? '')),
    ...snapshot.columns.flatMap((c) => [...c.homeItems, ...c.items].map((i) => i.title)),
    ...snapshot.pages.flatMap((p) => [p.title, p.facts.meta['ArticleTitle'] ?? '']),
  ].flatMap((t) => openReportYear(t) ?? []);
  if (named.some((y) => y >= year)) return { pass: true };
  const lists = snapshot.columns.filter((c) => OPEN_REPORT_LIST.test(c.name) && !/网站/.test(c.name));
  const read = lists.find((c) => !c.unread && c.pagesRead > 0);
  if (!read) {
    return { notJudged: lists.length ? `信息公开年报栏目（${lists[0]!.url}）${lists[0]!.unread ?? '未读取'}` : '未在本站找到信息公开年报栏目（年报可能发布在上级政府信息公开平台），未作判定' };
  }
  const listed = [...read.homeItems, ...read.items].flatMap((i) => openReportYear(i.title) ?? []);
  if (listed.length === 0) return { notJudged: `信息公开年报栏目（${read.url}）的条目标题未写明年份，无法判断` };
  return {
    finding: {
      indicator: 'annual-report-missing',
      target: 'open-report',
      page: read.url,
      points: 0,
      detail: `“${read.name}”栏目未见 ${year} 年政府信息公开工作年度报告（${snapshot.site.kind === 'department' ? '政府部门' : '地方人民政府'}应于 ${year + 1}-${due} 前向社会公布，检查日期 ${snapshot.asOf}）；栏目最新为 ${Math.max(...listed)} 年`,
      ...(read.where ? { where: read.where } : {}),
    },
  };
}

/** The table of the newest open report whose page the crawl read with one. */
function openReportTable(snapshot: SiteSnapshot): Judged {
  const reports = snapshot.pages
    .flatMap((p) => {
      const year = openReportYear(p.facts.meta['ArticleTitle'] || p.title);
      return year !== undefined && p.facts.reportTables?.length ? [{ p, year }] : [];
    })
    .sort((a, b) => b.year - a.year);
  const newest = reports[0];
  if (!newest) return { notJudged: '未读到带申请情况表格的年度报告页面（报告为附件或图片的不作判定）' };
  const checks = newest.p.facts.reportTables!.map(checkApplicationTable);
  const errors = checks.flatMap((c) => ('errors' in c ? c.errors : []));
  if (errors.length === 0) {
    const why = checks.find((c) => 'notJudged' in c);
    return why && !checks.some((c) => 'errors' in c) ? { notJudged: `${newest.year} 年报告：${(why as { notJudged: string }).notJudged}` } : { pass: true };
  }
  const shown = errors.slice(0, 3).map(describeError).join('；');
  return {
    finding: {
      indicator: 'annual-report-missing',
      target: 'open-report-table',
      page: newest.p.url,
      points: 0,
      detail: `${newest.year} 年政府信息公开工作年度报告“收到和处理政府信息公开申请情况”表格有 ${errors.length} 处数字不能对应：${shown}${errors.length > 3 ? '……' : ''}`,
    },
  };
}

/** MMDD of rules.yaml as MM-DD; throws on a date no year has (a configuration error). */
export function dueDate(mmdd: number): string {
  const s = String(mmdd).padStart(4, '0');
  if (!Number.isInteger(mmdd) || !isIsoDate(`2024-${s.slice(0, 2)}-${s.slice(2)}`)) throw new Error(`annual-report-missing: a deadline is a month and day written MMDD (131 for 31 January), got ${mmdd}`);
  return `${s.slice(0, 2)}-${s.slice(2)}`;
}

/** The latest year whose report was due on or before asOf (YYYY-MM-DD), with `due` as MM-DD of the next year. */
export function reportYear(asOf: string, due: string): number {
  const y = Number(asOf.slice(0, 4));
  return asOf > `${y}-${due}` ? y - 1 : y - 2;
}

/** The year a link text names a website's annual report for: 网站 and 年度报表 (or 年报, 年度工作报表) with a year. */
export function websiteReportYear(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (!/网站/.test(t) || !/(年度报表|年度工作报表|工作年报|年报)/.test(t) || /信息公开/.test(t)) return undefined;
  const m = /(19|20)\d{2}/.exec(t);
  return m ? Number(m[0]) : undefined;
}

/** A 信息公开年报 list: 政府信息公开年报, 公开年报, 信息公开工作年度报告, 年度报告. */
const OPEN_REPORT_LIST = /信息公开.*(年报|年度报告)|公开年报|^年度报告$|^年报$/;

/** The year a title names a 政府信息公开工作年度报告 for: 信息公开 and 年度报告 (or 年报, 工作报告) with a year. */
export function openReportYear(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (!/信息公开/.test(t) || !/(年度报告|年报|工作报告)/.test(t)) return undefined;
  const m = /(?:19|20)\d{2}(?=年)/.exec(t);
  return m ? Number(m[0]) : undefined;
}

/** The texts (or image alt texts) of the links of the home page and of its frames, as the crawl saw them. */
function homeLinkTexts(s: SiteSnapshot): string[] {
  const homes = new Set(s.pages.filter((p) => p.depth === 0).map((p) => p.url));
  for (const l of s.links) if (l.kind === 'frame' && l.referrers.some((r) => homes.has(r))) homes.add(l.url);
  const texts: string[] = [];
  for (const l of s.links) for (const [page, where] of Object.entries(l.whereOn ?? {})) if (homes.has(page) && where.text) texts.push(where.text);
  return texts;
}
