import { describe, expect, it } from 'vitest';
import { searchTerm, separateHanCharacters, withoutSeparators } from './han-search.ts';

const Z = '\u200b';

describe('separateHanCharacters', () => {
  it.each([
    ['<h1>汉沙区教育局</h1>', `<h1>汉${Z}沙${Z}区${Z}教${Z}育${Z}局</h1>`],
    ['<p>2026年第四季度</p>', `<p>2026年${Z}第${Z}四${Z}季${Z}度</p>`],
    ['汉沙区，教育局', `汉${Z}沙${Z}区，教${Z}育${Z}局`],
    ['<td>局</td>', '<td>局</td>'],
    ['<td>http://jyj.hansha.gov.cn/ 0.2</td>', '<td>http://jyj.hansha.gov.cn/ 0.2</td>'],
    // Tags and attribute values are left alone: only text is indexed as words.
    ['<a title="汉沙区" href="/sites/hansha/">首页</a>', `<a title="汉沙区" href="/sites/hansha/">首${Z}页</a>`],
    ['<meta content="政府网站监管平台">', '<meta content="政府网站监管平台">'],
  ])('%j → %j', (html, expected) => {
    expect(separateHanCharacters(html)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = separateHanCharacters('<main><h1>都盘区财政局</h1><p>检查结果：合格</p></main>');
    expect(separateHanCharacters(once)).toBe(once);
  });
});

describe('searchTerm', () => {
  it.each([
    // One Chinese term: the exact phrase of its characters, i.e. a substring search.
    ['汉沙区教育局', '"汉 沙 区 教 育 局"'],
    ['  汉沙区 ', '"汉 沙 区"'],
    ['局', '"局"'],
    ['2026年第四季度', '"2026年 第 四 季 度"'],
    // Several terms: every character, anywhere.
    ['汉沙区  不合格', '汉 沙 区 不 合 格'],
    ['jyj 汉沙', 'jyj 汉 沙'],
    // Quotes typed by the user: one phrase across the terms.
    ['"汉沙区 教育局"', '"汉 沙 区 教 育 局"'],
    // Without Chinese, Pagefind's own handling (prefix match of the last word) stays.
    ['hansha', 'hansha'],
    ['jyj.hansha.gov.cn', 'jyj.hansha.gov.cn'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(searchTerm(input)).toBe(expected);
  });
});

describe('withoutSeparators', () => {
  it('removes the separators the index added', () => {
    expect(withoutSeparators(`汉${Z}沙${Z}区${Z}教${Z}育${Z}局`)).toBe('汉沙区教育局');
  });
});
