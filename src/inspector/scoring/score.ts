// Pure scoring: rule results + rules file → findings, vetoes, score and verdict (the national method).
import type { Finding } from '../../schemas/findings.ts';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import type { RuleRun } from '../engine/run-rules.ts';

export interface Score {
  verdict: 'pass' | 'fail';
  /** 100 − capped deductions, one decimal. */
  score: number;
  vetoes: string[];
  findings: Finding[];
  /** Points lost per indicator after its cap. */
  deductions: Record<string, number>;
  errors: Array<{ indicator: string; message: string }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings in the order they are written: indicator, target, page. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.target, b.target) || cmp(a.page, b.page));
}

// Points are summed in hundredths so that 0.1 + 0.2 is 0.3, not 0.30000000000000004.
const toHundredths = (p: number) => Math.round(p * 100);

/**
 * Veto ⇒ fail. Otherwise 100 − Σ min(cap, Σ points) per indicator; below the pass line ⇒ fail.
 * Rules that errored or do not apply cost nothing (they are reported, not scored).
 */
export function score(runs: RuleRun[], config: RulesConfig): Score {
  const findings: Finding[] = [];
  const vetoes: string[] = [];
  const deductions: Record<string, number> = {};
  const errors: Score['errors'] = [];
  let lost = 0;
  for (const { rule, outcome } of runs) {
    if (outcome.status === 'error') errors.push({ indicator: rule.id, message: outcome.message });
    if (outcome.status !== 'fail') continue;
    if (rule.kind === 'veto') {
      vetoes.push(rule.id);
      findings.push(...outcome.findings.map((f) => ({ ...f, points: 0 })));
    } else if (rule.kind === 'advice') {
      findings.push(...outcome.findings.map((f) => ({ ...f, points: 0 })));
    } else {
      findings.push(...outcome.findings);
      const sum = outcome.findings.reduce((s, f) => s + toHundredths(f.points), 0);
      const cap = toHundredths(config.indicators[rule.id]?.cap ?? Infinity);
      const capped = Math.min(sum, cap);
      deductions[rule.id] = capped / 100;
      lost += capped;
    }
  }
  const value = Math.round((10_000 - lost) / 10) / 10;
  vetoes.sort(cmp);
  return {
    verdict: vetoes.length > 0 || value < config.passLine ? 'fail' : 'pass',
    score: value,
    vetoes,
    findings: sortFindings(findings),
    deductions,
    errors: errors.sort((a, b) => cmp(a.indicator, b.indicator)),
  };
}
