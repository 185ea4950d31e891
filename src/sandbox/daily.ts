// The simulated web day by day, for the daily monitor: the web of the as-of date as it goes on
// for DAILY_SPAN days after it. Columns keep publishing at their own pace; some stop (and go
// stale), some stale ones resume; seeded home-page broken links and typos are fixed on their day,
// new ones appear and are fixed later; a down site comes back, and a few sites go down for a day or
// two. Day 0 is the as-of date's web, unchanged. Every change is drawn from (seed, host, what), so a
// day's web, and its truth (siteTruth of the day's model), are the same on every run.
import { dutyTruth } from './duty.ts';
import type { Column, Item } from './columns.ts';
import { dayNumber, isoDay } from './dates.ts';
import { defectAdder } from './links.ts';
import { buildSiteModel, typoArticle, type SiteModel } from './model.ts';
import { TYPOS } from './names.ts';
import { rng } from './random.ts';
import { roleOf } from './roles.ts';
import type { SandboxWeb, TruthEntry } from './types.ts';
import { siteTruth, staleAndBlank } from './ground-truth.ts';

/** Days after the as-of date the simulation plans (later days keep the last day's plan: nothing new happens). */
export const DAILY_SPAN = 30;

/** A span of days [from, to): to undefined when it lasts beyond the plan. */
export interface Span {
  from: number;
  to?: number;
}

/** What happens to one site over the span: every change, in days after the as-of date. */
export interface SitePlanOfDays {
  /** Days the site refuses connections. */
  down: Span[];
  /** Seeded home-page broken links (by target) and the day each is fixed (removed). */
  linkFixed: Map<string, number>;
  /** A home-page broken link that appears, and when it goes. */
  newLink?: Span;
  /** Seeded home typos (by key) and the day each is corrected. */
  typoFixed: Map<string, number>;
  /** A home typo that appears, and when it is corrected. */
  newTypo?: Span;
  /** Per column (by slug): the days it publishes a new item. */
  publishes: Map<string, number[]>;
}

const within = (s: Span, d: number) => d >= s.from && (s.to === undefined || d < s.to);

/** The site's days, drawn from (seed, host). */
export function planDays(base: SiteModel): SitePlanOfDays {
  const key = (what: string, ...more: (string | number)[]) => rng(base.seed, 'daily', base.plan.host, what, ...more);
  const down: Span[] = [];
  if (base.down) down.push({ from: 0, to: key('down').int(3, 12) });
  else if (key('outage').chance(0.15)) {
    const r = key('outage', 'when');
    const from = r.int(2, DAILY_SPAN - 4);
    down.push({ from, to: from + r.int(1, 2) });
  }
  const linkFixed = new Map<string, number>();
  for (const d of base.broken) {
    if (d.page !== '/') continue;
    const r = key('link', d.target);
    if (r.chance(0.6)) linkFixed.set(d.target, r.int(2, DAILY_SPAN - 3));
  }
  const typoFixed = new Map<string, number>();
  for (const t of base.typos) {
    if (t.spot !== 'home') continue;
    const r = key('typo', t.key);
    if (r.chance(0.5)) typoFixed.set(t.key, r.int(2, DAILY_SPAN - 3));
  }
  const episode = (what: string, p: number): Span | undefined => {
    const r = key(what);
    if (!r.chance(p)) return undefined;
    const from = r.int(1, 14);
    return r.chance(0.75) ? { from, to: from + r.int(3, DAILY_SPAN - 2 - from) } : { from };
  };
  const newLink = base.down ? undefined : episode('new-link', 0.5);
  const hasChuxin = base.typos.some((t) => t.key === 'chuxin') || base.typoControls.length > 0;
  const newTypo = base.down || hasChuxin ? undefined : episode('new-typo', 0.35);

  const publishes = new Map<string, number[]>();
  const { stale } = staleAndBlank(base);
  const staleNames = new Set(stale.map((c) => c.slug));
  // One news column of some sites stops publishing (it goes stale two weeks after its last item).
  const news = base.columns.filter((c) => c.cls === 'news' && !c.blank && !staleNames.has(c.slug));
  const stops = news.length > 0 && key('stop').chance(0.3) ? news[key('stop', 'which').int(0, news.length - 1)] : undefined;
  for (const [i, c] of base.columns.entries()) {
    if (c.blank || c.cls === 'topic' || c.cls === 'data' || c.cls === 'periodic') continue;
    // The forged date stays the first column's newest item.
    if (i === 0 && base.futureDate) continue;
    const r = key('publish', c.slug);
    const days: number[] = [];
    if (staleNames.has(c.slug) || (roleOf(base.plan.role).homeStale === true && c.cls === 'news')) {
      // A stale column: most stay stale; some publish again one day.
      if (r.chance(0.4)) days.push(r.int(3, DAILY_SPAN - 3));
    } else {
      const every = c.cls === 'news' ? r.int(1, 3) : r.int(7, 20);
      const phase = r.int(0, every - 1);
      const stop = c === stops ? { from: key('stop', 'from').int(1, 6), to: key('stop', 'to').chance(0.6) ? key('stop', 'to', 'day').int(22, DAILY_SPAN - 1) : undefined } : undefined;
      for (let d = 1; d < DAILY_SPAN; d++) {
        if ((d + phase) % every !== 0) continue;
        if (stop && d >= stop.from && (stop.to === undefined || d < stop.to)) continue;
        days.push(d);
      }
      if (stop?.to !== undefined && !days.includes(stop.to)) days.push(stop.to);
    }
    publishes.set(c.slug, days.sort((a, b) => a - b));
  }
  return { down, linkFixed, typoFixed, publishes, ...(newLink ? { newLink } : {}), ...(newTypo ? { newTypo } : {}) };
}

