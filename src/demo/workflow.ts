// The inspectors' part of the demo: new media accounts, manual records, a review with a dismissal
// and a reply, earlier quarters published (one corrected), another office's notice. Fixed content
// chosen by position in the sandbox registry, so `npm run demo` gives the same bytes every time.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { ManualRecord } from '../schemas/manual.ts';
import type { MediaAccount } from '../schemas/media.ts';
import type { ExternalNotice } from '../schemas/notices.ts';
import type { Site, Unit } from '../schemas/registry.ts';
import { loadRegistry } from '../store/registry.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { parseSiteQuarter, siteQuarterPath } from '../inspector/report/site-quarter.ts';
import { editQuarterFile, quarterFilePath } from '../store/quarter-file.ts';
import { correctQuarter, publishQuarter } from '../workflow/publish.ts';
import { addRecords } from '../workflow/record-write.ts';
import { rescoreQuarter } from '../workflow/rescore.ts';
import { saveReviewEntry } from '../workflow/review.ts';
import { SANDBOX_MARK } from './demo.ts';

const INSPECTOR = '市政府办公室 王敏';
const REVIEWER = '市政府办公室 李刚';

/** The demo's own files; they are removed before each run, and only when the registry is the demo's. */
const DEMO_FILES = ['media.yaml', 'notices.yaml', 'manual', 'review', 'manifests', 'pinned'];

/**
 * Put the content folder back to drafts before the demo writes it again: the workflow files go,
 * earlier quarters' files go, the current quarter's file loses its publication state. Refuses a
 * folder whose registry the demo did not write.
 */
export function resetDemoWorkflow(contentDir: string, earlier: readonly string[], current: string): void {
  const sites = join(contentDir, 'sites.yaml');
  if (!existsSync(sites)) return;
  if (!readFileSync(sites, 'utf8').includes(SANDBOX_MARK)) throw new Error(`${sites} is not a demo registry; the demo will not reset its workflow files`);
  for (const f of DEMO_FILES) rmSync(join(contentDir, f), { recursive: true, force: true });
  for (const q of earlier) rmSync(quarterFilePath(contentDir, q), { force: true });
  if (existsSync(quarterFilePath(contentDir, current))) {
    editQuarterFile(contentDir, current, (doc) => {
      for (const k of ['status', 'published', 'errata', 'date']) doc.delete(k);
    });
  }
}

/** A quarter's publication day in the demo: the 15th of the month after it. */
function publicationDay(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number);
  return q === 4 ? `${y! + 1}-01-15` : `${y}-${String(q! * 3 + 1).padStart(2, '0')}-15`;
}

