// When `--render auto` renders a page: hand-written pages for each reason and for the pages whose
// static reading decides (no reason), and the real saved pages.
import { expect, test } from 'vitest';
import { decodeHtml } from './decode.ts';
import { extractPage } from './extract.ts';
import { REAL_PAGES, realBytes } from './real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { renderReasons, writesContent } from './scripting.ts';

const reasons = (html: string, homeLike = false) => {
  const p = extractPage(html, 'http://www.example.gov.cn/', '2026-11-20');
  return renderReasons(p.scripting, p.facts, html, homeLike);
};
const FOOTER = '<div class="footer">主办单位：某某县人民政府 联系电话：0571-12345678 浙ICP备12345678号 浙公网安备33010002000001号 网站标识码：3301000001 <a href="https://bszs.conac.cn/sitename?method=show&id=1">党政机关</a> <span id="_jiucuo_"></span></div>';
const ARTICLE = `<html><body><h1>关于开展秋季森林防火检查的通知</h1><p>${'各乡镇人民政府，县直各单位：为切实做好秋季森林防火工作，现就有关事项通知如下。'.repeat(5)}</p>${FOOTER}</body></html>`;

test('a page that scripts do not change is read statically', () => {
  expect(reasons(ARTICLE)).toEqual([]);
  // Scripts that only count visits or load a badge do not change what the rules read.
  const counted = ARTICLE.replace('</body>', '<script src="/js/stat.js"></script><script>document.write(unescape("%3Cspan id=\'_ideConac\'%3E%3C/span%3E%3Cscript src=\'https://dcs.conac.cn/js/33/000/0000/1/CA330000000100010001.js\'%3E%3C/script%3E"));</script></body>');
  expect(reasons(counted)).toEqual([]);
});

test('document.write of links, items or text in the body is a reason; of a loader alone it is not', () => {
  expect(reasons(ARTICLE.replace('</body>', '<script>var a=[["通知一","/a.html"]];for(var i=0;i<a.length;i++)document.write(\'<li><a href="\'+a[i][1]+\'">\'+a[i][0]+\'</a></li>\');</script></body>'))).toEqual(['write']);
  expect(writesContent('document.write("<script src=\'/x.js\'></scr"+"ipt>")')).toBe(false);
  expect(writesContent('document.write(unescape("%3Ca href=%27/x%27%3E%u5173%u4E8E%3C/a%3E"))')).toBe(true);
  expect(writesContent('document.writeln("版权所有：某某县人民政府")')).toBe(true);
  // A write in the head (a style or meta) does not write into what the visitor reads.
  expect(reasons(`<html><head><script>document.write('<p>某某</p>')</script></head>${ARTICLE.slice(6)}`)).toEqual([]);
});

test('an empty list that a script fills is a reason; a script that fills nothing empty is not', () => {
  const xhr = ARTICLE.replace('<h1>', '<ul id="newsList"></ul><script>var x=new XMLHttpRequest();x.open("GET","/api/news.json");x.onload=function(){document.getElementById("newsList").innerHTML=x.responseText};x.send();</script><h1>');
  expect(reasons(xhr)).toEqual(['list']);
  const clock = ARTICLE.replace('<h1>', '<span id="today"></span><script>document.getElementById("today").innerHTML=new Date().toLocaleDateString();</script><h1>');
  expect(reasons(clock)).toEqual([]);
});

test('a script redirect from a page that shows little, and a body empty but for scripts', () => {
  expect(reasons('<html><body><script>window.location.replace("/index.html");</script></body></html>')).toEqual(['redirect', 'empty']);
  expect(reasons('<html><body><p>正在跳转…</p><script>location.href = "/portal/";</script></body></html>')).toEqual(['redirect', 'empty']);
  // A long page with a script that sends elsewhere on a click is not a redirect page.
  expect(reasons(ARTICLE.replace('</body>', '<script>function go(){ location.href = "/search"; }</script></body>'))).toEqual([]);
  expect(reasons('<html><body><div id="app"></div><script src="/app.js"></script></body></html>')).toEqual(['empty']);
});

test('a home page with scripts whose static reading lacks a mark, the 找错 entry or a search is rendered; a frameset is not', () => {
  const home = ARTICLE.replace('</body>', '<form action="/search"><input name="q"></form><script src="/js/common.js"></script></body>');
  expect(reasons(home, true)).toEqual([]);
  expect(reasons(home.replace('<span id="_jiucuo_"></span>', ''), true)).toEqual(['home-marks']);
  expect(reasons(home.replace('浙公网安备33010002000001号', ''), true)).toEqual(['home-marks']);
  // The same gaps without any script: nothing a browser would add.
  expect(reasons(ARTICLE.replace('<span id="_jiucuo_"></span>', ''), true)).toEqual([]);
  expect(reasons('<html><frameset rows="100,*"><frame src="/top.html"><frame src="/main.html"></frameset><script src="/x.js"></script></html>', true)).toEqual([]);
});

describeNeeding(REAL_PAGES, 'real home pages', () => {
  // Read in their sources: bjft and beijing have empty list boxes and scripts that fill boxes; moe
  // writes list items (its carousel's) and stats the date with document.write; the articles'
  // scripts fill nothing empty and write nothing into the body.
  const read = (file: string, home: boolean) => {
    const bytes = realBytes(file);
    const html = decodeHtml(bytes, undefined).text;
    const p = extractPage(html, `http://${file.split(/\.home|_/)[0]}/`, '2026-11-20');
    return renderReasons(p.scripting, p.facts, html, home);
  };
  test('script-built home pages are rendered, static articles are not', () => {
    expect(read('bjft.gov.cn.home.html', true)).toContain('list');
    expect(read('beijing.gov.cn.home.html', true)).toContain('list');
    expect(read('moe.gov.cn.home.html', true)).toContain('write');
    expect(read('stats.gov.cn.home.html', true)).toContain('write');
    expect(read('gne_fgw.zj.gov.cn_article.html', false)).toEqual([]);
    expect(read('gne_cmse.gov.cn_article1.html', false)).toEqual([]);
  });
});
