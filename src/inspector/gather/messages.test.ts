import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { dayNumber, formatDate } from '../../sandbox/dates.ts';
import { listPath } from '../../sandbox/columns.ts';
import { buildSiteModel, urlOf, type SiteModel } from '../../sandbox/model.ts';
import { renderArticle, renderBoard, renderHome, renderList } from '../../sandbox/render.ts';
import { generateWeb } from '../../sandbox/web.ts';
import { page } from '../rules/snapshot.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { REAL_PAGES, realHtml } from './real-pages.test-helpers.ts';
import { collectMessages, isChannelName, readChannels, readDate, readMessages, statusKind } from './messages.ts';
import type { PublishedMessage } from '../snapshot.ts';

const AS_OF = '2026-11-20';
const BOARD = 'http://www.linhe.gov.cn/hdjl/ldxx/index.html';
const doc = (body: string, head = '') => cheerio.load(`<html><head>${head}</head><body>${body}</body></html>`);
/** A message without its place on the page (which has tests of its own below). */
const withoutWhere = ({ where: _w, ...m }: PublishedMessage): PublishedMessage => m;
const messages = (body: string, url = BOARD) => readMessages(doc(body), url, AS_OF).map(withoutWhere);

describe('readDate', () => {
  test.each([
    ['2026-10-02', '2026-10-02'],
    ['2026-10-02 14:33:08', '2026-10-02'],
    ['2026/10/2', '2026-10-02'],
    ['2026.10.02', '2026-10-02'],
    ['2026年10月2日', '2026-10-02'],
    ['2026 年 10 月 2 日', '2026-10-02'],
    ['２０２６－１０－０２', '2026-10-02'],
    ['（2026-10-02）', '2026-10-02'],
    ['[10-02]', '2026-10-02'],
    // A month-day after the as-of date is last year's.
    ['12-28', '2025-12-28'],
    ['10月2日', '2026-10-02'],
  ])('%s → %s', (text, iso) => {
    expect(readDate(text, AS_OF)).toBe(iso);
  });

  test.each([['2026-02-30'], ['已答复'], [''], ['14:33']])('%s is no date', (text) => {
    expect(readDate(text, AS_OF)).toBeUndefined();
  });

  test('after a label the date must open the value', () => {
    expect(readDate(' 2026-10-02', AS_OF, true)).toBe('2026-10-02');
    expect(readDate('临河市人民政府 2026-10-02', AS_OF, true)).toBeUndefined();
  });
});

describe('statusKind', () => {
  test.each([
    ['已回复', 'answered'], ['已答复', 'answered'], ['已办结', 'answered'],
    ['未回复', 'unanswered'], ['未答复', 'unanswered'], ['办理中', 'unanswered'], ['待回复', 'unanswered'], ['未办结', 'unanswered'], ['已受理', 'unanswered'],
    ['不予受理', 'invalid'], ['重复留言', 'invalid'],
    ['公开', undefined],
  ] as const)('%s is %s', (status, kind) => {
    expect(statusKind(status)).toBe(kind);
  });
});

describe('readChannels', () => {
  test.each([
    '领导信箱', '书记信箱', '县长信箱', '市长信箱', '局长信箱', '咨询', '在线咨询', '我要咨询', '留言', '网上留言',
    '政民互动', '互动交流', '给市长写信', '12345政务服务便民热线', '咨询投诉',
  ])('%s is a channel', (name) => {
    expect(isChannelName(name)).toBe(true);
  });

  test.each([
    '网上信访', '网上信访大厅', '市信访办', '投诉举报', '监督投诉', '纪检组举报信箱', '12333电话咨询服务', '在线访谈',
    '关于小学生必读必考丛书问题的咨询', '秒懂国务院 | 你在网上留言，总理真能看见？', '电子信箱',
  ])('%s is not', (name) => {
    expect(isChannelName(name)).toBe(false);
  });

  test('absolute URLs, image links by their alt text, once per URL, never javascript: or fragments', () => {
    const $ = doc(`<base href="http://www.linhe.gov.cn/sub/">
      <a href="../hdjl/ldxx/index.html">县长信箱</a>
      <a href="/hdjl/ldxx/index.html"><img src="x.png" alt="领导信箱"></a>
      <a href="zxzx/">  在线
        咨询 </a>
      <a href="javascript:void(0)">我要留言</a>
      <a href="#">互动交流</a>
      <a>互动交流</a>
      <a href="http://wsxf.example.gov.cn/">网上信访</a>`);
    expect(readChannels($, 'http://www.linhe.gov.cn/')).toEqual([
      { name: '县长信箱', url: 'http://www.linhe.gov.cn/hdjl/ldxx/index.html' },
      { name: '在线咨询', url: 'http://www.linhe.gov.cn/sub/zxzx/' },
    ]);
  });
});

