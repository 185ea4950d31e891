// Column blocks of a home or hub page: a heading, its 更多 link and the dated list under it, one
// block per tab when a tab strip maps clearly onto its lists; a tab that maps to nothing is skipped.
import type { CheerioAPI } from 'cheerio';
import { resolveLink } from '../urls.ts';
import { attr, isElement, isMoreLink, linksIn, type Node } from './node.ts';
import { contains, pageOf, type List, type Page } from './model.ts';
import { readItems } from './items.ts';
import { headingName, headingOf, moreIn, moreOf, nameFromTarget, tabEntries, type Heading } from './headings.ts';
import { hasOwnHeading, moreById, panelById, panelList, panelsByOrder } from './tabs.ts';
import { locator } from './where.ts';
import type { Block } from '../../snapshot.ts';

/** One block per tab whose panel is known; the lists of every strip's panels are claimed either way. */
function tabBlocks(page: Page, claimed: Set<Node>): [number, Block][] {
  const blocks: [number, Block][] = [];
  const seen = new Set<Node>();
  for (const [el, info] of page.info) {
    if (info.navLike || seen.has(el) || !isElement(el)) continue;
    if (info.textLen === 0) continue;
    const entries = tabEntries(page, el, 1);
    if (!entries.length) continue;
    seen.add(el);
    let panels: (Node | undefined)[] = entries.map((e) => panelById(page, e));
    if (panels.some((p) => !p)) panels = entries.length > 1 ? panelsByOrder(page, el, entries.length) ?? [] : [];
    // A lone heading with a handler but no panel of its own is a plain heading.
    if (entries.length === 1 && !panels[0]) continue;
    if (info.list) claimed.add(el);
    entries.forEach((entry, i) => {
      const panel = panels[i];
      if (!panel || hasOwnHeading(page, panel)) return;
      for (const l of page.lists) if (contains(page, panel, l.el)) claimed.add(l.el);
      const list = panelList(page, panel);
      const heading = headingName(page, entry);
      if (!list || !heading) return;
      // One 更多 for the whole box, beside the strip: the first tab's (the pane a visitor sees).
      const more = moreById(page, entry) ?? moreIn(panel) ?? (i === 0 ? boxMore(page, el, panels) : undefined);
      const moreUrl = more ? resolveLink(attr(more, 'href'), page.base) : undefined;
      blocks.push([page.info.get(list.el)!.order, makeBlock(page, heading, moreUrl, list)]);
    });
  }
  return blocks;
}

/** A 更多 link beside a tab strip (in its parent, outside every panel), or undefined. */
function boxMore(page: Page, strip: Node, panels: readonly (Node | undefined)[]): Node | undefined {
  const box = strip.parent;
  if (!box || !isElement(box)) return undefined;
  return linksIn(box).find((a) => isMoreLink(a) && !contains(page, strip, a) && !panels.some((p) => p && contains(page, p, a)));
}

function makeBlock(page: Page, heading: Heading, more: string | undefined, list: List): Block {
  const { items, undated } = readItems(page, list);
  const where = heading.el && locator(page.$).where(heading.el, heading.name);
  return {
    name: heading.name,
    ...(more ? { more } : {}),
    ...(heading.url ? { headingUrl: heading.url } : {}),
    items,
    undated,
    ...(where ? { where } : {}),
  };
}

/** Column blocks of a home or hub page: heading, 更多 link and the items of its list, one block per tab when tabs map clearly. */
export function readBlocks($: CheerioAPI, pageUrl: string, asOf: string): Block[] {
  const page = pageOf($, pageUrl, asOf);
  const claimed = new Set<Node>();
  const found: [number, Block][] = tabBlocks(page, claimed);
  for (const list of page.lists) {
    const info = page.info.get(list.el)!;
    if (info.navLike || claimed.has(list.el)) continue;
    const at = headingOf(page, list);
    if (!at) continue;
    const more = moreOf(page, at);
    const moreUrl = more ? resolveLink(attr(more, 'href'), page.base) : undefined;
    let heading: Heading | undefined = at.heading === 'image' ? undefined : at.heading;
    if (at.heading === 'image' && more && moreUrl) {
      // The heading is the image; its name is what the page's other link to the column says.
      const name = nameFromTarget(page, moreUrl, more);
      if (name) heading = { name, el: at.region };
    }
    if (!heading) continue;
    found.push([page.info.get(list.el)!.order, makeBlock(page, heading, moreUrl, list)]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}
