import { describe, expect, test } from 'vitest';
import type { Recheck } from '../schemas/rectification.ts';
import { byUnit, deadlineOf, verify, type NamedProblem } from '../store/rectification.ts';
import { NOT_LOOKED_AT, PAST_EVENT_NOT_RECHECKED, problemsNamed, recheck } from './rectification.ts';
import { row } from '../lib/fixtures.test-helpers.ts';
import { buildCalendar } from '../inspector/workdays.ts';
import type { RuleRun } from '../inspector/engine/run-rules.ts';
import { RULES } from '../inspector/rules/index.ts';

const check = (date: string, state: Recheck['state']): Recheck => ({ date, site: 'linhe', indicator: 'typo', target: '攻府', state, detail: '' });

describe('verify: a named problem\'s state from its re-checks and the deadline (11-30)', () => {
  test('the deadline\'s re-check decides; earlier ones never alone', () => {
    expect(verify([check('2026-11-30', 'fixed')], '2026-11-30', '2026-12-10')).toEqual({ state: 'fixed', checked: '2026-11-30' });
    // Seen gone before the deadline, but no re-check at it: not verified once it has passed, pending before.
    expect(verify([check('2026-11-20', 'fixed')], '2026-11-30', '2026-12-10')).toEqual({ state: 'unverified' });
    expect(verify([check('2026-11-20', 'fixed')], '2026-11-30', '2026-11-25')).toEqual({ state: 'pending' });
    // A re-check that ran a day late is the deadline's.
    expect(verify([check('2026-12-01', 'fixed')], '2026-11-30', '2026-12-10')).toEqual({ state: 'fixed', checked: '2026-12-01' });
  });
  test('still there at the deadline: fixed late when a later re-check finds it gone, else not fixed', () => {
    const open = check('2026-11-30', 'open');
    expect(verify([check('2026-12-07', 'fixed'), open], '2026-11-30', '2026-12-10')).toEqual({ state: 'fixed-late', checked: '2026-12-07', fixedOn: '2026-12-07' });
    expect(verify([open, check('2026-12-03', 'fixed'), check('2026-12-05', 'open'), check('2026-12-07', 'fixed'), check('2026-12-08', 'fixed')], '2026-11-30', '2026-12-10')).toEqual({ state: 'fixed-late', checked: '2026-12-08', fixedOn: '2026-12-07' });
    expect(verify([open, check('2026-12-07', 'open')], '2026-11-30', '2026-12-10')).toEqual({ state: 'not-fixed', checked: '2026-12-07' });
  });
  test('unjudged re-checks decide nothing', () => {
    expect(verify([check('2026-11-30', 'unjudged'), check('2026-12-02', 'open')], '2026-11-30', '2026-12-10')).toEqual({ state: 'not-fixed', checked: '2026-12-02' });
    expect(verify([check('2026-11-30', 'unjudged')], '2026-11-30', '2026-12-10')).toEqual({ state: 'unverified' });
  });
});

describe('the problems a notice named', () => {
  const f = (indicator: string, target: string, extra: object = {}) => ({ indicator, target, page: 'http://linhe.gov.cn/', points: 0.1, detail: 'd', clause: 'c', ...extra });
  test('counted vetoes and deductions, once per site, indicator and target; advice, bonuses and dismissed ones are not', () => {
    const r = row({ site: 'linhe', name: '临河', score: 90, findings: [f('typo', '攻府'), f('typo', '攻府', { page: 'http://linhe.gov.cn/a.html' }), f('severe-error', '攻府', { points: 0 }), f('https-missing', 'linhe.gov.cn', { points: 0 }), f('bonus-open-data', '数据', { points: 1 }), f('message-overdue', '《咨询》', { source: 'manual' })], dismissed: [f('broken-link', 'http://x/')] } as never);
    expect(problemsNamed([r]).map((p) => [p.indicator, p.target, p.source])).toEqual([
      ['message-overdue', '《咨询》', 'manual'],
      ['severe-error', '攻府', 'crawl'],
      ['typo', '攻府', 'crawl'],
    ]);
  });
});

