// Columns as a page shows them: home-page blocks (heading, 更多 link, dated list), the main list of
// a column page with its pagination, an article's publication date, the breadcrumb and the main
// menu. Pure readers over a parsed document: nothing is removed or changed, because other readers
// run on the same document afterwards.
//
// A public notice names the sites it finds stale, so every reader prefers to return less: an item
// whose date is unclear is counted as undated, a tab whose list cannot be told apart is skipped,
// and a date is never taken from a link's URL, an alt or title attribute, a comment or a script.
import type { CheerioAPI } from 'cheerio';
import { isDateOnly, parseDate, scanDates } from './dates.ts';
import { resolveLink } from './urls.ts';
import type { Block, Channel, DatedItem, ListFacts } from '../snapshot.ts';

/** The part of a parsed node these readers use (cheerio's DOM, without depending on its package). */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  parent?: Node | null;
}

/** What one walk of the document learns about an element. */
interface Info {
  /** Pre-order position, and the last position inside it: a contains b iff a.order <= b.order <= a.end. */
  order: number;
  end: number;
  /** Element children (visible ones). */
  kids: Node[];
  /** Links (a[href]) inside, itself included. */
  links: number;
  /** Of those, 更多 links. */
  more: number;
  /** Images inside. */
  imgs: number;
  /** Length of the visible text inside. */
  textLen: number;
  /** Inside a menu, footer or link box: never a column. */
  navLike: boolean;
  /** A list of items (or an empty list saying 暂无信息) starts here. */
  list?: List;
  /** Itself or something inside is a list. */
  hasList: boolean;
}

/** A container of repeated entries that each hold a link. */
interface List {
  el: Node;
  items: Node[];
  /** No entries, but a text such as 暂无信息 says so. */
  empty: boolean;
}

/** A parsed page with what the walk learned about every element. */
interface Page {
  $: CheerioAPI;
  root: Node;
  /** The page URL the model was built for, and the base its links resolve against (<base href>). */
  url: string;
  base: string;
  asOf: string;
  info: Map<Node, Info>;
  lists: List[];
  ids: Map<string, Node>;
  /** Each item's own link and date, read once. */
  items: Map<Node, ItemFacts>;
  /** The inline scripts' text (pagers and list loaders are written there). */
  scripts: string[];
  /** Nodes inside the entries of lists of three or more, and the longest prose: computed when first asked. */
  inItems?: Set<Node>;
  prose?: number;
}

interface ItemFacts {
  link: Node | undefined;
  date: { date: string; inferredYear?: true } | undefined;
}

/** Elements whose content is never visible text of the page. */
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'select', 'option', 'textarea', 'iframe', 'object', 'svg']);
/** Elements that break a line in the visible text. */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form', 'aside', 'main']);
/** Containers a list of items is made of. */
const LIST_TAGS = new Set(['ul', 'ol', 'tbody', 'table', 'dl', 'div', 'section', 'article', 'p', 'td', 'span', 'font', 'nav', 'main', 'aside', 'li']);
/** Entries that are inline: a list of them must be bare links, not links in a sentence. */
const INLINE = new Set(['a', 'span', 'font', 'b', 'strong', 'em', 'i', 'label']);
/** Entries that must share their class to be entries of one list. */
const BY_CLASS = new Set(['div', 'section', 'article', 'p', 'table']);
/** Containers where one dated entry makes a list even beside other children. */
const SINGLE_OK = new Set(['ul', 'ol', 'tbody', 'table', 'dl']);

/** Class or id words of menus, footers and link boxes (友情链接), whose links are not columns. */
const NAV_WORDS = new Set([
  'nav', 'navs', 'navbar', 'mainnav', 'topnav', 'subnav', 'menu', 'menus', 'mainmenu', 'topmenu', 'daohang',
  'footer', 'foot', 'copyright', 'yqlj', 'friendlink', 'friendlinks', 'links', 'link', 'flink', 'flinks',
]);
/**
 * Class or id words of side columns, whose lists are never a page's main list. Not left or right:
 * many list pages put the column menu in div.left and the list itself in div.right.
 */
const SIDE_WORDS = new Set(['side', 'sidebar', 'aside', 'related', 'xgwz', 'xglj', 'xgxx', 'rank', 'hot', 'paihang', 'tuijian', 'sidenav']);
/** Headings of link boxes that are never columns. */
const NOT_COLUMN = /^(友情链接|相关链接|网站导航|网站地图|快速通道|便民链接|政府网站|部门网站|相关网站|链接|关闭|设为首页|加入收藏|收藏本站|返回顶部|打印本页|关闭窗口|登录|注册|搜索)$/;

/** Text of a 更多 link: 更多, 更多>>, more+, >>, [更多]. */
const MORE_TEXT = /^[[【(（]?((查看)?更多(信息|内容|新闻|文章)?|more|更多more)[>›»》+]*[\]】)）]?$|^[>›»》]{1,3}$|^\+$/i;
/** Words in an image's src or alt, or a link's class, that make it a 更多 link. */
const MORE_HINT = /more|gengduo|更多/i;
/** Class or id of a heading element. */
const HEADING_CLASS = /(^|[\s_-])(tit|title|titles|bt|hd|head|header|heading|caption|lmmc|lmtit|lmtitle|lanmu|lm[-_]?name|column[-_]?name)([\s_-]|\d|$)|title|lmmc|lmtit/i;
/** Link targets of single articles, never of a column (t20180316_123.html, content_5274393.htm). */
const ARTICLE_URL = /\/t\d{8}_\d+|content_\d+|\/art\/\d{4}\/|[?&]articleid=|\/\d{4}-\d{2}\/\d{2}\/|\/\d{6}\/[^/]*\d{5,}[^/]*\.s?html?$/i;
/** Text of a list or page that says it has nothing. */
const EMPTY_TEXT = /暂无(相关)?(信息|数据|内容|记录|文章|新闻|公告)|没有(找到)?(相关)?(记录|信息|数据|内容)|无相关(信息|记录|内容)|共\s*0\s*(条|篇|页|个)/;
/** Class names of the one selected tab: 当前 tab markers. */
const TAB_ON = /^(on|cur|current|active|hover|now|sel|select|selected|hov|over|tab_?on|tab_?cur)$/i;