/** A day inside the quarter, for the records' dates. */
function dayIn(quarter: string, day: number): string {
  const [y, q] = quarter.split('-Q').map(Number);
  return `${y}-${String(q! * 3 - 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const shortName = (site: Site) => site.name.replace(/人民政府$/, '').replace(/^(.{2})[市县区]$/, '$1');

/** The demo's accounts, from the registry's first portals and departments. */
export function demoMedia(sites: readonly Site[]): MediaAccount[] {
  const portals = sites.filter((s) => s.kind === 'portal');
  const depts = sites.filter((s) => s.kind === 'department');
  const [p0, p1, p2] = portals;
  const [d0, , , d3] = depts;
  if (!p0 || !p1 || !p2 || !d0 || !d3) throw new Error('the demo needs at least 3 portals and 4 department sites (--sites 24)');
  return [
    { id: `${p0.id}-wechat`, name: `${shortName(p0)}发布`, platform: 'wechat', unit: p0.unit, registered: true },
    { id: `${p0.id}-weibo`, name: `${shortName(p0)}发布`, platform: 'weibo', unit: p0.unit, registered: true },
    { id: `${p1.id}-wechat`, name: `${shortName(p1)}发布`, platform: 'wechat', unit: p1.unit, registered: true },
    // Not filed in the national reporting system: a problem every quarter media are checked.
    { id: `${p2.id}-douyin`, name: `${shortName(p2)}政务`, platform: 'douyin', unit: p2.unit, registered: false },
    { id: `${d0.id}-wechat`, name: d0.name.replace(/^(.{2})市/, '$1'), platform: 'wechat', unit: d0.unit, registered: true },
    // Stopped publishing in May and never deregistered.
    { id: `${d3.id}-weibo`, name: `${d3.name.replace(/^(.{2})市/, '$1')}`, platform: 'weibo', unit: d3.unit, registered: true, closed: '2026-05-31' },
  ];
}

type NewRecord = { data: ManualRecord; evidence: string };

/** The records of one quarter: which items and whom they concern depend on the quarter's number. */
export function demoRecords(quarter: string, sites: readonly Site[], media: readonly MediaAccount[], units: readonly Unit[], current: boolean): NewRecord[] {
  const portals = sites.filter((s) => s.kind === 'portal');
  const depts = sites.filter((s) => s.kind === 'department');
  const q = Number(quarter.slice(-1));
  const base = { inspector: INSPECTOR };
  const site = (s: Site, indicator: string, target: string, day: number, evidence: string, extra: Partial<ManualRecord> = {}): NewRecord => ({ data: { site: s.id, indicator, target, ...base, date: dayIn(quarter, day), ...extra }, evidence });
  const account = (m: MediaAccount, indicator: string, target: string, day: number, evidence: string): NewRecord => ({ data: { media: m.id, indicator, target, ...base, date: dayIn(quarter, day) }, evidence });
  const unit = (u: string, day: number): NewRecord => ({ data: { unit: u, indicator: 'self-inspection-missing', target: `${quarter.slice(0, 4)}年第${'一二三四'[q - 1]}季度网站自查报告`, ...base, date: dayIn(quarter, day) }, evidence: '截至检查时点，未按通知要求报送本单位网站自查结果。' });
  const unitOf = (s: Site) => units.find((u) => u.id === s.unit)?.id ?? s.unit;
  const p = (i: number) => portals[i % portals.length]!;
  const d = (i: number) => depts[i % depts.length]!;
  const m = (i: number) => media[i % media.length]!;
  const out: NewRecord[] = [
    site(p(q), 'message-overdue', `${dayIn(quarter, 3).slice(5)} 模拟咨询“新生儿医保参保办理”`, 28, `${dayIn(quarter, 3)} 通过网站“领导信箱”提交模拟咨询，截至检查时点已超过 5 个工作日未答复。`),
    site(d(q + 1), 'error-report-overdue', `“我为政府网站找错”平台转办问题`, 20, '全国政府网站“我为政府网站找错”平台转办的网民纠错留言，超过 3 个工作日未答复。'),
    account(m(q + 1), 'media-not-updated', '监测时间点前 2 周内无更新', 25, '检查时点前 2 周内未发布任何信息。'),
    unit(unitOf(d(q + 2)), 26),
  ];
  if (q === 3) out.push(account(media[5]!, 'media-not-deregistered', '账号已停更未注销', 18, '该账号自 2026 年 5 月 31 日起停止更新，至今未办理注销。'));
  if (current) {
    out.push(
      site(d(1), 'message-overdue', `${dayIn(quarter, 5).slice(5)} 模拟咨询“户籍迁移所需材料”`, 28, `${dayIn(quarter, 5)} 通过“咨询投诉”栏目提交模拟咨询，截至检查时点已超过 5 个工作日未答复。`),
      site(d(4), 'service-unusable', '办事指南要素缺失', 21, '抽查 6 项办事指南，均缺少设定依据、办理地点、收费标准、办理时间中的 4 个以上要素。'),
      site(p(0), 'bonus-smart-qa', '智能问答', 19, '首页提供“智能问答”入口，可就常见办事问题自动应答。'),
      account(m(3), 'media-no-interaction', '无留言、评论等互动功能', 25, '账号关闭了评论与私信，无其他互动渠道。'),
    );
  }
  return out;
}

/** Another office's notice naming one of the demo's counties (it counts towards the rating cap). */
function demoNotices(sites: readonly Site[]): ExternalNotice[] {
  const county = sites.filter((s) => s.kind === 'portal')[1]!;
  return [{ id: 'province-2026-q2', level: 'province', title: '关于 2026 年第二季度全省政府网站与政务新媒体检查情况的通报（演示数据）', date: '2026-08-12', units: [county.unit] }];
}

const quarterText = (quarter: string, issuer: string, to: string) => `---
# Generated by npm run demo: the office's part of the ${quarter} notice (see src/schemas/quarter.ts).
quarter: ${quarter}
issuer: ${issuer}
to: ${to}
---

（一）抓好问题整改。各单位要对照本通报所列问题逐项整改，整改情况于通报印发之日起 15 个工作日内报市政府办公室。

（二）加强日常监测。各县区、各部门要建立网站和政务新媒体常态化巡查机制，确保内容更新及时、互动回应规范。
`;

/** The first finding of a site's file that is counted and not manual, for the review's examples. */
function firstFinding(contentDir: string, quarter: string, site: string, kind: (indicator: string) => boolean) {
  const path = siteQuarterPath(contentDir, quarter, site);
  const f = parseSiteQuarter(readFileSync(path, 'utf8'), path).data.findings.find((x) => x.source !== 'manual' && kind(x.indicator));
  return f;
}

/**
 * After the crawl: accounts, records for every quarter, the current quarter's review, the earlier
 * quarters published (the latest of them corrected once), and a provincial notice.
 */
export async function runDemoWorkflow(contentDir: string, earlier: readonly string[], current: string): Promise<{ records: number; published: string[] }> {
  const { sites, units } = loadRegistry(contentDir);
  const media = demoMedia(sites);
  writeFileAtomic(join(contentDir, 'media.yaml'), `# ${SANDBOX_MARK}: new media accounts (src/schemas/media.ts).\n\n${YAML.stringify(media, { lineWidth: 0 })}`);
  writeFileAtomic(join(contentDir, 'notices.yaml'), `# ${SANDBOX_MARK}: other offices' notices naming units (src/schemas/notices.ts).\n\n${YAML.stringify(demoNotices(sites), { lineWidth: 0 })}`);
  // The office's own file of the current quarter gives the issuer; a fresh folder gets the demo's.
  const currentPath = quarterFilePath(contentDir, current);
  const currentFile = existsSync(currentPath) ? readFileSync(currentPath, 'utf8') : '';
  const issuer = /^issuer: (.+)$/m.exec(currentFile)?.[1] ?? `${shortName(sites[0]!)}市人民政府办公室`;
  const to = /^to: (.+)$/m.exec(currentFile)?.[1] ?? '各县区人民政府，市政府各部门';
  if (!currentFile) writeFileAtomic(currentPath, quarterText(current, issuer, to));
  let records = 0;
  for (const quarter of [...earlier, current]) {
    if (quarter !== current) writeFileAtomic(quarterFilePath(contentDir, quarter), quarterText(quarter, issuer, to));
    const list = demoRecords(quarter, sites, media, units, quarter === current);
    addRecords(contentDir, quarter, list);
    records += list.length;
  }
  // The current quarter's review: a false finding dismissed, a veto confirmed and answered by its site.
  const portals = sites.filter((s) => s.kind === 'portal');
  const dismiss = portals.map((s) => ({ s, f: firstFinding(contentDir, current, s.id, (i) => i === 'broken-link') })).find((x) => x.f);
  if (dismiss?.f) {
    saveReviewEntry(contentDir, current, { decision: { site: dismiss.s.id, indicator: dismiss.f.indicator, target: dismiss.f.target, decision: 'dismissed', reason: '经人工用浏览器核实，该链接可正常打开（服务器拒绝程序访问），不予认定。', inspector: REVIEWER, date: '2026-11-21' } });
  }
  const vetoed = portals.map((s) => ({ s, f: firstFinding(contentDir, current, s.id, (i) => ['homepage-not-updated', 'columns-not-updated', 'interaction-unresponsive', 'severe-error', 'hidden-link'].includes(i)) })).find((x) => x.f);
  if (vetoed?.f) {
    const key = { site: vetoed.s.id, indicator: vetoed.f.indicator, target: vetoed.f.target };
    saveReviewEntry(contentDir, current, { decision: { ...key, decision: 'confirmed', inspector: REVIEWER, date: '2026-11-21' } });
    saveReviewEntry(contentDir, current, { reply: { ...key, text: '已按要求整改，相关问题已于 11 月 22 日处理完毕，并建立了每周巡查制度。', date: '2026-11-22' } });
  }
  rescoreQuarter(contentDir, current);
  // Earlier quarters are published; the latest is corrected once, after a site's appeal.
  for (const quarter of earlier) await publishQuarter({ contentDir, quarter, date: publicationDay(quarter) });
  const last = earlier[earlier.length - 1];
  if (last) {
    const appealed = portals.map((s) => ({ s, f: firstFinding(contentDir, last, s.id, (i) => i === 'column-stale' || i === 'typo') })).find((x) => x.f);
    if (appealed?.f) {
      saveReviewEntry(contentDir, last, { decision: { site: appealed.s.id, indicator: appealed.f.indicator, target: appealed.f.target, decision: 'dismissed', reason: '网站提交了更新记录截图，经核实检查时点前已更新，不予认定。', inspector: REVIEWER, date: publicationDay(last).replace(/-15$/, '-28') } });
      await correctQuarter({
        contentDir,
        quarter: last,
        what: `撤销${appealed.s.name}“${appealed.f.target}”一项问题`,
        why: '网站主管单位提出异议并提供更新记录，经复核属误判。',
        date: publicationDay(last).replace(/-15$/, '-28'),
        rescore: () => void rescoreQuarter(contentDir, last),
      });
    }
  }
  return { records, published: [...earlier] };
}
