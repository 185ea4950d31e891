// The Atom feeds: the quarterly notices (src/pages/feed.xml.ts), one entry per quarter; and each
// site's and each unit's (src/pages/sites/[site]/feed.xml.ts, units/[unit]/feed.xml.ts), one entry
// per published check, so a unit's web editor follows its own sites. Drafts are never entries; no
// build time is in any of them.
import { Feed } from 'feed';
import type { SiteQuarter } from '../schemas/findings.ts';
import { formatDate, formatDateRange, formatPercent, formatScore } from './format.ts';
import { noticeTitle } from './notice.ts';
import { PORTAL_NAME } from './portal.ts';
import { problemText, verdictText, vetoText } from './problems.ts';
import type { QuarterStatus } from './quarter-status.ts';
import { quarterName, type QuarterSummary } from './quarters.ts';

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

/** The headline figures in the words of the notice's 总体情况; 专栏 entities are counted apart from websites (seed 004). */
export function noticeSummary(s: QuarterSummary): string {
  const when = `以${formatDateRange(s.asOf)}为监测时间点，本季度共检查`;
  const rate = `合格率 ${formatPercent(s.passRate)}%，平均得分 ${formatScore(s.averageScore)} 分。`;
  if (!s.columns) return `${when}政府网站 ${s.sites} 个，发现不合格网站 ${s.failed} 个，${rate}`;
  const c = s.columns;
  if (s.sites === 0) return `${when}专栏 ${c.checked} 个，发现不合格专栏 ${c.failed} 个，专栏${rate}`;
  return `${when}政府网站 ${s.sites} 个、专栏 ${c.checked} 个，发现不合格网站 ${s.failed} 个、不合格专栏 ${c.failed} 个，网站${rate}`;
}

/** One issued notice for the feed. */
export interface FeedNotice extends NoticeDates {
  summary: QuarterSummary;
}

/** A published notice's dates (YYYY-MM-DD). */
export interface NoticeDates {
  /** 发布日期; a notice published before the date was recorded falls back to its as-of date. */
  published?: string;
  /** The latest correction (勘误), if any: the entry's updated. */
  corrected?: string;
}

/** A quarter's notice dates when it is published; undefined for a draft, which no feed lists. */
export function noticeDates(status: QuarterStatus): NoticeDates | undefined {
  if (status.state !== 'published') return undefined;
  const corrected = status.errata.map((e) => e.date).sort().at(-1);
  return { ...(status.published ? { published: status.published } : {}), ...(corrected ? { corrected } : {}) };
}

/** One entry: its dates as YYYY-MM-DD, midnight in Beijing. */
interface Entry {
  title: string;
  id: string;
  link: string;
  published: string;
  updated: string;
  summary: string;
}

/**
 * Atom 1.0 over entries, in the order given. The feed is dated by its latest entry, so rebuilding
 * the same data gives the same bytes; with no entry at all it is the Unix epoch (Atom requires a
 * date, and the build time would vary).
 */
function atom(head: { title: string; description: string; home: string; self: string }, entries: readonly Entry[]): string {
  const latest = entries.map((e) => e.updated).sort().at(-1);
  const feed = new Feed({
    id: head.self,
    title: head.title,
    description: head.description,
    link: head.home,
    feed: head.self,
    language: 'zh-CN',
    updated: latest ? asOfInstant(latest) : new Date(0),
    author: { name: PORTAL_NAME, link: head.home },
    generator: false,
  });
  for (const e of entries) feed.addItem({ title: e.title, id: e.id, link: e.link, date: asOfInstant(e.updated), published: asOfInstant(e.published), description: e.summary });
  return `${feed.atom1()}\n`;
}

