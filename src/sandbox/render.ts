// HTML of every sandbox page, in three CMS styles (TRS-like <ul> lists, legacy <table> lists,
// modern card <div>s), as a browser shows it or as the site serves it (script-built sites write
// parts of their pages with scripts: scripts.ts). Inspired by real government pages; no real page
// is copied.
import { clockText, dayNumber, formatDate, type DateStyle } from './dates.ts';
import { articlePath, listPath, type Column, type Item } from './columns.ts';
import { websiteReportYear, type ColumnClass } from './indicators.ts';
import { HOME_BLOCK, type Scripted } from './look.ts';
import { navDropdown, typoArticle, typoControlSpot, type SiteModel } from './model.ts';
import { BODY_CLOSINGS, BODY_MIDDLES, BODY_OPENINGS, OLD_TOPICS, REPLIES, TOPICS, TYPOS, TYPO_CONTROLS } from './names.ts';
import { GOOD_IMAGES, JIUCUO_HOSTS, PATHS } from './paths.ts';
import { hashString, rng } from './random.ts';
import { personalFilePath, personalRows, personalSentence } from './personal.ts';
import { newestReport, reportBodyHtml, reportNumbers, reportYearOf } from './open-report.ts';
import { columnLoader, documentWrite, fetchedRows, inlineDataRows, jsString, rowsJson, scriptedSearch, writtenHtml, writtenRows, type Row } from './scripts.ts';

/**
 * Which HTML a page is: 'shown' is the page as a browser shows it, every script-built part written
 * out (the readers' tests use it); 'served' is what the site sends, its script-built parts as the
 * scripts that write them (the same as 'shown' on a static site).
 */
export type View = 'shown' | 'served';

/** The script-built parts in effect for a view: none when shown. */
function scriptedIn(m: SiteModel, view: View): Scripted | null {
  return view === 'served' ? m.scripted : null;
}

/** Paths of a frameset home page's frames. */
export const FRAMES = { top: '/top.html', main: '/main.html', bottom: '/bottom.html' } as const;
/** One frame of a frameset home page. */
export type Frame = keyof typeof FRAMES;

/** Path of the JSON file a script-built home block fetches its rows from. */
export function columnJsonPath(col: Column): string {
  return `/api/column/${col.slug}.json`;
}

/** Escapes text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The title of an item, derived from (seed, host, item id). */
export function itemTitle(m: SiteModel, col: Column, item: Item): string {
  const file = col.files?.get(item.id);
  if (file) return file.title;
  const r = rng(m.seed, m.plan.host, 'title', item.id);
  const topic = r.pick(TOPICS);
  const year = item.date.slice(0, 4);
  const month = Number(item.date.slice(5, 7));
  const place = m.cityName;
  const unit = m.site.name;
  switch (col.slug) {
    case 'tzgg':
      return r.pick([`关于做好${year}年${topic}工作的通知`, `关于开展${topic}专项行动的通知`, `${unit}关于${topic}有关事项的公告`, `关于${topic}工作情况的公示`]);
    case 'zcwj':
      return r.pick([`关于印发《${place}${topic}实施方案》的通知`, `${place}关于加强${topic}工作的意见`, `关于进一步做好${topic}工作的通知`]);
    case 'zcjd':
      return r.pick([`《${place}${topic}实施方案》政策解读`, `图解：${place}${topic}工作`, `一图读懂${topic}新政策`]);
    case 'rsxx':
      return r.pick([`${unit}干部任前公示`, `${year}年${unit}公开招聘工作人员公告`, `${unit}关于人事任免的通知`]);
    case 'ghjh':
      return r.pick([`${unit}${year}年工作计划`, `${place}${topic}三年行动计划`, `${unit}${year}年${topic}工作要点`]);
    case 'tjxx':
      return r.pick([`${year}年${month}月${place}经济运行情况`, `${year}年1-${month}月${place}主要统计数据`]);
    case 'sjfb':
      return r.pick([`${year}年1-${month}月${place}主要经济指标`, `${year}年${month}月${place}居民消费价格变动情况`, `${place}${year}年${month}月规模以上工业生产情况`]);
    case 'czxx':
      return r.pick([`${unit}${year}年部门预算公开`, `${unit}${year}年部门决算公开`, `${place}${year}年${month}月财政收支情况`]);
    case 'zdxm':
      return `${place}${year}年重大项目建设推进情况（第${month}期）`;
    case 'jgzn':
      return r.pick([`${unit}主要职责`, `${unit}内设机构`, `${unit}机构职能调整情况`]);
    case 'ldxx':
      return r.pick([`${unit}领导班子成员分工`, `${unit}领导简历`]);
    case 'sqgk':
      return r.pick([`${place}基本情况`, `${place}行政区划`, `${place}自然地理`, `${place}历史沿革`]);
    case 'dwgk':
      return r.pick([`${unit}简介`, `${unit}办公地址及联系方式`, `${unit}基本情况`]);
    case 'ztzl':
      return `${r.pick(OLD_TOPICS)}专题`;
    case 'xxgknb':
      return `${unit}${reportYearOf(m.openReports, col, item) ?? Number(year) - 1}年政府信息公开工作年度报告`;
    default:
      return r.pick([
        `${place}召开${topic}工作会议`, `${unit}部署${topic}工作`, `${place}${topic}工作取得新成效`,
        `${place}开展${topic}专项检查`, `${unit}主要负责同志调研${topic}工作`, `${place}举行${topic}工作推进会`,
      ]);
  }
}

function charsetMeta(m: SiteModel): string {
  switch (m.encoding) {
    case 'utf8-header':
      return '<meta charset="utf-8">';
    case 'gbk-header':
      return '<meta http-equiv="Content-Type" content="text/html; charset=gbk">';
    case 'gb2312-meta':
    case 'utf8-declared-gb2312':
      return '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
    case 'utf8-undeclared':
      return '';
  }
}

/** An href for a site path in this template's habit: relative, root-relative or absolute. */
function href(m: SiteModel, path: string, fromHome: boolean): string {
  if (m.template === 'table') return m.origin + path;
  if (m.template === 'cards' && fromHome) return `.${path}`;
  return path;
}

function shownDate(m: SiteModel, iso: string, style: DateStyle): string {
  // A month-day date is only unambiguous for items from the last ~10 months.
  if ((style === 'md' || style === 'paren') && m.asOfDay - dayNumber(iso) > 300) return formatDate(iso, m.dateStyle);
  return formatDate(iso, style);
}

/** ColumnType of the national page-tag specification: the kind of column, in Chinese. */
const COLUMN_TYPES: Record<ColumnClass, string> = {
  news: '动态要闻', notice: '通知公告', policy: '政策文件', interpretation: '政策解读', periodic: '信息公开', data: '数据发布', topic: '专题专栏',
};

/** What a page is, for its page tags: the home page carries site tags, column pages column tags, articles content tags. */
type PageTags =
  | { kind: 'home' }
  | { kind: 'column'; name: string; type: string }
  | { kind: 'article'; col: Column; title: string; pubDate: string };

