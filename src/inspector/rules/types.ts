// The contract every rule (one indicator of ../shared/indicators.md) fulfils.
import type { Dictionary } from '../../schemas/dictionary.ts';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import type { AssessmentItem, IndicatorFinding, IndicatorKind, IndicatorOutcome } from '../indicator.ts';
import type { WorkCalendar } from '../workdays.ts';

/** A finding as a rule reports it; scoring adds the rule's clause. */
export type RuleFinding = IndicatorFinding;

/** What a rule concluded for one site. */
export type RuleOutcome = IndicatorOutcome;

/** How a rule's indicator counts (src/inspector/indicator.ts): every kind but problem, which only media and units have. */
export type RuleKind = Exclude<IndicatorKind, 'problem'>;

/** Points of one indicator from the rules file, by name (e.g. home: 0.2, other: 0.1). */
export type Points = Readonly<Record<string, number>>;

/** The shared tables every rule may read: the rules file, the wording-error dictionary, the working-day calendar. */
export interface RunContext {
  /** The whole rules file (column classes, pass line). */
  config: RulesConfig;
  /** The wording-error dictionary. */
  dictionary: Dictionary;
  /** Working days on the official holiday calendar (content/holidays.yaml over the chinese-days package). */
  calendar: WorkCalendar;
}

/** What a rule reads besides the snapshot: its settings from the rules file, and the shared tables. */
export interface RuleContext extends RunContext {
  /** Named point values of this indicator. */
  points: Points;
  /** Named thresholds and windows of this indicator (e.g. days: 14). */
  params: Points;
}

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
  /** Names of the thresholds and windows it reads from the rules file. */
  params?: readonly string[];
  /**
   * It counts working days (ctx.calendar): when the calendar lacks the as-of date's year, the runner
   * makes it not applicable with the reason, and every other rule still runs.
   */
  countsWorkdays?: true;
  /**
   * It judges the site's answers (HTTP, TLS, DNS, its address), not what a page shows, or it loads the
   * pages it judges itself (the accessibility audit): the note that a finding rests on a page the
   * crawl rendered, or read statically, does not apply to it.
   */
  siteLevel?: true;
  /** Chinese names of the targets it reports, when they are ids (the portal shows them). */
  targetNames?: Readonly<Record<string, string>>;
  /** Each inspector's record of it costs the responsible unit this amount of rules.yaml's assessment:. */
  assessment?: AssessmentItem;
  /** Why the sandbox seeds no defect of it, when it does not (the registry's meta-test asks for one or the other). */
  unseeded?: string;
  run(snapshot: SiteSnapshot, ctx: RuleContext): RuleOutcome;
}

/** A rule, with its types checked. */
export const defineRule = (rule: Rule): Rule => rule;