describe('readMessages: tables with a header row', () => {
  test('th header, links with truncated text, Chinese dates, status column', () => {
    const got = messages(`<table>
      <tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>答复单位</th><th>答复时间</th><th>办理状态</th></tr>
      <tr><td>1</td><td><a href="/hdjl/ldxx/202610/t20261002_1.html" title="关于小区路灯长期不亮的问题">关于小区路灯长…</a></td><td>2026年10月2日</td><td>临河市城管局</td><td>2026年10月5日</td><td>已答复</td></tr>
      <tr><td>2</td><td><a href="javascript:void(0)">反映夜间施工噪音扰民</a></td><td>2026年11月18日</td><td></td><td></td><td>办理中</td></tr>
      <tr><td colspan="6">共2条 第1页</td></tr>
    </table>`);
    expect(got).toEqual<PublishedMessage[]>([
      { title: '关于小区路灯长期不亮的问题', url: 'http://www.linhe.gov.cn/hdjl/ldxx/202610/t20261002_1.html', asked: '2026-10-02', answered: '2026-10-05', replier: '临河市城管局', replyShown: false, status: '已答复' },
      { title: '反映夜间施工噪音扰民', asked: '2026-11-18', replyShown: false, status: '办理中' },
    ]);
  });

  test('thead and tbody, header labels with colons, slash and dotted dates, a reply column', () => {
    const got = messages(`<table><thead><tr><td>主题：</td><td>提问时间：</td><td>回复时间：</td><td>回复部门：</td><td>回复内容：</td></tr></thead>
      <tbody>
        <tr><td>咨询公积金提取</td><td>2026/09/01</td><td>2026.09.03</td><td>住建局</td><td>您好，可以提取。</td></tr>
        <tr><td>咨询社保转移</td><td>2026/09/10</td><td>-</td><td>-</td><td>暂未回复</td></tr>
      </tbody></table>`);
    expect(got).toEqual([
      { title: '咨询公积金提取', asked: '2026-09-01', answered: '2026-09-03', replier: '住建局', replyShown: true },
      { title: '咨询社保转移', asked: '2026-09-10', replyShown: false },
    ]);
  });

  test('a status badge in a table with no status column', () => {
    const got = messages(`<table><tr><th>标题</th><th>留言时间</th></tr>
      <tr><td><a href="1.html">咨询公积金提取</a> <span class="zt">[已回复]</span></td><td>[09-01]</td></tr></table>`);
    expect(got).toEqual([{ title: '咨询公积金提取', url: 'http://www.linhe.gov.cn/hdjl/ldxx/1.html', asked: '2026-09-01', replyShown: false, status: '[已回复]' }]);
  });

  test('a header row of <li> and <span> cells', () => {
    const got = messages(`<ul class="list">
      <li class="head"><span>留言标题</span><span>留言时间</span><span>回复状态</span></li>
      <li><a href="a.html">小区停车难</a><span>2026-10-08</span><span>已回复</span></li>
      <li><a href="b.html">学校周边交通</a><span>2026-11-01</span><span>待回复</span></li>
    </ul>`);
    expect(got.map((m) => [m.title, m.asked, m.status])).toEqual([['小区停车难', '2026-10-08', '已回复'], ['学校周边交通', '2026-11-01', '待回复']]);
  });

  test('a news list (标题, 发布时间) is no message board', () => {
    expect(messages(`<table><tr><th>标题</th><th>发布时间</th></tr><tr><td><a href="1.html">临河市召开会议</a></td><td>2026-11-19</td></tr></table>`)).toEqual([]);
  });

  test('a layout table around a message table is not read as one', () => {
    const got = messages(`<table><tr><td>导航</td><td><table>
      <tr><th>标题</th><th>留言时间</th><th>状态</th></tr>
      <tr><td>咨询户籍迁移</td><td>2026-11-02</td><td>未回复</td></tr></table></td></tr></table>`);
    expect(got).toEqual([{ title: '咨询户籍迁移', asked: '2026-11-02', replyShown: false, status: '未回复' }]);
  });
});

