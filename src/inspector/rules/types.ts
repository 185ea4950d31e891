// The contract every rule (one indicator of ../shared/indicators.md) fulfils.
import type { Finding } from '../../schemas/findings.ts';
import type { SiteSnapshot } from '../crawl/snapshot.ts';

/** What a rule concluded for one site (STYLE 2: tagged, never booleans plus nulls). */
export type RuleOutcome =
  | { status: 'pass' }
  | { status: 'fail'; findings: Finding[] }
  | { status: 'not_applicable'; reason: string }
  | { status: 'error'; message: string };

/** How an indicator counts: a veto fails the site, a deduction costs points up to a cap, advice costs nothing. */
export type RuleKind = 'veto' | 'deduction' | 'advice';

/** Points of one indicator from the rules file, by name (e.g. home: 0.2, other: 0.1). */
export type Points = Readonly<Record<string, number>>;

/** One indicator's check: pure over the snapshot, never fetches. */
export interface Rule {
  /** Indicator id; equals the file name (STYLE 1). */
  id: string;
  /** Short Chinese name as in the national table, e.g. 链接不可用. */
  title: string;
  /** The national clause it applies. */
  clause: string;
  kind: RuleKind;
  /** Names of the point values it reads from the rules file. */
  points: readonly string[];
  run(snapshot: SiteSnapshot, points: Points): RuleOutcome;
}

/** A rule, with its types checked. */
export const defineRule = (rule: Rule): Rule => rule;
