// Read-side names of the indicators in ../shared/indicators.md (国办秘函〔2019〕19号), for pages.
import { MARK_NAMES } from '../inspector/rules/identity-mark-missing.ts';
import { RULES } from '../inspector/rules/index.ts';

/** The crawl's rules: their titles and kinds are the one source for the indicators they check. */
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Veto items (单项否决) that inspectors record by hand (no crawl rule). */
const MANUAL_VETOES: Readonly<Record<string, string>> = {
  'service-unusable': '服务不实用',
  'media-not-updated': '政务新媒体内容不更新',
  'media-no-interaction': '政务新媒体无互动功能',
  'media-severe-error': '政务新媒体严重表述错误等问题',
};

/** Deduction items that inspectors record by hand. */
const MANUAL_OTHERS: Readonly<Record<string, string>> = {
  'error-report-overdue': '网民纠错办理超期',
  'message-overdue': '留言办理超期',
  compatibility: '浏览器兼容性差',
};

/** Chinese title of an indicator; an id the portal does not know yet shows as itself. */
export function indicatorTitle(id: string): string {
  return RULE_BY_ID.get(id)?.title ?? MANUAL_VETOES[id] ?? MANUAL_OTHERS[id] ?? id;
}

/** Whether the indicator is a veto item (单项否决). */
export function isVetoIndicator(id: string): boolean {
  return indicatorKind(id) === 'veto';
}

/** What an indicator does to a score: veto, deduction, bonus (加分) or advice (建议, never scored). */
export type IndicatorKind = 'veto' | 'deduction' | 'bonus' | 'advice';

/** The kind of an indicator; a manual or unknown id that is not a veto counts as a deduction. */
export function indicatorKind(id: string): IndicatorKind {
  const rule = RULE_BY_ID.get(id);
  if (rule) return rule.kind;
  return id in MANUAL_VETOES ? 'veto' : 'deduction';
}

/** Every indicator id the portal has a title for. */
export const KNOWN_INDICATORS: readonly string[] = [...RULE_BY_ID.keys(), ...Object.keys(MANUAL_VETOES), ...Object.keys(MANUAL_OTHERS)];

/** Chinese name of an identity mark id (target of identity-mark-missing). */
export function markName(id: string): string {
  return (MARK_NAMES as Readonly<Record<string, string>>)[id] ?? id;
}

/** Identity mark ids in display order. */
export const MARK_ORDER: readonly string[] = Object.keys(MARK_NAMES);
