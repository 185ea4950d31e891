import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { REAL_PAGES, realPages } from './real-pages.test-helpers.ts';
import { hasErrorReportEntry, isTextInput, isTrigger, readHiddenLinks, readSearchForms, TEXT_INPUTS, TRIGGERS } from './features.ts';
import { elementsOf } from './page/elements.ts';

const PAGE = 'http://www.linhe.gov.cn/';
const load = (body: string) => cheerio.load(`<html><body>${body}</body></html>`);

describe('the search box’s fields and controls', () => {
  // The renderer finds them in the browser with the selectors; the crawl with the tests, which must agree.
  const $ = load(`<input><input type="TEXT"><input type="search"><input type="hidden"><input type="password"><input type=""><textarea></textarea>
    <a>搜索</a><button>查</button><input type="Button"><input type="submit"><input type="IMAGE"><input type="reset"><img src="/s.png">
    <span onclick="go()">搜</span><span>搜</span><div onclick="">找</div><div>找</div><i onclick="s()"></i><i></i><b onclick="s()"></b>`);
  test.each([
    ['text inputs', TEXT_INPUTS, isTextInput],
    ['controls that may start a search', TRIGGERS, isTrigger],
  ])('%s: the test takes what the selector does', (_what, selector, is) => {
    const taken = elementsOf($).all.filter(is);
    expect(taken.length).toBeGreaterThanOrEqual(3);
    expect(taken).toEqual($(selector).toArray());
  });
});

describe('readSearchForms', () => {
  test.each([
    ['a GET form with a q field', '<form action="/search"><input name="q"></form>', [{ action: `${PAGE}search`, method: 'get', field: 'q', where: { selector: 'body > form > input', text: '' } }]],
    ['a POST form to another host, field named searchword', '<form method="post" action="http://search.linhe.gov.cn/was5/web/search"><input type="text" name="searchword"></form>', [{ action: 'http://search.linhe.gov.cn/was5/web/search', method: 'post', field: 'searchword', where: { selector: 'body > form > input', text: '' } }]],
    ['an empty action with a placeholder 全文搜索', '<form id="search" method="get" action=""><input type="text" name="temp" placeholder="全文搜索"></form>', [{ action: PAGE, method: 'get', field: 'temp', where: { selector: '#search > input', text: '全文搜索' } }]],
    ['a script-driven box outside any form', '<input id="search" type="text" class="sou-kuang" onkeydown="searchkey(event)">', [{ action: PAGE, method: 'get', field: '', where: { selector: '#search', text: '' }, script: { input: 0 } }]],
    ['an input beside a link that calls a search function', '<div class="ss"><input type="text" id="txt1"><a href="javascript:void(0)" onclick="doSearch()"><img src="/images/btn.png"></a></div>', [{ action: PAGE, method: 'get', field: '', where: { selector: '#txt1', text: '' }, script: { input: 0, trigger: 0 } }]],
    ['an input beside a 搜索 button, one box up', '<div class="top"><span><input type="text" name="w"></span><button type="button">搜索</button></div>', [{ action: PAGE, method: 'get', field: 'w', where: { selector: 'div.top > span > input', text: '' }, script: { input: 0, trigger: 0 } }]],
    // The box's input is the second text field of the page and its link the second control: the renderer counts the same way.
    [
      'a box after a menu link and a form',
      '<a href="/">首页</a><form action="/s"><input name="q"></form><div class="ss"><input type="text" id="kw"><a onclick="go()">搜索</a></div>',
      [
        { action: `${PAGE}s`, method: 'get', field: 'q', where: { selector: 'body > form > input', text: '' } },
        { action: PAGE, method: 'get', field: '', where: { selector: '#kw', text: '' }, script: { input: 1, trigger: 1 } },
      ],
    ],
  ])('%s is a search', (_n, html, want) => {
    expect(readSearchForms(load(html), PAGE)).toEqual(want);
  });

  test.each([
    ['a mail log-in', '<form action="https://mail.linhe.gov.cn/login.jsp" method="post"><input name="uid" value="邮箱地址"><input type="password" name="password"></form>'],
    ['a look-up with three text fields', '<form action="/cx"><input name="Title"><input name="fileNum"><input name="dc1"></form>'],
    ['a form without text fields', '<form action="/vote"><input type="radio" name="a"><input type="submit"></form>'],
    ['a text field that is not a search', '<form action="/msg"><input name="name" placeholder="姓名"></form>'],
    ['a log-in box with a 登录 button, outside a form', '<div class="login"><input type="text" name="user"><a onclick="login()">登录</a></div>'],
    ['a look-up box of several fields with a 查询 button', '<div class="cx"><input type="text" name="title"><input type="text" name="wh"><button>查询</button></div>'],
    ['an input far from any search button', '<div class="a"><div class="b"><div class="c"><input type="text" name="x"></div></div><a onclick="doSearch()">搜索</a></div>'],
  ])('%s is not a search', (_n, html) => {
    expect(readSearchForms(load(html), PAGE)).toEqual([]);
  });
});

