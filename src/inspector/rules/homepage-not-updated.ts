import type { DatedItem, PageSnapshot } from '../snapshot.ts';
import { dayNumber } from '../../dates.ts';
import { homeParts } from './lib/pages.ts';
import { defineRule } from './types.ts';

/** The dated items a page shows: its blocks, its list and its own date. */
function datesOf(p: PageSnapshot): string[] {
  const items: DatedItem[] = [...p.facts.blocks.flatMap((b) => b.items), ...(p.facts.list?.items ?? [])];
  return [...items.map((i) => i.date), ...(p.facts.pubDate ? [p.facts.pubDate] : [])];
}

/**
 * 首页不更新 (veto): no dated item on the home page within params.days (14) before the as-of date.
 * A home page with no dated item at all is a navigation hub: its second-level pages are judged
 * instead. With no readable date anywhere the site is not judged (a date the crawl cannot read,
 * e.g. one filled in by a script, is no evidence).
 */
export default defineRule({
  id: 'homepage-not-updated',
  title: '首页不更新',
  clause: '单项否决：首页栏目信息超过 2 周未更新（首页仅为导航页的，其二级页面信息超过 2 周未更新）',
  kind: 'veto',
  points: [],
  params: ['days'],
  run(snapshot, { params }) {
    const parts = homeParts(snapshot);
    if (parts.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const home = parts.flatMap(datesOf).filter((d) => d <= snapshot.asOf);
    const hub = home.length === 0;
    const frames = new Set(parts.map((p) => p.url));
    const dates = hub ? snapshot.pages.filter((p) => p.depth === 1 && !frames.has(p.url)).flatMap(datesOf).filter((d) => d <= snapshot.asOf) : home;
    if (dates.length === 0) return { status: 'not_applicable', reason: '首页及二级页面均未读到日期' };
    const newest = dates.reduce((a, b) => (a > b ? a : b));
    const age = dayNumber(snapshot.asOf) - dayNumber(newest);
    if (age <= params['days']!) return { status: 'pass' };
    const where = hub ? '首页无日期信息（导航页），其二级页面' : '首页';
    const page = snapshot.site.url;
    return { status: 'fail', findings: [{ indicator: 'homepage-not-updated', target: page, page, points: 0, detail: `${where}最新信息为 ${newest}，已 ${age} 天未更新（${params['days']} 天内应有更新）` }] };
  },
});
