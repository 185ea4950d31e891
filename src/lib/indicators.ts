// Read-side names of the indicators in ../shared/indicators.md (国办秘函〔2019〕19号), for pages.
// Two sources, one each: the crawl's rules and the manual indicators that need a person.
import { MANUAL_BY_ID, type Subject } from '../inspector/indicators/manual.ts';
import { MARK_NAMES } from '../inspector/rules/identity-mark-missing.ts';
import { RULES } from '../inspector/rules/index.ts';
import type { RuleKind } from '../inspector/rules/types.ts';

/** The crawl's rules: their titles and kinds are the one source for the indicators they check. */
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Chinese title of an indicator; an id the portal does not know yet shows as itself. */
export function indicatorTitle(id: string): string {
  return RULE_BY_ID.get(id)?.title ?? MANUAL_BY_ID.get(id)?.title ?? id;
}

/** Whether the indicator is a veto item (单项否决). */
export function isVetoIndicator(id: string): boolean {
  return indicatorKind(id) === 'veto';
}

/**
 * What an indicator does: veto, deduction, bonus (加分), advice (建议, never scored), or problem (a
 * new media or unit item listed in the notice without a score or verdict of its own).
 */
export type IndicatorKind = RuleKind | 'problem';

/** The kind of an indicator; an id the portal does not know counts as a deduction. */
export function indicatorKind(id: string): IndicatorKind {
  return RULE_BY_ID.get(id)?.kind ?? MANUAL_BY_ID.get(id)?.kind ?? 'deduction';
}

/** What an indicator is about: a crawl rule and an unknown id are about a website. */
export function indicatorSubject(id: string): Subject {
  return MANUAL_BY_ID.get(id)?.subject ?? 'site';
}

/** Every indicator id the portal has a title for: the rules', then the manual ones. */
export const KNOWN_INDICATORS: readonly string[] = [...new Set([...RULE_BY_ID.keys(), ...MANUAL_BY_ID.keys()])];

/** Chinese name of an identity mark id (target of identity-mark-missing). */
export function markName(id: string): string {
  return (MARK_NAMES as Readonly<Record<string, string>>)[id] ?? id;
}

/** Identity mark ids in display order. */
export const MARK_ORDER: readonly string[] = Object.keys(MARK_NAMES);
