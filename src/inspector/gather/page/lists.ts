// A column's list page read as a list: its main list of dated items (not a side column's), whether
// it says it is empty, and its other pages. An article with a few dated links beside it is no list.
import type { CheerioAPI } from 'cheerio';
import { attr, isElement, textOf, words, type Node } from './node.ts';
import { EMPTY_TEXT, pageOf, scriptsText, type List, type Page } from './model.ts';
import { datedCount, readItems } from './items.ts';
import { pagination } from './pagination.ts';
import { ARTICLE_PROSE, longestProse } from './prose.ts';
import { ARTICLE_URL } from './names.ts';
import type { ListFacts } from '../../snapshot.ts';

/**
 * Class or id words of side columns, whose lists are never a page's main list. Not left or right:
 * many list pages put the column menu in div.left and the list itself in div.right.
 */
const SIDE_WORDS = new Set(['side', 'sidebar', 'aside', 'related', 'xgwz', 'xglj', 'xgxx', 'rank', 'hot', 'paihang', 'tuijian', 'sidenav']);

/** Whether a list sits in a side column (related links, rankings), not the page's main area. */
function inSideColumn(el: Node): boolean {
  for (let p: Node | null | undefined = el; p && p.type === 'tag'; p = p.parent) {
    if (words(p).some((w) => SIDE_WORDS.has(w))) return true;
  }
  return false;
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

/**
 * Inline script calls that can fill a list already on the page. Not document.write: it writes where
 * its script stands, so it never fills a container that is already there empty (the 党政机关 mark's
 * and many clocks' document.write sit in every footer and header).
 */
const FILLS = /innerHTML|\.html\(|\.append\(|\.load\(|\$\.ajax|\.getJSON|\$\.get\(|\$\.post\(|fetch\(|XMLHttpRequest/;
/** Calls that fetch content (their target is anyone's guess). */
const FETCHES = /\.load\(|\$\.ajax|\.getJSON|\$\.get\(|\$\.post\(|fetch\(|XMLHttpRequest/;
/** Elements a script names by id: getElementById("today"), $('#list'). */
const NAMED_ID = /getElementById\(\s*['"]([^'"]+)['"]\s*\)|\$\(\s*['"]#([\w-]+)['"]\s*\)/g;

/**
 * What the page's scripts can fill: 'any' element (they fetch content, or write into elements they
 * do not name), or only the ids they name (a clock's getElementById("today").innerHTML fills no list).
 */
function fillable(scripts: string): 'any' | Set<string> {
  if (!FILLS.test(scripts)) return new Set();
  if (FETCHES.test(scripts)) return 'any';
  const ids = new Set([...scripts.matchAll(NAMED_ID)].map((x) => x[1] ?? x[2] ?? ''));
  return ids.size === 0 ? 'any' : ids;
}

/** Tags that are lists whatever their class. */
const LIST_TAGS = /^(ul|ol|tbody|table|dl)$/;
/** Class or id words of menus, tabs and pagers: their empty lists say nothing about the column. */
const MENU_WORDS = /^(nav|navs|menu|menus|sub|subnav|submenu|dropdown|drop|tab|tabs|crumb|crumbs|breadcrumb|page|pages|pager|pagination|share|top|header|footer|foot)$/;

/**
 * Whether a link on the page, outside menus, headers and footers, looks like an item: it leads to an
 * article, or its text reads like a title (eight Chinese characters or more). Then the page may
 * show its items in a way this reader does not know, and an anonymous empty list is no evidence.
 */
function hasItemLinks(page: Page): boolean {
  for (const [el, info] of page.info) {
    if (el.name !== 'a' || info.navLike) continue;
    const titled = (textOf(el).match(/[\u4e00-\u9fa5]/g) ?? []).length >= 8;
    if ((ARTICLE_URL.test(attr(el, 'href') ?? '') || titled) && !inMenu(el)) return true;
  }
  return false;
}

/**
 * A list container that is there but holds nothing, on a page where no script could fill it (none
 * inside it, none naming it or an element around it, none fetching content or writing into elements
 * it does not name), or whose scripts have run (a rendered page):
 * an element named as a list (<ul class="list"></ul>, <div class="card-list">, role="list"), or
 * any list element (<ul>, <table>, <tbody>, <dl>) outside menus, tabs and pagers on a page with
 * no link that looks like an item (hasItemLinks). Lists that a script fills (bjft.gov.cn's homelist(…), moe.gov.cn's ul#testUl)
 * are not empty columns until the scripts have run.
 */
function emptyContainer(page: Page, scripts: string, scriptsRan: boolean): boolean {
  const fills = scriptsRan ? new Set<string>() : fillable(scripts);
  // A named element the page does not have may be written by script too: then anything may be filled.
  if (fills === 'any' || [...fills].some((id) => !page.ids.has(id))) return false;
  let itemLinks: boolean | undefined;
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.navLike || info.kids.length > 0 || info.textLen > 0) continue;
    const tag = el.name ?? '';
    if (!/^(ul|ol|tbody|table|dl|div)$/.test(tag) || (el.children ?? []).some((c) => c.name === 'script')) continue;
    const w = words(el);
    const named = w.some((x) => /list/.test(x) || /^(lb|news|xxgk|wj)$/.test(x)) || attr(el, 'role') === 'list';
    if (!named) {
      if (!LIST_TAGS.test(tag) || inMenu(el)) continue;
      itemLinks ??= hasItemLinks(page);
      if (itemLinks) continue;
    }
    if (!scriptsRan) {
      // A script that names the container or an element around it may fill it.
      let targeted = false;
      for (let p: Node | null | undefined = el; p && p.type === 'tag'; p = p.parent) if (fills.has(attr(p, 'id') ?? '\u0000')) targeted = true;
      if (targeted) continue;
      const id = attr(el, 'id');
      const classes = (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
      if ((id && scripts.includes(id)) || classes.some((c) => scripts.includes(c))) continue;
    }
    return true;
  }
  return false;
}

/** Whether an element or one of its ancestors is a menu, tab strip or pager by its class or id. */
function inMenu(el: Node): boolean {
  for (let p: Node | null | undefined = el; p && p.type === 'tag'; p = p.parent) {
    if (words(p).some((w) => MENU_WORDS.test(w))) return true;
  }
  return false;
}

/** The page as a column list: its main list of dated items, empty marker and further pages; undefined for a page that is not a list. */
export function readList($: CheerioAPI, pageUrl: string, asOf: string, scriptsRan = false): ListFacts | undefined {
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
  if ((!main || main.items.length === 0) && (saysEmpty(page) || emptyContainer(page, scriptsText(page), scriptsRan))) {
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