const attr = (n: Node, name: string) => n.attribs?.[name];
const words = (n: Node) => `${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
const isElement = (n: Node) => n.type === 'tag' && !INVISIBLE.has(n.name ?? '');
const elementChildren = (n: Node) => (n.children ?? []).filter(isElement);
const kidsOf = (page: Page, n: Node) => page.info.get(n)?.kids ?? elementChildren(n);

/** Whitespace collapsed; none left between Chinese characters (要　　闻 → 要闻). */
function tidy(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
}

/** Visible text of a node: no scripts, styles, comments or attributes; blocks separated by newlines. */
function textOf(n: Node, skip?: (n: Node) => boolean): string {
  const parts: string[] = [];
  const walk = (x: Node) => {
    if (x.type === 'text') parts.push(x.data ?? '');
    else if (isElement(x) || x.type === 'root') {
      if (skip?.(x)) return;
      const block = BLOCK_TAGS.has(x.name ?? '');
      if (block) parts.push('\n');
      for (const c of x.children ?? []) walk(c);
      if (block) parts.push('\n');
    }
  };
  walk(n);
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// The page model: one walk over the document.

/**
 * The model of a document, built once and shared by the readers of the same page (the crawler
 * calls all of them on one parse). A reader that needs no page URL or as-of date takes whichever
 * model is there. The readers never change the document, and they run before anything else does.
 */
const models = new WeakMap<object, Page>();

function pageOf($: CheerioAPI, pageUrl?: string, asOf?: string): Page {
  const root = $.root()[0] as unknown as object;
  const cached = models.get(root);
  if (cached && (pageUrl === undefined || cached.url === pageUrl) && (asOf === undefined || cached.asOf === asOf)) return cached;
  const page = buildPage($, pageUrl ?? cached?.url ?? 'http://localhost/', asOf ?? cached?.asOf ?? '2000-01-01');
  models.set(root, page);
  return page;
}

function buildPage($: CheerioAPI, pageUrl: string, asOf: string): Page {
  const root = $.root()[0] as unknown as Node;
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && resolveLink(baseHref, pageUrl)) || pageUrl;
  const page: Page = { $, root, url: pageUrl, base, asOf, info: new Map(), lists: [], ids: new Map(), items: new Map(), scripts: [] };
  let order = 0;
  const walk = (n: Node, navLike: boolean): Info => {
    const nav = navLike || NAV_WORDS.has(n.name ?? '') || words(n).some((w) => NAV_WORDS.has(w));
    // Links that lead somewhere: javascript: buttons and # anchors are widgets, not items.
    const isLink = n.name === 'a' && !/^\s*(javascript:|#|$)/i.test(attr(n, 'href') ?? '');
    const info: Info = { order: order++, end: 0, kids: [], links: isLink ? 1 : 0, more: 0, imgs: n.name === 'img' ? 1 : 0, textLen: 0, navLike: nav, hasList: false };
    page.info.set(n, info);
    const id = attr(n, 'id');
    if (id && !page.ids.has(id)) page.ids.set(id, n);
    for (const c of n.children ?? []) {
      if (c.type === 'text') info.textLen += (c.data ?? '').trim().length;
      else if (c.name === 'script' && attr(c, 'src') === undefined) page.scripts.push(c.children?.[0]?.data ?? '');
      else if (isElement(c)) {
        const ci = walk(c, nav);
        info.kids.push(c);
        info.links += ci.links;
        info.more += ci.more;
        info.imgs += ci.imgs;
        info.textLen += ci.textLen;
        info.hasList ||= ci.hasList;
      }
    }
    if (isLink && isMoreLink(n)) info.more++;
    info.end = order - 1;
    const list = listAt(page, n);
    if (list) {
      info.list = list;
      info.hasList = true;
      page.lists.push(list);
    }
    return info;
  };
  const html = (root.children ?? []).find((c) => c.name === 'html');
  const body = (html?.children ?? []).filter((c) => c.name === 'body');
  for (const b of body.length ? body : [root]) walk(b, false);
  // Pager scripts sometimes sit in <head>.
  for (const h of (html?.children ?? []).filter((c) => c.name === 'head')) {
    for (const c of h.children ?? []) if (c.name === 'script' && attr(c, 'src') === undefined) page.scripts.push(c.children?.[0]?.data ?? '');
  }
  // Lists were found innermost first; page order reads better and keeps results stable.
  page.lists.sort((a, b) => page.info.get(a.el)!.order - page.info.get(b.el)!.order);
  return page;
}

/** The list starting at an element, when its children repeat an entry with a link. */
function listAt(page: Page, n: Node): List | undefined {
  if (!LIST_TAGS.has(n.name ?? '')) return undefined;
  const kids = page.info.get(n)!.kids;
  if (kids.length === 0) return undefined;
  const byTag = new Map<string, Node[]>();
  for (const k of kids) {
    const ki = page.info.get(k)!;
    // An entry holds a link and no list of its own (else the inner list is the list).
    if (ki.links === 0 || ki.hasList || ki.more === ki.links) continue;
    // Blocks of a page (<div class="position">, <div class="article">) are not entries of one list:
    // entries made of divs share their class; rows and list items may alternate theirs.
    const key = BY_CLASS.has(k.name ?? '') ? `${k.name}.${attr(k, 'class') ?? ''}` : k.name ?? '';
    const group = byTag.get(key) ?? [];
    group.push(k);
    byTag.set(key, group);
  }
  let items: Node[] = [];
  for (const group of byTag.values()) if (group.length > items.length) items = group;
  // Links in running text (…要求（<a>学术学位类</a>、<a>专业学位类</a>）) are not a list of links.
  if (INLINE.has(items[0]?.name ?? '') && (n.children ?? []).some((c) => c.type === 'text' && /[^\s|｜丨·•/\\、,，-]/.test(c.data ?? ''))) return undefined;
  // One entry makes a list only with a date, in a list element or alone in its container: a lone
  // undated <li> is as often a heading row (<ul><li><a><h3>干部理论文章</h3></a></li><li>更多</li></ul>).
  const lone = items.length === 1 && (SINGLE_OK.has(n.name ?? '') || kids.length === 1) && page.info.get(items[0]!)!.textLen <= 200;
  if (items.length >= 2 || (lone && itemFacts(page, items[0]!).date)) {
    return { el: n, items, empty: false };
  }
  // <ul><li class="empty">暂无信息</li></ul>: a list that says it is empty (the outermost such element).
  const info = page.info.get(n)!;
  if (!info.hasList && info.links === 0 && info.textLen > 0 && info.textLen <= 40 && /^(ul|ol|tbody|table|dl|div)$/.test(n.name ?? '') && EMPTY_TEXT.test(textOf(n))) {
    return { el: n, items: [], empty: true };
  }
  return undefined;
}

const contains = (page: Page, a: Node, b: Node) => {
  const ia = page.info.get(a);
  const ib = page.info.get(b);
  return !!ia && !!ib && ia.order <= ib.order && ib.order <= ia.end;
};

function linksIn(n: Node): Node[] {
  const out: Node[] = [];
  const walk = (x: Node) => {
    if (!isElement(x)) return;
    if (x.name === 'a' && attr(x, 'href') !== undefined) out.push(x);
    for (const c of x.children ?? []) walk(c);
  };
  walk(n);
  return out;
}

/** A 更多 link: its text says so, or (with no text) its image or class does. */
function isMoreLink(a: Node): boolean {
  const text = tidy(textOf(a)).replace(/\s/g, '');
  if (text) return text.length <= 10 && MORE_TEXT.test(text);
  if (MORE_HINT.test(`${attr(a, 'class') ?? ''} ${attr(a, 'id') ?? ''}`)) return true;
  const img = (a.children ?? []).find((c) => c.name === 'img');
  return !!img && MORE_HINT.test(`${attr(img, 'src') ?? ''} ${attr(img, 'alt') ?? ''}`);
}


// ---------------------------------------------------------------------------------------------
// Items: title, link and the date the item itself shows.

/** The item's own link: the one with the longest text (a category tag such as [通知] is shorter). */
function mainLink(item: Node): Node | undefined {
  const links = (item.name === 'a' ? [item] : linksIn(item)).filter((a) => !isMoreLink(a));
  let best: Node | undefined;
  let bestLen = -1;
  for (const a of links) {
    const len = tidy(textOf(a)).length;
    if (len > bestLen) [best, bestLen] = [a, len];
  }
  return best;
}

/**
 * The date an item shows: dates in its text outside its own link, plus elements inside the link
 * that hold only a date (<a><h4>title</h4><span>2026-11-20</span></a>). The link's own text is a
 * title, and titles carry dates of events ("3月23日开始报名"), not of publication.
 */
function itemDate(page: Page, item: Node, link: Node | undefined): { date: string; inferredYear?: true } | undefined {
  const parts: string[] = [];
  const walk = (x: Node, inLink: boolean) => {
    if (x.type === 'text') {
      if (!inLink) parts.push(x.data ?? '');
      return;
    }
    if (!isElement(x)) return;
    const entering = inLink || x === link;
    if (entering && x !== link && (x.children ?? []).every((c) => c.type === 'text')) {
      const t = textOf(x);
      if (isDateOnly(t, page.asOf)) parts.push(t);
      return;
    }
    parts.push(' ');
    for (const c of x.children ?? []) walk(c, entering);
    parts.push(' ');
  };
  walk(item, false);
  let best: { date: string; inferredYear?: true } | undefined;
  for (const d of scanDates(parts.join(''), page.asOf)) {
    // Two dates (成文日期 and 发布日期 columns): the later one, which can only make a column look fresher.
    if (!best || d.date > best.date) best = d.inferredYear ? { date: d.date, inferredYear: true } : { date: d.date };
  }
  return best;
}

/** An item's link and date, read once per page. */
function itemFacts(page: Page, item: Node): ItemFacts {
  let facts = page.items.get(item);
  if (!facts) {
    const link = mainLink(item);
    facts = { link, date: itemDate(page, item, link) };
    page.items.set(item, facts);
  }
  return facts;
}

/**
 * How many of a list's month-day dates (in page order) keep their inferred year. Lists run newest
 * first, so once a date comes out newer than the one before it (beyond up to three pinned items on
 * top) the list has crossed into an earlier year that the page does not print: bjgjj.gov.cn lists
 * 06-08, 09-05, 06-21, 06-17, 02-12, 07-09, 02-21 spanning 2012–2017, and reading 02-21 as this
 * February would call a six-year-old list fresh. The dates after that point count as undated;
 * the ones before it are the newest and are read as the most recent such days, which can only
 * make a column look fresher than it is.
 */
function trustedInferred(dates: readonly string[]): number {
  let trusted = 0;
  for (let pinned = 0; pinned <= 3 && pinned < dates.length; pinned++) {
    let run = pinned + 1;
    while (run < dates.length && dates[run]! <= dates[run - 1]!) run++;
    trusted = Math.max(trusted, run);
  }
  return trusted;
}

/** What a list shows: its dated items and the count of entries with no readable date. */
function readItems(page: Page, list: List): { items: DatedItem[]; undated: number } {
  const items: DatedItem[] = [];
  let undated = 0;
  const inferred = list.items.map((it) => itemFacts(page, it).date).filter((d) => d?.inferredYear).map((d) => d!.date);
  let keep = trustedInferred(inferred);
  for (const it of list.items) {
    const { link, date: when } = itemFacts(page, it);
    if (!when || (when.inferredYear && keep-- <= 0)) {
      undated++;
      continue;
    }
    const img = link && linksIn(link).length === 0 ? (link.children ?? []).find((c) => c.name === 'img') : undefined;
    // A card link holds its date too (<a><h4>title</h4><p>2026/11/19</p></a>): not part of the title.
    const text = link ? tidy(textOf(link, (x) => x !== link && (page.info.get(x)?.textLen ?? 99) <= 30 && isDateOnly(textOf(x), page.asOf))) : '';
    const title = link ? text || tidy(attr(link, 'title') ?? '') || tidy((img && attr(img, 'alt')) ?? '') : '';
    const url = link ? resolveLink(attr(link, 'href'), page.base) : undefined;
    items.push({ title, ...(url ? { url } : {}), ...when });
  }
  return { items, undated };
}

const datedCount = (page: Page, list: List) => list.items.reduce((n, it) => n + (itemFacts(page, it).date ? 1 : 0), 0);

// ---------------------------------------------------------------------------------------------
// Headings and tabs.

interface Heading {
  name: string;
  /** The heading's own link (to the column), when it has one. */
  url?: string;
}

/** A heading's name: its first link's text when it has links (政策 of 政策 | 政府信息公开专栏), else its text, without 更多 or >>. */
function headingName(page: Page, el: Node): Heading | undefined {
  const own = (el.name === 'a' ? [el] : linksIn(el)).filter((a) => !isMoreLink(a));
  const first = own.find((a) => tidy(textOf(a)) !== '');
  const enclosing = enclosingLink(el);
  let text: string;
  let href: string | undefined;
  if (first) {
    text = textOf(first);
    href = attr(first, 'href');
  } else {
    text = textOf(el, (x) => x.name === 'a' && isMoreLink(x));
    href = enclosing ? attr(enclosing, 'href') : undefined;
  }
  const name = cleanName(text);
  if (!isColumnName(name)) return undefined;
  if (href !== undefined && ARTICLE_URL.test(href)) return undefined;
  const url = resolveLink(href, page.base);
  return url ? { name, url } : { name };
}

/** A link around a heading: <a href="…"><h3>干部理论文章</h3></a>. */
function enclosingLink(el: Node): Node | undefined {
  for (let p = el.parent, i = 0; p && i < 3; p = p.parent, i++) if (p.name === 'a' && attr(p, 'href') !== undefined) return p;
  return undefined;
}

/** A heading's text without 更多, >>, MORE, brackets or spaces between Chinese characters. */
function cleanName(s: string): string {
  return tidy(s)
    .replace(/[[【(（]?(查看)?更多(信息|内容|新闻|文章)?[>›»》+]*[\]】)）]?|\bmore\b\s*[>›»+]*/gi, ' ')
    .replace(/[>›»》]+|^\+|\+$/g, ' ')
    .replace(/^[\s|｜·•:：\-—]+|[\s|｜·•\-—]+$/g, '')
    .trim()
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
}

/** A plausible column name: short, not a date or a number, not a link box. */
function isColumnName(name: string): boolean {
  if (name.length < 2 || name.length > 16) return false;
  // Headlines, not headings: a year, sentence punctuation, quotes or brackets.
  if (/^[\d\s\p{P}\p{S}]*$/u.test(name) || /\d{4}|[，。！？：:；、《》“”"「」[\]【】]/.test(name) || NOT_COLUMN.test(name) || EMPTY_TEXT.test(name)) return false;
  return name !== '首页' && name !== '网站首页';
}

/** Whether an element looks like a heading by its tag or class. */
function isHeadingElement(el: Node): boolean {
  const name = el.name ?? '';
  if (/^h[1-6]$/.test(name)) return true;
  if (!/^(div|span|td|th|p|strong|b|dt|em|font|li|a|i|label)$/.test(name)) return false;
  return HEADING_CLASS.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
}

/**
 * The tab entries directly inside an element: short same-tag children (two or more, or one with a
 * tab handler such as setTab5('four',1,2)), one marked selected, with a handler, or with links
 * that lead nowhere (javascript:void(0)).
 */
function tabEntries(page: Page, strip: Node, min = 2): Node[] {
  const byTag = new Map<string, Node[]>();
  for (const k of kidsOf(page, strip)) {
    const info = page.info.get(k)!;
    if (info.textLen < 2 || info.textLen > 40 || info.hasList || info.links > 1 || (info.links > 0 && info.more === info.links)) continue;
    const group = byTag.get(k.name ?? '') ?? [];
    group.push(k);
    byTag.set(k.name ?? '', group);
  }
  let entries: Node[] = [];
  for (const g of byTag.values()) if (g.length > entries.length) entries = g;
  if (entries.length < min) return [];
  const handler = entries.some((e) => /tab|show|change|switch|\(\s*['"]?\w+['"]?\s*,\s*\d/i.test(`${attr(e, 'onmouseover') ?? ''}${attr(e, 'onclick') ?? ''}${attr(e, 'onmouseenter') ?? ''}`));
  const selected = entries.length > 1 && entries.filter((e) => (attr(e, 'class') ?? '').split(/\s+/).some((c) => TAB_ON.test(c))).length === 1;
  const jsLinks = entries.every((e) => {
    const links = linksIn(e);
    return links.length > 0 && links.every((a) => /^\s*(javascript:|#\s*$)/i.test(attr(a, 'href') ?? ''));
  });
  if (!handler && !selected && !jsLinks) return [];
  entries = entries.filter((e) => {
    const name = cleanName(textOf(e));
    return name.length <= 12 && isColumnName(name);
  });
  return entries.length >= min ? entries : [];
}

/** The tab strip at or inside an element (searched a few levels down), or undefined. */
function findStrip(page: Page, el: Node, depth = 0): { strip: Node; entries: Node[] } | undefined {
  const entries = tabEntries(page, el);
  if (entries.length) return { strip: el, entries };
  if (depth >= 3) return undefined;
  for (const k of kidsOf(page, el)) {
    if (page.info.get(k)!.textLen === 0) continue;
    const found = findStrip(page, k, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The heading inside a region before a list: h1–h6 (or strong) first, then a heading class, then the region itself when it is short. */
function headingIn(page: Page, region: Node): Heading | 'tabs' | 'image' | undefined {
  if (findStrip(page, region)) return 'tabs';
  const tagged: Node[] = [];
  const classed: Node[] = [];
  const walk = (x: Node) => {
    if (!isElement(x)) return;
    if (/^(h[1-6]|strong|b)$/.test(x.name ?? '')) tagged.push(x);
    else if (isHeadingElement(x)) classed.push(x);
    for (const c of x.children ?? []) walk(c);
  };
  walk(region);
  for (const el of [...tagged.reverse(), ...classed.reverse()]) {
    const h = headingName(page, el);
    if (h) return h;
  }
  const info = page.info.get(region)!;
  const plain = linksIn(region).filter((a) => !isMoreLink(a));
  const clickable = region.name === 'a' || attr(region, 'onclick') !== undefined;
  if (info.textLen > 0 && info.textLen <= 30 && plain.length <= 1 && !clickable) {
    const h = headingName(page, region);
    if (h) return h;
  }
  // A heading drawn as an image (stats.gov.cn): the name can come from the 更多 link's target.
  if ((info.textLen === 0 || cleanName(textOf(region)) === '') && info.links - info.more <= 1) {
    if ((info.imgs > 0 && info.imgs <= 2) || isHeadingElement(region)) return 'image';
  }
  return undefined;
}

/** The first 更多 link inside a node. */
function moreIn(n: Node): Node | undefined {
  return linksIn(n).find(isMoreLink);
}

/** Where a list's heading was found, for finding its 更多 link. */
interface Found {
  heading: Heading | 'image';
  /** The region holding the heading. */
  region: Node;
  /** The ancestor of the list (or the list) that is the region's later sibling. */
  child: Node;
}

/**
 * The heading of a list: climb from the list, and at each level look back through the earlier
 * siblings for a heading. Stop at another list (the heading would be its), at a tab strip that
 * could not be mapped, at a big region without a heading, and at menus and footers.
 */
function headingOf(page: Page, list: List): Found | undefined {
  // A heading row inside the list itself: <ul><li class="tit">通知公告 <a>更多</a></li><li>…
  const first = list.items[0];
  for (const k of kidsOf(page, list.el)) {
    if (k === first) break;
    const h = headingIn(page, k);
    if (h === 'tabs') return undefined;
    if (h) return { heading: h, region: k, child: first ?? list.el };
  }
  let child = list.el;
  for (let depth = 0; depth < 6; depth++) {
    const parent = child.parent;
    if (!parent || parent.type !== 'tag' || parent.name === 'body' || parent.name === 'html') return undefined;
    if (page.info.get(parent)!.navLike) return undefined;
    const siblings = kidsOf(page, parent);
    for (let i = siblings.indexOf(child) - 1; i >= 0; i--) {
      const s = siblings[i]!;
      const info = page.info.get(s)!;
      // Another list (the heading would be its), or a big region with no list: not this list's.
      if (info.hasList || info.textLen > 300) return undefined;
      const h = headingIn(page, s);
      if (h === 'tabs') return undefined;
      // An image heading is trusted only right beside its list, where its 更多 link is the list's.
      if (h === 'image' && depth > 0) return undefined;
      if (h) return { heading: h, region: s, child };
    }
    child = parent;
  }
  return undefined;
}

/** The 更多 link of a found heading: in the heading's region, then in or after the list up to the next list. */
function moreOf(page: Page, found: Found): Node | undefined {
  const inRegion = moreIn(found.region);
  if (inRegion) return inRegion;
  const inChild = moreIn(found.child);
  if (inChild) return inChild;
  const siblings = found.child.parent ? kidsOf(page, found.child.parent) : [];
  // Later siblings up to the next heading; lists on the way are hidden pages of the same list
  // (stats.gov.cn: con_two_1, con_two_2, con_two_3, then the pager and 更多).
  for (let i = siblings.indexOf(found.child) + 1; i < siblings.length; i++) {
    const s = siblings[i]!;
    if (isHeadingElement(s) || /^h[1-6]$/.test(s.name ?? '')) break;
    const h = headingIn(page, s);
    if (h && h !== 'image') break;
    const m = moreIn(s);
    if (m) return m;
  }
  return undefined;
}

/** A column name for a 更多 target from another link on the page to the same place (usually the menu). */
function nameFromTarget(page: Page, url: string, more: Node): string | undefined {
  for (const a of page.$('a[href]').toArray() as unknown as Node[]) {
    if (a === more || resolveLink(attr(a, 'href'), page.base) !== url) continue;
    const name = cleanName(textOf(a));
    if (isColumnName(name) && name.length <= 12) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tabs: several headings over several lists, one shown at a time.

/** The key and number of a tab entry: setTab('one',2,4) or id="one2". */
function tabKey(entry: Node): { key: string; n: string } | undefined {
  const handler = `${attr(entry, 'onmouseover') ?? ''} ${attr(entry, 'onclick') ?? ''} ${attr(entry, 'onmouseenter') ?? ''}`;
  const h = /\(\s*['"]([A-Za-z][\w-]*)['"]\s*,\s*(\d+)/.exec(handler);
  if (h) return { key: h[1]!, n: h[2]! };
  const id = /^([A-Za-z][A-Za-z_-]*?)[_-]?(\d+)$/.exec(attr(entry, 'id') ?? '');
  return id ? { key: id[1]!, n: id[2]! } : undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The panel of a tab entry by id: one1 → con_one_1, three2 → three_con2, one2 → one_con2. */
function panelById(page: Page, entry: Node): Node | undefined {
  const k = tabKey(entry);
  if (!k) return undefined;
  const re = new RegExp(`^(con|cont|content|tab|box|list|c)?[_-]?${escapeRe(k.key)}[_-]?(con|cont|content|box|list|c|tab|nr|bd)?[_-]?${k.n}$`, 'i');
  for (const [id, el] of page.ids) if (el !== entry && id !== attr(entry, 'id') && re.test(id) && !/^more/i.test(id)) return el;
  return undefined;
}

/** The 更多 link of a tab by id: more_one_2. */
function moreById(page: Page, entry: Node): Node | undefined {
  const k = tabKey(entry);
  if (!k) return undefined;
  const re = new RegExp(`^more[_-]?${escapeRe(k.key)}[_-]?${k.n}$`, 'i');
  for (const [id, el] of page.ids) if (re.test(id)) return linksIn(el)[0];
  return undefined;
}

/**
 * Panels of a strip by order, when their number equals the number of tabs: either the children of
 * the element right after the strip (alt.gov.cn: 3 tabs, <div class=tab_cont> with 3 <ul>), or the
 * strip's next siblings of one tag and class (baqiao: 3 tabs, 3 <div class="tabshow1">).
 */
function panelsByOrder(page: Page, strip: Node, count: number): Node[] | undefined {
  let x: Node = strip;
  for (let up = 0; up < 3 && x.parent && x.parent.name !== 'body'; up++) {
    const siblings = kidsOf(page, x.parent);
    const after = siblings.slice(siblings.indexOf(x) + 1).filter((s) => page.info.get(s)!.textLen > 0 || page.info.get(s)!.hasList);
    const next = after[0];
    if (next) {
      const kids = kidsOf(page, next).filter((k) => page.info.get(k)!.hasList);
      if (kids.length === count && !page.info.get(next)!.list && kids.every((k) => k.name === kids[0]!.name)) return kids;
      const shape = (n: Node) => `${n.name}.${attr(n, 'class') ?? ''}`;
      const run = after.slice(0, count);
      const same = run.length === count && run.every((s) => shape(s) === shape(next) && page.info.get(s)!.hasList);
      if (same && (after.length === count || shape(after[count]!) !== shape(next))) return run;
      return undefined;
    }
    x = x.parent;
  }
  return undefined;
}

/** Whether a panel holds headings of its own: then it is a group of blocks, not one tab's list. */
function hasOwnHeading(page: Page, panel: Node): boolean {
  let found = false;
  const walk = (x: Node) => {
    if (found || !isElement(x) || page.info.get(x)?.list) return;
    if (isHeadingElement(x) && headingName(page, x)) found = true;
    else for (const c of x.children ?? []) walk(c);
  };
  for (const c of panel.children ?? []) walk(c);
  return found;
}

/** The list a panel shows: the one with most dated items, then most items. */
function panelList(page: Page, panel: Node): List | undefined {
  let best: List | undefined;
  let bestScore = -1;
  for (const l of page.lists) {
    if (!contains(page, panel, l.el)) continue;
    const score = datedCount(page, l) * 1000 + l.items.length;
    if (score > bestScore) [best, bestScore] = [l, score];
  }
  return best;
}

/** One block per tab whose panel is known; the lists of every strip's panels are claimed either way. */
function tabBlocks(page: Page, claimed: Set<Node>): [number, Block][] {
  const blocks: [number, Block][] = [];
  const seen = new Set<Node>();
  for (const [el, info] of page.info) {
    if (info.navLike || seen.has(el) || !isElement(el)) continue;
    if (info.textLen === 0) continue;
    const entries = tabEntries(page, el, 1);
    if (!entries.length) continue;
    seen.add(el);
    let panels: (Node | undefined)[] = entries.map((e) => panelById(page, e));
    if (panels.some((p) => !p)) panels = entries.length > 1 ? panelsByOrder(page, el, entries.length) ?? [] : [];
    // A lone heading with a handler but no panel of its own is a plain heading.
    if (entries.length === 1 && !panels[0]) continue;
    if (info.list) claimed.add(el);
    entries.forEach((entry, i) => {
      const panel = panels[i];
      if (!panel || hasOwnHeading(page, panel)) return;
      for (const l of page.lists) if (contains(page, panel, l.el)) claimed.add(l.el);
      const list = panelList(page, panel);
      const heading = headingName(page, entry);
      if (!list || !heading) return;
      const more = moreById(page, entry) ?? moreIn(panel);
      const moreUrl = more ? resolveLink(attr(more, 'href'), page.base) : undefined;
      blocks.push([page.info.get(list.el)!.order, makeBlock(page, heading, moreUrl, list)]);
    });
  }
  return blocks;
}

function makeBlock(page: Page, heading: Heading, more: string | undefined, list: List): Block {
  const { items, undated } = readItems(page, list);
  return {
    name: heading.name,
    ...(more ? { more } : {}),
    ...(heading.url ? { headingUrl: heading.url } : {}),
    items,
    undated,
  };
}

// ---------------------------------------------------------------------------------------------
// Exported readers.

/** Column blocks of a home or hub page: heading, 更多 link and the items of its list, one block per tab when tabs map clearly. */
export function readBlocks($: CheerioAPI, pageUrl: string, asOf: string): Block[] {
  const page = pageOf($, pageUrl, asOf);
  const claimed = new Set<Node>();
  const found: [number, Block][] = tabBlocks(page, claimed);
  for (const list of page.lists) {
    const info = page.info.get(list.el)!;
    if (info.navLike || claimed.has(list.el)) continue;
    const at = headingOf(page, list);
    if (!at) continue;
    const more = moreOf(page, at);
    const moreUrl = more ? resolveLink(attr(more, 'href'), page.base) : undefined;
    let heading: Heading | undefined = at.heading === 'image' ? undefined : at.heading;
    if (at.heading === 'image' && more && moreUrl) {
      const name = nameFromTarget(page, moreUrl, more);
      if (name) heading = { name };
    }
    if (!heading) continue;
    found.push([page.info.get(list.el)!.order, makeBlock(page, heading, moreUrl, list)]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}

/** Whether a list sits in a side column (related links, rankings), not the page's main area. */
function inSideColumn(el: Node): boolean {
  for (let p: Node | null | undefined = el; p && p.type === 'tag'; p = p.parent) {
    if (words(p).some((w) => SIDE_WORDS.has(w))) return true;
  }
  return false;
}

/**
 * The longest run of prose outside links and list items: an article's body. Counted per element
 * over its own text and inline children, plus its <p> children together, so that a list page's
 * many short items never add up.
 */
function longestProse(page: Page): number {
  if (page.prose !== undefined) return page.prose;
  const inItems = insideItems(page);
  let longest = 0;
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.navLike || inItems.has(el) || el.name === 'a') continue;
    let own = 0;
    let paragraphs = 0;
    for (const c of el.children ?? []) {
      if (c.type === 'text') own += (c.data ?? '').trim().length;
      const ci = page.info.get(c);
      if (!ci || ci.links > 0 || inItems.has(c)) continue;
      if (c.name === 'p') paragraphs += ci.textLen;
      else if (!BLOCK_TAGS.has(c.name ?? '')) own += ci.textLen;
    }
    longest = Math.max(longest, own, paragraphs);
  }
  page.prose = longest;
  return longest;
}

/** An article has this much prose in one place; a list page's own text (intro, pager) is far shorter. */
const ARTICLE_PROSE = 200;

/** Text of a pager link: 下一页, 尾页, 2, ». */
const PAGER_TEXT = /^(\d{1,4}|下一页|下页|上一页|上页|首页|尾页|末页|最后一页|第一页|next|prev|previous|last|first|[»«›‹>]{1,2}|<{1,2})$/i;
/** A pager link target: index_2.html, list_3.shtml, ?page=2. */
const PAGER_HREF = /(^|\/)(index|list|default|more)_\d+\.\w+$|[?&](page|pageno|pageindex|p|pn|curpage|currentpage|cpage|pagenum|pagenumber)=\d+/i;
/** Class or id words of a pager. */
const PAGER_WORDS = new Set(['page', 'pages', 'pager', 'pagination', 'paging', 'fenye', 'pagebar', 'pagenav', 'pagelist', 'turnpage', 'fy']);

/** A pager is small: a wrapper of the whole page classed "page" holds the menu's 首页 too. */
const isSmall = (info: Info | undefined) => !!info && info.links <= 40 && info.textLen <= 400;

/** The links of the pagers: containers whose class or id says so, or that hold a 下一页 / 尾页 link. */
function pagerLinks(page: Page): Node[] {
  const out: Node[] = [];
  const containers = new Set<Node>();
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.links === 0 || info.navLike) continue;
    if (isSmall(info) && words(el).some((w) => PAGER_WORDS.has(w))) containers.add(el);
    if (el.name === 'a' && el.parent && /^(下一页|下页|尾页|末页|最后一页)$/.test(tidy(textOf(el)))) {
      // The link may sit alone in a <span> or <li>: its container is then one level up.
      const up = page.info.get(el.parent)!.links < 2 && el.parent.parent ? el.parent.parent : el.parent;
      if (isSmall(page.info.get(up))) containers.add(up);
    }
  }
  for (const c of containers) {
    for (const a of linksIn(c)) {
      const text = tidy(textOf(a)).replace(/[\s[\]]/g, '');
      const href = (attr(a, 'href') ?? '').trim();
      if (PAGER_TEXT.test(text) || PAGER_HREF.test(href.split('#')[0] ?? '')) out.push(a);
    }
  }
  return out;
}

/** The inline scripts of the page, joined. */
function scriptsText(page: Page): string {
  return page.scripts.join('\n');
}

/** The resolved value of a number or of a `var name = number` in the scripts. */
function scriptNumber(token: string, scripts: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const m = new RegExp(`\\b${escapeRe(token)}\\s*=\\s*(\\d+)`).exec(scripts);
  return m ? Number(m[1]) : undefined;
}

/** Most list pages a script pager can name; beyond this the crawler would never read them anyway. */
const MAX_SCRIPT_PAGES = 1000;

/**
 * List pages named only by script: the TRS createPageHTML(count, current, "index", "html") makes
 * index.html, index_1.html … index_{count-1}.html; the jQuery pager of wsjkw.sh.gov.cn
 * (totalPage: 54, location.href = 'index_' + i + '.html', page 1 being index.html) makes
 * index_2.html … index_54.html.
 */
function scriptPages(page: Page): string[] {
  const scripts = scriptsText(page);
  const out: string[] = [];
  const trs = /createPageHTML\(\s*([\w.]+)\s*,\s*([\w.]+)\s*,\s*["']([\w.-]+)["']\s*,\s*["'](\w+)["']/.exec(scripts);
  if (trs) {
    const count = Math.min(scriptNumber(trs[1]!, scripts) ?? 0, MAX_SCRIPT_PAGES);
    const current = scriptNumber(trs[2]!, scripts);
    for (let k = 0; k < count; k++) {
      if (k !== current) out.push(`${trs[3]}${k === 0 ? '' : `_${k}`}.${trs[4]}`);
    }
  }
  const total = /totalPage\s*:\s*(\d+)/.exec(scripts);
  const template = /['"]([\w-]+)_['"]\s*\+\s*\w+\s*\+\s*['"](\.\w+)['"]/.exec(scripts);
  if (total && template) {
    const count = Math.min(Number(total[1]), MAX_SCRIPT_PAGES);
    for (let i = 2; i <= count; i++) out.push(`${template[1]}_${i}${template[2]}`);
  }
  return out;
}

/** Absolute URLs of the other pages of a list, in page order, without the page itself. */
function pagination(page: Page, pageUrl: string): string[] {
  const self = new Set([pageUrl, resolveLink(pageUrl, pageUrl) ?? pageUrl]);
  if (pageUrl.endsWith('/')) for (const ext of ['html', 'htm', 'shtml']) self.add(`${pageUrl}index.${ext}`);
  const out: string[] = [];
  const add = (href: string | undefined) => {
    const url = resolveLink(href, page.base);
    if (url && !self.has(url) && !out.includes(url)) out.push(url);
  };
  for (const a of pagerLinks(page)) add(attr(a, 'href'));
  for (const p of scriptPages(page)) add(p);
  return out;
}

/** Whether the page says it has nothing (暂无信息…) outside menus and footers. */
function saysEmpty(page: Page): boolean {
  let found = false;
  const walk = (n: Node, nav: boolean) => {
    if (found) return;
    if (n.type === 'text') {
      if (!nav && EMPTY_TEXT.test(n.data ?? '')) found = true;
      return;
    }
    if (!isElement(n) && n.type !== 'root') return;
    const info = page.info.get(n);
    for (const c of n.children ?? []) walk(c, nav || !!info?.navLike);
  };
  walk(page.root, false);
  return found;
}

/** Inline script calls that write content into the page. */
const FILLS = /document\.write|innerHTML|\.html\(|\.append\(|\.load\(|\$\.ajax|\.getJSON|\$\.get\(|\$\.post\(|fetch\(|XMLHttpRequest/;

/**
 * A list container that is there but holds nothing (<ul class="list"></ul>), on a page where no
 * inline script could fill it: none inside it, none naming it, none writing content. Lists that a
 * script fills (bjft.gov.cn's homelist(…), moe.gov.cn's ul#testUl) are not empty columns.
 */
function emptyContainer(page: Page, scripts: string): boolean {
  if (FILLS.test(scripts)) return false;
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.navLike || info.kids.length > 0 || info.textLen > 0) continue;
    if (!/^(ul|ol|tbody|dl|div)$/.test(el.name ?? '') || (el.children ?? []).some((c) => c.name === 'script')) continue;
    if (!words(el).some((w) => /list/.test(w) || /^(lb|news|xxgk|wj)$/.test(w))) continue;
    const id = attr(el, 'id');
    const classes = (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
    if ((id && scripts.includes(id)) || classes.some((c) => scripts.includes(c))) continue;
    return true;
  }
  return false;
}

/** The page as a column list: its main list of dated items, empty marker and further pages; undefined for a page that is not a list. */
export function readList($: CheerioAPI, pageUrl: string, asOf: string): ListFacts | undefined {
  const page = pageOf($, pageUrl, asOf);
  // The main list: the dated list with most dates outside side columns, else the longest there.
  let main: List | undefined;
  let mainDated = 0;
  for (const l of page.lists) {
    if (page.info.get(l.el)!.navLike || inSideColumn(l.el)) continue;
    const dated = datedCount(page, l);
    if (!main || dated > mainDated || (dated === mainDated && l.items.length > main.items.length)) [main, mainDated] = [l, dated];
  }
  const pages = pagination(page, pageUrl);
  // An article with a few dated links beside it is not a list.
  if (longestProse(page) >= ARTICLE_PROSE && mainDated < 5) return undefined;
  if (main && mainDated > 0) {
    const { items, undated } = readItems(page, main);
    return { items, undated, empty: false, pagination: pages };
  }
  if ((!main || main.items.length === 0) && (saysEmpty(page) || emptyContainer(page, scriptsText(page)))) {
    return { items: [], undated: 0, empty: true, pagination: pages };
  }
  // Undated lists: a list page all the same when long or paginated, so that the crawler knows
  // the column shows no dates rather than that it is not a column.
  if (main && (main.items.length >= 5 || pages.length > 0)) {
    const { items, undated } = readItems(page, main);
    return { items, undated, empty: false, pagination: pages };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Articles, breadcrumbs and menus.

/** Labels of a publication date, strongest first; 时间 / 日期 alone only at the start of a phrase. */
const PUB_LABELS = [
  /(发布时间|发布日期|发文日期|公开日期|发表时间|发表日期|发稿时间|上传时间|信息时间|印发日期)\s*[:：]?\s*/g,
  /(成文日期|成文时间)\s*[:：]?\s*/g,
  /(?<![\p{Script=Han}])(时间|日期)\s*[:：]?\s*/gu,
];
/** After a date: the rest of an article's byline (2019年06月15日08:18 来源：人民网). */
const BYLINE_AFTER = /^\s*(\d{1,2}:\d{2}(:\d{2})?)?[\s\u00a0\u3000]*(来源|作者|浏览|点击|阅读|字号|编辑|责任编辑|【)/;
/** Class or id of an element that shows a date. */
const DATE_CLASS = /date|time|pubtime|fbsj|fbrq|riqi|shijian/i;

/** Every node inside the entries of lists of three or more (shorter ones may be an article's parts). */
function insideItems(page: Page): Set<Node> {
  if (page.inItems) return page.inItems;
  const min = 3;
  const out = new Set<Node>();
  const mark = (n: Node) => {
    out.add(n);
    for (const k of page.info.get(n)?.kids ?? []) mark(k);
  };
  for (const l of page.lists) if (l.items.length >= min) for (const it of l.items) mark(it);
  page.inItems = out;
  return out;
}

/** A full date (with its year) at the start of a text, allowing a bracket or a space before it. */
function dateAtStart(text: string, asOf: string): string | undefined {
  const d = scanDates(text.slice(0, 40), asOf)[0];
  if (!d || d.inferredYear || !/^[\s([（【]*$/.test(text.slice(0, d.index))) return undefined;
  return d.date;
}

/** An article's publication date as shown (labelled, in the byline or a date element), else its PubDate meta; YYYY-MM-DD. */
export function readPubDate($: CheerioAPI, asOf: string): string | undefined {
  const page = pageOf($, undefined, asOf);
  // A list page's items carry dates too (发布时间：… per item); they are not the page's own.
  const items = insideItems(page);
  const text = textOf(page.root, (x) => items.has(x) || page.info.get(x)?.navLike === true).replace(/[ \t\u00a0\u3000\r]+/g, ' ');
  // Weaker evidence (时间： alone, a byline, a date element) only on a page with an article's prose:
  // a home page's 在线访谈 box says 时间：2018年3月16日 too.
  const article = longestProse(page) >= ARTICLE_PROSE;
  for (const label of article ? PUB_LABELS : PUB_LABELS.slice(0, 2)) {
    for (const m of text.matchAll(label)) {
      const date = dateAtStart(text.slice(m.index + m[0].length), asOf);
      if (date) return date;
    }
  }
  for (const d of article ? scanDates(text, asOf) : []) {
    if (!d.inferredYear && BYLINE_AFTER.test(text.slice(d.end, d.end + 30))) return d.date;
  }
  for (const [el, info] of article ? page.info : []) {
    if (!isElement(el) || info.navLike || info.textLen > 40 || info.links > 0 || items.has(el)) continue;
    if (!DATE_CLASS.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`)) continue;
    const t = textOf(el);
    const d = isDateOnly(t, asOf) ? parseDate(t, asOf) : undefined;
    if (d && !d.inferredYear) return d.date;
  }
  const meta = $('meta[name]').filter((_, el) => ($(el).attr('name') ?? '').trim().toLowerCase() === 'pubdate').first().attr('content');
  const fromMeta = meta ? parseDate(meta, asOf) : undefined;
  return fromMeta && !fromMeta.inferredYear ? fromMeta.date : undefined;
}

