import { describe, expect, test } from 'vitest';
import rule from './column-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('column-missing', { points: { overview: 2, functions: 2, leaders: 2, news: 5, policy: 5, interpretation: 5 } });
const ALL = ['走进临河', '机构职能', '领导信息', '要闻动态', '政策文件', '政策解读'];

describe('column-missing', () => {
  test('every required column shown in a menu, a nav entry or a breadcrumb passes', () => {
    const s = snapshot({ pages: [page(HOME, { menu: ALL.slice(0, 3), nav: [{ name: '要闻动态', url: `${HOME}ywdt/` }] }, 0), page(`${HOME}zc/`, { breadcrumb: ['政务公开', '政策文件'], meta: { ColumnName: '政策解读' } })] });
    expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
  });

  test('each absent one is a finding with its own points', () => {
    const s = snapshot({ pages: [page(HOME, { menu: ['走进临河', '机构职能', '要闻动态', '规范性文件'] }, 0)] });
    expect(rule.run(s, ctx)).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'column-missing', target: 'leaders', page: HOME, points: 2, detail: '在读取的 1 个页面中未见“领导信息”栏目' },
        { indicator: 'column-missing', target: 'interpretation', page: HOME, points: 5, detail: '在读取的 1 个页面中未见“政策解读”栏目' },
      ],
    });
  });

  test('a home page whose scripts were not run is not judged on a missing column; all shown still passes', () => {
    const home = { ...page(HOME, { menu: ['走进临河'] }, 0), rendering: { status: 'not-rendered' as const, reasons: ['redirect' as const, 'empty' as const] } };
    expect(rule.run(snapshot({ pages: [home] }), ctx)).toEqual({ status: 'not_applicable', reason: '首页内容由脚本生成，本次检查未用浏览器（--render never），无法判断' });
    expect(rule.run(snapshot({ pages: [{ ...home, facts: { ...home.facts, menu: ALL } }] }), ctx)).toEqual({ status: 'pass' });
  });

  test('a site whose home page did not load is not judged', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: 'x', elapsedMs: 1 }] }), ctx).status).toBe('not_applicable');
  });
});
