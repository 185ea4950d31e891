// The one indicator catalogue: every crawl rule (rules/index.ts, one line per rule) and every item
// only a person can check (manual.ts), with what each is: title, clause, kind, subject, settings.
// Record validation, the runner, scoring, the command line, the report, the portal's names and the
// annual assessment all read it; nothing lists indicators anywhere else.
import type { IndicatorDef, Subject } from '../indicator.ts';
import { RULES } from '../rules/index.ts';
import { MANUAL_INDICATORS } from './manual.ts';

/** The column classes' Chinese names (动态要闻类 …), for the portal's pages of the update rules. */
export { CLASS_NAMES } from '../rules/lib/columns.ts';

/** Every indicator: the crawl's rules (alphabetical), then the manual items (site, media, unit). */
export const INDICATORS: readonly IndicatorDef[] = [
  ...RULES.map((r): IndicatorDef => ({
    id: r.id,
    title: r.title,
    clause: r.clause,
    kind: r.kind,
    subject: 'site',
    check: 'crawl',
    points: r.points,
    params: r.params ?? [],
    ...(r.targetNames ? { targetNames: r.targetNames } : {}),
    ...(r.assessment ? { assessment: r.assessment } : {}),
  })),
  ...MANUAL_INDICATORS,
];

const BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.id, d]));
if (BY_ID.size !== INDICATORS.length) {
  const seen = new Set<string>();
  const twice = INDICATORS.filter((d) => seen.has(d.id) || !seen.add(d.id)).map((d) => d.id);
  throw new Error(`indicator ids listed twice (a rule and a manual item?): ${twice.join(', ')}`);
}

/** The indicator with this id; undefined for an id the catalogue does not know. */
export function indicator(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}

/** Whether a notice names an indicator's findings as problems: vetoes and deductions, not advice or bonuses. */
export function isProblemIndicator(id: string): boolean {
  const kind = BY_ID.get(id)?.kind;
  return kind === 'veto' || kind === 'deduction';
}

/** The indicators about one kind of subject, in catalogue order. */
export function indicatorsAbout(subject: Subject): IndicatorDef[] {
  return INDICATORS.filter((d) => d.subject === subject);
}

/** The crawl's indicators, in registry order. */
export const CRAWL_INDICATORS: readonly IndicatorDef[] = INDICATORS.filter((d) => d.check === 'crawl');