describe('hasErrorReportEntry', () => {
  test.each([
    ['the _jiucuo_ script', '<script id="_jiucuo_" sitecode="3713000001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>', true],
    ['a link to the platform', '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3713000001"><img src="/images/jiucuo.png"></a>', true],
    ['the pucha.kaipuyun.cn mirror', '<a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=3713000001">我为政府网站找错</a>', true],
    ['a document.write of the script', '<script>document.write(unescape("%3Cspan id=\'_jiucuo_\' sitecode=\'3713000001\'%3E"))</script>', true],
    ['the site\'s own 纠错 page', '<a href="/fuwu/jiucuopage.html">网站纠错</a>', false],
    ['only in a comment', '<!-- <script id="_jiucuo_" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script> -->', false],
  ])('%s: %s', (_n, html, want) => {
    expect(hasErrorReportEntry(load(html))).toBe(want);
  });
});

describe('readHiddenLinks', () => {
  test('an off-site link inside a display:none box is reported with how it is hidden', () => {
    const $ = load('<div style="display:none"><a href="http://www.bet365-vip.example/">体育</a></div>');
    expect(readHiddenLinks($, PAGE)).toEqual([{ url: 'http://www.bet365-vip.example/', text: '体育', how: 'display:none', where: { selector: 'body > div > a', text: '体育' } }]);
  });

  test('an injected link in the footer is placed there', () => {
    const $ = load(`<div class="top"><a href="/">首页</a> 网站名称</div><div class="main"><p>${'正文内容。'.repeat(60)}</p></div>
      <div class="footer"><p>主办单位：临河市人民政府办公室</p><p><span style="font-size:0"><a href="http://www.bocai.example/">真人视讯</a><a href="http://www.bocai.example/b">百家乐</a></span></p></div>`);
    expect(readHiddenLinks($, PAGE).map((l) => l.where)).toEqual([
      { part: 'footer', selector: 'div.footer > p:nth-of-type(2) > span > a:nth-of-type(1)', text: '真人视讯' },
      { part: 'footer', selector: 'div.footer > p:nth-of-type(2) > span > a:nth-of-type(2)', text: '百家乐' },
    ]);
  });

  test.each([
    ['font-size:0', '<p style="font-size:0"><a href="http://pharmacy-cheap.example/">x</a></p>', 'font-size:0'],
    ['moved off screen', '<div style="position:absolute;left:-9999px"><a href="http://casino.example/">x</a></div>', '移出可视区域'],
    ['the hidden attribute', '<a hidden href="http://www.example.com/">百家乐</a>', 'hidden 属性'],
    ['betting words apart (体育在线投注)', '<div style="display:none"><a href="http://www.hgty.example/">皇冠体育在线投注</a></div>', 'display:none'],
    ['only the host says it (pinyin)', '<div style="display:none"><a href="http://www.hgty-touzhu.example/">皇冠</a></div>', 'display:none'],
  ])('%s', (_n, html, how) => {
    expect(readHiddenLinks(load(html), PAGE).map((l) => l.how)).toEqual([how]);
  });

  test.each([
    ['a visible off-site spam link (hacked, but not hidden)', '<a href="http://casino.example/">娱乐城</a>'],
    ['a hidden share widget or CMS credit', '<div style="display:none"><a href="http://www.bshare.cn/intro">分享到</a><a href="http://www.hanweb.com/">Produced By 大汉网络</a></div>'],
    ['a hidden drop-down of the own site', '<ul style="display:none"><a href="/zwgk/index.html">政务公开</a></ul>'],
    ['a hidden friendly-links panel of government sites', '<div style="display:none"><a href="http://www.shandong.gov.cn/">山东省人民政府</a></div>'],
    ['a hidden error-report link on a raw IP', '<a style="display:none" href="http://121.43.68.40/exposure/jiucuo.html?site_code=3300000020">纠错</a>'],
    ['font-size:0.9em is visible', '<p style="font-size:0.9em"><a href="http://casino.example/">x</a></p>'],
  ])('%s is not reported', (_n, html) => {
    expect(readHiddenLinks(load(html), PAGE)).toEqual([]);
  });
});

describeNeeding(REAL_PAGES, 'the real pages', () => {
  const pages = realPages();
  test.each(pages.map((p) => [p.label.file, p] as const))('%s: error-report entry as labelled, no hidden links', (_f, p) => {
    const $ = cheerio.load(p.html);
    expect(hasErrorReportEntry($)).toBe(p.label.identity.errorReportEntry);
    expect(readHiddenLinks($, p.url)).toEqual([]);
  });

  // By eye: every real home page but chinatax.gov.cn (all content in iframes) has a site search.
  test.each(pages.filter((p) => p.label.kind === 'home').map((p) => [p.label.file, p] as const))('%s: site search found unless the page is only iframes', (_f, p) => {
    expect(readSearchForms(cheerio.load(p.html), p.url).length > 0).toBe(!p.label.file.startsWith('chinatax'));
  });
});
