// What an indicator of the national checklist (../shared/indicators.md) is, for every layer that
// names, records, scores or shows one: the crawl's rules and the items only a person can check
// share this definition, and src/inspector/catalogue/ lists them all.
import type { Finding } from '../schemas/findings.ts';

/**
 * How an indicator counts: a veto fails the site, a deduction costs points up to a cap, a bonus
 * adds points up to a cap when the score is above the bonus line, advice costs nothing, and a
 * problem (a new media account's or a unit's) is listed in the notice without a score of its own.
 */
export type IndicatorKind = 'veto' | 'deduction' | 'bonus' | 'advice' | 'problem';

/** What an indicator is about: a website, a new media account, or the responsible unit itself. */
export type Subject = 'site' | 'media' | 'unit';

/** The items of rules.yaml's assessment: a record of the indicator costs its unit that amount (seed 002). */
export type AssessmentItem = 'overdueMessage' | 'selfInspectionMissing';

/** One indicator. */
export interface IndicatorDef {
  /** Kebab-case id; a rule's equals its file name (STYLE 1) and never changes. */
  id: string;
  /** Short Chinese name as in the national table or the notices, e.g. 链接不可用. */
  title: string;
  /** The national clause it applies, as findings quote it. */
  clause: string;
  kind: IndicatorKind;
  subject: Subject;
  /** Checked by the crawl (a rule; inspectors may record it too), or only by a person. */
  check: 'crawl' | 'manual';
  /** Names of the point values it reads from rules.yaml (each, for the manual deduction and bonus items). */
  points: readonly string[];
  /** Names of the thresholds and windows it reads from rules.yaml. */
  params: readonly string[];
  /** Chinese names of the targets it reports, when they are ids (identity marks: conac → 党政机关网站标识). */
  targetNames?: Readonly<Record<string, string>>;
  /** Each inspector's record of it costs the responsible unit this amount of rules.yaml's assessment:. */
  assessment?: AssessmentItem;
  /** How the notice's 二、主要问题 words a unit item after the units' names, when not by its title. */
  noticeWording?: string;
}

/** What scoring reads of an indicator. */
export type ScoredIndicator = Pick<IndicatorDef, 'id' | 'kind' | 'clause'>;

/** A finding as a rule or a record reports it; scoring adds the indicator's clause. */
export type IndicatorFinding = Omit<Finding, 'clause'>;

/** What one indicator came to on one site (STYLE 2: tagged, never booleans plus nulls). */
export type IndicatorOutcome =
  | { status: 'pass' }
  | { status: 'fail'; findings: IndicatorFinding[] }
  | { status: 'not_applicable'; reason: string }
  | { status: 'error'; message: string };

/** An indicator with its outcome on a site: what scoring reads. */
export interface IndicatorResult {
  indicator: ScoredIndicator;
  outcome: IndicatorOutcome;
}
