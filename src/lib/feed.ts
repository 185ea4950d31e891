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
 * Midnight of an as-of date in China (UTC+8, no daylight saving): the checks are dated in Beijing time,
 * so a reader in China sees the same day as the notice.
 */
export function asOfInstant(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The headline figures in the words of the notice's 总体情况. */
export function noticeSummary(s: QuarterSummary): string {
  return `以${formatDateRange(s.asOf)}为监测时间点，本季度共检查政府网站 ${s.sites} 个，发现不合格网站 ${s.failed} 个，合格率 ${formatPercent(s.passRate)}%，平均得分 ${formatScore(s.averageScore)} 分。`;
}

/**
 * Atom 1.0 over the quarters' summaries, newest first. An entry's updated is its quarter's latest
 * as-of date and the feed's the latest of all, so rebuilding the same data gives the same bytes;
 * with no quarter at all it is the Unix epoch (Atom requires a date, and the build time would vary).
 * A quarter in `drafts` (not yet published: npm run publish) is titled as a draft.
 */
export function atomFeed(summaries: readonly QuarterSummary[], links: FeedLinks, drafts: ReadonlySet<string> = new Set()): string {
  const sorted = [...summaries].sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0));
  const latest = sorted.map((s) => s.asOf.to).sort().at(-1);
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
  for (const s of sorted) {
    const url = links.quarter(s.quarter);
    const draft = drafts.has(s.quarter);
    feed.addItem({ title: `${noticeTitle(s.quarter)}${draft ? '（草稿，尚未正式发布）' : ''}`, id: url, link: url, date: asOfInstant(s.asOf.to), description: noticeSummary(s) });
  }
  return `${feed.atom1()}\n`;
}
