// Read-side names of the indicators in ../shared/indicators.md (国办秘函〔2019〕19号), for pages.
import { MARK_NAMES } from '../inspector/rules/identity-mark-missing.ts';

/** Veto items (单项否决): any one fails the site. */
const VETOES: Readonly<Record<string, string>> = {
  'site-unreachable': '站点无法访问',
  'homepage-not-updated': '首页不更新',
  'columns-not-updated': '栏目不更新',
  'interaction-unresponsive': '互动回应差',
  'service-unusable': '服务不实用',
  'severe-error': '严重表述错误、泄密等问题',
  'media-not-updated': '政务新媒体内容不更新',
  'media-no-interaction': '政务新媒体无互动功能',
  'media-severe-error': '政务新媒体严重表述错误等问题',
};

/** Deduction (扣分) and advice items. */
const OTHERS: Readonly<Record<string, string>> = {
  'broken-link': '链接不可用',
  'column-stale': '栏目更新不及时',
  'column-blank': '空白栏目',
  'column-missing': '栏目缺失',
  'identity-mark-missing': '网站标识缺失',
  'domain-nonstandard': '域名或网站名称不规范',
  'error-report-entry-missing': '缺少“我为政府网站找错”入口',
  'error-report-overdue': '网民纠错办理超期',
  'search-missing': '站内搜索不达标',
  'meta-tags-missing': '网页元数据标签缺失',
  'messages-not-public': '留言办理未公开',
  'message-overdue': '留言办理超期',
  'ipv6-missing': '未支持IPv6访问',
  compatibility: '浏览器兼容性差',
  'https-missing': '未启用HTTPS（建议）',
};


/** Chinese title of an indicator; an id the portal does not know yet shows as itself. */
export function indicatorTitle(id: string): string {
  return VETOES[id] ?? OTHERS[id] ?? id;
}

/** Whether the indicator is a veto item (单项否决). */
export function isVetoIndicator(id: string): boolean {
  return id in VETOES;
}

/** Every indicator id the portal has a title for. */
export const KNOWN_INDICATORS: readonly string[] = [...Object.keys(VETOES), ...Object.keys(OTHERS)];

/** Chinese name of an identity mark id (target of identity-mark-missing). */
export function markName(id: string): string {
  return (MARK_NAMES as Readonly<Record<string, string>>)[id] ?? id;
}

/** Identity mark ids in display order. */
export const MARK_ORDER: readonly string[] = Object.keys(MARK_NAMES);
