// Wording of the quarterly notice (通报) that is not a figure: its title, how many sites a
// paragraph of 二、主要问题 names, and the items about the responsible units themselves.
import { indicator, indicatorsAbout } from '../inspector/catalogue/index.ts';
import type { NoticeForm } from '../schemas/rules-config.ts';
import type { RecordRef } from './media.ts';
import type { IndicatorProblems } from './problems.ts';
import { countEntities, entityCounts, quarterName } from './quarters.ts';
import { unitName, type UnitTree } from './units.ts';

/** 关于2026年第四季度政府网站检查情况的通报 */
export function noticeTitle(quarter: string): string {
  return `关于${quarterName(quarter)}政府网站检查情况的通报`;
}

/** （一）（二）… numbering of the notice's sub-items. */
export const CHINESE_ORDINALS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十'];

/** Sites a paragraph of 二、主要问题 names before 等 N 个网站: every site is in 附件1 or the score table. */
export const NAMED_SITES = 30;

/** The sites to name in the text and how many are left to "等". */
export function namedSites<T>(sites: readonly T[], limit = NAMED_SITES): { shown: T[]; more: number } {
  return { shown: sites.slice(0, limit), more: Math.max(0, sites.length - limit) };
}

/** What the notice says, under 二、主要问题, about whom it names (rules.yaml notice.form). */
export const NOTICE_FORM_NOTES: Readonly<Record<NoticeForm, string>> = {
  summary: '本部分按问题归纳，只列出不合格网站的名称；各不合格网站的问题见附件1。',
  'by-site': '本部分按问题列出存在该问题的网站，被列出的网站不一定不合格；不合格网站以附件1为准，只有附件1所列网站计为被通报。',
};

/** One paragraph of 二、主要问题: the counts, then the sites it names. */
export interface ProblemParagraph {
  /** 链接不可用：涉及网站 10 个，共 25 处 (the title, counts, and for the summary form how many of them fail). */
  head: string;
  /** Sites named, in the problem's order (most findings first). */
  named: IndicatorProblems['sites'];
  /** Sites named only as 等 N 个 past the limit. */
  more: number;
  /** The total the 等 refers to. */
  total: number;
  /** What the 等 counts: 网站, 专栏, or 网站和专栏. */
  noun: string;
}

/** 网站, 专栏 or 网站和专栏: what a list of named entities is. */
export function entityNoun(list: ReadonlyArray<{ column?: true | undefined }>): string {
  const { websites, columns } = countEntities(list);
  return columns === 0 ? '网站' : websites === 0 ? '专栏' : '网站和专栏';
}

/**
 * A paragraph of 二 in the office's form. summary names only the non-compliant sites (failing), so
 * a unit whose site passed is never named in the notice's text; by-site names every site with the
 * problem. Past `limit` names the rest are 等 N 个网站.
 */
export function problemParagraph(p: IndicatorProblems, form: NoticeForm, failing: ReadonlySet<string>, limit = NAMED_SITES): ProblemParagraph {
  const all = countEntities(p.sites);
  const counts = `${p.title}${p.veto ? '（单项否决）' : ''}：涉及${entityCounts(all.websites, all.columns)}，共 ${p.findings} 处`;
  if (form === 'by-site') {
    const { shown, more } = namedSites(p.sites, limit);
    return { head: counts, named: shown, more, total: p.sites.length, noun: entityNoun(p.sites) };
  }
  const bad = p.sites.filter((s) => failing.has(s.site));
  const { shown, more } = namedSites(bad, limit);
  const noun = entityNoun(bad);
  const some = countEntities(bad);
  const which = bad.length === 0 ? '' : bad.length === p.sites.length ? (bad.length === 1 ? `，为不合格${noun}` : `，均为不合格${noun}`) : `，其中不合格${entityCounts(some.websites, some.columns)}`;
  return { head: `${counts}${which}`, named: shown, more, total: bad.length, noun };
}

/** A problem of the responsible units themselves (e.g. no self-inspection report), for 二、主要问题. */
export interface UnitProblem {
  indicator: string;
  /** Short Chinese title, e.g. 未报送自查报告. */
  title: string;
  /** How the notice words it after the units' names, e.g. 未按要求报送网站自查报告 (the catalogue's noticeWording, else the title). */
  wording: string;
  /** The units recorded, each once, by name (pinyin order) then id. */
  units: { unit: string; name: string }[];
}

/**
 * The quarter's unit items from its manual records, in indicator id order. Records about sites and
 * new media are ignored; a unit record naming a unit the registry does not have, or an indicator
 * that is not a unit item, throws naming the record's file.
 */
export function unitProblems(records: readonly RecordRef[], units: UnitTree): UnitProblem[] {
  const byId = new Map<string, UnitProblem>();
  for (const { file, data } of records) {
    if (data.unit === undefined) continue;
    if (!units.byId.has(data.unit)) throw new Error(`${file}: unit ${data.unit} is not in units.yaml`);
    const item = indicator(data.indicator);
    if (item?.subject !== 'unit') throw new Error(`${file}: ${data.indicator} is not an item about a unit (${indicatorsAbout('unit').map((m) => m.id).join(', ')})`);
    let p = byId.get(item.id);
    if (!p) byId.set(item.id, (p = { indicator: item.id, title: item.title, wording: item.noticeWording ?? item.title, units: [] }));
    if (!p.units.some((u) => u.unit === data.unit)) p.units.push({ unit: data.unit, name: unitName(units, data.unit) });
  }
  const list = [...byId.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : 1));
  for (const p of list) p.units.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return list;
}

/** X、Y等单位未按要求报送网站自查报告 (one unit: X未按要求…); past the limit, 等 N 个单位. */
export function unitProblemSentence(p: UnitProblem, limit = NAMED_SITES): string {
  const { shown, more } = namedSites(p.units, limit);
  const names = shown.map((u) => u.name).join('、');
  const who = more > 0 ? `${names}等 ${p.units.length} 个单位` : p.units.length > 1 ? `${names}等单位` : names;
  return `${who}${p.wording}`;
}
