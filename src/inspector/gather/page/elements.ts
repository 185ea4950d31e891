// The elements of a parsed page in document order, and by tag name: one walk of the document that
// every reader of the page shares. A selector query ($('a[href]')) walks every node of the document
// again and compiles its selector each time; a page's fifteen readers made some thirty such walks.
// The readers take their elements from here and test attributes themselves, in the same order and
// with the same result as the selector would give.
import type { CheerioAPI } from 'cheerio';
import { textContent } from 'domutils';
import { hasChildren, isTag, type AnyNode, type Element } from 'domhandler';

/** Every element of a document (script and style elements too), in document order, and by tag name. */
export interface Elements {
  all: readonly Element[];
  byName: ReadonlyMap<string, readonly Element[]>;
}

const indexes = new WeakMap<object, Elements>();

/**
 * The elements of a loaded document, walked once and kept with it. They are found as a selector
 * finds them: every node with children is entered, a template's content too.
 */
export function elementsOf($: CheerioAPI): Elements {
  const root = $.root()[0]!;
  const known = indexes.get(root);
  if (known) return known;
  const all: Element[] = [];
  const byName = new Map<string, Element[]>();
  // An explicit stack: a hostile page nests elements deeper than the call stack goes.
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isTag(n)) {
      const el = n;
      all.push(el);
      const same = byName.get(el.name);
      if (same) same.push(el);
      else byName.set(el.name, [el]);
    }
    const kids = 'children' in n ? n.children : undefined;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const elements = { all, byName };
  indexes.set(root, elements);
  return elements;
}

/** The document changed (elements were removed): the next reader walks it again. */
export function forgetElements($: CheerioAPI): void {
  indexes.delete($.root()[0]!);
}

/** The elements with one of these tag names, in document order (as $('a, area') gives them); the index's own list: read it, never change it. */
export function named($: CheerioAPI, ...names: string[]): readonly Element[] {
  const { all, byName } = elementsOf($);
  if (names.length === 1) return byName.get(names[0]!) ?? [];
  const wanted = new Set(names);
  return all.filter((el) => wanted.has(el.name));
}

/** Elements with this attribute (as [href] selects them, an empty value too). */
export const having = (name: string) => (el: Element) => el.attribs[name] !== undefined;

/** The href of the page's first <base href>, if it has one. */
export const baseHref = ($: CheerioAPI): string | undefined => named($, 'base').find(having('href'))?.attribs.href;

/** An element's text as cheerio's .text() gives it: every text node inside, scripts' too. */
export const textOf = (el: AnyNode): string => textContent(el);

/**
 * The elements inside (not itself) that pass, in document order, as $(el).find(selector) finds them.
 * The selector engine reads a find below an element whose parent is an element as relative to it, and
 * so reaches only what it reaches from element to element: not a template's content, which hangs from
 * the template as a document of its own. Below <html> (whose parent is the document) it reaches all.
 */
export function inside(el: Element, test: (el: Element) => boolean, limit = Infinity): Element[] {
  const throughDocuments = !(el.parent && isTag(el.parent));
  const out: Element[] = [];
  const stack: AnyNode[] = el.children.filter(isTag).reverse();
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (isTag(n) && test(n)) out.push(n);
    if ((isTag(n) || throughDocuments) && hasChildren(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** The first element inside (not itself) with this tag name (that passes), as $(el).find('img[alt]').first() finds it. */
export const firstInside = (el: Element, name: string, test: (el: Element) => boolean = () => true): Element | undefined =>
  inside(el, (c) => c.name === name && test(c), 1)[0];

/** The element itself or its nearest enclosing element that passes ($(el).closest(selector)). */
export function closest(el: Element, test: (el: Element) => boolean): Element | undefined {
  for (let n: AnyNode | null = el; n && isTag(n); n = n.parent) if (test(n)) return n;
  return undefined;
}

/** Whether an element encloses this one, as a descendant selector (`body ul`) asks: from element to element, so not from a template's content. */
export function within(el: Element, test: (el: Element) => boolean): boolean {
  for (let p = el.parent; p && isTag(p); p = p.parent) if (test(p)) return true;
  return false;
}

/** The enclosing elements, nearest first, up to the document ($(el).parents()). */
export function parentsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; p && p.type !== 'root'; p = p.parent) out.push(p as Element);
  return out;
}
