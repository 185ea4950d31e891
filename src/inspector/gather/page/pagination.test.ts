import { describe, expect, test } from 'vitest';
import { readList } from './lists.ts';
import { AS_OF, listPage, rows } from './pages.test-helpers.ts';

// The pagination of a list page, read through readList as the crawler reads it.
describe('readList on hand-written list pages', () => {
  test.each([
    ['下一页 and 尾页 links', '<a href="index.html">首页</a> <a href="index_1.html">下一页</a> <a href="index_4.html">尾页</a>',
      ['index_1.html', 'index_4.html']],
    ['numbered links', '<a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_2.html">3</a>', ['index_1.html', 'index_2.html']],
    ['?page=2 links', '<a href="?page=2">下一页</a> <a href="?page=9">末页</a>', ['index.html?page=2', 'index.html?page=9']],
    ['TRS createPageHTML', '<script>createPageHTML(5, 0, "index", "html");</script>',
      ['index_1.html', 'index_2.html', 'index_3.html', 'index_4.html']],
    ['TRS createPageHTML with variables', '<script>var countPage = 3;var currentPage = 1;createPageHTML(countPage, currentPage, "index", "shtml");</script>',
      ['index.shtml', 'index_2.shtml']],
    ['a jQuery pager (wsjkw.sh.gov.cn)', `<script>$(".pagination").pagination({ totalPage: 4, callBack: function (i) { if (i == 1) location.href = 'index.html'; else location.href = 'index_' + i + '.html'; } });</script>`,
      ['index_2.html', 'index_3.html', 'index_4.html']],
  ])('pagination from %s', (_, pager, expected) => {
    const l = readList(listPage(rows(3), pager), 'http://www.example.gov.cn/tzgg/index.html', AS_OF);
    expect(l?.pagination).toEqual(expected.map((p) => `http://www.example.gov.cn/tzgg/${p}`));
  });
});
