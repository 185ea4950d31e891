// Where an element is on its page, for the web editor who must find it: the part of the page a
// visitor would name (header, navigation, body, footer), a short CSS selector that finds it in the
// browser's developer tools, and what it shows. Pure over the page model (model.ts); worked out
// only for the elements that can become findings, and remembered per page.
//
// A false place is worse than none: a class named like a footer counts only for a box the page is
// laid out in (not a block's "news_bottom") that ends the page's text, one named like a header
// only for such a box that starts it; otherwise the element is in the body.
import type { CheerioAPI } from 'cheerio';
import { attr, words, type Node } from './node.ts';
import { pageOf, type Info, type Page } from './model.ts';
import type { PagePart, Where } from '../../snapshot.ts';

/** Steps of a selector at most: an anchor (an id, a class used once, body) and the steps down from it. */
const MAX_STEPS = 6;
/** Whitespace between class names. */
const SPACE = /\s/;
const SPACES = /\s+/;

/** Class or id words of a page header on Chinese CMS templates (tou: 头, dingbu: 顶部; hd: YUI's). */
const HEADER_WORD = /^(?:header|head|pagehead|pageheader|siteheader|masthead|top|topbar|tophead|logo|banner|tou|toubu|dingbu)\d*$/;
/** Of a footer (dibu: 底部, banquan: 版权). */
const FOOTER_WORD = /^(?:footer|foot|pagefoot|pagefooter|sitefooter|bottom|copyright|copy|dibu|banquan)\d*$/;
/** Whole ids of YUI's page grid (#hd, #bd, #ft; #fd on some): as class words they are anything (oflow-hd is overflow:hidden). */
const GRID_ID = { hd: 'header', ft: 'footer', fd: 'footer' } as const;
/** Words of a block's own parts (lm-hd, article-head, news_bottom, tab_dh): never a part of the page. */
const BLOCK_WORD = /^(?:article|news|list|lm|lanmu|panel|card|item|tab|tabs|detail|title|tit|column|module|mod|side|sidebar|notice|xw|wz|zw|zhengwen|txt|text)\d*$/;
/** Of a menu (daohang: 导航). */
const NAV_WORD = /^(?:main|top|sub|side|left|site|global)?(?:nav|menu)(?:s|bar|box|list|wrap|igation)?\d*$|^(?:daohang|dh)\d*$/;
/** Elements inside which <header> and <footer> are a section's, not the page's (the HTML banner and contentinfo landmarks). */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
/** Letters every class or id word of a part contains (a quick look before the words are read). */
const PART_HINT = /nav|menu|daohang|dh|head|top|logo|banner|masthead|tou|dingbu|foot|bottom|copy|dibu|banquan|hd|fd|ft/i;
/** Elements that name their part by their tag. */
const LANDMARK_TAGS = new Set(['header', 'footer', 'nav', 'main']);

/** Ids and classes a selector may use: plain names, not generated ones (TRS_AUTOADD_1520301548021, ext-gen12, yui_3_5_1). */
const PLAIN_NAME = /^[A-Za-z][\w-]{0,39}$/;
const GENERATED = /\d{4}|^(?:ext-gen|yui_|ember|react|j_id|ctl\d|ng-|jquery)/i;
/** Classes that mark a state or a float, which scripts move or which many elements share. */
const STATE_CLASS = /^(?:on|cur|current|active|hover|now|sel|select|selected|show|hide|hidden|open|close|fl|fr|left|right|clear|clearfix|cf|fix|first|last|odd|even)$/i;

/** What an element says about the part it is in. */
type Mark = 'header' | 'nav' | 'footer' | 'main' | undefined;

/** A box that says which part it is, by its place in the page walk (model.ts: order to end). */
interface Region {
  mark: NonNullable<Mark>;
  order: number;
  end: number;
}

/** Where the elements of one page are; get it with locator(). */
export interface Locator {
  /** The element's place on the page, with the text given; undefined for one outside the body (<head>, a frameset). */
  where(el: Node, text: string): Where | undefined;
  /** The part of the page the element is in, when it can be told. */
  part(el: Node): PagePart | undefined;
  /** A CSS selector that finds the element; undefined outside the body. */
  selector(el: Node): string | undefined;
}

/** A selector on its way down: the anchor, or a step below the path of the parent (depth steps below the anchor). */
type Path = { anchor: string; depth: 0 } | { up: Path; step: string; depth: number };

const locators = new WeakMap<Page, Locator>();

/**
 * The locator of a parsed page, built on its page model (the one the readers share, so call it with
 * the page URL and as-of date the readers get, or after them).
 */
export function locator($: CheerioAPI, pageUrl?: string, asOf?: string): Locator {
  const page = pageOf($, pageUrl, asOf);
  let l = locators.get(page);
  if (!l) {
    l = makeLocator(page);
    locators.set(page, l);
  }
  return l;
}

