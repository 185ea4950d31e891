import { describe, expect, test } from 'vitest';
import { page } from '../rules/snapshot.test-helpers.ts';
import { assembleColumns } from './columns.ts';
import type { ListFacts } from '../snapshot.ts';

const H = 'http://www.linhe.gov.cn/';
const item = (date: string, n = 1) => ({ title: `条目${n}`, url: `${H}a/${n}.html`, date });
const list = (over: Partial<ListFacts>): ListFacts => ({ items: [], undated: 0, empty: false, pagination: [], ...over });

describe('assembleColumns', () => {
  test('a home block with a more link, read on its list page and the page after', () => {
    const home = page(H, { blocks: [{ name: '通知 公告', more: `${H}tzgg/`, items: [item('2026-11-18')], undated: 0 }] }, 0);
    const p1 = page(`${H}tzgg/`, { list: list({ items: [item('2026-11-18'), item('2026-11-02', 2)], pagination: [`${H}tzgg/index_1.html`] }) });
    const p2 = page(`${H}tzgg/index_1.html`, { list: list({ items: [item('2026-10-01', 3)] }) });
    expect(assembleColumns([home], [home, p1, p2])).toEqual([
      { name: '通知公告', source: 'block', url: `${H}tzgg/`, homeItems: [item('2026-11-18')], items: [item('2026-11-18'), item('2026-11-02', 2), item('2026-10-01', 3)], pagesRead: 2, complete: true, blank: false },
    ]);
  });

  test('later list pages are followed from page to page; a list page not read leaves the column incomplete; undated entries are counted', () => {
    const home = page(H, { blocks: [{ name: '年度报表', more: `${H}ndbb/`, items: [], undated: 0 }, { name: '通知公告', more: `${H}tzgg/`, items: [], undated: 0 }] }, 0);
    const n1 = page(`${H}ndbb/`, { list: list({ items: [item('2026-01-20')], undated: 1, pagination: [`${H}ndbb/index_1.html`] }) });
    const n2 = page(`${H}ndbb/index_1.html`, { list: list({ items: [item('2026-01-19', 2)], pagination: [`${H}ndbb/`, `${H}ndbb/index_2.html`] }) });
    const n3 = page(`${H}ndbb/index_2.html`, { list: list({ items: [item('2026-01-18', 3)], pagination: [`${H}ndbb/index_1.html`] }) });
    const t1 = page(`${H}tzgg/`, { list: list({ items: [item('2026-11-18', 4)], pagination: [`${H}tzgg/index_1.html`] }) });
    const cols = assembleColumns([home], [home, n1, n2, n3, t1]);
    expect(cols.map((c) => [c.name, c.items.length, c.pagesRead, c.complete, c.undated])).toEqual([
      ['年度报表', 3, 3, true, 1],
      ['通知公告', 1, 1, undefined, undefined],
    ]);
  });

  test('navigation entries are columns only when their page is a list; channels and tools never are', () => {
    const home = page(H, { nav: [{ name: '政务公开', url: `${H}zwgk/` }, { name: '工作动态', url: `${H}gzdt/` }, { name: '领导信箱', url: `${H}ldxx/` }] }, 0);
    const hub = page(`${H}zwgk/`, {});
    const gzdt = page(`${H}gzdt/`, { list: list({ items: [item('2026-11-01')] }) });
    const board = page(`${H}ldxx/`, { list: list({ items: [item('2026-11-01')] }) });
    expect(assembleColumns([home], [home, hub, gzdt, board]).map((c) => `${c.source}:${c.name}`)).toEqual(['nav:工作动态']);
  });

  test('a list page saying 暂无信息 is a blank column; one that was never read is unread', () => {
    const home = page(H, { blocks: [{ name: '人事信息', more: `${H}rsxx/`, items: [], undated: 0 }, { name: '规划计划', more: `${H}ghjh/`, items: [item('2026-01-05')], undated: 0 }] }, 0);
    const rsxx = page(`${H}rsxx/`, { list: list({ empty: true }) });
    const cols = assembleColumns([home], [home, rsxx]);
    expect(cols.map((c) => [c.name, c.blank, c.unread])).toEqual([
      ['人事信息', true, undefined],
      ['规划计划', false, '未读取栏目页'],
    ]);
  });

  test('a list page that needed rendering but was read statically is unread: what scripts write may be missing', () => {
    const home = page(H, { blocks: [{ name: '工作动态', more: `${H}gzdt/`, items: [], undated: 0 }, { name: '通知公告', more: `${H}tzgg/`, items: [], undated: 0 }, { name: '政策文件', more: `${H}zcwj/`, items: [], undated: 0 }] }, 0);
    const rendered = (u: string) => ({ status: 'rendered' as const, reasons: ['list' as const], changed: [], finalUrl: u });
    const failed = { status: 'failed' as const, reasons: ['write' as const], detail: 'timeout' };
    const gzdt = { ...page(`${H}gzdt/`, { list: list({ empty: true }) }), rendering: { status: 'over-budget' as const, reasons: ['list' as const] } };
    // Not sorted newest first: the newest item may be on the page whose scripts did not run.
    const tzgg = { ...page(`${H}tzgg/`, { list: list({ items: [item('2026-10-15'), item('2026-11-01', 2)], pagination: [`${H}tzgg/index_1.html`] }) }), rendering: rendered(`${H}tzgg/`) };
    const tzgg2 = { ...page(`${H}tzgg/index_1.html`, { list: list({ items: [item('2026-10-01', 3)] }) }), rendering: failed };
    // Sorted newest first: nothing on a later page can be newer, so that page's rendering does not matter.
    const zcwj = { ...page(`${H}zcwj/`, { list: list({ items: [item('2026-11-01', 4), item('2026-10-15', 5)], pagination: [`${H}zcwj/index_1.html`] }) }), rendering: rendered(`${H}zcwj/`) };
    const zcwj2 = { ...page(`${H}zcwj/index_1.html`, { list: list({ items: [item('2026-10-01', 6)] }) }), rendering: failed };
    expect(assembleColumns([home], [home, gzdt, tzgg, tzgg2, zcwj, zcwj2]).map((c) => [c.name, c.blank, c.unread])).toEqual([
      ['工作动态', false, '栏目页由脚本生成，超出每站渲染页数'],
      ['通知公告', false, '栏目页由脚本生成，渲染未成功'],
      ['政策文件', false, undefined],
    ]);
  });

  test('blocks without links are judged by their home items; list pages reached otherwise are named by ColumnName or breadcrumb', () => {
    const home = page(H, { blocks: [{ name: '图片新闻', items: [item('2026-11-19')], undated: 0 }, { name: '今日关注', items: [item('2026-11-18')], undated: 0 }] }, 0);
    const meta = page(`${H}zcjd/`, { meta: { ColumnName: '政策解读' }, list: list({ items: [item('2026-09-01')], pagination: [`${H}zcjd/index_1.html`] }) });
    const next = page(`${H}zcjd/index_1.html`, { meta: { ColumnName: '政策解读' }, list: list({ items: [item('2026-08-01')] }) });
    const crumb = page(`${H}tjxx/`, { breadcrumb: ['政务公开', '统计信息'], list: list({ items: [item('2026-06-01')] }) });
    expect(assembleColumns([home], [home, meta, next, crumb]).map((c) => `${c.source}:${c.name}:${c.url}`)).toEqual([
      `block:图片新闻:${H}`,
      `block:今日关注:${H}`,
      `meta:政策解读:${H}zcjd/`,
      `breadcrumb:统计信息:${H}tjxx/`,
    ]);
  });
});
