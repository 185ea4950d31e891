import { describe, expect, test } from 'vitest';
import rule from './column-blank.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('column-blank', { points: { each: 2 } });

describe('column-blank', () => {
  test('columns with items pass', () => {
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)], columns: [column('通知公告', ['2026-11-01'])] }), ctx)).toEqual({ status: 'pass' });
  });

  test('each blank column costs 2, at its list page', () => {
    const c = column('人事信息', [], { blank: true });
    expect(rule.run(snapshot({ pages: [page(HOME, {}, 0)], columns: [c, column('通知公告', ['2026-11-01'])] }), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'column-blank', target: '人事信息', page: c.url, points: 2, detail: '栏目页无任何信息（显示“暂无信息”或列表为空）' }],
    });
  });
});
