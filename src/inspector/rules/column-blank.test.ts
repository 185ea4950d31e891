import { describe, expect, test } from 'vitest';
import rule from './column-blank.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('column-blank', { points: { each: 2 } });

describe('column-blank', () => {
  test("says where the column's heading is, and on which page when it is not the list page", () => {
    const heading = { part: 'body', selector: 'div.lm-hd > h3', text: '人事信息', page: HOME } as const;
    const listed = column('人事信息', [], { blank: true, where: heading });
    // A block with no list page of its own is judged on the home page, where its heading is.
    const homeOnly = column('公示公告', [], { blank: true, url: HOME, where: { ...heading, text: '公示公告' } });
    const out = rule.run(snapshot({ pages: [page(HOME, {}, 0)], columns: [listed, homeOnly] }), ctx);
    expect(out.status === 'fail' && out.findings.map((f) => [f.page, f.where])).toEqual([
      [listed.url, heading],
      [HOME, { part: 'body', selector: 'div.lm-hd > h3', text: '公示公告' }],
    ]);
  });

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