describe('readMessages: list items with labelled fields', () => {
  test.each([
    ['full-width colons', '留言时间：2026-10-02 答复时间：2026-10-05'],
    ['half-width colons', '留言时间:2026-10-02 答复时间:2026-10-05'],
    ['no colons', '留言时间 2026-10-02 答复时间 2026-10-05'],
    ['labels in their own spans', '<span>留言时间：</span><span>2026年10月2日</span><span>答复时间：</span><span>2026年10月5日</span>'],
    ['month-day dates', '留言时间：[10-02] 答复时间：[10-05]'],
    ['full-width digits', '留言时间：２０２６－１０－０２ 答复时间：２０２６－１０－０５'],
  ])('%s', (_name, fields) => {
    const got = messages(`<ul>
      <li><a href="/hdjl/1.html">关于小区路灯长期不亮的问题</a><div class="info">${fields}</div></li>
      <li><a href="/hdjl/2.html">反映夜间施工噪音扰民</a><div class="info">留言时间：2026-11-18 答复时间： 状态：未回复</div></li>
    </ul>`);
    expect(got).toEqual([
      { title: '关于小区路灯长期不亮的问题', url: 'http://www.linhe.gov.cn/hdjl/1.html', asked: '2026-10-02', answered: '2026-10-05', replyShown: false },
      { title: '反映夜间施工噪音扰民', url: 'http://www.linhe.gov.cn/hdjl/2.html', asked: '2026-11-18', replyShown: false, status: '未回复' },
    ]);
  });

  test('an item where the page’s text is not read (in a button) is read all the same', () => {
    const got = messages(`<button type="button"><div class="item"><a href="/hdjl/4.html">咨询医保报销</a><span>留言时间：2026-10-02</span></div></button>
      <div class="footer">承办单位：临河市政务服务中心</div>`);
    expect(got).toEqual([{ title: '咨询医保报销', url: 'http://www.linhe.gov.cn/hdjl/4.html', asked: '2026-10-02', replyShown: false }]);
  });

  test('replier, status and reply text in a card', () => {
    const got = messages(`<div class="card"><h3><a href="/hdjl/3.html">咨询公积金提取</a></h3>
      <p>提问时间：2026-09-01</p><p>回复部门：临河市住建局</p><p>回复时间：2026-09-03</p><p>回复内容：您好，可以提取。</p><span>已回复</span></div>`);
    expect(got).toEqual([{ title: '咨询公积金提取', url: 'http://www.linhe.gov.cn/hdjl/3.html', asked: '2026-09-01', answered: '2026-09-03', replier: '临河市住建局', replyShown: true, status: '已回复' }]);
  });
});

