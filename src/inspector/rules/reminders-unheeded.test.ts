import { describe, expect, test } from 'vitest';
import type { MonitoredProblem } from '../snapshot.ts';
import rule from './reminders-unheeded.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('reminders-unheeded', { points: { each: 1 }, params: { reminders: 3 } });
const stale = (reminders: number, lastReminder?: string): MonitoredProblem => ({
  id: 'column-stale-1a2b3c4d', indicator: 'column-stale', title: '栏目更新不及时', target: '工作动态', page: `${HOME}gzdt/`,
  opened: '2026-10-02', since: '2026-11-01', reminders, ...(lastReminder ? { lastReminder } : {}),
});

describe('reminders-unheeded', () => {
  test('no monitor records of the site: not judged', () => {
    expect(rule.run(snapshot(), ctx)).toEqual({ status: 'not_applicable', reason: '没有本站的日常监测记录' });
  });

  test.each([
    ['no open problem', [], 'pass'],
    ['reminded twice', [stale(2, '2026-11-12')], 'pass'],
  ] as const)('%s: %s', (_n, monitored, status) => {
    expect(rule.run(snapshot({ monitored: [...monitored] }), ctx).status).toBe(status);
  });

  test('reminded three times and still open: one finding of the problem, its page, the points', () => {
    expect(rule.run(snapshot({ monitored: [stale(3, '2026-11-15')] }), ctx)).toEqual({
      status: 'fail',
      findings: [{
        indicator: 'reminders-unheeded', target: '工作动态', page: `${HOME}gzdt/`, points: 1,
        detail: '日常监测 2026-11-01 起发现“栏目更新不及时”问题，已提醒 3 次（最近一次 2026-11-15），至监测时间点仍未整改（问题编号 column-stale-1a2b3c4d）',
      }],
    });
  });

  test('a problem the duty plan gives another unit was reminded to that unit: it does not count against the site', () => {
    const s = snapshot({ monitored: [{ ...stale(4, '2026-11-18'), unit: 'city-yjs' }] });
    expect(rule.run(s, ctx).status).toBe('pass');
    expect(rule.run({ ...s, monitored: [{ ...stale(4, '2026-11-18'), unit: s.site.unit }] }, ctx).status).toBe('fail');
  });
});
