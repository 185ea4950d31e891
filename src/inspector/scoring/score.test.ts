import { describe, expect, test } from 'vitest';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import type { IndicatorKind, IndicatorOutcome, IndicatorResult } from '../indicator.ts';
import type { Site } from '../../schemas/registry.ts';
import { context } from '../rules/snapshot.test-helpers.ts';
import { score as scoreOf } from './score.ts';

const config: RulesConfig = {
  ...context('none').config,
  passLine: 60,
  bonusAbove: 80,
  noServicesOutOf: 75,
  indicators: {
    veto: { enabled: true, points: {}, params: {} },
    small: { enabled: true, cap: 1, points: {}, params: {} },
    big: { enabled: true, cap: 50, points: {}, params: {} },
    advice: { enabled: true, points: {}, params: {} },
    extra: { enabled: true, cap: 3, points: {}, params: {} },
  },
};
const PORTAL = { kind: 'portal' } as const;
const score = (runs: IndicatorResult[], c: RulesConfig = config, site: Pick<Site, 'kind' | 'services'> = PORTAL) => scoreOf(runs, c, site);
const fail = (id: string, ...points: number[]): IndicatorOutcome => ({
  status: 'fail',
  findings: points.map((p, i) => ({ indicator: id, target: `t${String(i).padStart(2, '0')}`, page: 'p', points: p, detail: '' })),
});
const run = (id: string, kind: IndicatorKind, outcome: IndicatorOutcome): IndicatorResult => ({ indicator: { id, kind, clause: '测试条款' }, outcome });

describe('score', () => {
  test('no findings: 100 and pass', () => {
    expect(score([run('small', 'deduction', { status: 'pass' })], config)).toMatchObject({ verdict: 'pass', score: 100, vetoes: [], findings: [] });
  });

  test('deductions are summed exactly in tenths: 0.1 × 3 + 0.2 = 0.5', () => {
    const s = score([run('small', 'deduction', fail('small', 0.1, 0.1, 0.1, 0.2))], config);
    expect(s.score).toBe(99.5);
    expect(s.deductions).toEqual({ small: 0.5 });
  });

  test('an item never costs more than its cap: 12 × 0.2 capped at 1', () => {
    const s = score([run('small', 'deduction', fail('small', ...Array(12).fill(0.2)))], config);
    expect(s.score).toBe(99);
    expect(s.findings).toHaveLength(12);
  });

  test('a veto fails the site whatever the score, and costs no points', () => {
    const s = score([run('veto', 'veto', fail('veto', 5))], config);
    expect(s).toMatchObject({ verdict: 'fail', score: 100, vetoes: ['veto'] });
    expect(s.findings[0]!.points).toBe(0);
  });

  test('below the pass line fails; exactly on it passes', () => {
    expect(score([run('big', 'deduction', fail('big', 40.1))], config)).toMatchObject({ verdict: 'fail', score: 59.9 });
    expect(score([run('big', 'deduction', fail('big', 40))], config)).toMatchObject({ verdict: 'pass', score: 60 });
  });

  test('the pass line comes from the rules file', () => {
    expect(score([run('big', 'deduction', fail('big', 15))], { ...config, passLine: 90 }).verdict).toBe('fail');
  });

  test('advice is listed at 0 points; errors and not-applicable cost nothing but errors are reported', () => {
    const s = score(
      [
        run('advice', 'advice', fail('advice', 3)),
        run('small', 'deduction', { status: 'error', message: 'boom' }),
        run('big', 'deduction', { status: 'not_applicable', reason: 'n/a' }),
      ],
      config,
    );
    expect(s).toMatchObject({ verdict: 'pass', score: 100, errors: [{ indicator: 'small', message: 'boom' }] });
    expect(s.findings.map((f) => f.points)).toEqual([0]);
  });

  test('findings are sorted by indicator, then target', () => {
    const s = score([run('small', 'deduction', fail('small', 0.1, 0.1)), run('big', 'deduction', fail('big', 1))], config);
    expect(s.findings.map((f) => `${f.indicator}/${f.target}`)).toEqual(['big/t00', 'small/t00', 'small/t01']);
  });

  test('each finding carries its rule\'s clause', () => {
    const s = score([run('small', 'deduction', fail('small', 0.1))]);
    expect(s.findings[0]!.clause).toBe('测试条款');
  });

  test('bonus items are added above the bonus line, capped, on portals only', () => {
    const runs = [run('big', 'deduction', fail('big', 10)), run('extra', 'bonus', fail('extra', 2, 2))];
    expect(score(runs)).toMatchObject({ score: 93, bonus: 3 });
    expect(score(runs, config, { kind: 'department' })).toMatchObject({ score: 90, bonus: 0 });
    // 80 is not above 80: the bonus does not count, but the finding keeps its 2 points for a later re-score.
    const atLine = score([run('big', 'deduction', fail('big', 20)), run('extra', 'bonus', fail('extra', 2))]);
    expect(atLine).toMatchObject({ score: 80, bonus: 0 });
    expect(atLine.findings.find((f) => f.indicator === 'extra')!.points).toBe(2);
  });

  test('a bonus never rescues a site below the pass line or with a veto', () => {
    expect(score([run('big', 'deduction', fail('big', 45)), run('extra', 'bonus', fail('extra', 3))]).verdict).toBe('fail');
    expect(score([run('veto', 'veto', fail('veto', 0)), run('extra', 'bonus', fail('extra', 3))]).verdict).toBe('fail');
  });

  test('a department without public services is scored out of 75 and scaled by 4/3', () => {
    // 75 − 15 = 60 of 75 → 80 of 100 (by hand: 60 × 4/3 = 80).
    const dept = { kind: 'department', services: false } as const;
    expect(score([run('big', 'deduction', fail('big', 15))], config, dept)).toMatchObject({ score: 80, noServices: true, verdict: 'pass' });
    // 75 − 31 = 44 → 58.7 (44 × 4/3 = 58.67): fails where a site with services (69) passes.
    expect(score([run('big', 'deduction', fail('big', 31))], config, dept)).toMatchObject({ score: 58.7, verdict: 'fail' });
    expect(score([run('big', 'deduction', fail('big', 31))], config, { kind: 'department' })).toMatchObject({ score: 69, verdict: 'pass', noServices: false });
  });
});