describe('readMessages: where each message is', () => {
  test('a table row, by its title', () => {
    const got = readMessages(doc(`<div class="top">临河市人民政府</div><table>
      <tr><th>信件标题</th><th>来信时间</th><th>办理状态</th></tr>
      <tr><td><a href="1.html" title="关于小区路灯长期不亮的问题">关于小区路灯长…</a></td><td>2026-10-02</td><td>已答复</td></tr>
      <tr><td><a href="2.html">反映夜间施工噪音扰民</a></td><td>2026-11-18</td><td>办理中</td></tr></table>`), BOARD, AS_OF);
    expect(got.map((m) => m.where)).toEqual([
      { selector: 'body > table > tbody > tr:nth-of-type(2)', text: '关于小区路灯长期不亮的问题' },
      { selector: 'body > table > tbody > tr:nth-of-type(3)', text: '反映夜间施工噪音扰民' },
    ]);
  });

  test('a list item with labelled fields', () => {
    const got = readMessages(doc(`<ul id="xxlb">
      <li><a href="/hdjl/1.html">关于小区路灯长期不亮的问题</a><div class="info">留言时间：2026-10-02 答复时间：2026-10-05</div></li>
      <li><a href="/hdjl/2.html">反映夜间施工噪音扰民</a><div class="info">留言时间：2026-11-18 状态：未回复</div></li></ul>`), BOARD, AS_OF);
    expect(got.map((m) => m.where)).toEqual([
      { selector: '#xxlb > li:nth-of-type(1)', text: '关于小区路灯长期不亮的问题' },
      { selector: '#xxlb > li:nth-of-type(2)', text: '反映夜间施工噪音扰民' },
    ]);
  });

  test("none on the message's own page, which is all about it", () => {
    const got = readMessages(doc(`<div class="detail"><p>留言标题：咨询社保转移</p><p>留言时间：2026-07-01</p><p>留言内容：如何转移？</p><p>答复内容：暂未答复</p></div>`), BOARD, AS_OF);
    expect(got).toHaveLength(1);
    expect(got[0]!.where).toBeUndefined();
  });
});

describe("readMessages: a message's own page", () => {
  const url = 'http://www.linhe.gov.cn/hdjl/ldxx/202610/t20261002_1.html';
  test('a key-value table without colons', () => {
    const got = readMessages(doc(`<div class="nav"><a href="/">首页</a></div><table>
      <tr><td>信件标题</td><td>关于小区路灯长期不亮的问题</td></tr>
      <tr><td>来信时间</td><td>2026-10-02</td></tr>
      <tr><td>来信内容</td><td>小区路灯坏了一个月。</td></tr>
      <tr><td>答复单位</td><td>临河市城管局</td></tr>
      <tr><td>答复时间</td><td>2026-10-05</td></tr>
      <tr><td>答复内容</td><td>已安排维修。</td></tr></table>`), url, AS_OF);
    expect(got).toEqual([{ title: '关于小区路灯长期不亮的问题', url, asked: '2026-10-02', answered: '2026-10-05', replier: '临河市城管局', replyShown: true }]);
  });

  test('lines with colons, the title from the page title, not answered yet', () => {
    const got = readMessages(doc(`<h1 class="sitename">临河市人民政府</h1><div class="detail">
      <p>留言人：张** 留言时间：2026年7月1日</p><p>留言内容：小区路灯坏了一个月。</p><p>答复内容：暂未答复</p></div>`,
    '<title>关于小区路灯长期不亮的问题_县长信箱_临河市人民政府</title>'), url, AS_OF);
    expect(got).toEqual([{ title: '关于小区路灯长期不亮的问题', url, asked: '2026-07-01', replyShown: false, status: '暂未答复' }]);
  });

  test('a write-a-letter form is no message', () => {
    expect(readMessages(doc(`<form><p>留言标题：<input name="t"></p><p>留言内容：<textarea name="c">请输入</textarea></p><button>提交</button></form>`), url, AS_OF)).toEqual([]);
  });
});

test('readMessages and readChannels leave the document as it was', () => {
  const $ = doc(`<script>var a=1;</script><table><tr><th>标题</th><th>留言时间</th></tr><tr><td>咨询</td><td>2026-11-02</td></tr></table><a href="/ldxx/">领导信箱</a>`);
  const before = $.html();
  readMessages($, BOARD, AS_OF);
  readChannels($, BOARD);
  expect($.html()).toBe(before);
});

