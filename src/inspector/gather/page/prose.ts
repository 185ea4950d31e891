// An article's body: the longest prose outside links and list items. It tells an article with a
// few dated links beside it from a list page, and gates the weaker evidence of a publication date.
import { BLOCK_TAGS, isElement, type Node } from './node.ts';
import type { Page } from './model.ts';

/** Every node inside the entries of lists of three or more (shorter ones may be an article's parts). */
export function insideItems(page: Page): Set<Node> {
  if (page.inItems) return page.inItems;
  const min = 3;
  const out = new Set<Node>();
  const mark = (n: Node) => {
    out.add(n);
    for (const k of page.info.get(n)?.kids ?? []) mark(k);
  };
  for (const l of page.lists) if (l.items.length >= min) for (const it of l.items) mark(it);
  page.inItems = out;
  return out;
}

/**
 * The longest run of prose outside links and list items: an article's body. Counted per element
 * over its own text and inline children, plus its <p> children together, so that a list page's
 * many short items never add up.
 */
export function longestProse(page: Page): number {
  if (page.prose !== undefined) return page.prose;
  const inItems = insideItems(page);
  let longest = 0;
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.navLike || inItems.has(el) || el.name === 'a') continue;
    let own = 0;
    let paragraphs = 0;
    for (const c of el.children ?? []) {
      if (c.type === 'text') own += (c.data ?? '').trim().length;
      const ci = page.info.get(c);
      if (!ci || ci.links > 0 || inItems.has(c)) continue;
      if (c.name === 'p') paragraphs += ci.textLen;
      else if (!BLOCK_TAGS.has(c.name ?? '')) own += ci.textLen;
    }
    longest = Math.max(longest, own, paragraphs);
  }
  page.prose = longest;
  return longest;
}

/** An article has this much prose in one place; a list page's own text (intro, pager) is far shorter. */
export const ARTICLE_PROSE = 200;