function head(m: SiteModel, title: string, tags: PageTags): string {
  const metas: [string, string][] = [['SiteName', m.site.name], ['SiteDomain', m.plan.host]];
  if (!m.omitTags.has('SiteIDCode')) metas.push(['SiteIDCode', m.site.siteCode]);
  if (tags.kind === 'column') metas.push(['ColumnName', tags.name], ['ColumnType', tags.type]);
  if (tags.kind === 'article') {
    metas.push(['ColumnName', tags.col.name], ['ColumnType', COLUMN_TYPES[tags.col.cls]]);
    if (!m.omitTags.has('ArticleTitle')) metas.push(['ArticleTitle', tags.title]);
    if (!m.omitTags.has('PubDate')) metas.push(['PubDate', tags.pubDate]);
    metas.push(['ContentSource', m.site.name]);
  }
  const name = (n: string): string => (m.tagCase === 'lower' ? n.toLowerCase() : n);
  const lines = [
    charsetMeta(m),
    m.template === 'cards' ? '<meta name="viewport" content="width=device-width, initial-scale=1">' : '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    `<title>${esc(title)}</title>`,
    ...metas.map(([n, c]) => `<meta name="${name(n)}" content="${esc(c)}">`),
    '<link rel="stylesheet" type="text/css" href="/css/style.css">',
    '<script type="text/javascript" src="/js/jquery.min.js"></script>',
  ].filter((l) => l !== '');
  const doctype = m.template === 'table'
    ? '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>'
    : m.template === 'ul'
      ? '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
      : '<!DOCTYPE html>\n<html lang="zh-CN">';
  return `${doctype}\n<head>\n${lines.join('\n')}\n</head>\n`;
}

function clock(m: SiteModel): string {
  if (m.clock === 'script') {
    return '<span id="today"></span><script type="text/javascript">var d=new Date();document.getElementById("today").innerHTML="今天是"+d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日";</script>';
  }
  return `<span class="today">${clockText(m.asOf)}</span>`;
}

/** The header search form in the CMS's own style (TRS WAS5, 大汉 jsearch, a shared search host…). */
export function searchForm(m: SiteModel): string {
  const s = m.search;
  if (!s) return '';
  if (s.box) return searchBox(s);
  const hidden = s.hidden.map(([n, v]) => `<input type="hidden" name="${n}" value="${esc(v)}">`).join('');
  switch (m.template) {
    case 'ul':
      return `<div class="search"><form name="searchform" action="${s.action}" method="get" target="_blank">${hidden}<input type="text" name="${s.field}" class="search-input" value="" placeholder="请输入关键字"><input type="submit" class="search-btn" value="搜索"></form></div>`;
    case 'table':
      return `<form id="searchForm" action="${s.action}" method="get" target="_blank"><table border="0" cellspacing="0" cellpadding="0"><tr><td>${hidden}<input type="text" name="${s.field}" size="20" value="请输入检索内容" onfocus="if(this.value=='请输入检索内容')this.value='';"></td><td><input type="image" src="/images/more.gif" alt="检索"></td></tr></table></form>`;
    case 'cards':
      return `<form class="search-box" role="search" action="${s.action}" method="get">${hidden}<input type="search" name="${s.field}" aria-label="站内搜索" placeholder="搜索本站内容"><button type="submit">搜索</button></form>`;
  }
}

/** A box with no form: an input without a name and an image link whose inline function sends the visitor to the engine. */
function searchBox(s: NonNullable<SiteModel['search']>): string {
  const extra = s.hidden.map(([n, v]) => `&${n}=${encodeURIComponent(v)}`).join('');
  return `<div class="search"><input type="text" id="kw" class="search-input" value="" placeholder="请输入关键字"><a href="javascript:;" onclick="siteSearch();"><img src="/images/more.gif" alt="搜索"></a></div>`
    + `<script type="text/javascript">function siteSearch(){var w=document.getElementById("kw").value;if(w.replace(/\s/g,"")==""){alert("请输入关键字");return;}`
    + `location.href=${jsString(`${s.action}?${s.field}=`)}+encodeURIComponent(w)${extra ? `+${jsString(extra)}` : ''};}</script>`;
}

/** The header search as served: written by a script on script-built sites (a form or a bare box), else the form. */
function headerSearch(m: SiteModel, s: Scripted | null): string {
  if (!m.search || !s || s.search === 'static') return searchForm(m);
  return `<div class="search">${scriptedSearch(s.search, m.search, esc, m.template)}</div>`;
}

/**
 * The functions the top bar's entries call: 长者模式 gives the body the class the style sheet sets to
 * 20px text, every element of it (a font size on the body alone would not reach the tables of a
 * page in quirks mode); inert, nothing. 无障碍 starts a toolbar the sandbox does not draw.
 */
function accessScript(m: SiteModel): string {
  if (m.accessEntry === 'none') return '';
  const mode = m.elderMode === 'pale' ? 'elder elder-pale' : 'elder';
  const toggle = m.elderMode === 'inert' ? 'function(){}' : `function(){this.on=!this.on;document.body.className=this.on?'${mode}':'';}`;
  return `<script type="text/javascript">var elder={on:false,toggle:${toggle}};var aria={start:function(){}};</script>`;
}

/**
 * The home page's 飘窗: a picture link to the message board with a 关闭 control, drifting across and
 * down the page and bouncing off its edges. The 长者模式 hides it (the style sheet's .elder
 * .pc-elder-hide) unless the role leaves it (stays).
 */
function floatWindow(m: SiteModel): string {
  if (!m.floatWindow) return '';
  const cls = m.floatWindow === 'hidden' ? 'pc pc-elder-hide' : 'pc';
  return `<div id="piaochuang" class="${cls}" style="position:absolute;z-index:99;left:20px;top:300px;width:130px;background:#fff">`
    + `<a href="${m.board.path}" target="_blank"><img src="/images/zt1.jpg" width="130" height="80" alt="${esc(m.board.name)}"></a>`
    + `<span class="pc-close" onclick="document.getElementById('piaochuang').style.display='none'">关闭</span></div>\n`
    + `<script type="text/javascript">(function(){var d=document.getElementById('piaochuang'),x=20,y=300,dx=1,dy=1;setInterval(function(){x+=dx;y+=dy;if(x<0||x>1000)dx=-dx;if(y<0||y>600)dy=-dy;d.style.left=x+'px';d.style.top=y+'px';},30);})();</script>\n`;
}

/** The top bar's entry to the elder-friendly and accessible mode, by the model's kind of it. */
const ACCESS_ENTRY: Readonly<Record<SiteModel['accessEntry'], string[]>> = {
  links: ['<a href="javascript:void(0)" onclick="aria.start()">无障碍浏览</a>', '<a href="javascript:void(0)" onclick="elder.toggle()">长者模式</a>'],
  button: ['<button type="button" class="wza-btn" onclick="aria.start()">无障碍</button>'],
  image: ['<a href="javascript:void(0)" onclick="elder.toggle()"><img src="/images/logo.png" alt="关怀版" width="16" height="16"></a>'],
  none: [],
};

function topBar(m: SiteModel, fromHome: boolean, s: Scripted | null = null): string {
  const links = [
    '<a href="javascript:void(0)" onclick="this.style.behavior=\'url(#default#homepage)\';this.setHomePage(location.href);">设为首页</a>',
    '<a href="javascript:void(0)" onclick="window.external.addFavorite(location.href,document.title)">加入收藏</a>',
    ...ACCESS_ENTRY[m.accessEntry],
  ];
  const logo = m.headerName === 'none'
    ? `<a href="${href(m, '/', fromHome)}" class="logo"><img src="/images/logo.png" width="560" height="90" border="0"></a>`
    : `<a href="${href(m, '/', fromHome)}" class="logo"><img src="/images/logo.png" alt="${esc(m.site.name)}"></a>`;
  const name = m.headerName === 'text' ? `<h1 class="sitename">${esc(m.site.name)}</h1>` : '';
  return `<div class="topbar"><div class="w1200">${clock(m)}<span class="toplinks">${links.join(' | ')}</span>${accessScript(m)}</div></div>\n${fromHome ? floatWindow(m) : ''}`
    + `<div class="header"><div class="w1200">${logo}${name}${headerSearch(m, s)}</div></div>\n`;
}

