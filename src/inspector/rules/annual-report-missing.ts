import { isIsoDate } from '../../dates.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { defineRule } from './types.ts';

/** The reports a site owes each year, by target. */
export const ANNUAL_REPORTS = {
  'website-report': '政府网站工作年度报表',
} as const;

/**
 * 年度报表未发布 (advice, beyond the 2019 table): every government website publishes its
 * 政府网站工作年度报表 for the past year "在网站首页显著位置" by 31 January (国办函〔2018〕12号,
 * `websiteDue` in rules.yaml as MMDD). The rule looks for the report of the latest year whose
 * deadline has passed by the as-of date among the links of the home page and its frames (their text
 * or image alt: 网站 and 年度报表 or 年报, and the year). A home page that scripts write and that
 * could not be rendered is not judged; nor is a 专栏, which is part of a site.
 */
export default defineRule({
  id: 'annual-report-missing',
  title: '年度报表未发布',
  clause: '建议：未在网站首页显著位置发布上一年度政府网站工作年度报表（国办函〔2018〕12号：每年 1 月 31 日前）',
  kind: 'advice',
  points: [],
  params: ['websiteDue'],
  targetNames: ANNUAL_REPORTS,
  run(snapshot, { params }) {
    const home = snapshot.pages.find((p) => p.depth === 0);
    if (!home || !snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    if (snapshot.site.kind === 'column') return { status: 'not_applicable', reason: '专栏不单独发布网站年度报表' };
    const r = home.rendering?.status;
    if (r === 'failed' || r === 'over-budget' || r === 'not-rendered') return { status: 'not_applicable', reason: '首页由脚本生成而未能渲染，无法判断' };
    const due = dueDate(params['websiteDue']!);
    const year = reportYear(snapshot.asOf, due);
    const years = homeLinkTexts(snapshot).flatMap((t) => websiteReportYear(t) ?? []);
    if (years.includes(year)) return { status: 'pass' };
    const newest = years.length ? Math.max(...years) : undefined;
    const page = snapshot.home.url;
    return {
      status: 'fail',
      findings: [{
        indicator: 'annual-report-missing',
        target: 'website-report',
        page,
        points: 0,
        detail: `首页未见 ${year} 年度政府网站工作年度报表（应于 ${year + 1}-${due} 前在首页显著位置发布，检查日期 ${snapshot.asOf}）${newest ? `；首页最新为 ${newest} 年度` : ''}`,
      }],
    };
  },
});

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

/** The texts (or image alt texts) of the links of the home page and of its frames, as the crawl saw them. */
function homeLinkTexts(s: SiteSnapshot): string[] {
  const homes = new Set(s.pages.filter((p) => p.depth === 0).map((p) => p.url));
  for (const l of s.links) if (l.kind === 'frame' && l.referrers.some((r) => homes.has(r))) homes.add(l.url);
  const texts: string[] = [];
  for (const l of s.links) for (const [page, where] of Object.entries(l.whereOn ?? {})) if (homes.has(page) && where.text) texts.push(where.text);
  return texts;
}
