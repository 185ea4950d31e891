// What the rules read from one page, in the same parse that finds its links (extract.ts).
// Each reader is pure over the loaded document; the order matters only in that the visible text is
// read last, after scripts and styles are removed.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { elementsOf, inside, named, parentsOf, textOf, within } from './page/elements.ts';
import type { Node } from './page/node.ts';
import type { Locator } from './page/where.ts';
import type { PageFacts, TextRun } from '../snapshot.ts';

/** Meta tag names of the national page-tag specification, in their canonical spelling. */
export const META_NAMES = [
  'SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType',
  'ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Image', 'Url',
] as const;
const CANONICAL = new Map(META_NAMES.map((n) => [n.toLowerCase(), n]));

/** The standard meta tags of a page, names matched case-insensitively; "" when present but empty. */
export function readMeta($: CheerioAPI): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of named($, 'meta')) {
    const name = el.attribs.name === undefined ? undefined : CANONICAL.get(el.attribs.name.trim().toLowerCase());
    if (name && !(name in out)) out[name] = (el.attribs.content ?? '').trim();
  }
  return out;
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form', 'option']);

/**
 * Visible text with a newline at every block boundary, so that words of different blocks never run
 * together. Call after scripts, styles and hidden templates are removed.
 */
export function visibleText($: CheerioAPI): string {
  return readVisibleText($).text;
}

/**
 * The visible text (as visibleText gives it) and, with a locator, where its Chinese text is: a run
 * starts at the first Chinese character after the innermost block holding the text changes, so
 * that every wording error (always Chinese) lies in the run of its block. Call after scripts,
 * styles and hidden templates are removed.
 */
export function readVisibleText($: CheerioAPI, where?: Locator): { text: string; runs: TextRun[] } {
  const parts: string[] = [];
  let length = 0;
  // Where each run starts in the text as joined, and its block.
  const starts: Array<{ at: number; block: Node }> = [];
  let current: Node | undefined;
  const walk = (nodes: readonly Node[], block: Node) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        const data = n.data ?? '';
        if (where && block !== current) {
          const i = data.search(HAN);
          if (i >= 0) {
            starts.push({ at: length + i, block });
            current = block;
          }
        }
        parts.push(data);
        length += data.length;
      } else if ((n.type === 'tag' || n.type === 'root') && n.children) {
        const isBlock = n.name !== undefined && BLOCK_TAGS.has(n.name);
        if (isBlock) parts.push('\n');
        length += isBlock ? 1 : 0;
        walk(n.children, isBlock ? n : block);
        if (isBlock) parts.push('\n');
        length += isBlock ? 1 : 0;
      }
    }
  };
  const body = named($, 'body');
  const top = (body.length ? body : $.root().toArray()) as unknown as Node[];
  walk(top, top[0]!);
  const joined = parts.join('');
  const text = joined
    .replace(/[ \t\u00a0\u3000\r]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
  if (!where || starts.length === 0) return { text, runs: [] };
  const at = alignOffsets(joined, text, starts.map((s) => s.at));
  const runs = starts.map((s, i): TextRun => {
    const part = where.part(s.block);
    return { at: at[i]!, ...(part ? { part } : {}), selector: where.selector(s.block) ?? 'body' };
  });
  return { text, runs };
}

/** A Chinese character. */
const HAN = /\p{Script=Han}/u;

/** Whether a UTF-16 code unit is whitespace as \s and trim() see it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Offsets in `tidy` of the characters at `offsets` of `raw` (ascending, none on whitespace), where
 * `tidy` is `raw` with whitespace collapsed or dropped and nothing else changed.
 */
function alignOffsets(raw: string, tidy: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  let k = 0;
  for (let i = 0; i < raw.length && k < offsets.length; i++) {
    if (isSpace(raw.charCodeAt(i))) continue;
    while (j < tidy.length && isSpace(tidy.charCodeAt(j))) j++;
    if (i === offsets[k]) {
      out.push(j);
      k++;
    }
    j++;
  }
  return out;
}

/** Facts of a page before any reader has run: nothing found. */
export function emptyFacts(): PageFacts {
  return {
    meta: {}, text: '', blocks: [], breadcrumb: [], nav: [], menu: [], channels: [], messages: [], search: [],
    errorReport: false, hiddenLinks: [], futureDates: [], header: '',
  };
}

/** Containers of a page header on Chinese CMS templates: <header>, or an id or class with one of these words. */
const HEADER_WORD = /head|logo|top|banner/;
const isHeaderBox = (el: Element) => el.name === 'header' || HEADER_WORD.test(el.attribs.id?.toLowerCase() ?? '') || HEADER_WORD.test(el.attribs.class?.toLowerCase() ?? '');
/** What is never a header box, however named. */
const NOT_HEADER = new Set(['html', 'body', 'meta', 'link', 'script', 'style']);

/**
 * The header's text and image alt texts (a logo usually is an image): where the national table
 * wants the site's name shown. Falls back to the first lines of the page when no container is named so.
 */
export function readHeader($: CheerioAPI): string {
  const parts: string[] = [];
  const boxes = elementsOf($).all.filter((el) => isHeaderBox(el) && !NOT_HEADER.has(el.name) && !parentsOf(el).some(isHeaderBox));
  for (const el of boxes.slice(0, 6)) parts.push(textOf(el), ...inside(el, (img) => img.name === 'img' && img.attribs.alt !== undefined).map((img) => img.attribs.alt!));
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (text) return text.slice(0, 2000);
  const firstImages = named($, 'img').filter((img) => img.attribs.alt !== undefined && within(img, (p) => p.name === 'body')).slice(0, 3).map((img) => img.attribs.alt).join(' ');
  // The first lines of the page, but not its footer: the bottom frame of a frameset home page is all
  // footer, and its 主办单位 line is no header.
  const body = $('body').clone();
  body.find(FOOTER_SELECTOR).remove();
  return `${firstImages} ${body.text().replace(/\s+/g, ' ').trim().slice(0, 300)}`.trim();
}

/** Containers of a page footer on Chinese CMS templates. */
const FOOTER_SELECTOR = 'footer, [id*="foot" i], [class*="foot" i], [id*="bottom" i], [class*="bottom" i], [id*="copyright" i], [class*="copyright" i], [class*="banquan" i], [id*="banquan" i], [class*="dibu" i], [id*="dibu" i]';
