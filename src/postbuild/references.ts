// What one built HTML page references (pages, assets, anchors) and which fragments it can be the
// target of: pure, one parse and one walk per page.
import { Parser } from 'htmlparser2';

/** Element → attributes holding one URL each. Fragments of the same page (href="#x") are references too. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);

/** What one HTML page references and which fragments it can be the target of. */
export interface PageReferences {
  /** The first <base href>, if any: relative references resolve against it. */
  baseHref?: string;
  /** Every URL as written, once each, in document order. */
  refs: string[];
  /** Every id, and every a[name]: what a fragment can point at. */
  ids: Set<string>;
}

/** The URLs of a srcset attribute, per the HTML candidate-list syntax (URLs may contain commas). */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]!) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !isSpace(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors ("2x", "480w") up to the next comma outside parentheses.
      let depth = 0;
      for (; i < value.length; i++) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** The URL of a <meta http-equiv="refresh"> content ("5; url='/x/'"), or undefined when it reloads itself. */
export function refreshUrl(content: string): string | undefined {
  const m = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  let url = (m?.[1] ?? '').trim();
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end < 0 ? url.slice(1) : url.slice(1, end);
  }
  return url || undefined;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;

/** The url(...) references of CSS text (a style attribute or a <style> element). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((u) => u !== '');
}

/**
 * Read the references and ids of one page in a single pass of htmlparser2's tokenizer (what cheerio
 * parses with; about twice as fast as parse5 on the 10 MB tables, and a built page is well-formed),
 * tags and attributes as they come, in document order, without building the page's tree: the tree
 * and its garbage were half the link check's time over 32,000 pages.
 */
export function extractReferences(html: string): PageReferences {
  const refs = new Set<string>();
  const ids = new Set<string>();
  let baseHref: string | undefined;
  // The text of the <style> element being read, if any (it may come in several pieces).
  let style: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === 'a' && attrs.name) ids.add(attrs.name);
        if (name === 'base' && baseHref === undefined && attrs.href !== undefined) baseHref = attrs.href;
        for (const attr of URL_ATTRIBUTES[name] ?? []) {
          const v = attrs[attr];
          if (v !== undefined) refs.add(v.trim());
        }
        if (SRCSET_ELEMENTS.has(name) && attrs.srcset) for (const u of parseSrcset(attrs.srcset)) refs.add(u);
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh' && attrs.content) {
          const u = refreshUrl(attrs.content);
          if (u) refs.add(u);
        }
        if (attrs.style?.includes('url(')) for (const u of cssUrls(attrs.style)) refs.add(u);
        if (name === 'style') style = '';
      },
      ontext(text) {
        if (style !== undefined) style += text;
      },
      onclosetag(name) {
        if (name !== 'style' || style === undefined) return;
        for (const u of cssUrls(style)) refs.add(u);
        style = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return baseHref === undefined ? { refs: [...refs], ids } : { baseHref, refs: [...refs], ids };
}

/** A fragment as a person reads it: percent-decoded when it decodes. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Whether a fragment ('' or 'top' scroll to the top; ':~:' starts a text directive) is satisfied by ids. */
export function anchorExists(fragment: string, ids: ReadonlySet<string>): boolean {
  const id = fragment.split(':~:')[0]!;
  if (id === '' || id.toLowerCase() === 'top') return true;
  return ids.has(id) || ids.has(decodeFragment(id));
}

