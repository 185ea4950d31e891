import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { readGrids, readReportTables } from './tables.ts';

const grids = (html: string) => readGrids(cheerio.load(html), () => true, 10);

describe('readGrids', () => {
  test('a rowspan repeats its text down, a colspan across: every row as wide as the header', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">本年度情况</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>总计</td></tr>
      <tr><td rowspan="2">三、办理结果</td><td>（一）予以公开</td><td>3</td><td>3</td></tr>
      <tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>
      <tr><td colspan="2">四、结转下年度</td><td>0</td><td>0</td></tr>
    </table>`;
    expect(grids(html)).toEqual([[
      ['本年度情况', '本年度情况', '申请人情况', '申请人情况'],
      ['本年度情况', '本年度情况', '自然人', '总计'],
      ['三、办理结果', '（一）予以公开', '3', '3'],
      ['三、办理结果', '（二）部分公开', '1', '1'],
      ['四、结转下年度', '四、结转下年度', '0', '0'],
    ]]);
  });

  test('a rowspan in a middle column, and one that runs past a short row, keep the columns in place', () => {
    const html = `<table>
      <tr><td>a</td><td rowspan="3">B</td><td>c</td></tr>
      <tr><td>d</td><td>e</td></tr>
      <tr><td>f</td></tr>
    </table>`;
    expect(grids(html)).toEqual([[['a', 'B', 'c'], ['d', 'B', 'e'], ['f', 'B']]]);
  });

  test('hostile spans are bounded: a rowspan of a million and a colspan of a million cost a small grid', () => {
    const html = `<table><tr><td rowspan="1000000" colspan="1000000">x</td></tr>${'<tr><td>y</td></tr>'.repeat(300)}</table>`;
    const [g] = grids(html);
    expect(g!.length).toBeLessThanOrEqual(200);
    expect(Math.max(...g!.map((r) => r.length))).toBeLessThanOrEqual(41);
  });

  test('only the innermost tables, and only those the caller wants', () => {
    const html = `<table><tr><td><table><tr><td>本年新收</td><td>1</td></tr></table></td></tr></table><table><tr><td>其他</td></tr></table>`;
    expect(readReportTables(cheerio.load(html))).toEqual([[['本年新收', '1']]]);
  });
});
