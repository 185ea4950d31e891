// The heading of a home-page block and its 更多 link: found by climbing from a list and looking
// back through earlier siblings, stopping at anything that could be another list's. A tab strip
// stands where a heading would; tabs.ts maps its entries to their lists.
import { resolveLink } from '../urls.ts';
import { attr, isElement, isMoreLink, linksIn, textOf, tidy, type Node } from './node.ts';
import { kidsOf, type List, type Page } from './model.ts';
import { ARTICLE_URL, cleanName, isColumnName } from './names.ts';

/** Class or id of a heading element. */
const HEADING_CLASS = /(^|[\s_-])(tit|title|titles|bt|hd|head|header|heading|caption|lmmc|lmtit|lmtitle|lanmu|lm[-_]?name|column[-_]?name)([\s_-]|\d|$)|title|lmmc|lmtit/i;
/** Class names of the one selected tab: 当前 tab markers. */
const TAB_ON = /^(on|cur|current|active|hover|now|sel|select|selected|hov|over|tab_?on|tab_?cur)$/i;

/** A block's heading: the column's name, and its own link when it has one. */
export interface Heading {
  name: string;
  /** The heading's own link (to the column), when it has one. */
  url?: string;
  /** The element it was read from. */
  el?: Node;
}

/** A heading's name: its first link's text when it has links (政策 of 政策 | 政府信息公开专栏), else its text, without 更多 or >>. */
export function headingName(page: Page, el: Node): Heading | undefined {
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
  return url ? { name, url, el } : { name, el };
}

/** A link around a heading: <a href="…"><h3>干部理论文章</h3></a>. */
function enclosingLink(el: Node): Node | undefined {
  for (let p = el.parent, i = 0; p && i < 3; p = p.parent, i++) if (p.name === 'a' && attr(p, 'href') !== undefined) return p;
  return undefined;
}

/** Whether an element looks like a heading by its tag or class. */
export function isHeadingElement(el: Node): boolean {
  const name = el.name ?? '';
  if (/^h[1-6]$/.test(name)) return true;
  if (!/^(div|span|td|th|p|strong|b|dt|em|font|li|a|i|label)$/.test(name)) return false;
  return HEADING_CLASS.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
}

/**
 * The tab entries directly inside an element: short same-tag children (two or more, or one with a
 * tab handler such as setTab5('four',1,2)), one marked selected (by class or aria-selected), with
 * a handler, ARIA tabs (role="tab", aria-controls), or with links that lead nowhere (javascript:void(0)).
 */
export function tabEntries(page: Page, strip: Node, min = 2): Node[] {
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
  const selected = entries.length > 1 && entries.filter((e) => (attr(e, 'class') ?? '').split(/\s+/).some((c) => TAB_ON.test(c)) || attr(e, 'aria-selected') === 'true').length === 1;
  // ARIA tabs: <button role="tab" aria-controls="pane-news">.
  const aria = entries.every((e) => attr(e, 'role') === 'tab' || attr(e, 'aria-controls') !== undefined);
  const jsLinks = entries.every((e) => {
    const links = linksIn(e);
    return links.length > 0 && links.every((a) => /^\s*(javascript:|#\s*$)/i.test(attr(a, 'href') ?? ''));
  });
  if (!handler && !selected && !jsLinks && !aria) return [];
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
export function moreIn(n: Node): Node | undefined {
  return linksIn(n).find(isMoreLink);
}

/** Where a list's heading was found, for finding its 更多 link. */
export interface Found {
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
export function headingOf(page: Page, list: List): Found | undefined {
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
      // An image heading is trusted only right beside its list, where its 更多 link is the list's,
      // or with its own 更多 beside it in the row above the list (legacy table layouts).
      if (h === 'image' && depth > 0 && !moreIn(s)) return undefined;
      if (h) return { heading: h, region: s, child };
    }
    child = parent;
  }
  return undefined;
}

/** The 更多 link of a found heading: in the heading's region, in or before the list, then after it up to the next list. */
export function moreOf(page: Page, found: Found): Node | undefined {
  const inRegion = moreIn(found.region);
  if (inRegion) return inRegion;
  const inChild = moreIn(found.child);
  if (inChild) return inChild;
  const siblings = found.child.parent ? kidsOf(page, found.child.parent) : [];
  // Between the heading and its list: <h2><img></h2><a class="more">更多</a><div class="list">.
  const from = siblings.indexOf(found.region);
  for (let i = from + 1; from >= 0 && i < siblings.indexOf(found.child); i++) {
    const s = siblings[i]!;
    const m = s.name === 'a' && isMoreLink(s) ? s : moreIn(s);
    if (m) return m;
  }
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
export function nameFromTarget(page: Page, url: string, more: Node): string | undefined {
  for (const a of page.$('a[href]').toArray() as unknown as Node[]) {
    if (a === more || resolveLink(attr(a, 'href'), page.base) !== url) continue;
    const name = cleanName(textOf(a));
    if (isColumnName(name) && name.length <= 12) return name;
  }
  return undefined;
}