function nav(m: SiteModel, fromHome: boolean): string {
  const items = [`<li><a href="${href(m, '/', fromHome)}">首页</a></li>`];
  for (const c of m.columns.slice(0, m.navVisible)) items.push(`<li><a href="${href(m, listPath(c, 0), fromHome)}">${esc(c.name)}</a></li>`);
  const more = navDropdown(m);
  if (more.length > 0) {
    const sub = more.map((c) => `<li><a href="${href(m, listPath(c, 0), fromHome)}">${esc(c.name)}</a></li>`).join('');
    items.push(`<li class="nav-more" onmouseover="this.getElementsByTagName('ul')[0].style.display='block';" onmouseout="this.getElementsByTagName('ul')[0].style.display='none';"><a href="javascript:void(0)">更多栏目</a><ul class="subnav" style="display:none;">${sub}</ul></li>`);
  }
  items.push(`<li><a href="${href(m, m.board.path, fromHome)}">互动交流</a></li>`);
  return `<div class="nav"><ul class="w1200">${items.join('')}</ul></div>\n`;
}
/** The footer with the identity marks this site shows (or hides in comments, or lacks). */
export function footer(m: SiteModel, fromHome: boolean): string {
  return `<div class="footer"><div class="w1200">\n${footerInner(m, fromHome)}\n</div></div>\n`;
}

/**
 * The footer as served: on script-built sites its rows are written by document.write, in an
 * inline script or by /js/common.js (whose name does not say footer).
 */
function pageFooter(m: SiteModel, fromHome: boolean, s: Scripted | null): string {
  if (!s) return footer(m, fromHome);
  const inner = s.footer === 'inline' ? writtenHtml(footerInner(m, fromHome)) : COMMON_JS_TAG;
  return `<div class="footer"><div class="w1200">\n${inner}\n</div></div>\n`;
}

const COMMON_JS_TAG = '<script type="text/javascript" src="/js/common.js"></script>';

/** What /js/common.js adds on a site whose footer it writes (null when it writes nothing): the footer's rows, by document.write. */
export function commonJsFooter(m: SiteModel): string | null {
  return m.scripted?.footer === 'common-js' ? `${documentWrite(footerInner(m, false))}\n` : null;
}

/** The rows and marks inside the footer. */
function footerInner(m: SiteModel, fromHome: boolean): string {
  const f = m.footer;
  const code = m.site.siteCode;
  const abbr = m.plan.place.province.abbr;
  const icp = m.icpNo;
  const rows: string[] = [];
  const links = [`<a href="${href(m, '/', fromHome)}">网站首页</a>`];
  if (f.contact === 'link') links.push(`<a href="${href(m, PATHS.contact, fromHome)}">联系我们</a>`);
  links.push('<a href="#top">返回顶部</a>');
  rows.push(`<p class="flinks">${links.join(' | ')}</p>`);

  const sponsor = m.sponsorName;
  switch (f.sponsor) {
    case 'label':
      rows.push(`<p>主办单位：${esc(sponsor)}　承办单位：${esc(m.operatorName)}</p>`);
      break;
    case 'short':
      rows.push(`<p>主办：${esc(sponsor)}　承办：${esc(m.operatorName)}</p>`);
      break;
    case 'suffix':
      rows.push(`<p>${esc(sponsor)}主办　${esc(m.operatorName)}承办</p>`);
      break;
    case 'comment':
      rows.push(`<!-- <p>主办单位：${esc(sponsor)}</p> -->`, `<p>承办单位：${esc(m.operatorName)}</p>`);
      break;
    case 'none':
      rows.push(`<p>承办单位：${esc(m.operatorName)}　版权所有：${esc(m.site.name)}</p>`);
      break;
  }

  const ids: string[] = [];
  switch (f.siteCode) {
    case 'fullwidth':
      ids.push(`网站标识码：${code}`);
      break;
    case 'halfwidth':
      ids.push(`网站标识码:${code}`);
      break;
    case 'trailing':
      ids.push(`政府网站标识码：${code} `);
      break;
    case 'nocolon':
      ids.push(`网站标识码${code}`);
      break;
    case 'comment':
      ids.push(`<!-- 网站标识码：${code} -->`);
      break;
    case 'none':
      break;
  }
  switch (f.icp) {
    case 'plain':
      ids.push(`ICP备案号：${icp}-1`);
      break;
    case 'fullhyphen':
      ids.push(`备案号：<a href="http://beian.miit.gov.cn/" target="_blank">${icp}－1</a>`);
      break;
    case 'linkonly':
      ids.push(`<a href="http://beian.miit.gov.cn/" target="_blank">${icp}</a>`);
      break;
    case 'bare':
      ids.push(`<a href="http://beian.miit.gov.cn/" target="_blank">${icp.replace('备', '').replace(/号$/, '')}</a>`);
      break;
    case 'comment':
      ids.push(`<!-- <a href="http://beian.miit.gov.cn/" target="_blank">${icp}</a> -->`);
      break;
    case 'none':
      break;
  }
  const psbLink = (text: string): string =>
    `<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${m.psbNo}" target="_blank"><img src="/images/ga.png" alt="">${text}</a>`;
  switch (f.psb) {
    case 'space':
      ids.push(psbLink(`${abbr}公网安备 ${m.psbNo}号`));
      break;
    case 'nospace':
      ids.push(psbLink(`${abbr}公网安备${m.psbNo}号`));
      break;
    case 'nohao':
      ids.push(psbLink(`${abbr}公网安备${m.psbNo}`));
      break;
    case 'split':
      ids.push(psbLink(`<span>${abbr}公网安备</span><span>${m.psbNo.slice(0, 6)}</span><span>${m.psbNo.slice(6)}</span><span>号</span>`));
      break;
    case 'comment':
      ids.push(`<!-- ${psbLink(`${abbr}公网安备 ${m.psbNo}号`)} -->`);
      break;
    case 'none':
      break;
  }
  if (ids.length > 0) rows.push(`<p>${ids.join('　')}</p>`);

  switch (f.contact) {
    case 'link':
      rows.push(`<p>地址：${esc(m.address)}</p>`);
      break;
    case 'phone':
      rows.push(`<p>地址：${esc(m.address)}　电话：${m.phone}</p>`);
      break;
    case 'email':
      rows.push(`<p>地址：${esc(m.address)}　联系邮箱：<a href="mailto:${m.email}">${m.email}</a></p>`);
      break;
    case 'comment':
      rows.push(`<!-- <p>地址：${esc(m.address)}　联系电话：${m.phone}</p> -->`);
      break;
    case 'none':
      break;
  }

  const prov = m.plan.place.province.code;
  const conacLink = `<a href="http://bszs.conac.cn/sitename?method=show&amp;id=${m.conacId}${m.site.siteCode}" target="_blank"><img src="http://dcs.conac.cn/image/red.png" alt="党政机关" border="0"></a>`;
  const marks: string[] = [];
  switch (f.conac) {
    case 'link':
      marks.push(conacLink);
      break;
    case 'script':
      marks.push(`<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/${prov}/000/0000/${m.conacId}/CA${prov}0000000${m.conacId}0001.js' type='text/javascript'%3E%3C/script%3E"));</script>`);
      break;
    case 'comment':
      marks.push(`<!-- ${conacLink} -->`);
      break;
    case 'none':
      break;
  }
  const jiucuoLink = (host: string): string =>
    `<a href="http://${host}/exposure/jiucuo.html?site_code=${code}&amp;url=${encodeURIComponent(m.home)}" target="_blank"><img src="/images/jiucuo.png" alt="政府网站找错" border="0"></a>`;
  switch (m.errorReport) {
    case 'pucha-script':
      marks.push(`<script id="_jiucuo_" sitecode='${code}' src='http://${JIUCUO_HOSTS.pucha}/exposure/jiucuo.js'></script>`);
      break;
    case 'zfwzgl-script':
      marks.push(`<script id="_jiucuo_" sitecode="${code}" src="http://${JIUCUO_HOSTS.zfwzgl}/exposure/jiucuo.js"></script>`);
      break;
    case 'zfwzgl-link':
      marks.push(jiucuoLink(JIUCUO_HOSTS.zfwzgl));
      break;
    case 'pucha-link':
      marks.push(jiucuoLink(JIUCUO_HOSTS.pucha));
      break;
    case 'none':
      break;
  }
  return `${rows.join('\n')}\n<div class="marks">${marks.join('\n')}</div>`;
}

