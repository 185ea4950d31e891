import { describe, expect, test } from 'vitest';
import rule from './data-release-updated.ts';
import { column } from './columns.test-helpers.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('data-release-updated', { points: { recent: 2, older: 1 }, params: { recentDays: 92, olderDays: 183 } });
const run = (dates: string[], kind: 'portal' | 'department' = 'portal') =>
  rule.run(snapshot({ kind, pages: [page(HOME, {}, 0)], columns: [column('数据发布', dates), column('工作动态', ['2026-11-19'])] }), ctx);

describe('data-release-updated (as of 2026-11-20)', () => {
  test('updated 92 days ago (2026-08-20) earns 2', () => {
    expect(run(['2026-08-20'])).toEqual({
      status: 'fail',
      findings: [{ indicator: 'data-release-updated', target: '数据发布', page: `${HOME}${encodeURIComponent('数据发布')}/`, points: 2, detail: '数据发布栏目最新信息 2026-08-20（92 天前），3 个月内有更新' }],
    });
  });

  test('93 to 183 days earns 1; older earns nothing; departments are not eligible', () => {
    expect(run(['2026-08-19'])).toMatchObject({ findings: [{ points: 1 }] });
    expect(run(['2026-05-21'])).toMatchObject({ findings: [{ points: 1 }] });
    expect(run(['2026-05-20'])).toEqual({ status: 'pass' });
    expect(run(['2026-11-01'], 'department').status).toBe('not_applicable');
  });
});