/** Newest quarter first. */
const byQuarterDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** An entry's dates: its notice's publication (else the check's as-of date), and its latest erratum (else the publication). */
function entryDates(dates: NoticeDates, asOf: string): Pick<Entry, 'published' | 'updated'> {
  const published = dates.published ?? asOf;
  return { published, updated: dates.corrected ?? published };
}

/**
 * Atom 1.0 over the published notices, newest quarter first; a draft is never an entry (a feed
 * reader would pass it on as issued). An entry is dated by its publication (published) and its
 * latest correction or else its publication (updated).
 */
export function atomFeed(notices: readonly FeedNotice[], links: FeedLinks): string {
  const entries = [...notices]
    .sort((a, b) => byQuarterDesc(a.summary.quarter, b.summary.quarter))
    .map((n): Entry => {
      const url = links.quarter(n.summary.quarter);
      return { title: noticeTitle(n.summary.quarter), id: url, link: url, ...entryDates(n, n.summary.asOf.to), summary: noticeSummary(n.summary) };
    });
  return atom({ title: `${PORTAL_NAME} · 检查通报`, description: '各季度政府网站检查情况的通报', home: links.home, self: links.self }, entries);
}

/** Links of a site's or a unit's feed: its page, the feed itself, and where an entry points. */
export interface OwnFeedLinks {
  /** The site's or unit's page. */
  home: string;
  self: string;
  /** A site's check of a quarter on its page (the section's anchor). */
  check: (site: string, quarter: string) => string;
}

/**
 * One site's feed: an entry per published check, newest first, titled with its verdict (a veto
 * named) and score, its summary the problems as the notice lists them. `notice` gives a quarter's
 * dates, undefined for a draft, whose check is left out.
 */
export function siteFeed(name: string, checks: readonly SiteQuarter[], notice: (quarter: string) => NoticeDates | undefined, links: OwnFeedLinks): string {
  const entries = checks
    .filter((c) => notice(c.quarter))
    .sort((a, b) => byQuarterDesc(a.quarter, b.quarter))
    .map((c): Entry => {
      const url = links.check(c.site, c.quarter);
      return {
        title: `${name}：${quarterName(c.quarter)}检查${verdictText(c)}，得分 ${formatScore(c.score)} 分`,
        id: url,
        link: url,
        ...entryDates(notice(c.quarter)!, c.asOf),
        summary: `检查发现的问题：${problemText(c)}。共 ${c.findings.length} 条问题，每条的证据和整改方法见网站页面。`,
      };
    });
  return atom({ title: `${name} · 检查结果`, description: `${name}各季度已发布的检查结果`, home: links.home, self: links.self }, entries);
}

/** Failing sites a unit feed's entry names; past them it counts. */
export const UNIT_FEED_NAMED = 50;

/**
 * One unit's feed: an entry per published quarter in which its sites (its own and those of the
 * units under it, as its page) were checked, newest first: how many failed, the failing ones by
 * name with their veto or score (the first UNIT_FEED_NAMED), and how many others lost points.
 */
/** A day's reminders of the daily monitor to a unit (提醒), for its feed: what it was reminded of, in words. */
export interface ReminderDay {
  date: string;
  /** One line per problem: 沂石市人民政府：错别字“攻府”，已持续 5 天，第 2 次提醒. */
  items: string[];
}

/** Reminder days a unit's feed keeps, newest first: a month of daily passes. */
export const UNIT_FEED_REMINDER_DAYS = 30;

export function unitFeed(name: string, rows: readonly SiteQuarter[], notice: (quarter: string) => NoticeDates | undefined, links: OwnFeedLinks, reminders: readonly ReminderDay[] = []): string {
  const quarters = [...new Set(rows.map((r) => r.quarter))].filter((q) => notice(q)).sort(byQuarterDesc);
  const entries = quarters.map((q): Entry => {
    const mine = rows.filter((r) => r.quarter === q).sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
    const failed = mine.filter((r) => r.verdict === 'fail');
    const losing = mine.filter((r) => r.verdict === 'pass' && r.findings.some((f) => f.points > 0)).length;
    const named = failed.slice(0, UNIT_FEED_NAMED).map((r) => `${r.name}（${r.vetoes.length ? vetoText(r.vetoes) : `得分 ${formatScore(r.score)} 分`}）`);
    const more = failed.length > UNIT_FEED_NAMED ? `等 ${failed.length} 个` : '';
    const asOf = mine.map((r) => r.asOf).sort().at(-1)!;
    const id = `${links.home}#${q}`;
    return {
      title: `${name}：${quarterName(q)}检查，负责的 ${mine.length} 个网站中不合格 ${failed.length} 个`,
      id,
      link: links.home,
      ...entryDates(notice(q)!, asOf),
      summary: `${failed.length ? `不合格：${named.join('、')}${more}。` : '全部合格。'}合格但有扣分问题的网站 ${losing} 个。各网站的问题见其网站页面。`,
    };
  });
  const reminded = [...reminders].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, UNIT_FEED_REMINDER_DAYS).map((d): Entry => ({
    title: `${name}：${formatDate(d.date)}日常监测提醒 ${d.items.length} 个问题`,
    id: `${links.home}#monitor-${d.date}`,
    link: `${links.home}#monitor-open`,
    published: d.date,
    updated: d.date,
    summary: `${d.items.join('；')}。问题整改后，下次日常监测复查不再发现即不再提醒。`,
  }));
  // Newest first, a reminder before a notice of the same day.
  const all = [...reminded, ...entries].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
  return atom({ title: `${name} · 负责网站的检查结果和日常监测提醒`, description: `${name}及下级单位负责的网站各季度已发布的检查结果，以及日常监测向本单位的提醒`, home: links.home, self: links.self }, all);
}