/** The 暂无信息 row of a list with nothing in it, or null when it has rows. */
function emptyRow(m: SiteModel, col: Column, items: readonly Item[]): string | null {
  if (items.length > 0 || col.extraRows.length > 0) return null;
  // Tab boxes and date-cell rows leave a blank list empty: no 暂无信息, no class that says so.
  if (m.homeLayout === 'tabs' || m.homeLayout === 'date-cell') return '';
  return m.template === 'table'
    ? '<tr><td colspan="3" class="empty">暂无信息</td></tr>'
    : m.template === 'ul' ? '<li class="empty">暂无信息</li>' : '<div class="empty">暂无信息</div>';
}

function itemRows(m: SiteModel, col: Column, items: readonly Item[], fromHome: boolean, style: DateStyle): Row[] {
  return items.map((it) => ({ title: itemTitle(m, col, it), href: href(m, articlePath(col, it), fromHome), date: shownDate(m, it.date, style) }));
}

function extraRows(m: SiteModel, col: Column): Row[] {
  return col.extraRows.map((x) => ({
    title: `${m.cityName}${x.date.slice(0, 4)}年${TOPICS[Number(x.date.slice(8)) % TOPICS.length] ?? ''}工作综述`,
    href: x.href,
    date: formatDate(x.date, m.dateStyle),
  }));
}

/** A row in the template's markup; rows appended for seeded defects carry no title attribute. */
function rowHtml(m: SiteModel, r: Row, titled = true): string {
  const title = esc(r.title);
  if (m.homeLayout === 'date-cell') return dateCellRow(m, r, title);
  switch (m.template) {
    case 'ul':
      return titled ? `<li><a href="${r.href}" target="_blank" title="${title}">${title}</a><span>${r.date}</span></li>` : `<li><a href="${r.href}" target="_blank">${title}</a><span>${r.date}</span></li>`;
    case 'table':
      return `<tr><td class="dot" width="10">·</td><td><a href="${r.href}" target="_blank">${title}</a></td><td class="date" align="right" width="100">${r.date}</td></tr>`;
    case 'cards':
      return `<div class="card"><a class="card-title" href="${r.href}">${title}</a><p class="card-date">${r.date}</p></div>`;
  }
}

/** A row whose date sits in another cell than its title: two cells in an <li>, a unit cell between title and date, a <dl>. */
function dateCellRow(m: SiteModel, r: Row, title: string): string {
  switch (m.template) {
    case 'ul':
      return `<li><div class="bt"><a href="${r.href}" target="_blank" title="${title}">${title}</a></div><div class="sj"><span>${r.date}</span></div></li>`;
    case 'table':
      return `<tr><td><a href="${r.href}" target="_blank">${title}</a></td><td class="fbjg" width="160">${esc(m.site.name)}</td><td class="date" width="100">${r.date}</td></tr>`;
    case 'cards':
      return `<dl class="card"><dt><a class="card-title" href="${r.href}">${title}</a></dt><dd class="card-date">${r.date}</dd></dl>`;
  }
}

function blockItems(m: SiteModel, col: Column, items: readonly Item[], fromHome: boolean, style: DateStyle): string {
  return emptyRow(m, col, items) ?? itemRows(m, col, items, fromHome, style).map((r) => rowHtml(m, r)).join('\n');
}

function extraRowsHtml(m: SiteModel, col: Column): string {
  return extraRows(m, col).map((r) => rowHtml(m, r, false)).join('\n');
}

/** The rows a home block shows. */
function homeRows(m: SiteModel, col: Column): Item[] {
  return col.items.slice(0, HOME_BLOCK[m.template]);
}

/** The JSON a script-built home block fetches (columnJsonPath): the rows the block shows. */
export function columnJson(m: SiteModel, col: Column): string {
  return rowsJson(itemRows(m, col, homeRows(m, col), true, m.homeDateStyle));
}

/** Opening (without its '>') and closing tags of a home block's list and of a list page's, by template. */
const HOME_LIST: Record<SiteModel['template'], [string, string]> = {
  ul: ['<ul class="lm-list"', '</ul>'],
  table: ['<table width="100%" class="newslist"', '</table>'],
  cards: ['<div class="card-list"', '</div>'],
};
const PAGE_LIST: Record<SiteModel['template'], [string, string]> = {
  ul: ['<ul class="list"', '</ul>'],
  table: ['<table width="100%" class="newslist"', '</table>'],
  cards: ['<div class="card-list"', '</div>'],
};

/** A home block's list: its rows (from the skip-th on), or (script-built) the script that writes them or the empty list an XHR fills. */
function homeList(m: SiteModel, col: Column, s: Scripted | null, attrs = '', skip = 0): string {
  const [open, close] = HOME_LIST[m.template];
  const items = homeRows(m, col).slice(skip);
  const id = `lm_${col.slug}`;
  switch (s?.lists) {
    case 'document-write':
      return `${open}${attrs}>\n${writtenRows(m.template, id, itemRows(m, col, items, true, m.homeDateStyle), emptyRow(m, col, items), esc)}\n${close}`;
    case 'xhr':
      return `${open}${attrs} id="${id}">${close}\n${fetchedRows(id, columnJsonPath(col), emptyRow(m, col, items))}`;
    default:
      return `${open}${attrs}>\n${blockItems(m, col, items, true, m.homeDateStyle)}\n${close}`;
  }
}

/** Path of a column's heading image (image-heading layout). */
export function headingImagePath(m: SiteModel, col: Column): string {
  return `/images/lm/${col.slug}.${m.template === 'table' ? 'gif' : 'png'}`;
}

/** The headline item over a block's list (headline layout): its title, a short summary and its date. */
function headlineItem(m: SiteModel, col: Column, item: Item): string {
  const h = href(m, articlePath(col, item), true);
  const title = esc(itemTitle(m, col, item));
  const summary = esc(rng(m.seed, m.plan.host, 'hot', item.id).pick(BODY_OPENINGS));
  const date = shownDate(m, item.date, m.homeDateStyle);
  switch (m.template) {
    case 'ul':
      return `<div class="lm-hot"><h4><a href="${h}" target="_blank" title="${title}">${title}</a></h4><p>${summary}<a href="${h}" target="_blank">[详细]</a></p><span class="date">${date}</span></div>`;
    case 'table':
      return `<table width="100%" class="hot"><tr><td class="hot-title"><a href="${h}" target="_blank"><b>${title}</b></a></td></tr><tr><td class="hot-summary">${summary}　${date}</td></tr></table>`;
    case 'cards':
      return `<div class="card card-hot"><a class="card-title" href="${h}">${title}</a><p class="card-summary">${summary}</p><p class="card-date">${date}</p></div>`;
  }
}

