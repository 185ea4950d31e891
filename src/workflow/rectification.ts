// Rectification (整改): a named problem re-checked against a site's fresh rule runs (npm run rectify).
// The records and what they come to are in src/store/rectification.ts.
import { isProblemIndicator } from '../inspector/catalogue/index.ts';
import type { RuleRun } from '../inspector/engine/run-rules.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { Recheck } from '../schemas/rectification.ts';
import { namedProblems, type NamedProblem } from '../store/rectification.ts';

/** The problems a quarter's notice named (namedProblems with the catalogue's kinds). */
export function problemsNamed(rows: readonly SiteQuarter[]): NamedProblem[] {
  return namedProblems(rows, isProblemIndicator);
}

/**
 * Items about something that happened (a message answered late): it cannot be undone, and a
 * re-check that no longer sees it has only seen it leave the rule's window. Not re-checked.
 */
export const PAST_EVENTS: ReadonlySet<string> = new Set(['message-overdue', 'error-report-overdue']);

/** Why a past event is not re-checked. */
export const PAST_EVENT_NOT_RECHECKED = '超期答复是已发生的事实，复核不作认定（期限后不再出现只是超出了检查的时间范围）';

/** Why an inspector's record is not re-checked by the crawl. */
export const MANUAL_NOT_RECHECKED = '人工检查发现的问题，须由检查人员复核';

/** Why a problem not seen again is not taken for fixed: the re-check could not look where it was. */
export const NOT_LOOKED_AT = '复核时未能查看该问题所在之处（页面未读到、链接未检查或栏目无法判断），不认定为已整改';

/**
 * One named problem re-checked against a site's fresh rule runs on `date`: still reported (open,
 * with the evidence), not reported where the re-check looked (fixed, with how it looked: `lookedAt`,
 * the daily monitor's own test, recheckerOf), or not judged (the rule did not run, did not apply or
 * erred; the page was not read or the link not checked; an inspector's item). Not seeing a problem
 * is never taken for a fix by itself.
 */
export function recheck(p: NamedProblem, runs: readonly RuleRun[], date: string, lookedAt: (p: NamedProblem) => string | undefined): Recheck {
  const row = { date, site: p.site, indicator: p.indicator, target: p.target };
  if (p.source === 'manual') return { ...row, state: 'unjudged', detail: MANUAL_NOT_RECHECKED };
  if (PAST_EVENTS.has(p.indicator)) return { ...row, state: 'unjudged', detail: PAST_EVENT_NOT_RECHECKED };
  const run = runs.find((r) => r.indicator.id === p.indicator);
  if (!run) return { ...row, state: 'unjudged', detail: '复核时该项未检查（规则文件中已停用）' };
  const o = run.outcome;
  if (o.status === 'not_applicable') return { ...row, state: 'unjudged', detail: o.reason };
  if (o.status === 'error') return { ...row, state: 'unjudged', detail: `检查规则出错：${o.message}` };
  const seen = o.status === 'fail' ? o.findings.find((f) => f.target === p.target) : undefined;
  if (seen) return { ...row, state: 'open', detail: seen.detail };
  const how = lookedAt(p);
  return how === undefined ? { ...row, state: 'unjudged', detail: NOT_LOOKED_AT } : { ...row, state: 'fixed', detail: how };
}

