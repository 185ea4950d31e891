// The collection as the pages need it: checked ids, and each site's quarters.
import type { SiteQuarter } from '../schemas/findings.ts';
import type { ChartSpec } from './charts.ts';
import { vetoText } from './problems.ts';

/** What the pages need of a collection entry; Astro's entries fit this shape. */
export interface Entry {
  id: string;
  data: SiteQuarter;
}

/**
 * Throws when a file's place does not match its frontmatter (content/findings/<quarter>/<site>.md):
 * a file copied to the wrong folder would otherwise be published under the wrong quarter.
 */
export function checkEntryIds(entries: readonly Entry[]): void {
  const bad = entries.filter((e) => e.id !== `${e.data.quarter}/${e.data.site}`);
  if (bad.length) {
    throw new Error(`findings files in the wrong place: ${bad.map((e) => `${e.id}.md says ${e.data.quarter}/${e.data.site}`).join('; ')}`);
  }
}

/** One site's checks, newest quarter first, under the name of its latest check. */
export interface SiteHistory<T extends Entry> {
  site: string;
  name: string;
  entries: T[];
}

/** Entries grouped by site, sites in id order, each site's quarters newest first. */
export function bySite<T extends Entry>(entries: readonly T[]): SiteHistory<T>[] {
  return [...Map.groupBy(entries, (e) => e.data.site)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([site, es]) => {
      const sorted = [...es].sort((a, b) => (a.data.quarter < b.data.quarter ? 1 : a.data.quarter > b.data.quarter ? -1 : 0));
      return { site, name: sorted[0]!.data.name, entries: sorted };
    });
}

/**
 * The quarters a site page shows in full, every finding with its evidence: the newest check, and
 * the newest published one when the newest is a draft (what the office has stated, beside what is
 * under review). The page sums the older checks up (verdict, score, problems by indicator) and
 * links their quarter's open data, which has every finding: every quarter in full made the site
 * pages of 15,000 sites × 8 quarters 1.26 GB, over the 1 GB GitHub Pages publishes.
 */
export function quartersInFull(quarters: readonly string[], isDraft: (quarter: string) => boolean): Set<string> {
  const newest = [...quarters].sort().reverse();
  const published = newest.find((q) => !isDraft(q));
  return new Set([newest[0], published].filter((q): q is string => q !== undefined));
}

/**
 * A site's score per quarter, oldest first, for the line chart of its page. A fail is marked on its
 * point with what decided it (单项否决：站点无法访问, or the score under the pass line), so a
 * score near 100 never reads as a good result; a draft quarter's point says it is a draft.
 */
export function scoreHistory(checks: readonly SiteQuarter[], quarterLabel: (q: string) => string, isDraft: (quarter: string) => boolean = () => false): ChartSpec {
  const sorted = [...checks].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
  const notes = sorted.map((c) => {
    const parts = [...(c.verdict === 'fail' ? [c.vetoes.length ? `不合格，${vetoText(c.vetoes)}` : '不合格，得分低于合格分数线'] : []), ...(isDraft(c.quarter) ? ['草稿，复核中'] : [])];
    return parts.length ? parts.join('；') : undefined;
  });
  return {
    type: 'line',
    labels: sorted.map((c) => quarterLabel(c.quarter)),
    series: [{ label: '得分', values: sorted.map((c) => Math.round(c.score * 10) / 10), ...(notes.some(Boolean) ? { notes } : {}) }],
    unit: '分',
    min: 0,
    max: Math.max(100, ...sorted.map((c) => Math.ceil(c.score))),
  };
}
