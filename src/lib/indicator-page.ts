// What the portal's page of one indicator says (src/pages/indicators/): the checklist's clause, the
// office's settings from rules.yaml in words, and the guide — how it is checked, what passes, how to
// fix it, when the check can be wrong — from the catalogue's guides (crawl rules) or, for an item
// only a person checks, from its kind and subject.
import { GUIDES, type IndicatorGuide } from '../inspector/catalogue/guides.ts';
import { CLASS_NAMES, INDICATORS } from '../inspector/catalogue/index.ts';
import type { IndicatorDef, IndicatorKind } from '../inspector/indicator.ts';
import type { ColumnClass, RulesConfig } from '../schemas/rules-config.ts';

/** Every indicator with a page, in the catalogue's order. */
export const INDICATOR_PAGES: readonly IndicatorDef[] = INDICATORS;

/** Chinese names of the kinds, as the page's heading tags them. */
export const KIND_NAMES: Readonly<Record<IndicatorKind, string>> = {
  veto: '单项否决',
  deduction: '扣分项',
  bonus: '加分项',
  advice: '建议项（不扣分）',
  problem: '问题项（列入通报，不计分）',
};

/** Chinese names of what an indicator is about. */
export const SUBJECT_NAMES: Readonly<Record<IndicatorDef['subject'], string>> = { site: '政府网站', media: '政务新媒体', unit: '主管单位' };

/** What a point value of rules.yaml is for, by its name. */
const POINT_NAMES: Readonly<Record<string, string>> = {
  home: '首页每处',
  other: '其他页面每处',
  each: '每处（每项）',
  missing: '无站内搜索或搜索不可用',
  page: '每个页面',
  news: '动态要闻类栏目',
  policy: '通知公告、政策文件类栏目',
  interpretation: '政策解读类栏目',
  overview: '概况信息',
  functions: '机构职能',
  leaders: '领导信息',
  recent: '近期有更新',
  older: '较早有更新',
  silent: '长期无公开留言',
  field: '公开留言缺少一项要素',
};

/** A point value whose meaning differs for one indicator, by indicator and name. */
const POINT_NAMES_OF: Readonly<Record<string, string>> = {
  'column-stale.other': '其他应更新栏目每个',
  'meta-tags-missing.page': '缺少标签的页面每个',
  'search-missing.missing': '无站内搜索或搜索不可用',
};

/** What a threshold of rules.yaml is, by indicator and name. */
const PARAM_NAMES: Readonly<Record<string, string>> = {
  'site-unreachable.minProbes': '依据探测记录判定所需的最少探测次数',
  'site-unreachable.failurePercent': '探测失败比例达到此值（%）即单项否决',
  'homepage-not-updated.days': '首页无新信息的天数达到此值即单项否决',
  'columns-not-updated.staleMain': '动态要闻、通知公告、政策文件类栏目不更新的个数达到此值即单项否决',
  'columns-not-updated.staleAny': '应更新类栏目不更新的个数达到此值即单项否决',
  'columns-not-updated.blank': '空白栏目的个数达到此值即单项否决',
  'data-release-updated.recentDays': '“近期有更新”的天数',
  'data-release-updated.olderDays': '“较早有更新”的天数',
  'severe-error.maxSerious': '严重错别字超过此处数即单项否决',
  'severe-error.futureDays': '发布日期晚于监测时间点超过此天数视为伪造',
  'interaction-unresponsive.lookbackDays': '检查监测时间点之前多少天内的留言',
  'interaction-unresponsive.unansweredDays': '留言超过此天数未答复即单项否决',
  'messages-not-public.silentDays': '超过此天数无公开留言即扣分',
  'message-overdue.workdays': '答复时限（工作日）',
  'message-overdue.lookbackDays': '检查监测时间点之前多少天内的留言',
};

/** One line of the page's settings table. */
export interface SettingRow {
  name: string;
  value: string;
}