function homeBlock(m: SiteModel, col: Column, s: Scripted | null): string {
  const more = href(m, listPath(col, 0), true);
  const rows = homeRows(m, col);
  const hot = m.homeLayout === 'headline' && rows.length >= 3 && rows[0] ? headlineItem(m, col, rows[0]) : '';
  const list = `${hot ? `${hot}\n` : ''}${homeList(m, col, s, '', hot ? 1 : 0)}`;
  const image = m.homeLayout === 'image-heading' ? headingImagePath(m, col) : null;
  switch (m.template) {
    case 'ul': {
      const h = image ? `<img src="${image}" alt="${esc(col.name)}">` : `<h3>${esc(col.name)}</h3>`;
      return `<div class="lm lm-${col.slug}">\n<div class="lm-hd">${h}<a class="more" href="${more}" target="_blank">更多&gt;&gt;</a></div>\n${list}\n</div>`;
    }
    case 'table': {
      const h = image ? `<td class="lmtitle"><img src="${image}" border="0"></td>` : `<td class="lmtitle">${esc(col.name)}</td>`;
      return `<table width="100%" border="0" cellspacing="0" cellpadding="0" class="lanmu">\n<tr>${h}<td align="right"><a href="${more}"><img src="/images/more.gif" alt="更多" border="0"></a></td></tr>\n<tr><td colspan="2">${list}</td></tr>\n</table>`;
    }
    case 'cards': {
      const h = image
        ? `<h2 class="panel-title"><img src="${image}" alt=""></h2><a class="more" href="${more}">更多</a>`
        : `<h2 class="panel-title"><a href="${more}">${esc(col.name)}</a></h2>`;
      return `<section class="panel panel-${col.slug}">\n${h}\n${list}\n</section>`;
    }
  }
}

/** Keys real CMS templates give their tab boxes (setTab('one',2,3) → con_one_2). */
const TAB_KEYS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** Several columns in one tab box, one pane shown at a time, in the site's tab style (look.ts TabStyle). */
function tabBox(m: SiteModel, cols: readonly Column[], k: number, s: Scripted | null): string {
  const more = (c: Column): string => href(m, listPath(c, 0), true);
  const hidden = (i: number): string => (i === 0 ? '' : ' style="display:none"');
  switch (m.tabStyle) {
    case 'set-tab': {
      const key = TAB_KEYS[k % TAB_KEYS.length]!;
      const tabs = cols.map((c, i) => `<li id="${key}${i + 1}"${i === 0 ? ' class="on"' : ''} onmouseover="setTab('${key}',${i + 1},${cols.length})">${esc(c.name)}</li>`).join('');
      const panes = cols.map((c, i) => `<div id="con_${key}_${i + 1}"${hidden(i)}>\n${homeList(m, c, s)}\n<div class="tab-more"><a id="more_${key}_${i + 1}" href="${more(c)}" target="_blank">更多&gt;&gt;</a></div>\n</div>`);
      return `<div class="tabbox">\n<div class="tab-hd"><ul>${tabs}</ul></div>\n<div class="tab-bd">\n${panes.join('\n')}\n</div>\n</div>`;
    }
    case 'in-order': {
      const tabs = cols.map((c, i) => `<span${i === 0 ? ' class="on"' : ''} onclick="showTab(this,${i})">${esc(c.name)}</span>`).join('');
      const lists = cols.map((c, i) => homeList(m, c, s, hidden(i))).join('\n');
      return `<table width="100%" border="0" cellspacing="0" cellpadding="0" class="lanmu tabtable">\n<tr><td class="tabs">${tabs}</td><td align="right"><a href="${more(cols[0]!)}"><img src="/images/more.gif" alt="更多" border="0"></a></td></tr>\n<tr><td colspan="2"><div class="tab_cont">\n${lists}\n</div></td></tr>\n</table>`;
    }
    case 'aria': {
      const tabs = cols.map((c, i) => `<button type="button" role="tab" id="tab-${c.slug}" aria-controls="pane-${c.slug}" aria-selected="${i === 0}">${esc(c.name)}</button>`).join('');
      const panes = cols.map((c, i) => `<div class="pane" role="tabpanel" id="pane-${c.slug}" aria-labelledby="tab-${c.slug}"${i === 0 ? '' : ' hidden'}>\n${homeList(m, c, s)}\n<a class="more" href="${more(c)}">查看更多</a>\n</div>`);
      return `<section class="panel panel-tabs">\n<div class="tablist" role="tablist">${tabs}</div>\n${panes.join('\n')}\n</section>`;
    }
  }
}

/** The home page's groups of columns: one each, or (tabs layout) up to three in a tab box. */
export function homeGroups(m: SiteModel): Column[][] {
  const cols = m.columns.filter((c) => c.onHome);
  if (m.homeLayout !== 'tabs') return cols.map((c) => [c]);
  const out: Column[][] = [];
  for (let i = 0; i < cols.length; i += 3) out.push(cols.slice(i, i + 3));
  return out;
}

/** The home page's column blocks: one per column, or tab boxes. */
function homeBlocks(m: SiteModel, s: Scripted | null): string[] {
  return homeGroups(m).map((g, k) => (g.length === 1 ? homeBlock(m, g[0]!, s) : tabBox(m, g, k, s)));
}

/** The script every page ends with, unless it already wrote the footer. */
function trailingScript(s: Scripted | null): string {
  return s?.footer === 'common-js' ? '' : `${COMMON_JS_TAG}\n`;
}

function page(m: SiteModel, title: string, tags: PageTags, body: string, s: Scripted | null, fromHome = false, injected = ''): string {
  return `${head(m, title, tags)}<body>\n<a name="top"></a>\n${injected}${topBar(m, fromHome, s)}${nav(m, fromHome)}<div class="main w1200">\n${body}\n</div>\n${pageFooter(m, fromHome, s)}${trailingScript(s)}</body>\n</html>\n`;
}

/** The sentences of the home headline's summary: an opening, then any wording seeded there. */
function headlineSummary(m: SiteModel, item: Item): string[] {
  const r = rng(m.seed, m.plan.host, 'summary', item.id);
  return [
    r.pick(BODY_OPENINGS),
    ...m.typos.filter((t) => t.spot === 'home').map((t) => TYPOS[t.key].sentence),
    ...m.typoControls.filter((k) => typoControlSpot(m, k) === 'home').map((k) => TYPO_CONTROLS[k].sentence),
  ];
}