/** Href of the broken link that appears during a site's span. */
export const NEW_BROKEN_HREF = '/xwzx/tpxw/202612/t20261201_900001.html';

/** A site's model on day `day` (YYYY-MM-DD, on or after the as-of date). */
export function siteOnDay(base: SiteModel, day: string): SiteModel {
  const today = dayNumber(day);
  if (today < base.asOfDay) throw new Error(`the sandbox's days start at its as-of date ${base.asOf}, not ${day}`);
  if (today === base.asOfDay) return base;
  // Past the span nothing new happens: the last planned day's web, seen on the real day.
  const d = Math.min(today - base.asOfDay, DAILY_SPAN);
  const plan = planDays(base);
  const lead = typoArticle(base);
  const columns: Column[] = base.columns.map((c) => {
    const days = (plan.publishes.get(c.slug) ?? []).filter((x) => x <= d);
    if (days.length === 0) return c;
    const fresh: Item[] = days.reverse().map((x) => ({ id: 900000 + x * 20 + base.columns.indexOf(c), date: isoDay(base.asOfDay + x) }));
    const items = [...fresh, ...c.items];
    return { ...c, items, pages: Math.max(c.pages, Math.ceil(items.length / c.pageSize)) };
  });
  const broken = base.broken.filter((x) => x.page !== '/' || (plan.linkFixed.get(x.target) ?? Infinity) > d);
  if (plan.newLink && within(plan.newLink, d)) defectAdder(base.origin, broken)('not-found', NEW_BROKEN_HREF, '图片新闻专题', '/');
  const typos = base.typos.filter((t) => t.spot !== 'home' || (plan.typoFixed.get(t.key) ?? Infinity) > d);
  if (plan.newTypo && within(plan.newTypo, d)) typos.push({ key: 'chuxin', spot: 'home' });
  const futureDate = base.futureDate && dayNumber(base.futureDate) > base.asOfDay + d ? base.futureDate : null;
  const leadCol = lead ? columns.find((c) => c.slug === lead.col.slug) : undefined;
  return {
    ...base,
    asOf: day,
    asOfDay: today,
    down: plan.down.some((s) => within(s, d)),
    columns,
    broken,
    typos,
    futureDate,
    typoAt: lead && leadCol ? { col: leadCol, item: lead.item } : null,
  };
}

/** Every site's truth on a day (the hostile site has none). */
export function truthOnDay(web: SandboxWeb, day: string): TruthEntry[] {
  return web.plans.filter((p) => !p.hostile).flatMap((p) => {
    const m = siteOnDay(buildSiteModel(web, p.index), day);
    return [...siteTruth(m), ...dutyTruth(m, p)];
  });
}

/** The wrong word of the typo that appears during a site's span. */
export const NEW_TYPO_WORD = TYPOS.chuxin.wrong;
