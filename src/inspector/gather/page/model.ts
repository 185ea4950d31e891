// The model of a parsed page that every page reader shares (blocks, lists, pub-date, breadcrumb,
// nav): one walk over the document records each element's place, links, text and whether it sits
// in a menu or footer, finds the lists of linked entries, and reads each entry's own link and date.
// The readers are pure: nothing is removed or changed, because other readers run on the same
// document afterwards.
//
// A public notice names the sites it finds stale, so every reader prefers to return less: an item
// whose date is unclear is counted as undated, a tab whose list cannot be told apart is skipped,
// and a date is never taken from a link's URL, an alt or title attribute, a comment or a script.
import type { CheerioAPI } from 'cheerio';
import { isDateOnly, scanDates } from '../dates.ts';
import { resolveLink } from '../urls.ts';
import { baseHref } from './elements.ts';
import { attr, elementChildren, isElement, isMoreLink, linksIn, textOf, tidy, words, type Node } from './node.ts';

/** What one walk of the document learns about an element. */
export interface Info {
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
  /** Length of the visible text before it in the page (its start, in the units of textLen). */
  before: number;
  /** Inside a menu, footer or link box: never a column. */
  navLike: boolean;
  /** A list of items (or an empty list saying 暂无信息) starts here. */
  list?: List;
  /** Itself or something inside is a list. */
  hasList: boolean;
}

/** A container of repeated entries that each hold a link. */
export interface List {
  el: Node;
  items: Node[];
  /** No entries, but a text such as 暂无信息 says so. */
  empty: boolean;
}

/** A parsed page with what the walk learned about every element. */
export interface Page {
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

/** An item's own link and the date it shows. */
export interface ItemFacts {
  link: Node | undefined;
  date: { date: string; inferredYear?: true } | undefined;
}

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
/** Text of a list or page that says it has nothing. */
export const EMPTY_TEXT = /暂无(相关)?(信息|数据|内容|记录|文章|新闻|公告)|没有(找到)?(相关)?(记录|信息|数据|内容)|无相关(信息|记录|内容)|共\s*0\s*(条|篇|页|个)/;

/** The element children of a node, as the walk recorded them. */
export const kidsOf = (page: Page, n: Node) => page.info.get(n)?.kids ?? elementChildren(n);

/**
 * The model of a document, built once and shared by the readers of the same page (the crawler
 * calls all of them on one parse). A reader that needs no page URL or as-of date takes whichever
 * model is there. The readers never change the document, and they run before anything else does.
 */
const models = new WeakMap<object, Page>();

/** The model of a parsed page: the one built for it when its page URL and as-of date agree (or are not given), else a new one. */
export function pageOf($: CheerioAPI, pageUrl?: string, asOf?: string): Page {
  const root = $.root()[0] as unknown as object;
  const cached = models.get(root);
  if (cached && (pageUrl === undefined || cached.url === pageUrl) && (asOf === undefined || cached.asOf === asOf)) return cached;
  const page = buildPage($, pageUrl ?? cached?.url ?? 'http://localhost/', asOf ?? cached?.asOf ?? '2000-01-01');
  models.set(root, page);
  return page;
}

function buildPage($: CheerioAPI, pageUrl: string, asOf: string): Page {
  const root = $.root()[0] as unknown as Node;
  const href = baseHref($);
  const base = (href && resolveLink(href, pageUrl)) || pageUrl;
  const page: Page = { $, root, url: pageUrl, base, asOf, info: new Map(), lists: [], ids: new Map(), items: new Map(), scripts: [] };
  let order = 0;
  let seen = 0;
  const walk = (n: Node, navLike: boolean): Info => {
    const nav = navLike || NAV_WORDS.has(n.name ?? '') || words(n).some((w) => NAV_WORDS.has(w));
    // Links that lead somewhere: javascript: buttons and # anchors are widgets, not items.
    const isLink = n.name === 'a' && !/^\s*(javascript:|#|$)/i.test(attr(n, 'href') ?? '');
    const info: Info = { order: order++, end: 0, kids: [], links: isLink ? 1 : 0, more: 0, imgs: n.name === 'img' ? 1 : 0, textLen: 0, before: seen, navLike: nav, hasList: false };
    page.info.set(n, info);
    const id = attr(n, 'id');
    if (id && !page.ids.has(id)) page.ids.set(id, n);
    for (const c of n.children ?? []) {
      if (c.type === 'text') {
        const len = (c.data ?? '').trim().length;
        info.textLen += len;
        seen += len;
      } else if (c.name === 'script' && attr(c, 'src') === undefined) page.scripts.push(c.children?.[0]?.data ?? '');
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

/** Whether element a contains element b (or is b), by their places in the walk. */
export const contains = (page: Page, a: Node, b: Node) => {
  const ia = page.info.get(a);
  const ib = page.info.get(b);
  return !!ia && !!ib && ia.order <= ib.order && ib.order <= ia.end;
};


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
export function itemFacts(page: Page, item: Node): ItemFacts {
  let facts = page.items.get(item);
  if (!facts) {
    const link = mainLink(item);
    facts = { link, date: itemDate(page, item, link) };
    page.items.set(item, facts);
  }
  return facts;
}

/** The inline scripts of the page, joined. */
export function scriptsText(page: Page): string {
  return page.scripts.join('\n');
}