describe('the sandbox boards', () => {
  const web = generateWeb({ sites: 12, pagesPerSite: 60, seed: 11, asOf: AS_OF });
  const models = web.sites.map((_, i) => buildSiteModel(web, i)).filter((m) => !m.down);
  const expected = (m: SiteModel): PublishedMessage[] =>
    m.board.messages.map((x) => ({
      title: x.subject,
      asked: x.asked,
      ...(x.answered !== null && m.board.shows.answered ? { answered: x.answered } : {}),
      ...(x.answered !== null && m.board.shows.replier ? { replier: m.site.name } : {}),
      replyShown: x.answered !== null && m.board.shows.reply,
      status: x.answered !== null ? '已答复' : m.asOfDay - dayNumber(x.asked) <= 5 ? '办理中' : '未答复',
    }));

  test('cover all three templates, every date style and boards that leave fields out', () => {
    expect(new Set(models.map((m) => m.template))).toEqual(new Set(['ul', 'table', 'cards']));
    expect(models.some((m) => !m.board.shows.answered || !m.board.shows.replier)).toBe(true);
    expect(new Set(models.map((m) => m.dateStyle))).toEqual(new Set(['iso', 'cn', 'slash']));
    expect(new Set(models.map((m) => m.board.messages.some((x) => formatDate(x.asked, m.dateStyle) !== x.asked)))).toContain(true);
  });

  test.each(models.map((m) => [m.site.id, m] as const))('%s: the board reads as the model says', (_id, m) => {
    expect(readMessages(cheerio.load(renderBoard(m)), urlOf(m, m.board.path), AS_OF).map(withoutWhere)).toEqual(expected(m));
  });

  test.each(models.map((m) => [m.site.id, m] as const))('%s: the home page links the board; lists and articles show no messages', (_id, m) => {
    expect(readChannels(cheerio.load(renderHome(m)), m.home).map((c) => c.url)).toContain(urlOf(m, m.board.path));
    for (const col of m.columns) {
      const listUrl = urlOf(m, listPath(col, 0));
      expect(readMessages(cheerio.load(renderList(m, col, 0)), listUrl, AS_OF)).toEqual([]);
      const item = col.items[0];
      if (item) expect(readMessages(cheerio.load(renderArticle(m, col, item)), listUrl, AS_OF)).toEqual([]);
    }
  });
});