function makeLocator(page: Page): Locator {
  const body = bodyOf(page.root);
  const total = body ? (page.info.get(body)?.textLen ?? 0) : 0;
  /** Text lengths a header may have before it and a footer after it: a top bar, pop-ups. */
  const edge = Math.max(100, total * 0.1);
  let names: { ids: Map<string, number>; classes: Map<string, number> } | undefined;
  const paths = new Map<Node, Path | null>();
  const steps = new Map<Node, string>();
  const selectors = new Map<Node, string | undefined>();

  /** How many elements carry each id and each class (counted once per page, when first needed). */
  const counts = () => {
    if (names) return names;
    const ids = new Map<string, number>();
    const classes = new Map<string, number>();
    const count = (k: string) => classes.set(k, (classes.get(k) ?? 0) + 1);
    const walk = (n: Node) => {
      for (const c of n.children ?? []) {
        if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') continue;
        const a = c.attribs;
        if (a) {
          const id = a['id'];
          if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
          // class="a a" counts a twice: then it is not used, which is only cautious.
          const cls = a['class'];
          if (cls) {
            if (!SPACE.test(cls)) count(cls);
            else for (const k of cls.split(SPACES)) if (k) count(k);
          }
        }
        if (c.children?.length) walk(c);
      }
    };
    walk(page.root);
    return (names = { ids, classes });
  };

  /** The element's own anchor: its id, or a class no other element has, when plain and stable. */
  const anchorOf = (n: Node): string | undefined => {
    const a = n.attribs;
    if (!a) return undefined;
    const id = a['id'];
    if (id && PLAIN_NAME.test(id) && !GENERATED.test(id) && counts().ids.get(id) === 1) return `#${id}`;
    const cls = a['class'];
    if (!cls) return undefined;
    for (const k of SPACE.test(cls) ? cls.split(SPACES) : [cls]) {
      if (k && PLAIN_NAME.test(k) && !GENERATED.test(k) && !STATE_CLASS.test(k) && counts().classes.get(k) === 1) return `${n.name}.${k}`;
    }
    return undefined;
  };

  /** The element's step below its parent: its tag, with its place among the siblings of that tag when it has any (worked out once per parent). */
  const stepOf = (n: Node): string => {
    let s = steps.get(n);
    if (s !== undefined) return s;
    const kids = n.parent?.children ?? [n];
    const total = new Map<string, number>();
    for (const c of kids) if (c.type === 'tag' || c.type === 'script' || c.type === 'style') total.set(c.name!, (total.get(c.name!) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of kids) {
      if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') continue;
      const i = (seen.get(c.name!) ?? 0) + 1;
      seen.set(c.name!, i);
      steps.set(c, total.get(c.name!)! > 1 ? `${c.name}:nth-of-type(${i})` : c.name!);
    }
    return steps.get(n)!;
  };

  /** The element's path from its anchor; null outside the body. */
  const pathOf = (n: Node): Path | null => {
    let p = paths.get(n);
    if (p !== undefined) return p;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') p = null;
    else if (n.name === 'body') p = { anchor: 'body', depth: 0 };
    else if (n.name === 'html' || n.name === 'head' || !n.parent) p = null;
    else {
      const anchor = anchorOf(n);
      if (anchor) p = { anchor, depth: 0 };
      else {
        const up = pathOf(n.parent);
        p = up && { up, step: stepOf(n), depth: up.depth + 1 };
      }
    }
    paths.set(n, p);
    return p;
  };

  const selector = (el: Node): string | undefined => {
    let s = selectors.get(el);
    if (s !== undefined || selectors.has(el)) return s;
    const p = pathOf(el);
    if (p) {
      // The last steps; too deep below its anchor, the last few as a descendant of it (a selector that still finds it).
      const deep = p.depth >= MAX_STEPS;
      const kept: string[] = [];
      let q: Path = p;
      while ('up' in q) {
        if (!deep || kept.length < MAX_STEPS - 1) kept.push(q.step);
        q = q.up;
      }
      kept.push(q.anchor);
      const last = kept.pop()!;
      s = interned(deep ? `${last} ${kept.reverse().join(' > ')}` : [last, ...kept.reverse()].join(' > '));
    }
    selectors.set(el, s);
    return s;
  };

  /** Whether the element is a box the page is laid out in: every box around it holds at least half the page's text. */
  const layoutBox = (n: Node): boolean => {
    for (let p = n.parent; p && p !== body; p = p.parent) {
      const info = page.info.get(p);
      if (info && info.textLen < total / 2) return false;
    }
    return true;
  };

  /** What the element itself says about the part it is in; inMain: it is inside the page's main content. */
  const markOf = (n: Node, info: Info, inMain: boolean): Mark => {
    const name = n.name ?? '';
    const role = (attr(n, 'role') ?? '').toLowerCase();
    if (role === 'banner') return 'header';
    if (role === 'contentinfo') return 'footer';
    if (role === 'navigation' || role === 'menubar' || name === 'nav') return 'nav';
    if (role === 'main' || name === 'main') return 'main';
    const ws = words(n);
    // A block's own tab strip or heading (in_Tab_dh, lm-hd, article-head, news_bottom) is never a part of the page.
    if (ws.some((w) => BLOCK_WORD.test(w))) return undefined;
    if (ws.some((w) => NAV_WORD.test(w))) return 'nav';
    if (inMain) return undefined;
    const grid = GRID_ID[(attr(n, 'id') ?? '').toLowerCase() as keyof typeof GRID_ID];
    // <header> and <footer> outside an article or section are the page's by HTML, but pages use them
    // for an article's title too: they are held to the same place as a box named so.
    const tag = (name === 'header' || name === 'footer') && !sectioned(n) ? name : undefined;
    const header = tag === 'header' || grid === 'header' || ws.some((w) => HEADER_WORD.test(w));
    const footer = tag === 'footer' || grid === 'footer' || ws.some((w) => FOOTER_WORD.test(w));
    if ((!header && !footer) || (!tag && !layoutBox(n))) return undefined;
    // A header starts the page's text and a footer ends it; a box named so that does both is a wrapper.
    const starts = info.before <= edge;
    const ends = total - info.before - info.textLen <= edge;
    if (footer && ends && !starts) return 'footer';
    if (header && starts && !ends) return 'header';
    return undefined;
  };

  /** The marked boxes of the page, in page order (found in one pass, when first needed). */
  let regions: Region[] | undefined;
  const regionsOf = (): Region[] => {
    if (regions) return regions;
    regions = [];
    for (const [n, info] of page.info) {
      const a = n.attribs;
      if (!a || n === body) continue;
      // Most elements name no part: one look at their class and id spares them the word by word reading.
      if (a['role'] === undefined && !LANDMARK_TAGS.has(n.name ?? '') && !PART_HINT.test(`${a['class'] ?? ''} ${a['id'] ?? ''}`)) continue;
      const inMain = regions.some((r) => r.mark === 'main' && r.order <= info.order && info.order <= r.end);
      const mark = markOf(n, info, inMain);
      if (mark) regions.push({ mark, order: info.order, end: info.end });
    }
    return regions;
  };

  /** Where the page's middle starts and ends: after the last header box, before the first footer box. */
  let middle: { after?: number; before?: number } | undefined;
  const middleOf = () => {
    if (middle) return middle;
    const rs = regionsOf();
    const headers = rs.filter((r) => r.mark === 'header');
    const footers = rs.filter((r) => r.mark === 'footer');
    middle = {
      ...(headers.length ? { after: Math.max(...headers.map((r) => r.end)) } : {}),
      ...(footers.length ? { before: Math.min(...footers.map((r) => r.order)) } : {}),
    };
    return middle;
  };

  const part = (el: Node): PagePart | undefined => {
    let n: Node | null | undefined = el;
    while (n && !page.info.has(n)) n = n.parent;
    const info = n && page.info.get(n);
    if (!info || n === body) return undefined;
    let header = false;
    let nav = false;
    let main = false;
    for (const r of regionsOf()) {
      if (r.order > info.order || info.order > r.end) continue;
      if (r.mark === 'footer') return 'footer';
      if (r.mark === 'nav') nav = true;
      else if (r.mark === 'header') header = true;
      else main = true;
    }
    if (nav) return 'nav';
    if (header) return 'header';
    if (main) return 'body';
    // Elsewhere only an element between the header and the footer is in the body; without one of
    // them, one clear of the page's first or last text. Before the header or after the footer
    // (a pop-up, a hidden box) the part is not said.
    const m = middleOf();
    const afterTop = m.after !== undefined ? info.order > m.after : info.before >= edge;
    const beforeBottom = m.before !== undefined ? info.order < m.before : info.before + info.textLen <= total - edge;
    return afterTop && beforeBottom ? 'body' : undefined;
  };

  return {
    part,
    selector,
    where(el, text) {
      const s = selector(el);
      if (s === undefined) return undefined;
      const p = part(el);
      return p ? { part: p, selector: s, text } : { selector: s, text };
    },
  };
}

/**
 * Selectors already made, so that the same ones on every page of a template (its header, menu and
 * footer) are kept once however many pages a crawl holds. Bounded: emptied when full.
 */
const MAX_INTERNED = 50_000;
const strings = new Map<string, string>();

function interned(s: string): string {
  const known = strings.get(s);
  if (known !== undefined) return known;
  if (strings.size >= MAX_INTERNED) strings.clear();
  strings.set(s, s);
  return s;
}

/** A <header> or <footer> of an article or section, not of the page. */
function sectioned(n: Node): boolean {
  for (let p = n.parent; p && p.type === 'tag'; p = p.parent) if (SECTIONING.has(p.name ?? '')) return true;
  return false;
}

/** The document's first <body>. */
function bodyOf(root: Node): Node | undefined {
  const html = (root.children ?? []).find((c) => c.name === 'html');
  return (html?.children ?? []).find((c) => c.name === 'body');
}
