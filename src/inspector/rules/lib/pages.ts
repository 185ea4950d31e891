// Read-side helpers the rules share over a snapshot's pages.
import type { PageSnapshot, SiteSnapshot } from '../../snapshot.ts';

/** The home page as read, when it loaded. */
export function homePage(s: SiteSnapshot): PageSnapshot | undefined {
  return s.pages.find((p) => p.depth === 0);
}

/** The home page and the same-site frames it is made of (chinatax.gov.cn is three iframes). */
export function homeParts(s: SiteSnapshot): PageSnapshot[] {
  const home = homePage(s);
  if (!home) return [];
  const frames = new Set(s.links.filter((l) => l.kind === 'frame' && l.referrers.includes(home.url)).map((l) => l.url));
  return [home, ...s.pages.filter((p) => p.depth > 0 && frames.has(p.url))];
}

/** The URL findings about the whole site point at: the home page as registered. */
export const siteTarget = (s: SiteSnapshot) => s.site.url;
