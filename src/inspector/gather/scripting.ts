// Whether a page's static HTML can be read as a browser would show it, or scripts change what a
// visitor sees: the signals are read in the page's one parse (extract.ts), and `renderReasons`
// turns them into the reasons the crawl renders the page in Chromium (`--render auto`; the reasons
// are RenderReason in snapshot.ts). Pure.
import type { CheerioAPI } from 'cheerio';
import { isTag, type Element } from 'domhandler';
import { closest, elementsOf, named, textOf, within } from './page/elements.ts';
import type { RenderReason } from '../../schemas/findings.ts';
import type { PageFacts } from '../snapshot.ts';

/** What the scripts of a page may do to what it shows, read from its static HTML. */
export interface Scripting {
  /**
   * Inline scripts in the body that write content into the page where they stand (document.write of
   * links, list items, images or text; a write that only loads another script is not content).
   */
  writes: boolean;
  /** Scripts that fill the page after it loads: innerHTML, appendChild, XHR, fetch, jQuery's html/append/load. */
  fills: boolean;
  /** An inline script that sends the visitor elsewhere (location.replace, location.href = …). */
  redirects: boolean;
  /** Script elements, inline and loaded. */
  scripts: number;
  /** List containers with nothing in them (an empty ul, ol or tbody, or an empty box named like a list). */
  emptyContainers: number;
  /** The page is a frameset: its content is in its frames, which the crawl reads as pages. */
  frameset: boolean;
}

const WRITES = /document\s*\.\s*write(?:ln)?\s*\(/;
const FILLS = /\.innerHTML\s*[+]?=|insertAdjacentHTML|appendChild\s*\(|\.append\s*\(|\.prepend\s*\(|XMLHttpRequest|\bfetch\s*\(|\$\.(?:ajax|get|getJSON|post)\s*\(|\.load\s*\(\s*['"]|\.html\s*\(\s*[^)\s]/;
const REDIRECTS = /\blocation\s*\.\s*(?:replace|assign)\s*\(|\blocation(?:\s*\.\s*href)?\s*=[^=]|\bwindow\s*\.\s*navigate\s*\(/;
const isBody = (el: Element) => el.name === 'body';

/** Boxes Chinese CMS templates fill with a list: by id or class. */
const LIST_BOX = /list|news|xxgk|tzgg|gzdt|column|lanmu|con(?:tent)?\b|items?\b/i;

/** Markup that a visitor sees or a rule reads: links, list items, rows, images, or a run of Chinese text. */
const CONTENT = /<\s*(?:a|li|tr|td|img|p|h[1-6]|dd|dt|iframe)\b|[\u4e00-\u9fa5]{2,}/i;

/**
 * Whether the strings a script writes hold content. Its string literals are read with their escapes
 * and unescape()'s %XX undone; a loader that writes only <script src> or an empty <span> is not content.
 */
export function writesContent(js: string): boolean {
  for (const m of js.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    let lit = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(["'\\/`])/g, '$1');
    if (/%3C|%u[0-9a-f]{4}/i.test(lit)) lit = unescape(lit);
    if (CONTENT.test(lit)) return true;
  }
  return false;
}

/** Read the scripting signals of a loaded page; call before scripts are removed. */
export function readScripting($: CheerioAPI): Scripting {
  let writes = false;
  let fills = false;
  let redirects = false;
  const scripts = named($, 'script');
  for (const el of scripts) {
    if (el.attribs.src !== undefined) continue;
    const type = (el.attribs.type ?? '').toLowerCase();
    if (type && !/javascript|ecmascript|module/.test(type)) continue;
    const js = textOf(el);
    if (!writes && WRITES.test(js) && closest(el, isBody) && writesContent(js)) writes = true;
    if (!fills && FILLS.test(js)) fills = true;
    if (!redirects && REDIRECTS.test(js)) redirects = true;
  }
  // Inline handlers (onload="…") fill pages too.
  if (!fills) fills = elementsOf($).all.some((el) => el.attribs.onload !== undefined && FILLS.test(el.attribs.onload));
  let emptyContainers = 0;
  for (const el of named($, 'ul', 'ol', 'tbody', 'div', 'section')) {
    if (!within(el, isBody) || el.children.some(isTag) || textOf(el).trim() !== '') continue;
    if (el.name === 'ul' || el.name === 'ol' || el.name === 'tbody' || LIST_BOX.test(`${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`)) emptyContainers++;
  }
  return { writes, fills, redirects, scripts: scripts.length, emptyContainers, frameset: named($, 'frameset').length > 0 };
}

/** What the static reading of a home page must see for it to be read without a browser. */
const HOME_MARKS: readonly RegExp[] = [/conac\.cn/i, /ICP\s*[备证]/i, /公网安备/, /标识码/];

/**
 * The reasons to render a page in `auto`, none when its static reading decides. `homeLike` is the
 * home page or one of its frames; `html` is its decoded source.
 */
export function renderReasons(s: Scripting, facts: PageFacts, html: string, homeLike: boolean): RenderReason[] {
  const out: RenderReason[] = [];
  const text = facts.text.replace(/\s+/g, '');
  if (s.writes) out.push('write');
  const emptyList = s.emptyContainers > 0 || facts.list?.empty === true || facts.blocks.some((b) => b.items.length === 0 && b.undated === 0);
  if (s.fills && emptyList) out.push('list');
  if (s.redirects && text.length < 100) out.push('redirect');
  if (s.scripts > 0 && !s.frameset && text.length < 30) out.push('empty');
  if (homeLike && s.scripts > 0 && !s.frameset) {
    const lacks = !facts.errorReport || facts.search.length === 0 || HOME_MARKS.some((re) => !re.test(html));
    if (lacks) out.push('home-marks');
  }
  return out;
}
