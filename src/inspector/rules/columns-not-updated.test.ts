import { describe, expect, test } from 'vitest';
import rule from './columns-not-updated.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('columns-not-updated', { params: { staleMain: 5, staleAny: 10, blank: 5 } });
const run = (cols: ReturnType<typeof column>[]) => rule.run(snapshot({ pages: [page(HOME, {}, 0)], columns: cols }), ctx);
const stale = (name: string) => column(name, ['2024-01-01']);

describe('columns-not-updated', () => {
  test('4 stale main columns, 9 stale in all and 4 blank pass', () => {
    const cols = [
      ...['工作动态', '部门动态', '通知公告', '政策文件'].map(stale),
      ...['人事信息', '规划计划', '统计信息', '财政信息', '重大项目'].map(stale),
      ...['领导信息', '机构职能', '概况信息', '预决算'].map((n) => column(n, [], { blank: true })),
    ];
    expect(run(cols)).toEqual({ status: 'pass' });
  });

  test('5 stale news/notice/policy columns', () => {
    const out = run(['工作动态', '部门动态', '通知公告', '政策文件', '政策解读'].map(stale));
    expect(out).toEqual({
      status: 'fail',
      findings: [{ indicator: 'columns-not-updated', target: HOME, page: HOME, points: 0, detail: '动态、通知公告、政策类栏目 5 个未按时更新（工作动态、部门动态、通知公告、政策文件、政策解读）' }],
    });
  });

  test('10 stale columns of any class', () => {
    const out = run(['人事信息', '规划计划', '统计信息', '财政信息', '重大项目', '领导信息', '机构职能', '信息公开年报', '预决算', '工作动态'].map(stale));
    expect(out).toMatchObject({ status: 'fail', findings: [{ detail: '栏目 10 个未按时更新' }] });
  });

  test('5 blank columns (a blank topic does not count)', () => {
    const names = ['人事信息', '规划计划', '统计信息', '财政信息', '重大项目'];
    expect(run(names.map((n) => column(n, [], { blank: true })))).toMatchObject({ status: 'fail', findings: [{ detail: `空白栏目 5 个（${names.join('、')}）` }] });
    expect(run([...names.slice(0, 4), '扫黑除恶专题'].map((n) => column(n, [], { blank: true }))).status).toBe('pass');
  });
});
