import { describe, expect, test } from 'vitest';
import type { DutyAssignment } from '../../schemas/duty.ts';
import rule from './duty-column-late.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';
import { dutyPrefix, dutyScopeOf, dutyScopes } from './lib/duty.ts';

const ctx = context('duty-column-late');
const keep = (column: string, update: DutyAssignment['update'], over: Partial<DutyAssignment> = {}): DutyAssignment => ({ column, unit: 'linhe-yjs', unitName: '临河市政府研究室', update, ...over });
// 2026-11-20 is a Friday; 2026-11-23 the Monday after it.
const run = (duty: DutyAssignment[], columns: ReturnType<typeof column>[], asOf = '2026-11-20') => rule.run(snapshot({ duty, columns, asOf }), ctx);

describe('duty-column-late', () => {
  test('the shipped windows: a week is 7 days, a month 31', () => {
    expect(ctx.params).toEqual({ weekly: 7, monthly: 31 });
  });

  test('no plan for the site: not judged', () => {
    expect(rule.run(snapshot({ columns: [column('政务要闻', ['2026-01-01'])] }), ctx)).toEqual({ status: 'not_applicable', reason: '内容保障方案未列本站栏目' });
  });

  test.each([
    ['same-day, newest on the previous working day', keep('政务要闻', 'same-day', { by: '09:00' }), '2026-11-19', '2026-11-20', 'pass'],
    ['same-day, newest two working days back', keep('政务要闻', 'same-day', { by: '09:00' }), '2026-11-18', '2026-11-20', 'fail'],
    ['same-day on a Monday, newest on the Friday before', keep('政务要闻', 'same-day'), '2026-11-20', '2026-11-23', 'pass'],
    ['same-day on a Monday, newest on the Thursday before', keep('政务要闻', 'same-day'), '2026-11-19', '2026-11-23', 'fail'],
    ['weekly, 7 days old', keep('民生', 'weekly'), '2026-11-13', '2026-11-20', 'pass'],
    ['weekly, 8 days old', keep('民生', 'weekly'), '2026-11-12', '2026-11-20', 'fail'],
    ['monthly, 31 days old', keep('统计数据', 'monthly'), '2026-10-20', '2026-11-20', 'pass'],
    ['monthly, 32 days old', keep('统计数据', 'monthly'), '2026-10-19', '2026-11-20', 'fail'],
  ] as const)('%s', (_n, a, newest, asOf, status) => {
    expect(run([a], [column(a.column!, [newest, '2026-01-05'])], asOf).status).toBe(status);
  });

  test('a late column: its name, its list page, no points and the plan in the evidence', () => {
    expect(run([keep('民生', 'weekly')], [column('民生', ['2026-11-12'])])).toEqual({
      status: 'fail',
      findings: [{
        indicator: 'duty-column-late', target: '民生', page: `${HOME}${encodeURIComponent('民生')}/`, points: 0,
        detail: '按内容保障方案，“民生”栏目由临河市政府研究室负责，至少每周更新；最新信息 2026-11-12（8 天前），应不早于 2026-11-13',
      }],
    });
  });

  test('at once, not found, not read, blank or undated: never judged', () => {
    const old = ['2025-01-01'];
    expect(run([keep('公示公告', 'at-once')], [column('公示公告', old)])).toEqual({ status: 'not_applicable', reason: '方案所列栏目均无可判断的更新时限（第一时间更新，或未读到栏目及其日期）' });
    expect(run([keep('民生', 'weekly')], [column('民声', old)]).status).toBe('not_applicable');
    expect(run([keep('民生', 'weekly')], [column('民生', old, { unread: 'HTTP 500' })]).status).toBe('not_applicable');
    expect(run([keep('民生', 'weekly')], [column('民生', [], { blank: true })]).status).toBe('not_applicable');
    expect(run([keep('民生', 'weekly')], [column('民生', [])]).status).toBe('not_applicable');
  });

  test('a column given by its URL prefix is the column whose list page is under it', () => {
    const c = column('污染防治', ['2026-11-01'], { url: `${HOME}zt/wrzl/index.html` });
    const byPrefix = { unit: 'linhe-hbj', unitName: '临河市生态环境局', update: 'weekly', prefix: `${HOME}zt/wrzl/` } as const;
    expect(run([byPrefix], [column('民生', ['2026-11-19']), c])).toMatchObject({ status: 'fail', findings: [{ target: '污染防治', page: `${HOME}zt/wrzl/index.html` }] });
    expect(run([{ ...byPrefix, prefix: `${HOME}zt/other/` }], [c]).status).toBe('not_applicable');
  });
});

describe('whose page is it', () => {
  const s = snapshot({
    duty: [keep('民生', 'weekly'), { column: '专题', unit: 'linhe-bgs', unitName: '办公室', update: 'at-once', prefix: `${HOME}zt/` }, keep('首页栏目', 'at-once')],
    columns: [column('民生', [], { url: `${HOME}zt/ms/index.html` }), column('专题', [], { url: `${HOME}zt/index.html` }), column('首页栏目', [], { url: `${HOME}list.jsp?id=3` })],
  });
  const scopes = dutyScopes(s);

  test('a name gives its list page\'s folder; a list page at the root gives none', () => {
    expect(scopes.map((x) => x.prefix)).toEqual([`${HOME}zt/ms/`, `${HOME}zt/`, undefined]);
    expect(dutyPrefix(keep('缺', 'weekly'), undefined)).toBeUndefined();
  });

  test('the longest prefix holding a page wins; a root-folder column holds only its list page', () => {
    expect(dutyScopeOf(`${HOME}zt/ms/202611/t1.html`, scopes)?.assignment.unit).toBe('linhe-yjs');
    expect(dutyScopeOf(`${HOME}zt/jj/t2.html`, scopes)?.assignment.unit).toBe('linhe-bgs');
    expect(dutyScopeOf(`${HOME}list.jsp?id=3`, scopes)?.assignment.column).toBe('首页栏目');
    expect(dutyScopeOf(`${HOME}list.jsp?id=4`, scopes)).toBeUndefined();
    expect(dutyScopeOf(`${HOME}xwzx/t3.html`, scopes)).toBeUndefined();
  });
});
