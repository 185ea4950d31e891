// A column's list page read as a list: its main list of dated items (not a side column's), whether
// it says it is empty, and its other pages. An article with a few dated links beside it is no list.
import type { CheerioAPI } from 'cheerio';
import { attr, isElement, words, type Node } from './node.ts';
import { EMPTY_TEXT, pageOf, scriptsText, type List, type Page } from './model.ts';
import { datedCount, readItems } from './items.ts';
import { pagination } from './pagination.ts';
import { ARTICLE_PROSE, longestProse } from './prose.ts';
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
