// Pure scoring: rule results + rules file → findings, vetoes, score and verdict (the national method,
// ../shared/indicators.md "How a website is judged").
import type { Finding } from '../../schemas/findings.ts';
import type { Site } from '../../schemas/registry.ts';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import type { IndicatorResult } from '../indicator.ts';

export interface Score {
  verdict: 'pass' | 'fail';
  /** Deduction part (100 − capped deductions, scaled for departments without services) plus bonus, one decimal. */
  score: number;
  /** Bonus points included in the score. */
  bonus: number;
  /** The deduction part was scored out of noServicesOutOf and scaled to 100. */
  noServices: boolean;
  vetoes: string[];
  findings: Finding[];
  /** Points lost per indicator after its cap. */
  deductions: Record<string, number>;
  errors: Array<{ indicator: string; message: string }>;
  /** Rules that did not apply, with their reasons. */
  notApplicable: Array<{ indicator: string; reason: string }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings in the order they are written: indicator, target, page. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.target, b.target) || cmp(a.page, b.page));
}

// Points are summed in hundredths so that 0.1 + 0.2 is 0.3, not 0.30000000000000004.
const toHundredths = (p: number) => Math.round(p * 100);
const oneDecimal = (hundredths: number) => Math.round(hundredths / 10) / 10;

/**
 * 1. Any veto ⇒ fail. 2. Otherwise 100 − Σ min(cap, Σ points) per indicator; a department without
 * public services is scored out of noServicesOutOf (75) and scaled to 100 (× 4/3); below the pass
 * line ⇒ fail. 3. Above the bonus line, a portal's bonus items are added (each capped).
 * Indicators that errored or do not apply cost nothing (they are reported, not scored). Each
 * finding gets its indicator's clause. A problem item (media, units) has no place on a site.
 */
export function score(results: readonly IndicatorResult[], config: RulesConfig, site: Pick<Site, 'kind' | 'services'>): Score {
  const findings: Finding[] = [];
  const vetoes: string[] = [];
  const deductions: Record<string, number> = {};
  const errors: Score['errors'] = [];
  const notApplicable: Score['notApplicable'] = [];
  let lost = 0;
  let bonus = 0;
  const bonusFindings: Finding[] = [];
  for (const { indicator, outcome } of results) {
    if (outcome.status === 'error') errors.push({ indicator: indicator.id, message: outcome.message });
    if (outcome.status === 'not_applicable') notApplicable.push({ indicator: indicator.id, reason: outcome.reason });
    if (outcome.status !== 'fail') continue;
    const withClause = (f: (typeof outcome.findings)[number], points = f.points): Finding => ({ ...f, points, clause: indicator.clause });
    const capOf = () => toHundredths(config.indicators[indicator.id]?.cap ?? Infinity);
    const sum = () => Math.min(capOf(), outcome.findings.reduce((s, f) => s + toHundredths(f.points), 0));
    if (indicator.kind === 'problem') throw new Error(`${indicator.id} is an item about a new media account or a unit, not a website`);
    if (indicator.kind === 'veto') {
      vetoes.push(indicator.id);
      findings.push(...outcome.findings.map((f) => withClause(f, 0)));
    } else if (indicator.kind === 'advice') {
      findings.push(...outcome.findings.map((f) => withClause(f, 0)));
    } else if (indicator.kind === 'bonus') {
      bonusFindings.push(...outcome.findings.map((f) => withClause(f)));
      bonus += sum();
    } else {
      findings.push(...outcome.findings.map((f) => withClause(f)));
      const capped = sum();
      deductions[indicator.id] = capped / 100;
      lost += capped;
    }
  }
  const noServices = site.kind === 'department' && site.services === false;
  const outOf = noServices ? toHundredths(config.noServicesOutOf) : 10_000;
  // Deductions beyond the whole out-of part leave 0, never a negative score.
  const base = Math.max(0, Math.round(((outOf - lost) * 10_000) / outOf));
  const deductionPart = oneDecimal(base);
  const bonusCounts = site.kind === 'portal' && bonus > 0 && deductionPart > config.bonusAbove;
  const value = bonusCounts ? oneDecimal(base + bonus) : deductionPart;
  // A bonus seen on a site that does not qualify for it keeps its points in the file (a later
  // re-score, after a dismissal lifts the score above the line, needs them); the score's bonus
  // field says what counted, and the pages show the rest as not counted.
  findings.push(...bonusFindings);
  vetoes.sort(cmp);
  return {
    verdict: vetoes.length > 0 || deductionPart < config.passLine ? 'fail' : 'pass',
    score: value,
    bonus: bonusCounts ? bonus / 100 : 0,
    noServices,
    vetoes,
    findings: sortFindings(findings),
    deductions,
    errors: errors.sort((a, b) => cmp(a.indicator, b.indicator)),
    notApplicable: notApplicable.sort((a, b) => cmp(a.indicator, b.indicator)),
  };
}
