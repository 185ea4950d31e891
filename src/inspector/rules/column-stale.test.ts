import { describe, expect, test } from 'vitest';
import rule from './column-stale.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('column-stale', { points: { news: 5, policy: 5, interpretation: 5, other: 1 } });
const run = (...cols: ReturnType<typeof column>[]) => rule.run(snapshot({ pages: [page(HOME, {}, 0)], columns: cols }), ctx);

describe('column-stale (as of 2026-11-20)', () => {
  test.each([
    ['news 14 days old (2026-11-06) is on time', column('工作动态', ['2026-11-06'])],
    ['notice 183 days old is on time', column('通知公告', ['2026-05-21'])],
    ['periodic 365 days old is on time', column('人事信息', ['2025-11-20'])],
    ['the newest item is found wherever it is in an unsorted list', column('要闻动态', ['2025-01-01', '2026-11-19', '2026-03-01'])],
    ['a home-page item counts', column('部门动态', ['2026-01-01'], { homeItems: [{ title: 'x', date: '2026-11-18' }] })],
    ['a finished topic is never stale', column('党史学习教育专题', ['2021-12-31'])],
    ['a column of no class is not judged', column('便民服务', ['2020-01-01'])],
    ['a column with no readable date is not judged', column('工作动态', [])],
    ['a blank column is left to column-blank', column('工作动态', [], { blank: true })],
    ['a column whose list page scripts fill, read without them, is not judged', column('工作动态', ['2026-01-01'], { unread: '栏目页由脚本生成，超出每站渲染页数' })],
  ])('%s', (_n, c) => {
    expect(run(c)).toEqual({ status: 'pass' });
  });

  test("says where the column's menu entry is on the home page", () => {
    const entry = { part: 'nav', selector: '#nav > li:nth-of-type(2) > a', text: '工作动态', page: HOME } as const;
    expect(run(column('工作动态', ['2026-11-05'], { source: 'nav', where: entry }))).toMatchObject({ status: 'fail', findings: [{ target: '工作动态', where: entry }] });
  });

  test('15 days for news, 184 for policy, 366 for periodic are stale; 5-point items are lost once', () => {
    const out = run(
      column('工作动态', ['2026-11-05']),
      column('县区动态', ['2026-10-01']),
      column('政策文件', ['2026-05-20']),
      column('人事信息', ['2025-11-19']),
      column('统计信息', ['2025-06-30']),
    );
    expect(out.status).toBe('fail');
    const f = (out as { findings: Array<{ target: string; points: number; detail: string }> }).findings;
    expect(f.map((x) => [x.target, x.points])).toEqual([
      ['工作动态', 5],
      ['县区动态', 0],
      ['政策文件', 5],
      ['人事信息', 1],
      ['统计信息', 1],
    ]);
    expect(f[0]!.detail).toBe('动态要闻类栏目，最新信息 2026-11-05，已 15 天未更新（应 14 天内更新）');
  });
});