/** The words that introduce a breadcrumb. */
const CRUMB_LABEL = /(当前位置|您的位置|你的位置|所在位置|现在的位置|您现在的位置|您现在所在的位置|当前的位置)\s*[:：]?/;
/** Class or id words of a breadcrumb without a label. */
const CRUMB_WORDS = new Set(['breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'position', 'location', 'weizhi', 'dqwz', 'bread', 'lujing', 'path', 'currentpath']);
/** Separators between breadcrumb names. */
const CRUMB_SEP = /\s*(?:>>|->|[>›»＞/→]|&gt;)\s*/;
/** Breadcrumb entries that are not columns. */
const NOT_CRUMB = /^(首页|网站首页|主页|home|正文|正文内容|内容|详情|详细内容|文章内容|浏览文章)$/i;

/** The names of a breadcrumb element, from a start node on: links whole, text split at separators. */
function crumbNames(container: Node, after?: Node): string[] {
  const names: string[] = [];
  let started = after === undefined;
  const walk = (n: Node) => {
    if (n === after) {
      started = true;
      const rest = (n.data ?? '').split(CRUMB_LABEL).pop() ?? '';
      names.push(...rest.split(CRUMB_SEP));
      return;
    }
    if (n.type === 'text') {
      if (started) names.push(...(n.data ?? '').split(CRUMB_SEP));
      return;
    }
    if (!isElement(n)) return;
    if (n.name === 'a' && started) {
      names.push('\u0000', textOf(n), '\u0000');
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(container);
  return names.map((s) => tidy(s)).filter((s) => s && s !== '\u0000' && !NOT_CRUMB.test(s) && !CRUMB_LABEL.test(s) && s.length <= 30);
}

/** Breadcrumb names after 当前位置 / 您的位置 (or in an element classed breadcrumb), without 首页; outermost first. */
export function readBreadcrumb($: CheerioAPI): string[] {
  const page = pageOf($);
  let label: Node | undefined;
  const find = (n: Node) => {
    if (label) return;
    if (n.type === 'text' && CRUMB_LABEL.test(n.data ?? '')) label = n;
    else if (isElement(n) || n.type === 'root') for (const c of n.children ?? []) find(c);
  };
  find(page.root);
  if (label) {
    // The label often sits alone in a <span> or <td>: climb to the element that holds the links too.
    for (let p = label.parent, i = 0; p && p.type === 'tag' && i < 4; p = p.parent, i++) {
      const info = page.info.get(p);
      if (!info || info.textLen > 300) break;
      if (info.links > 0) return crumbNames(p, label);
    }
    return crumbNames(label.parent ?? label, label);
  }
  for (const [el, info] of page.info) {
    if (isElement(el) && info.links > 0 && info.textLen <= 300 && words(el).some((w) => CRUMB_WORDS.has(w))) return crumbNames(el);
  }
  return [];
}

/** Class or id words of a main menu. */
const MENU_WORDS = new Set(['nav', 'navs', 'navbar', 'mainnav', 'topnav', 'menu', 'menus', 'mainmenu', 'topmenu', 'daohang', 'dh', 'navigation']);
/** Class or id words of a footer, whose link rows are not the main menu. */
const FOOTER_WORDS = new Set(['footer', 'foot', 'copyright', 'bottom', 'yqlj', 'friendlink', 'friendlinks']);

/**
 * Whether a link of a menu sits in a drop-down panel of content: a big <div> inside a menu item
 * (baqiao.gov.cn's menu holds whole news boxes), not a sub-menu of a few links.
 */
function inPanel(page: Page, a: Node, menu: Node): boolean {
  let bigDiv = false;
  for (let p = a.parent; p && p !== menu; p = p.parent) {
    if (p.name === 'div' && (page.info.get(p)?.textLen ?? 0) > 300) bigDiv = true;
    else if (p.name === 'li' && bigDiv) return true;
  }
  return false;
}

/** The main navigation entries: the first menu (nav, .nav, #menu, .daohang…) with enough links, in page order. */
export function readNav($: CheerioAPI, pageUrl: string): Channel[] {
  const page = pageOf($, pageUrl);
  const entries = (el: Node): Channel[] => {
    const out: Channel[] = [];
    for (const a of linksIn(el)) {
      if (inPanel(page, a, el)) continue;
      const name = cleanName(textOf(a));
      const url = resolveLink(attr(a, 'href'), page.base);
      // Menu entries are column names; drop-down panels also hold headlines and 【详情】 links.
      if (!url || name.length > 10 || !isColumnName(name) || NOT_CRUMB.test(name) || ARTICLE_URL.test(url) || out.some((c) => c.url === url)) continue;
      out.push({ name, url });
    }
    return out;
  };
  let fallback: Channel[] = [];
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.links < 3) continue;
    const ws = words(el);
    if (el.name !== 'nav' && !ws.some((w) => MENU_WORDS.has(w))) continue;
    let footer = false;
    for (let p: Node | null | undefined = el; p && p.type === 'tag'; p = p.parent) if (words(p).some((w) => FOOTER_WORDS.has(w)) || p.name === 'footer') footer = true;
    if (footer) continue;
    const found = entries(el);
    if (found.length >= 4) return found;
    if (found.length > fallback.length) fallback = found;
  }
  return fallback;
}
