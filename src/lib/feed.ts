// The Atom feed of the quarterly notices (src/pages/feed.xml.ts): one entry per quarter, no build time in it.
import { Feed } from 'feed';
import { formatDateRange, formatPercent, formatScore } from './format.ts';
import { noticeTitle } from './notice.ts';
import { PORTAL_NAME } from './portal.ts';
import type { QuarterSummary } from './quarters.ts';

/** Absolute URLs the feed links to; the page builds them from Astro.site and the base. */
export interface FeedLinks {
  /** The portal's home page. */
  home: string;
  /** The feed itself (rel=self, and the feed's id). */
  self: string;
  /** A quarter's notice page. */
  quarter: (quarter: string) => string;
}

/**
 * Midnight of a date in China (UTC+8, no daylight saving): the checks are dated in Beijing time,
 * so a reader in China sees the same day as the notice.
 */
export function asOfInstant(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The headline figures in the words of the notice's 总体情况. */
export function noticeSummary(s: QuarterSummary): string {
  return `以${formatDateRange(s.asOf)}为监测时间点，本季度共检查政府网站 ${s.sites} 个，发现不合格网站 ${s.failed} 个，合格率 ${formatPercent(s.passRate)}%，平均得分 ${formatScore(s.averageScore)} 分。`;
}

/** One issued notice for the feed. */
export interface FeedNotice {
  summary: QuarterSummary;
  /** 发布日期; a notice published before the date was recorded falls back to its as-of date. */
  published?: string;
  /** The latest correction (勘误), if any: the entry's updated. */
  corrected?: string;
}

/**
 * Atom 1.0 over the published notices, newest quarter first; a draft is never an entry (a feed
 * reader would pass it on as issued). An entry is dated by its publication (published) and its
 * latest correction or else its publication (updated); the feed by the latest entry, so rebuilding
 * the same data gives the same bytes; with no notice at all it is the Unix epoch (Atom requires a
 * date, and the build time would vary).
 */
export function atomFeed(notices: readonly FeedNotice[], links: FeedLinks): string {
  const sorted = [...notices].sort((a, b) => (a.summary.quarter < b.summary.quarter ? 1 : a.summary.quarter > b.summary.quarter ? -1 : 0));
  const issued = (n: FeedNotice) => n.published ?? n.summary.asOf.to;
  const updated = (n: FeedNotice) => n.corrected ?? issued(n);
  const latest = sorted.map(updated).sort().at(-1);
  const feed = new Feed({
    id: links.self,
    title: `${PORTAL_NAME} · 检查通报`,
    description: '各季度政府网站检查情况的通报',
    link: links.home,
    feed: links.self,
    language: 'zh-CN',
    updated: latest ? asOfInstant(latest) : new Date(0),
    author: { name: PORTAL_NAME, link: links.home },
    generator: false,
  });
  for (const n of sorted) {
    const url = links.quarter(n.summary.quarter);
    feed.addItem({ title: noticeTitle(n.summary.quarter), id: url, link: url, date: asOfInstant(updated(n)), published: asOfInstant(issued(n)), description: noticeSummary(n.summary) });
  }
  return `${feed.atom1()}\n`;
}
