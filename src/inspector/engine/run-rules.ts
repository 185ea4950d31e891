// Runs every enabled rule over one site's snapshot. A rule that throws becomes an error result for
// that site; it never stops the run (the Lighthouse habit).
import { isColumnEntity } from '../../schemas/registry.ts';
import { columnEntityItems, type RulesConfig } from '../../schemas/rules-config.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { InputError } from '../../errors.ts';
import { INDICATORS } from '../catalogue/index.ts';
import type { IndicatorResult } from '../indicator.ts';
import type { Rule, RuleOutcome, RunContext } from '../rules/types.ts';
import { CalendarGap } from '../workdays.ts';

/** A rule with what it concluded on one site. */
export interface RuleRun extends IndicatorResult {
  indicator: Rule;
}

/** Check that the rules file gives every point value each enabled rule reads; throw what is missing. */
export function checkRulesConfig(rules: readonly Rule[], config: RulesConfig, file = 'content/rules.yaml'): void {
  // Manual items (content/manual/) are configured here too; their records are checked when loaded.
  const known = new Set([...rules.map((r) => r.id), ...INDICATORS.filter((d) => d.subject === 'site').map((d) => d.id)]);
  const problems: string[] = [];
  for (const id of Object.keys(config.indicators)) if (!known.has(id)) problems.push(`indicators.${id}: no rule has this id`);
  config.columnEntities?.indicators.forEach((id, i) => {
    if (!known.has(id)) problems.push(`columnEntities.indicators[${i}]: no rule or manual item about a website has the id ${id}`);
  });
  for (const rule of rules) {
    const c = config.indicators[rule.id];
    if (!c) {
      problems.push(`indicators.${rule.id}: missing (set enabled: false to switch it off)`);
      continue;
    }
    if (!c.enabled) continue;
    for (const p of rule.points) if (c.points[p] === undefined) problems.push(`indicators.${rule.id}.points.${p}: missing`);
    for (const p of rule.params ?? []) if (c.params[p] === undefined) problems.push(`indicators.${rule.id}.params.${p}: missing`);
    if ((rule.kind === 'deduction' || rule.kind === 'bonus') && c.cap === undefined) problems.push(`indicators.${rule.id}.cap: missing (deductions and bonuses need a cap)`);
  }
  if (problems.length) throw new InputError(`${file} does not fit the rules:\n  ${problems.join('\n  ')}`);
}

/** Why a rule that counts working days is not applicable: the year's holiday arrangement is missing. */
export function calendarGapReason(year: number): string {
  return `${year} 年节假日安排未录入，无法计算工作日`;
}

/** Why an item is not judged on a 专栏 entity. */
export const NOT_FOR_COLUMNS = '不适用于专栏：专栏只按规则文件 columnEntities 所列指标检查，此项在其所在网站检查';

/**
 * Run the enabled rules in registry order. On a 专栏 entity (kind: column) only the items rules.yaml
 * lists under columnEntities run; the others are not applicable. A rule that counts working days is not applicable when
 * the calendar lacks the as-of date's year, or when it meets a date in a year the calendar lacks.
 */
export function runRules(snapshot: SiteSnapshot, rules: readonly Rule[], ctx: RunContext): RuleRun[] {
  const runs: RuleRun[] = [];
  const asOfYear = Number(snapshot.asOf.slice(0, 4));
  const only = isColumnEntity(snapshot.site) ? columnEntityItems(ctx.config) : undefined;
  for (const rule of rules) {
    const c = ctx.config.indicators[rule.id];
    if (!c?.enabled) continue;
    if (only && !only.has(rule.id)) {
      runs.push({ indicator: rule, outcome: { status: 'not_applicable', reason: NOT_FOR_COLUMNS } });
      continue;
    }
    let outcome: RuleOutcome;
    if (rule.countsWorkdays && !ctx.calendar.covers(snapshot.asOf)) {
      runs.push({ indicator: rule, outcome: { status: 'not_applicable', reason: calendarGapReason(asOfYear) } });
      continue;
    }
    try {
      outcome = rule.run(snapshot, { ...ctx, points: c.points, params: c.params });
      if (outcome.status === 'fail') {
        const stray = outcome.findings.find((f) => f.indicator !== rule.id);
        if (stray) throw new Error(`reported a finding for indicator ${stray.indicator}`);
        if (outcome.findings.length === 0) throw new Error('failed without a finding');
      }
    } catch (e) {
      outcome = e instanceof CalendarGap ? { status: 'not_applicable', reason: calendarGapReason(e.year) } : { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    runs.push({ indicator: rule, outcome });
  }
  return runs;
}
