// What the rules read from one page, in the same parse that finds its links (extract.ts).
// Each reader is pure over the loaded document; the order matters only in that the visible text is
// read last, after scripts and styles are removed.
import type { CheerioAPI } from 'cheerio';
import type { PageFacts } from '../snapshot.ts';

/** Meta tag names of the national page-tag specification, in their canonical spelling. */
export const META_NAMES = [
  'SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType',
  'ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Image', 'Url',
] as const;
const CANONICAL = new Map(META_NAMES.map((n) => [n.toLowerCase(), n]));

/** The standard meta tags of a page, names matched case-insensitively; "" when present but empty. */
export function readMeta($: CheerioAPI): Record<string, string> {
  const out: Record<string, string> = {};
  $('meta[name]').each((_, el) => {
    const name = CANONICAL.get(($(el).attr('name') ?? '').trim().toLowerCase());
    if (name && !(name in out)) out[name] = ($(el).attr('content') ?? '').trim();
  });
  return out;
}

/** The part of a parsed node the text walk needs (cheerio's DOM, without depending on its package). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form', 'option']);

/**
 * Visible text with a newline at every block boundary, so that words of different blocks never run
 * together. Call after scripts, styles and hidden templates are removed.
 */
export function visibleText($: CheerioAPI): string {
  const parts: string[] = [];
  const walk = (nodes: readonly DomNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.data ?? '');
      else if ((n.type === 'tag' || n.type === 'root') && n.children) {
        const block = n.name !== undefined && BLOCK_TAGS.has(n.name);
        if (block) parts.push('\n');
        walk(n.children);
        if (block) parts.push('\n');
      }
    }
  };
  const body = $('body');
  walk((body.length ? body.toArray() : $.root().toArray()) as unknown as DomNode[]);
  return parts
    .join('')
    .replace(/[ \t\u00a0\u3000\r]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/** Facts of a page before any reader has run: nothing found. */
export function emptyFacts(): PageFacts {
  return {
    meta: {}, text: '', blocks: [], breadcrumb: [], nav: [], menu: [], channels: [], messages: [], search: [],
    errorReport: false, hiddenLinks: [], futureDates: [], header: '',
  };
}

/** Containers of a page header on Chinese CMS templates. */
const HEADER_SELECTOR = 'header, [id*="head" i], [class*="head" i], [id*="logo" i], [class*="logo" i], [id*="top" i], [class*="top" i], [id*="banner" i], [class*="banner" i]';

/**
 * The header's text and image alt texts (a logo usually is an image): where the national table
 * wants the site's name shown. Falls back to the first lines of the page when no container is named so.
 */
export function readHeader($: CheerioAPI): string {
  const parts: string[] = [];
  $(HEADER_SELECTOR)
    .filter((_, el) => !$(el).is('html, body, meta, link, script, style') && !$(el).parents(HEADER_SELECTOR).length)
    .slice(0, 6)
    .each((_, el) => {
      const $el = $(el);
      parts.push($el.text(), ...$el.find('img[alt]').map((_i, img) => $(img).attr('alt') ?? '').get());
    });
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (text) return text.slice(0, 2000);
  const firstImages = $('body img[alt]').slice(0, 3).map((_i, img) => $(img).attr('alt') ?? '').get().join(' ');
  return `${firstImages} ${$('body').text().replace(/\s+/g, ' ').trim().slice(0, 300)}`.trim();
}