describe('recheck: one named problem against a site\'s fresh rule runs', () => {
  const p: NamedProblem = { site: 'linhe', name: '临河', unit: 'linhe-bgs', indicator: 'typo', target: '攻府', page: 'http://linhe.gov.cn/', source: 'crawl' };
  const typo = RULES.find((r) => r.id === 'typo')!;
  const run = (outcome: RuleRun['outcome']): RuleRun[] => [{ indicator: typo, outcome }];
  const looked = () => '页面已复查，问题不再出现';
  test('seen again: open with its evidence; not seen where the re-check looked: fixed, with how; not judged: unjudged with why', () => {
    expect(recheck(p, run({ status: 'fail', findings: [{ indicator: 'typo', target: '攻府', page: 'x', points: 0.1, detail: '“攻府”应为“政府”' }] }), '2026-11-30', looked)).toMatchObject({ state: 'open', detail: '“攻府”应为“政府”' });
    expect(recheck(p, run({ status: 'fail', findings: [{ indicator: 'typo', target: '社会主意', page: 'x', points: 0.1, detail: 'other' }] }), '2026-11-30', looked)).toMatchObject({ state: 'fixed', detail: '页面已复查，问题不再出现' });
    expect(recheck(p, run({ status: 'pass' }), '2026-11-30', looked).state).toBe('fixed');
    expect(recheck(p, run({ status: 'not_applicable', reason: '首页无法打开' }), '2026-11-30', looked)).toMatchObject({ state: 'unjudged', detail: '首页无法打开' });
    // A rule that did not run (switched off) is never taken for a fix.
    expect(recheck(p, [], '2026-11-30', looked).state).toBe('unjudged');
    expect(recheck({ ...p, source: 'manual' }, run({ status: 'pass' }), '2026-11-30', looked).state).toBe('unjudged');
  });

  test('a message answered late is a past event: never taken for fixed when it leaves the rule\u2019s window', () => {
    expect(recheck({ ...p, indicator: 'message-overdue', target: '《咨询》2026-06-27' }, [{ indicator: RULES.find((r) => r.id === 'message-overdue')!, outcome: { status: 'pass' } }], '2026-11-30', looked)).toMatchObject({ state: 'unjudged', detail: PAST_EVENT_NOT_RECHECKED });
  });

  test('not seen, but the re-check could not look where it was (its page unread, its link unchecked): not a fix', () => {
    expect(recheck(p, run({ status: 'pass' }), '2026-11-30', () => undefined)).toMatchObject({ state: 'unjudged', detail: NOT_LOOKED_AT });
  });
});

test('byUnit counts each unit\'s problems by state; deadlineOf: rectifyBy, else working days after publication', () => {
  const base = { site: 's', name: 'n', indicator: 'typo', target: 't', page: 'p', source: 'crawl' as const };
  expect(byUnit([{ ...base, unit: 'b', state: 'fixed' }, { ...base, unit: 'a', state: 'not-fixed' }, { ...base, unit: 'b', state: 'fixed-late' }])).toEqual([
    { unit: 'a', named: 1, counts: { fixed: 0, 'fixed-late': 0, 'not-fixed': 1, unverified: 0, pending: 0 } },
    { unit: 'b', named: 2, counts: { fixed: 1, 'fixed-late': 1, 'not-fixed': 0, unverified: 0, pending: 0 } },
  ]);
  const calendar = buildCalendar();
  expect(deadlineOf({ rectifyBy: '2026-12-31', published: '2026-10-15' }, { rectification: { workdays: 15 } }, calendar)).toBe('2026-12-31');
  // Thursday 10-15 + 15 working days: 10-16, 10-19..23, 10-26..30, 11-02..05 = 1 + 5 + 5 + 4.
  expect(deadlineOf({ published: '2026-10-15' }, { rectification: { workdays: 15 } }, calendar)).toBe('2026-11-05');
  expect(deadlineOf({ published: '2026-10-15' }, {}, calendar)).toBeUndefined();
});
