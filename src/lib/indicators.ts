// Read-side names of the indicators in ../shared/indicators.md (国办秘函〔2019〕19号), for pages,
// all from the one catalogue (src/inspector/catalogue/): the crawl's rules and the manual items.
import { INDICATORS, indicator } from '../inspector/catalogue/index.ts';
import type { IndicatorKind, Subject } from '../inspector/indicator.ts';

export type { IndicatorKind } from '../inspector/indicator.ts';

/** Chinese title of an indicator; an id the portal does not know yet shows as itself. */
export function indicatorTitle(id: string): string {
  return indicator(id)?.title ?? id;
}

/** Whether the indicator is a veto item (单项否决). */
export function isVetoIndicator(id: string): boolean {
  return indicatorKind(id) === 'veto';
}

/** The kind of an indicator (veto, deduction, bonus, advice, problem); an id the portal does not know counts as a deduction. */
export function indicatorKind(id: string): IndicatorKind {
  return indicator(id)?.kind ?? 'deduction';
}

/** What an indicator is about: an id the portal does not know is about a website. */
export function indicatorSubject(id: string): Subject {
  return indicator(id)?.subject ?? 'site';
}

/** Every indicator id the portal has a title for: the rules', then the manual ones. */
export const KNOWN_INDICATORS: readonly string[] = INDICATORS.map((d) => d.id);

/** The identity marks identity-mark-missing reports, by id, with their Chinese names. */
const MARK_NAMES: Readonly<Record<string, string>> = indicator('identity-mark-missing')?.targetNames ?? {};

/** Chinese name of an identity mark id (target of identity-mark-missing). */
export function markName(id: string): string {
  return MARK_NAMES[id] ?? id;
}

/** What a finding of the indicator points at, for people: the target's Chinese name when the indicator names its targets by id (identity marks), else the target as written. */
export function targetName(id: string, target: string): string {
  return indicator(id)?.targetNames?.[target] ?? target;
}

/** Identity mark ids in display order. */
export const MARK_ORDER: readonly string[] = Object.keys(MARK_NAMES);
