// Tabs: several headings over several lists, one shown at a time. A tab entry is mapped to its
// panel by id (setTab('one',2) → con_one_2) or, when there are as many panels as tabs, by order.
import { attr, escapeRe, isElement, linksIn, type Node } from './node.ts';
import { contains, kidsOf, type List, type Page } from './model.ts';
import { datedCount } from './items.ts';
import { headingName, isHeadingElement } from './headings.ts';

/** The key and number of a tab entry: setTab('one',2,4) or id="one2". */
function tabKey(entry: Node): { key: string; n: string } | undefined {
  const handler = `${attr(entry, 'onmouseover') ?? ''} ${attr(entry, 'onclick') ?? ''} ${attr(entry, 'onmouseenter') ?? ''}`;
  const h = /\(\s*['"]([A-Za-z][\w-]*)['"]\s*,\s*(\d+)/.exec(handler);
  if (h) return { key: h[1]!, n: h[2]! };
  const id = /^([A-Za-z][A-Za-z_-]*?)[_-]?(\d+)$/.exec(attr(entry, 'id') ?? '');
  return id ? { key: id[1]!, n: id[2]! } : undefined;
}

/** The panel of a tab entry by id: aria-controls, or one1 → con_one_1, three2 → three_con2, one2 → one_con2. */
export function panelById(page: Page, entry: Node): Node | undefined {
  // ARIA: the pane the tab says it controls.
  const controls = attr(entry, 'aria-controls');
  if (controls) {
    const el = page.ids.get(controls);
    if (el && el !== entry) return el;
  }
  const k = tabKey(entry);
  if (!k) return undefined;
  const re = new RegExp(`^(con|cont|content|tab|box|list|c)?[_-]?${escapeRe(k.key)}[_-]?(con|cont|content|box|list|c|tab|nr|bd)?[_-]?${k.n}$`, 'i');
  for (const [id, el] of page.ids) if (el !== entry && id !== attr(entry, 'id') && re.test(id) && !/^more/i.test(id)) return el;
  return undefined;
}

/** The 更多 link of a tab by id: more_one_2. */
export function moreById(page: Page, entry: Node): Node | undefined {
  const k = tabKey(entry);
  if (!k) return undefined;
  const re = new RegExp(`^more[_-]?${escapeRe(k.key)}[_-]?${k.n}$`, 'i');
  for (const [id, el] of page.ids) if (re.test(id)) return linksIn(el)[0];
  return undefined;
}

/**
 * Panels of a strip by order, when their number equals the number of tabs: either the children of
 * the element right after the strip (alt.gov.cn: 3 tabs, <div class=tab_cont> with 3 <ul>), or the
 * strip's next siblings of one tag and class (baqiao: 3 tabs, 3 <div class="tabshow1">).
 */
export function panelsByOrder(page: Page, strip: Node, count: number): Node[] | undefined {
  let x: Node = strip;
  for (let up = 0; up < 3 && x.parent && x.parent.name !== 'body'; up++) {
    const siblings = kidsOf(page, x.parent);
    // The box's one 更多 may sit beside the strip: it is no panel.
    const after = siblings.slice(siblings.indexOf(x) + 1).filter((s) => {
      const i = page.info.get(s)!;
      return i.hasList || (i.textLen > 0 && !(i.links > 0 && i.more === i.links));
    });
    const next = after[0];
    if (next) {
      const shape = (n: Node) => `${n.name}.${attr(n, 'class') ?? ''}`;
      // Through wrappers that hold one list-bearing child (a row, its cell, div.tab_cont), but not
      // into the one filled pane among empty ones of its shape (a blank column's tab beside it).
      let box = next;
      for (let d = 0; d < 3; d++) {
        const holders = kidsOf(page, box).filter((k) => page.info.get(k)!.hasList);
        const alone = holders.length === 1 && kidsOf(page, box).filter((k) => shape(k) === shape(holders[0]!)).length === 1;
        if (!alone || page.info.get(holders[0]!)!.list || page.info.get(box)!.list) break;
        box = holders[0]!;
      }
      const kids = kidsOf(page, box).filter((k) => page.info.get(k)!.hasList);
      if (kids.length === count && !page.info.get(box)!.list && kids.every((k) => k.name === kids[0]!.name)) return kids;
      // A pane whose list is empty is one of them all the same: children of the filled panes' shape.
      const first = kids[0];
      if (first && !page.info.get(box)!.list) {
        const alike = kidsOf(page, box).filter((k) => shape(k) === shape(first));
        if (alike.length === count && alike.length > kids.length) return alike;
      }
      const run = after.slice(0, count);
      const same = run.length === count && run.every((s) => shape(s) === shape(next) && page.info.get(s)!.hasList);
      if (same && (after.length === count || shape(after[count]!) !== shape(next))) return run;
      return undefined;
    }
    x = x.parent;
  }
  return undefined;
}

/** Whether a panel holds headings of its own: then it is a group of blocks, not one tab's list. */
export function hasOwnHeading(page: Page, panel: Node): boolean {
  let found = false;
  const walk = (x: Node) => {
    if (found || !isElement(x) || page.info.get(x)?.list) return;
    if (isHeadingElement(x) && headingName(page, x)) found = true;
    else for (const c of x.children ?? []) walk(c);
  };
  for (const c of panel.children ?? []) walk(c);
  return found;
}

/** The list a panel shows: the one with most dated items, then most items. */
export function panelList(page: Page, panel: Node): List | undefined {
  let best: List | undefined;
  let bestScore = -1;
  for (const l of page.lists) {
    if (!contains(page, panel, l.el)) continue;
    const score = datedCount(page, l) * 1000 + l.items.length;
    if (score > bestScore) [best, bestScore] = [l, score];
  }
  return best;
}
