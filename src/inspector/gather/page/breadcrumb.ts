// The breadcrumb of a page: the column names after 当前位置 / 您的位置, or in an element classed
// breadcrumb, without 首页 or 正文.
import type { CheerioAPI } from 'cheerio';
import { isElement, textOf, tidy, words, type Node } from './node.ts';
import { pageOf } from './model.ts';
import { NOT_CRUMB } from './names.ts';

/** The words that introduce a breadcrumb. */
const CRUMB_LABEL = /(当前位置|您的位置|你的位置|所在位置|现在的位置|您现在的位置|您现在所在的位置|当前的位置)\s*[:：]?/;
/** Class or id words of a breadcrumb without a label. */
const CRUMB_WORDS = new Set(['breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'position', 'location', 'weizhi', 'dqwz', 'bread', 'lujing', 'path', 'currentpath']);
/** Separators between breadcrumb names. */
const CRUMB_SEP = /\s*(?:>>|->|[>›»＞/→]|&gt;)\s*/;

/** The names of a breadcrumb element, from a start node on: links whole, text split at separators. */
function crumbNames(container: Node, after?: Node): string[] {
  const names: string[] = [];
  let started = after === undefined;
  const walk = (n: Node) => {
    if (n === after) {
      started = true;
      const rest = (n.data ?? '').split(CRUMB_LABEL).pop() ?? '';
      names.push(...rest.split(CRUMB_SEP));
      return;
    }
    if (n.type === 'text') {
      if (started) names.push(...(n.data ?? '').split(CRUMB_SEP));
      return;
    }
    if (!isElement(n)) return;
    if (n.name === 'a' && started) {
      names.push('\u0000', textOf(n), '\u0000');
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(container);
  return names.map((s) => tidy(s)).filter((s) => s && s !== '\u0000' && !NOT_CRUMB.test(s) && !CRUMB_LABEL.test(s) && s.length <= 30);
}

/** Breadcrumb names after 当前位置 / 您的位置 (or in an element classed breadcrumb), without 首页; outermost first. */
export function readBreadcrumb($: CheerioAPI): string[] {
  const page = pageOf($);
  let label: Node | undefined;
  const find = (n: Node) => {
    if (label) return;
    if (n.type === 'text' && CRUMB_LABEL.test(n.data ?? '')) label = n;
    else if (isElement(n) || n.type === 'root') for (const c of n.children ?? []) find(c);
  };
  find(page.root);
  if (label) {
    // The label often sits alone in a <span> or <td>: climb to the element that holds the links too.
    for (let p = label.parent, i = 0; p && p.type === 'tag' && i < 4; p = p.parent, i++) {
      const info = page.info.get(p);
      if (!info || info.textLen > 300) break;
      if (info.links > 0) return crumbNames(p, label);
    }
    return crumbNames(label.parent ?? label, label);
  }
  for (const [el, info] of page.info) {
    if (isElement(el) && info.links > 0 && info.textLen <= 300 && words(el).some((w) => CRUMB_WORDS.has(w))) return crumbNames(el);
  }
  return [];
}
