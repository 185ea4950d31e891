import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { articlePath, listPath } from '../../../sandbox/columns.ts';
import { renderArticle, renderHome, renderList } from '../../../sandbox/render.ts';
import { readBreadcrumb } from './breadcrumb.ts';
import { readList } from './lists.ts';
import { readNav } from './nav.ts';
import { readPubDate } from './pub-date.ts';
import { AS_OF, listPage, page, rows, sandboxWebs } from './pages.test-helpers.ts';

describe('readList on hand-written list pages', () => {
  test('the main list, not the side column', () => {
    const l = readList(listPage(rows(3)), 'http://www.example.gov.cn/tzgg/index.html', AS_OF);
    expect(l?.items.map((i) => i.date)).toEqual(['2026-10-30', '2026-10-29', '2026-10-28']);
    expect(l).toMatchObject({ undated: 0, empty: false, pagination: [] });
  });

  test.each(['暂无信息', '暂无数据', '暂无内容', '没有记录', '无相关信息'])('a page that says %s is empty', (says) => {
    const l = readList(listPage(`<ul class="list"><li class="empty">${says}</li></ul>`), 'http://www.example.gov.cn/tzgg/', AS_OF);
    expect(l).toEqual({ items: [], undated: 0, empty: true, pagination: [] });
  });

  test('an empty list container is empty, unless a script fills it', () => {
    const url = 'http://www.example.gov.cn/tzgg/';
    expect(readList(listPage('<ul class="news-list"></ul>'), url, AS_OF)?.empty).toBe(true);
    // Lists written by script (bjft.gov.cn, moe.gov.cn's ul#testUl) are not empty columns.
    expect(readList(listPage('<ul class="news-list" id="list"></ul>', '', '<script>$("#list").load("/api/list");</script>'), url, AS_OF)).toBeUndefined();
    expect(readList(listPage('<div class="list"><script>homelist4index(1, "XXGK/TJXX");</script></div>'), url, AS_OF)).toBeUndefined();
    expect(readList(listPage('<ul class="list" id="a"></ul>', '', '<script>document.getElementById("b").innerHTML = rows;</script>'), url, AS_OF)).toBeUndefined();
    // Its scripts have run (a rendered page): what is still empty is empty.
    expect(readList(listPage('<ul class="news-list" id="list"></ul>', '', '<script>$("#list").load("/api/list");</script>'), url, AS_OF, true)?.empty).toBe(true);
  });

  test('scripts that cannot fill the list do not keep it from being empty', () => {
    const url = 'http://www.example.gov.cn/tzgg/';
    // A clock writes into its own span; the 党政机关 mark's document.write writes where it stands.
    const clock = '<span id="today"></span><script>document.getElementById("today").innerHTML = "今天是";</script>';
    const conac = '<script>document.write(unescape("%3Cspan id=\'_ideConac\' %3E%3C/span%3E"));</script>';
    expect(readList(listPage('<div class="card-list"></div>', clock, conac), url, AS_OF)?.empty).toBe(true);
    // The same clock naming the list's own box may fill it.
    expect(readList(listPage('<div id="box"><div class="card-list"></div></div>', '', '<script>document.getElementById("box").innerHTML = rows;</script>'), url, AS_OF)).toBeUndefined();
  });

  test('an anonymous empty list element is empty only outside menus, on a page with no link that looks like an item', () => {
    const url = 'http://www.example.gov.cn/tzgg/';
    expect(readList(listPage('<table width="100%"></table>'), url, AS_OF)?.empty).toBe(true);
    expect(readList(listPage('<dl></dl>'), url, AS_OF)?.empty).toBe(true);
    // An article link elsewhere on the page: the list may be drawn in a way this reader does not know.
    expect(readList(listPage('<table width="100%"></table><div class="x"><a href="/tzgg/202611/t20261118_1.html">关于做好冬季供暖工作的通知</a></div>'), url, AS_OF)).toBeUndefined();
    // A link whose text reads like a title (at an address this reader does not know as an article's): the same.
    expect(readList(listPage('<table width="100%"></table><div class="x"><a href="/show.asp?id=12">关于做好冬季供暖工作的通知</a></div>'), url, AS_OF)).toBeUndefined();
    // An empty sub-menu or pager is no list.
    expect(readList(listPage('<ul class="submenu"></ul>'), url, AS_OF)).toBeUndefined();
    expect(readList(listPage('<div class="pages"><ul></ul></div>'), url, AS_OF)).toBeUndefined();
    // An anonymous <div> is no list.
    expect(readList(listPage('<div></div>'), url, AS_OF)).toBeUndefined();
  });

  test('an article is not a list', () => {
    const body = '　　会议传达学习了上级有关文件精神，听取了各单位工作进展情况汇报，研究部署下一阶段重点任务。'.repeat(4);
    const $ = page(`<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
      <h1>关于做好冬季供暖工作的通知</h1><div class="info">发布时间：2026-11-18 09:30 来源：市政府办公室</div><div class="content"><p>${body}</p><p>${body}</p></div>
      <div class="related"><h3>相关文章</h3><ul><li><a href="/1.html">一</a>2026-11-01</li><li><a href="/2.html">二</a>2026-10-01</li></ul></div>`);
    expect(readList($, 'http://www.example.gov.cn/tzgg/202611/t20261118_1.html', AS_OF)).toBeUndefined();
    expect(readPubDate($, AS_OF)).toBe('2026-11-18');
  });
});

// ---------------------------------------------------------------------------------------------
// The sandbox's three templates: every home block and list page read back as the model made it.

describe('the sandbox web', () => {
  for (const { opts, models } of sandboxWebs()) {
    test(`seed ${opts.seed}: list pages, pagination, articles, breadcrumbs and menus`, () => {
      for (const m of models) {
        for (const c of m.columns) {
          for (let k = 0; k < c.pages; k++) {
            const url = new URL(listPath(c, k), m.origin).href;
            const l = readList(cheerio.load(renderList(m, c, k)), url, m.asOf);
            const dates = c.items.slice(k * c.pageSize, (k + 1) * c.pageSize).map((x) => x.date);
            if (k === c.pages - 1) dates.push(...c.extraRows.map((x) => x.date), ...m.oldDocs.filter((d) => d.col === c).map((d) => d.date));
            expect(l?.items.map((i) => i.date), `${m.plan.host} ${c.name} ${k}`).toEqual(dates);
            expect(l?.empty).toBe(dates.length === 0);
            const others = Array.from({ length: c.pages }, (_, j) => new URL(listPath(c, j), m.origin).href).filter((u) => u !== url);
            expect([...(l?.pagination ?? [])].sort()).toEqual(others.sort());
          }
          const item = c.items[0];
          if (!item) continue;
          const $a = cheerio.load(renderArticle(m, c, item));
          expect(readPubDate($a, m.asOf)).toBe(item.date);
          expect(readBreadcrumb($a)).toEqual([c.name]);
          expect(readList($a, new URL(articlePath(c, item), m.origin).href, m.asOf)).toBeUndefined();
        }
        expect(readNav(cheerio.load(renderHome(m)), m.home).map((n) => n.name)).toEqual([...m.columns.map((c) => c.name), '互动交流']);
      }
    });
  }
});