/**
 * The indicator's settings in rules.yaml, in words: switched off, the cap, each point value and
 * threshold, and the column windows an update rule reads. A name this file does not know shows as
 * itself, so a setting added to the rules file is never hidden.
 */
export function settingRows(def: Pick<IndicatorDef, 'id' | 'kind'>, config: RulesConfig): SettingRow[] {
  const id = def.id;
  const c = config.indicators[id];
  if (!c) return [];
  const rows: SettingRow[] = [];
  const sign = def.kind === 'bonus' ? '加分' : '扣分';
  if (!c.enabled) rows.push({ name: '是否检查', value: '本平台未启用此项检查' });
  for (const [name, value] of Object.entries(c.points)) rows.push({ name: `${sign}：${POINT_NAMES_OF[`${id}.${name}`] ?? POINT_NAMES[name] ?? name}`, value: `${value} 分` });
  if (c.cap !== undefined) rows.push({ name: `本项最多${sign}`, value: `${c.cap} 分` });
  for (const [name, value] of Object.entries(c.params)) rows.push({ name: PARAM_NAMES[`${id}.${name}`] ?? name, value: String(value) });
  if (id === 'column-stale' || id === 'columns-not-updated') {
    for (const [cls, col] of Object.entries(config.columns) as [ColumnClass, RulesConfig['columns'][ColumnClass]][]) {
      rows.push({ name: `${CLASS_NAMES[cls]}栏目的更新期限`, value: col.window === null ? '不要求定期更新' : `${col.window} 天` });
    }
  }
  if (id === 'column-missing') {
    for (const req of Object.values(config.requiredColumns)) rows.push({ name: `必设栏目“${req.name}”的识别词`, value: req.keywords.join('、') });
  }
  return rows;
}

/** The guide of an indicator: the catalogue's for a crawl rule, else one from its kind and subject (a person checks it). */
export function guideOf(def: IndicatorDef): IndicatorGuide {
  const guide = GUIDES[def.id];
  if (guide) return guide;
  if (def.check === 'crawl') throw new Error(`src/inspector/catalogue/guides.ts has no guide for the crawl rule ${def.id}`);
  const who = SUBJECT_NAMES[def.subject];
  const record = '每条问题都有检查记录（检查人、检查日期，多数附截图），可在网站页面的问题证据中查看';
  if (def.kind === 'bonus') {
    return {
      measure: `由检查人员人工检查${who}是否提供“${def.title}”，${record}。`,
      pass: '检查人员确认提供该功能且可正常使用的，按本页设置加分；加分只计入得分高于加分线的门户网站。',
      fix: `在${who}上提供“${def.title}”功能并保证可用，在下次检查前告知检查单位。`,
      falseFindings: '功能已提供但检查人员未找到的，请说明入口位置，附截图和页面地址，申请复核。',
    };
  }
  return {
    measure: `由检查人员人工检查，对象为${who}；${record}。`,
    pass: `检查中未发现“${def.title}”问题。`,
    fix: `对照检查记录中的证据逐项整改“${def.title}”问题，整改后保留截图，按通报要求报送整改情况。`,
    falseFindings: '检查记录与实际不符的（如检查时已整改、截图不是本单位的账号或网站），请附截图、时间和地址，申请复核。',
  };
}

/** How a unit asks for review, the same for every indicator: the workflow's review and errata. */
export const REVIEW_STEPS: readonly string[] = [
  '对检查结果有异议的，网站主管单位可向检查单位提出复核申请，写明网站、指标和问题对象，并附证据：页面截图、访问时间、页面地址，能说明问题的更新记录或日志。',
  '通报为草稿（复核中）时提出的，检查人员复核后，不予认定的问题列入网站页面的“经复核不予认定”，写明理由，不计入得分和结论；确认的问题注明复核人和日期。',
  '通报正式发布后发现误判的，由检查单位发布勘误，通报页面的“勘误”一节列出更正内容、原因和涉及的文件。',
];