describeNeeding(REAL_PAGES, 'the real pages in ../shared/real-pages', () => {
  const load = (file: string) => cheerio.load(realHtml(file));
  // Read by eye (grep 信箱|咨询|留言|互动|信访|投诉|举报): the consultation links of each page, and
  // the 信访 / 举报 / 投诉 / phone-line links that must not count.
  const cases: Array<[file: string, url: string, channels: string[], notChannels: string[]]> = [
    ['alt.gov.cn.home.html', 'http://www.alt.gov.cn/', ['政民互动'], ['网上信访大厅', '投诉登记表']],
    ['baqiao.gov.cn.home.html', 'http://www.baqiao.gov.cn/', ['政民互动', '在线咨询', '区长信箱', '投诉咨询'], []],
    ['beijing.gov.cn.home.html', 'http://www.beijing.gov.cn/', ['政民互动', '给市长写信'], ['网上信访', '市信访办']],
    ['bjda.gov.cn.home.html', 'http://www.bjda.gov.cn/', ['公众互动', '业务咨询', '局长信箱'], ['投诉举报']],
    ['bjda.gov.cn.home.gbk.html', 'http://www.bjda.gov.cn/', ['公众互动', '业务咨询', '局长信箱'], ['投诉举报']],
    ['bjft.gov.cn.home.html', 'http://www.bjft.gov.cn/', [], ['监督投诉']],
    ['bjgjj.gov.cn.home.html', 'http://www.bjgjj.gov.cn/', ['咨询留言'], ['投诉', '监督投诉']],
    ['chinatax.gov.cn.home.html', 'http://www.chinatax.gov.cn/', [], []],
    ['gne_cmse.gov.cn_article1.html', 'http://www.cmse.gov.cn/', ['互动交流', '留言精选', '在线留言'], []],
    ['gne_fgw.zj.gov.cn_article.html', 'http://fgw.zj.gov.cn/', ['互动交流'], []],
    ['gne_people.com.cn_declared-gb2312_bytes-utf8.html', 'http://culture.people.com.cn/', ['地方领导留言板'], []],
    ['gne_shanxi.gov.cn_article.html', 'http://www.shanxi.gov.cn/', ['互动', '政务咨询', '省长信箱', '部门信箱', '市长信箱'], ['网上信访', '省信访局', '国家信访局']],
    ['moe.gov.cn.home.html', 'http://www.moe.gov.cn/', ['互动'], ['信访局', '关于小学生必读必考丛书问题的咨询']],
    ['mohrss.gov.cn.home.html', 'http://www.mohrss.gov.cn/', ['部长信箱'], ['国家信访局', '12333电话咨询服务', '中央国家机关举报网站']],
    ['stats.gov.cn.home.html', 'http://www.stats.gov.cn/', ['统计咨询', '局长信箱'], ['纪检组举报信箱', '统计违法举报']],
    ['www.gov.cn.home.html', 'http://www.gov.cn/', ['互动', '我要留言', '留言选登', '涉企收费投诉快来留言'], []],
  ];

  test.each(cases)('%s: its consultation links, and no 信访', (file, url, channels, notChannels) => {
    const names = readChannels(load(file), url).map((c) => c.name);
    expect([...new Set(names)]).toEqual(channels);
    for (const n of notChannels) expect(names).not.toContain(n);
  });

  // No real page here has a message board or a message's own page: none must show a message.
  test.each(cases.map(([f]) => f).concat(['covid-spider_wsjkw.sh.gov.cn_list.html', 'covid-spider_wsjkw.sh.gov.cn_article.html', 'gne_www.gov.cn_article.html']))('%s shows no published message', (file) => {
    expect(readMessages(load(file), 'http://example.gov.cn/', '2018-12-31')).toEqual([]);
  });
});

describe('collectMessages', () => {
  const item = 'http://www.linhe.gov.cn/hdjl/ldxx/1.html';
  test("merges a listed message with its own page, the own page's values first", () => {
    const list = page(BOARD, { messages: [{ title: '关于路灯…', url: item, asked: '2026-10-02', replyShown: false, status: '已答复' }] });
    const own = page(item, { messages: [{ title: '关于路灯不亮', url: item, asked: '2026-10-02', answered: '2026-10-05', replier: '城管局', replyShown: true }] }, 2);
    expect(collectMessages([list, own])).toEqual([
      { title: '关于路灯不亮', url: item, asked: '2026-10-02', answered: '2026-10-05', replier: '城管局', replyShown: true, status: '已答复', board: BOARD, complete: true, ownPageRead: true, statusKind: 'answered' },
    ]);
  });

  test('a listed message whose own page was not read is incomplete; one without a page is complete', () => {
    const list = page(BOARD, { messages: [{ title: 'a', url: item, replyShown: false }, { title: 'b', asked: '2026-10-01', replyShown: false }] });
    expect(collectMessages([list]).map((m) => [m.title, m.board, m.complete, m.ownPageRead])).toEqual([['a', BOARD, false, false], ['b', BOARD, true, false]]);
  });

  test("a merged message keeps its row's place on the board it is named by", () => {
    const where = { selector: '#xxlb > li:nth-of-type(1)', text: '关于路灯…' } as const;
    const list = page(BOARD, { messages: [{ title: '关于路灯…', url: item, asked: '2026-10-02', replyShown: false, where }] });
    const own = page(item, { messages: [{ title: '关于路灯不亮', url: item, asked: '2026-10-02', replyShown: true }] }, 2);
    expect(collectMessages([own, list])[0]).toMatchObject({ board: BOARD, where });
  });

  test('a message seen only on its own page has that page as its board', () => {
    const own = page(item, { messages: [{ title: 'a', url: item, replyShown: true }] });
    expect(collectMessages([own])[0]).toMatchObject({ board: item, complete: true, ownPageRead: true });
  });
});