/** Off-site links injected into the home page and hidden with inline CSS, in the shapes real 暗链 take. */
function hiddenLinksHtml(m: SiteModel, where: 'top' | 'links' | 'bottom'): string {
  const out: string[] = [];
  for (const h of m.hiddenLinks) {
    const a = `<a href="${h.href}" target="_blank">${esc(h.text)}</a>`;
    switch (h.how) {
      case 'display-none-div':
        if (where === 'top') out.push(`<div style="display:none">${a}</div>`);
        break;
      case 'display-none-a':
        if (where === 'links') out.push(`<a href="${h.href}" style="display:none" target="_blank">${esc(h.text)}</a>`);
        break;
      case 'offscreen':
        if (where === 'bottom') out.push(`<div style="position:absolute;left:-9999px;top:-9999px;">${a}</div>`);
        break;
      case 'font-size-0':
        if (where === 'bottom') out.push(`<span style="font-size:0;line-height:0;">${a}</span>`);
        break;
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** The home page's title. */
function homeTitle(m: SiteModel): string {
  return m.template === 'cards' ? `首页 - ${m.site.name}` : m.site.name;
}

/** The home page; on a frameset site what its frames show together, on a script-redirect site the page at /index.html. */
export function renderHome(m: SiteModel, view: View = 'shown'): string {
  const s = scriptedIn(m, view);
  const { body, injected } = homeContent(m, s);
  return page(m, homeTitle(m), { kind: 'home' }, body, s, true, injected);
}

/** The home page's main part, and the hidden links injected before its header. */
function homeContent(m: SiteModel, s: Scripted | null): { body: string; injected: string } {
  const parts: string[] = [];
  // The XHR loader the script-built home blocks call.
  if (s?.lists === 'xhr') parts.push(columnLoader(m.template));
  const topic = m.columns.find((c) => c.cls === 'topic');
  const bannerTarget = topic ? listPath(topic, 0) : listPath(m.columns[0] as Column, 0);
  parts.push(`<div class="banner"><a href="${href(m, bannerTarget, true)}"><img src="/images/banner.jpg" alt="专题专栏" width="1200" height="120"></a></div>`);

  // 头条: the newest item of the first column, with a short summary.
  const lead = typoArticle(m);
  if (lead) {
    const h = href(m, articlePath(lead.col, lead.item), true);
    const title = esc(itemTitle(m, lead.col, lead.item));
    parts.push(`<div class="toutiao"><a class="tt-title" href="${h}" target="_blank">${title}</a><p class="tt-summary">${esc(headlineSummary(m, lead.item).join(''))}<a href="${h}" target="_blank">[详细]</a></p></div>`);
  }
  parts.push(...homeBlocks(m, s));

  // 便民服务: plain links, trap links and most of the seeded broken links.
  const quick: string[] = [
    `<li><a href="${href(m, m.board.path, true)}">${esc(m.board.name)}</a></li>`,
    ...m.quickLinks.map((q) => `<li><a href="${q.href}" target="_blank">${esc(q.text)}</a></li>`),
    ...m.broken.filter((d) => d.page === '/' && !d.image).map((d) => `<li><a href="${d.href}" target="_blank">${esc(d.text)}</a></li>`),
  ];
  if (m.traps.includes('commented-link')) {
    quick.push(`<!-- <li><a href="${PATHS.commented}">旧版政务动态</a></li> -->`);
  }
  parts.push(`<div class="bmfw"><h3>便民服务</h3><ul>\n${quick.join('\n')}\n</ul></div>`);
  if (m.calendar) parts.push(calendarBox(m.asOf));

  const images = m.broken.filter((d) => d.page === '/' && d.image);
  const ads = [`<a href="${href(m, m.board.path, true)}"><img src="/images/zt1.jpg" alt="${esc(m.board.name)}"></a>`,
    ...images.map((d) => `<img src="${d.href}" alt="${esc(d.text)}">`)];
  const report = m.websiteReport;
  if (report.year !== null) ads.push(`<a class="ndbb" href="${websiteReportPath(report.year)}" target="_blank">${esc(m.site.name)}网站${report.year}年度工作报表</a>`);
  if (m.collection) ads.push(`<a class="ndbbzl" href="${href(m, listPath(m.collection.col, 0), true)}">${m.collection.col.name}</a>`);
  if (m.openReports) ads.push(`<a class="xxgknb" href="${href(m, listPath(m.openReports.col, 0), true)}">政府信息公开年报</a>`);
  if (report.openReport) ads.push(`<a class="ndbg" href="${openReportPath(websiteReportYear(m.asOf))}" target="_blank">${websiteReportYear(m.asOf)}年政府信息公开工作年度报告</a>`);
  parts.push(`<div class="ads">${ads.join('\n')}</div>`);

  const friends = m.friendlyLinks.map((f) => `<a href="${f.href}" target="_blank">${esc(f.text)}</a>`).join(' ');
  parts.push(`<div class="yqlj"><span>友情链接：</span>${friends}${hiddenLinksHtml(m, 'links').trimEnd()}<select onchange="if(this.value)window.open(this.value)"><option value="">--${esc(m.plan.place.province.name)}政府网站--</option><option value="http://www.gov.cn/">中国政府网</option></select></div>`);
  const bottom = hiddenLinksHtml(m, 'bottom');
  if (bottom) parts.push(bottom.trimEnd());
  return { body: parts.join('\n'), injected: hiddenLinksHtml(m, 'top') };
}

/** Where a site keeps its website report of a year, and its 政府信息公开年报 (PDF files). */
export const websiteReportPath = (year: number): string => `/ndbb/P0${year}0120.pdf`;
export const openReportPath = (year: number): string => `/xxgk/ndbg/P0${year}0325.pdf`;

/**
 * The home URL of a frameset site: top, main and bottom frames (header and menu, the home page's
 * content, the footer). Its head carries the home page's tags.
 */
export function renderFrameset(m: SiteModel): string {
  const frames = [
    `<frame src="${FRAMES.top}" name="topFrame" scrolling="no" noresize="noresize" title="topFrame">`,
    `<frame src="${FRAMES.main}" name="mainFrame" title="mainFrame">`,
    `<frame src="${FRAMES.bottom}" name="bottomFrame" scrolling="no" noresize="noresize" title="bottomFrame">`,
  ];
  return `${head(m, homeTitle(m), { kind: 'home' })}<frameset rows="180,*,160" frameborder="no" border="0" framespacing="0">\n${frames.join('\n')}\n</frameset>\n`
    + `<noframes><body><p>您的浏览器不支持框架，请<a href="${FRAMES.main}">点击这里</a>浏览。</p></body></noframes>\n</html>\n`;
}

/** One frame of a frameset home page. */
export function renderFrame(m: SiteModel, frame: Frame, view: View = 'shown'): string {
  const s = scriptedIn(m, view);
  let body: string;
  switch (frame) {
    case 'top':
      body = `<a name="top"></a>\n${topBar(m, true, s)}${nav(m, true)}`;
      break;
    case 'main': {
      const c = homeContent(m, s);
      body = `${c.injected}<div class="main w1200">\n${c.body}\n</div>\n`;
      break;
    }
    case 'bottom':
      body = `${pageFooter(m, true, s)}${trailingScript(s)}`;
      break;
  }
  return `${head(m, homeTitle(m), { kind: 'home' })}<body>\n${body}</body>\n</html>\n`;
}

/** The home URL of a script-redirect site: a page that only sends the browser to /index.html, in one of two common wordings. */
export function renderScriptRedirect(m: SiteModel): string {
  const js = hashString(m.plan.host) % 2 === 0 ? "location.replace('/index.html');" : "window.location.href = 'index.html';";
  const lines = [charsetMeta(m), `<title>${esc(homeTitle(m))}</title>`, `<script type="text/javascript">${js}</script>`].filter((l) => l !== '');
  return `<html>\n<head>\n${lines.join('\n')}\n</head>\n<body>\n</body>\n</html>\n`;
}

function breadcrumb(col: Column | null, here?: string): string {
  const bits = [`<a href="/">首页</a>`];
  if (col) bits.push(`<a href="${listPath(col, 0)}">${esc(col.name)}</a>`);
  if (here) bits.push(esc(here));
  return `<div class="position">当前位置：${bits.join(' &gt; ')}</div>`;
}

/** List page k of a column. */
export function renderList(m: SiteModel, col: Column, k: number, view: View = 'shown'): string {
  const s = scriptedIn(m, view);
  const items = col.items.slice(k * col.pageSize, (k + 1) * col.pageSize);
  const last = k === col.pages - 1 && col.extraRows.length > 0;
  // Documents issued before a reform, on the column's last page.
  const old: Row[] = k === col.pages - 1
    ? m.oldDocs.filter((d) => d.col === col).map((d) => ({ title: d.title, href: d.path, date: formatDate(d.date, m.dateStyle) }))
    : [];
  const [open, close] = PAGE_LIST[m.template];
  let list: string;
  if (s && s.lists !== 'document-write') {
    // The list page's rows from inline data, written into the empty list by script.
    const rows = [...itemRows(m, col, items, false, m.dateStyle), ...(last ? extraRows(m, col) : []), ...old];
    list = `${open} id="list">${close}\n${inlineDataRows(m.template, 'list', rows, emptyRow(m, col, items))}`;
  } else {
    let body = blockItems(m, col, items, false, m.dateStyle);
    if (last) body += `\n${extraRowsHtml(m, col)}`;
    if (old.length > 0) body += `\n${old.map((r) => rowHtml(m, r)).join('\n')}`;
    list = `${open}>\n${body}\n${close}`;
  }
  const pager: string[] = [`共${col.pages}页 当前第${k + 1}页`];
  if (col.pages > 1) {
    pager.push(`<a href="index.html">首页</a>`);
    if (k > 0) pager.push(`<a href="${k === 1 ? 'index.html' : `index_${k - 1}.html`}">上一页</a>`);
    if (k < col.pages - 1) pager.push(`<a href="index_${k + 1}.html">下一页</a>`);
    pager.push(`<a href="${col.pages === 1 ? 'index.html' : `index_${col.pages - 1}.html`}">尾页</a>`);
  }
  const script = m.template === 'ul' ? `\n<script type="text/javascript">var currentPage = ${k};var countPage = ${col.pages};</script>` : '';
  const main = `${breadcrumb(col)}\n<div class="lm-title"><h2>${esc(col.name)}</h2></div>\n${list}\n<div class="page">${pager.join(' ')}</div>${script}`;
  return page(m, `${col.name}_${m.site.name}`, { kind: 'column', name: col.name, type: COLUMN_TYPES[col.cls] }, main, s);
}

/** The sentence of the newest policy document that cites the first old document by its issuer's name then and its number, or null. */
export function citation(m: SiteModel): { col: Column; item: Item; issuer: string; sentence: string } | null {
  const d = m.oldDocs[0];
  const item = d?.col.items[0];
  if (!d || !item) return null;
  return { col: d.col, item, issuer: d.issuer, sentence: `根据《${d.issuer}关于做好${d.about}工作的通知》（${d.number}）要求，结合本地实际，制定本方案。` };
}

function paragraphs(m: SiteModel, col: Column, item: Item): string[] {
  const r = rng(m.seed, m.plan.host, 'body', item.id);
  const out = [r.pick(BODY_OPENINGS)];
  for (let i = 0, n = r.int(1, 3); i < n; i++) out.push(r.pick(BODY_MIDDLES));
  const lead = typoArticle(m);
  if (lead && lead.item === item) for (const t of m.typos) if (t.spot === 'article') out.push(TYPOS[t.key].sentence);
  for (const k of m.typoControls) {
    const spot = typoControlSpot(m, k);
    if (spot !== 'home' && spot.item === item) out.push(TYPO_CONTROLS[k].sentence);
  }
  // The newest policy document cites an older one by its issuer's name then and its number.
  const cited = citation(m);
  if (cited && cited.col === col && cited.item === item) out.push(cited.sentence);
  if (m.deadline && m.deadline.item === item && m.deadline.col === col) {
    const [y, mo, d] = m.deadline.date.split('-').map(Number);
    out.push(`请各单位于${y}年${mo}月${d}日前将有关材料报送至${m.site.name}，逾期不再受理。`);
  }
  out.push(r.pick(BODY_CLOSINGS));
  return out;
}

/** An article page. */
export function renderArticle(m: SiteModel, col: Column, item: Item, view: View = 'shown'): string {
  const title = itemTitle(m, col, item);
  const r = rng(m.seed, m.plan.host, 'time', item.id);
  const time = `${String(r.int(8, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const reportYear = reportYearOf(m.openReports, col, item);
  const paras = reportYear !== undefined
    ? reportBodyHtml(esc(m.site.name), reportYear, reportNumbers(m.seed, m.plan.host, reportYear, item === newestReport(m.openReports!) ? m.openReports!.defect : null))
    : paragraphs(m, col, item).map((p) => `<p style="text-indent:2em;">${esc(p)}</p>`).join('\n') + personalHtml(m, col, item);
  const attach = item.attachment
    ? `\n<div class="attach">附件：<a href="${item.attachment.href}">${esc(title)}.${item.attachment.href.split('.').pop() ?? 'doc'}</a></div>`
    : '';
  const main = `${breadcrumb(col, '正文')}\n<div class="article">\n<h1 class="title">${esc(title)}</h1>\n`
    + `<div class="info">发布时间：${formatDate(item.date, m.dateStyle)} ${time}　来源：${esc(m.site.name)}　【字体：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</div>\n`
    + `<div class="content">\n${paras}\n</div>${attach}\n</div>`;
  return page(m, `${title}_${m.site.name}`, { kind: 'article', col, title, pubDate: `${item.date} ${time}` }, main, scriptedIn(m, view));
}

/** The personal numbers an article shows (personal.ts), after its paragraphs: tables and sentences in the role's order. */
function personalHtml(m: SiteModel, col: Column, item: Item): string {
  const spot = m.personal;
  if (!spot || spot.col.slug !== col.slug || spot.item.id !== item.id) return '';
  const key = [m.seed, m.plan.host, 'personal', item.id];
  const province = m.plan.place.province.code;
  const path = articlePath(col, item);
  const files = spot.files.map((f, i) => {
    const href = personalFilePath(path, item, i + 1, f.format);
    return `<a href="./${href.slice(href.lastIndexOf('/') + 1)}">附件${i + 1}：名单.${f.format}</a>`;
  });
  return (files.length ? `\n<div class="attach">${files.join('<br>')}</div>` : '') + spot.forms.map((form) => {
    const rows = personalRows(form, key, province);
    if (rows) {
      const [head, ...body] = rows;
      return `\n<table class="gs" border="1" cellspacing="0"><tr>${head!.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`
        + body.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') + '</table>';
    }
    return `\n<p style="text-indent:2em;">${esc(personalSentence(form, key, province, m.site.name) ?? '')}</p>`;
  }).join('');
}

/** The message board (领导信箱): 留言时间 and, unless the role leaves them out, 答复单位, 答复时间 and 答复内容. */
export function renderBoard(m: SiteModel, view: View = 'shown'): string {
  const msgs = m.board.messages;
  const shows = m.board.shows;
  const done = msgs.filter((x) => x.answered !== null).length;
  const headers = ['序号', '信件标题', '留言时间'];
  if (shows.replier) headers.push('答复单位');
  if (shows.answered) headers.push('答复时间');
  if (shows.reply) headers.push('答复内容');
  headers.push('办理状态');
  const rows = msgs.map((x, k) => {
    const status = x.answered !== null ? '已答复' : m.asOfDay - dayNumber(x.asked) <= 5 ? '办理中' : '未答复';
    const cells = [String(k + 1), `<span class="bt">${esc(x.subject)}</span>`, formatDate(x.asked, m.dateStyle)];
    if (shows.replier) cells.push(x.answered === null ? '' : esc(m.site.name));
    if (shows.answered) cells.push(x.answered === null ? '' : formatDate(x.answered, m.dateStyle));
    if (shows.reply) cells.push(x.answered === null ? '' : esc(REPLIES[(k + x.subject.length) % REPLIES.length] ?? ''));
    cells.push(status);
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  const main = `${breadcrumb(null, m.board.name)}\n<div class="lm-title"><h2>${esc(m.board.name)}</h2></div>\n`
    + `<p class="stat">共收到群众来信${msgs.length}件，已办结${done}件。</p>\n`
    + `<table class="xx-list" width="100%" border="1" cellspacing="0">\n<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>\n`
    + `${rows.join('\n')}\n</table>`;
  return page(m, `${m.board.name}_${m.site.name}`, { kind: 'column', name: m.board.name, type: '互动交流' }, main, scriptedIn(m, view));
}

/** A simple content page (contact, services, internal office, trap targets). */
export function renderSimple(m: SiteModel, name: string, text: string, view: View = 'shown'): string {
  const main = `${breadcrumb(null, name)}\n<div class="article">\n<h1 class="title">${esc(name)}</h1>\n<div class="content"><p>${esc(text)}</p></div>\n</div>`;
  return page(m, `${name}_${m.site.name}`, { kind: 'column', name, type: '其他' }, main, scriptedIn(m, view));
}

/** Items whose title contains the query, newest first (the site's search engine). */
export function searchItems(m: SiteModel, query: string): { col: Column; item: Item; title: string }[] {
  const q = query.trim();
  if (q === '') return [];
  const out: { col: Column; item: Item; title: string }[] = [];
  for (const col of m.columns) {
    for (const item of col.items) {
      const title = itemTitle(m, col, item);
      if (title.includes(q)) out.push({ col, item, title });
    }
  }
  return out.sort((a, b) => (a.item.date < b.item.date ? 1 : a.item.date > b.item.date ? -1 : a.item.id - b.item.id));
}

/** Results shown per search page. */
export const SEARCH_PAGE_SIZE = 10;

/**
 * A search result page: the query, the hit count, the hits grouped by column (分类), and the first
 * ten hits with links to the articles. Without a query: the advanced search form.
 */
export function renderSearch(m: SiteModel, query: string, column: string | null, view: View = 'shown'): string {
  if (query.trim() === '') return renderSimple(m, '高级检索', '请输入检索条件。', view);
  const all = searchItems(m, query);
  const hits = column ? all.filter((h) => h.col.slug === column) : all;
  const s = m.search;
  const base = s ? s.action : PATHS.search;
  const field = s ? s.field : 'q';
  const groupLink = (slug: string | null, label: string, n: number): string => {
    const u = `${base}?${field}=${encodeURIComponent(query)}${slug ? `&amp;cid=${slug}` : ''}`;
    return (slug ?? null) === column ? `<span class="on">${esc(label)}（${n}）</span>` : `<a href="${u}">${esc(label)}（${n}）</a>`;
  };
  const groups = [groupLink(null, '全部', all.length)];
  for (const c of m.columns) {
    const n = all.filter((h) => h.col === c).length;
    if (n > 0) groups.push(groupLink(c.slug, c.name, n));
  }
  const rows = hits.slice(0, SEARCH_PAGE_SIZE).map((h) => {
    const url = m.origin + articlePath(h.col, h.item);
    return `<li><a href="${url}" target="_blank">${esc(h.title)}</a><p class="url">${url}</p><span class="date">${formatDate(h.item.date, m.dateStyle)}</span><span class="lm">${esc(h.col.name)}</span></li>`;
  });
  const main = `${breadcrumb(null, '检索结果')}\n<div class="search-result">\n<p class="tips">检索词：<b>${esc(query)}</b>　共找到 ${hits.length} 条相关结果</p>\n`
    + `<div class="search-groups">分类：${groups.join(' ')}</div>\n`
    + (rows.length > 0 ? `<ul class="result-list">\n${rows.join('\n')}\n</ul>` : '<p class="no-result">没有找到相关结果，请更换检索词。</p>')
    + '\n</div>';
  return page(m, `检索结果_${m.site.name}`, { kind: 'column', name: '站内搜索', type: '其他' }, main, scriptedIn(m, view));
}

/** The contact page. */
export function renderContact(m: SiteModel, view: View = 'shown'): string {
  return renderSimple(m, '联系我们', `地址：${m.address}　联系电话：${m.phone}　电子邮箱：${m.email}`, view);
}

/**
 * A 活动日历 box: the month of `iso` as a grid whose every day links its date, with the last and
 * next months' links. Every date is a page with the same box for its own month: endless.
 */
function calendarBox(iso: string): string {
  const [y, mo] = iso.split('-').map(Number) as [number, number];
  const first = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
  const last = mo === 1 ? first(y - 1, 12) : first(y, mo - 1);
  const next = mo === 12 ? first(y + 1, 1) : first(y, mo + 1);
  const days = dayNumber(next) - dayNumber(first(y, mo));
  const cells: string[] = [];
  for (let d = 1; d <= days; d++) cells.push(`<td><a href="${PATHS.calendar}?date=${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}">${d}</a></td>${d % 7 === 0 ? '</tr><tr>' : ''}`);
  return `<div class="calendar"><h3>活动日历</h3><div class="cal-head"><a href="${PATHS.calendar}?date=${last}">&lt;</a> ${y}年${mo}月 <a href="${PATHS.calendar}?date=${next}">&gt;</a></div><table><tr>${cells.join('')}</tr></table></div>`;
}

/** One date of the 活动日历: its month's box and a line saying there is nothing on that day. */
export function renderCalendar(m: SiteModel, iso: string, view: View = 'shown'): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const main = `${breadcrumb(null, '活动日历')}\n${calendarBox(iso)}\n<p class="cal-day">${y}年${mo}月${d}日 无公开活动安排。</p>`;
  return page(m, `活动日历_${m.site.name}`, { kind: 'home' }, main, scriptedIn(m, view));
}

/** A removed page that says so only in its title: status 200, the site's own header and footer, an image and a link home. */
export function renderTitled(m: SiteModel): string {
  return page(m, '404 页面未找到', { kind: 'home' }, '<div class="err"><img src="/images/banner.jpg" alt=""><p><a href="/">返回首页</a></p></div>', null);
}

/** A soft 404: status 200, but the page says it does not exist. */
export function renderSoft404(m: SiteModel): string {
  return `${head(m, '404', { kind: 'home' })}<body>\n<div class="error-page"><h1>404</h1><p>您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div>\n</body>\n</html>\n`;
}

/** A removed page as many CMSs answer it: status 200, the site's own header and footer, a message box and a title that says nothing. */
export function renderRemoved(m: SiteModel): string {
  const body = '<div class="tips-box"><div class="tips-icon"></div><p class="tips-text">抱歉，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div>';
  return page(m, `提示信息_${m.site.name}`, { kind: 'home' }, body, null);
}

/** Error bodies in the style of the site's web server. */
export function errorBody(server: string, status: number): string {
  const reason = STATUS_TEXT[status] ?? 'Error';
  if (server.startsWith('Microsoft-IIS')) {
    return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html><head><title>${status} - ${reason}</title></head><body><h2>${status} - ${reason}</h2></body></html>\n`;
  }
  if (status === 500 && server === 'TRS WCM') {
    return '<html><head><title>Apache Tomcat - Error report</title></head><body><h1>HTTP Status 500 - java.lang.NullPointerException</h1></body></html>\n';
  }
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>${server.split('/')[0]}</center>\r\n</body>\r\n</html>\r\n`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
};

/** robots.txt: most allow all, some keep crawlers out of /internal/. */
export function renderRobots(m: SiteModel): string {
  if (m.robotsDisallow) return 'User-agent: *\nDisallow: /internal/\nDisallow: /cgi-bin/\n';
  return m.plan.index % 2 === 0 ? 'User-agent: *\nAllow: /\n' : 'User-agent: *\nDisallow:\n';
}

/** Names of the good images (for the router). */
export const IMAGE_PATHS: ReadonlySet<string> = new Set<string>(GOOD_IMAGES);
