// A parsed node as the page readers see it, and what they read off one: attributes, class and id
// words, visible text, links and 更多 links. Nothing here knows the page model (model.ts).

/** The part of a parsed node these readers use (cheerio's DOM, without depending on its package). */
export interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  parent?: Node | null;
}

/** Elements whose content is never visible text of the page. */
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'select', 'option', 'textarea', 'iframe', 'object', 'svg']);
/** Elements that break a line in the visible text. */
export const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form', 'aside', 'main']);

/** Text of a 更多 link: 更多, 更多>>, more+, >>, [更多]. */
const MORE_TEXT = /^[[【(（]?((查看)?更多(信息|内容|新闻|文章)?|more|更多more)[>›»》+]*[\]】)）]?$|^[>›»》]{1,3}$|^\+$/i;
/** Words in an image's src or alt, or a link's class, that make it a 更多 link. */
const MORE_HINT = /more|gengduo|更多/i;

/** An attribute of a node, when it has one. */
export const attr = (n: Node, name: string) => n.attribs?.[name];
/** The class and id of a node as lower-case words (class="news_list" → news, list). */
export const words = (n: Node) => `${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
/** Whether a node is an element whose content can be visible (not a script, style, select…). */
export const isElement = (n: Node) => n.type === 'tag' && !INVISIBLE.has(n.name ?? '');
/** The visible element children of a node. */
export const elementChildren = (n: Node) => (n.children ?? []).filter(isElement);

/** Whitespace collapsed; none left between Chinese characters (要　　闻 → 要闻). */
export function tidy(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
}

/** Visible text of a node: no scripts, styles, comments or attributes; blocks separated by newlines. */
export function textOf(n: Node, skip?: (n: Node) => boolean): string {
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

/** The links (a[href]) inside a node, itself included, in page order. */
export function linksIn(n: Node): Node[] {
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
export function isMoreLink(a: Node): boolean {
  const text = tidy(textOf(a)).replace(/\s/g, '');
  if (text) return text.length <= 10 && MORE_TEXT.test(text);
  if (MORE_HINT.test(`${attr(a, 'class') ?? ''} ${attr(a, 'id') ?? ''}`)) return true;
  const img = (a.children ?? []).find((c) => c.name === 'img');
  return !!img && MORE_HINT.test(`${attr(img, 'src') ?? ''} ${attr(img, 'alt') ?? ''}`);
}

/** A text escaped to match itself literally in a RegExp. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
