import { describe, expect, test } from 'vitest';
import { checkApplicationTable, describeError } from './open-report-table.ts';
import { GOOD, grid, RESULTS, row, withTotal } from './open-report-table.test-helpers.ts';

describe('the application table of a 政府信息公开工作年度报告', () => {
  test('the format has 21 result rows above （七）总计: 2 + 8 + 3 + 5 + 3', () => {
    expect(RESULTS).toHaveLength(21);
  });

  test('a table whose sums add up: no error', () => {
    expect(checkApplicationTable(grid(GOOD))).toEqual({ errors: [] });
  });

  test('a row whose 总计 is not the sum of its six columns', () => {
    const bad = { ...GOOD, fresh: [10, 1, 0, 0, 1, 0, 13] };
    const check = checkApplicationTable(grid(bad));
    expect(check).toMatchObject({ errors: [{ check: 'row-total', where: '一、本年新收政府信息公开申请数量', shown: 13, expected: 12 }, { check: 'balance', where: '总计', shown: 15, expected: 16 }] });
  });

  test('（七）总计 is not the sum of the results above it', () => {
    const bad = { ...GOOD, results: { ...GOOD.results, 1: withTotal([3, 0, 0, 0, 0, 0]) } };
    const check = checkApplicationTable(grid(bad));
    expect(check).toEqual({ errors: [{ check: 'results-total', where: '自然人', shown: 10, expected: 11 }, { check: 'results-total', where: '总计', shown: 13, expected: 14 }] });
    expect(describeError((check as { errors: never[] }).errors[0]!)).toBe('“（七）总计”的“自然人”列为 10，（一）至（六）各项办理结果之和为 11');
  });

  test('新收 + 上年结转 is not 总计 + 结转下年度', () => {
    const bad = { ...GOOD, out: withTotal([3, 0, 0, 0, 0, 0]) };
    expect(checkApplicationTable(grid(bad))).toEqual({ errors: [
      { check: 'balance', where: '自然人', shown: 13, expected: 12 },
      { check: 'balance', where: '总计', shown: 16, expected: 15 },
    ] });
  });

  test('full-width digits and spaces in cells are read as numbers', () => {
    const g = grid(GOOD).map((r) => r.map((c) => c.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))));
    g[3]![3] = ' １０ ';
    expect(checkApplicationTable(g)).toEqual({ errors: [] });
  });

  test('not judged: another format, a missing row, a cell that is not a number, a subtotal row', () => {
    expect(checkApplicationTable(grid(GOOD).map((r) => r.slice(0, -1)))).toMatchObject({ notJudged: expect.stringContaining('2021') });
    expect(checkApplicationTable(grid(GOOD).filter((r) => !r[0]!.startsWith('四')))).toMatchObject({ notJudged: expect.stringContaining('结转下年度') });
    const blank = grid(GOOD);
    blank[5]![4] = '/';
    expect(checkApplicationTable(blank)).toMatchObject({ notJudged: expect.stringContaining('（一）予以公开') });
    const subtotal = grid(GOOD);
    subtotal.splice(7, 0, ['三、本年度办理结果', '（三）不予公开', '（三）不予公开', ...row(withTotal([1, 0, 0, 0, 0, 0]))]);
    expect(checkApplicationTable(subtotal)).toMatchObject({ notJudged: expect.stringContaining('小计') });
  });
});
