// The main menu of a page: the entries of the first menu with enough column names, not a footer's
// link rows nor the headlines in a drop-down panel.
import type { CheerioAPI } from 'cheerio';
import { resolveLink } from '../urls.ts';
import { attr, isElement, linksIn, textOf, words, type Node } from './node.ts';
import { pageOf, type Page } from './model.ts';
import { ARTICLE_URL, NOT_CRUMB, cleanName, isColumnName } from './names.ts';
import { locator } from './where.ts';
import type { Channel } from '../../snapshot.ts';

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
  const loc = locator($, pageUrl);
  const entries = (el: Node): Channel[] => {
    const out: Channel[] = [];
    for (const a of linksIn(el)) {
      if (inPanel(page, a, el)) continue;
      const name = cleanName(textOf(a));
      const url = resolveLink(attr(a, 'href'), page.base);
      // Menu entries are column names; drop-down panels also hold headlines and 【详情】 links.
      if (!url || name.length > 10 || !isColumnName(name) || NOT_CRUMB.test(name) || ARTICLE_URL.test(url) || out.some((c) => c.url === url)) continue;
      const where = loc.where(a, name);
      out.push({ name, url, ...(where ? { where } : {}) });
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
