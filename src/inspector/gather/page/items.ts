// What a list shows: the title, link and date of each entry, and how many entries show no date
// that can be trusted.
import { isDateOnly } from '../dates.ts';
import { resolveLink } from '../urls.ts';
import { attr, linksIn, textOf, tidy } from './node.ts';
import { itemFacts, type List, type Page } from './model.ts';
import { locator } from './where.ts';
import type { DatedItem } from '../../snapshot.ts';

/**
 * How many of a list's month-day dates (in page order) keep their inferred year. Lists run newest
 * first, so once a date comes out newer than the one before it (beyond up to three pinned items on
 * top) the list has crossed into an earlier year that the page does not print: bjgjj.gov.cn lists
 * 06-08, 09-05, 06-21, 06-17, 02-12, 07-09, 02-21 spanning 2012–2017, and reading 02-21 as this
 * February would call a six-year-old list fresh. The dates after that point count as undated;
 * the ones before it are the newest and are read as the most recent such days, which can only
 * make a column look fresher than it is.
 */
function trustedInferred(dates: readonly string[]): number {
  let trusted = 0;
  for (let pinned = 0; pinned <= 3 && pinned < dates.length; pinned++) {
    let run = pinned + 1;
    while (run < dates.length && dates[run]! <= dates[run - 1]!) run++;
    trusted = Math.max(trusted, run);
  }
  return trusted;
}

/** What a list shows: its dated items and the count of entries with no readable date. */
export function readItems(page: Page, list: List): { items: DatedItem[]; undated: number } {
  const items: DatedItem[] = [];
  let undated = 0;
  const inferred = list.items.map((it) => itemFacts(page, it).date).filter((d) => d?.inferredYear).map((d) => d!.date);
  let keep = trustedInferred(inferred);
  for (const it of list.items) {
    const { link, date: when } = itemFacts(page, it);
    if (!when || (when.inferredYear && keep-- <= 0)) {
      undated++;
      continue;
    }
    const img = link && linksIn(link).length === 0 ? (link.children ?? []).find((c) => c.name === 'img') : undefined;
    // A card link holds its date too (<a><h4>title</h4><p>2026/11/19</p></a>): not part of the title.
    const text = link ? tidy(textOf(link, (x) => x !== link && (page.info.get(x)?.textLen ?? 99) <= 30 && isDateOnly(textOf(x), page.asOf))) : '';
    const title = link ? text || tidy(attr(link, 'title') ?? '') || tidy((img && attr(img, 'alt')) ?? '') : '';
    const url = link ? resolveLink(attr(link, 'href'), page.base) : undefined;
    // Only an item dated after the check can be named by a finding (a forged date): only its place is kept.
    const where = !when.inferredYear && when.date > page.asOf ? locator(page.$).where(it, title) : undefined;
    items.push({ title, ...(url ? { url } : {}), ...when, ...(where ? { where } : {}) });
  }
  return { items, undated };
}

/** How many entries of a list show a date. */
export const datedCount = (page: Page, list: List) => list.items.reduce((n, it) => n + (itemFacts(page, it).date ? 1 : 0), 0);
