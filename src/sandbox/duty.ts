// The simulated city portal's content duty plan, after seed 003 (临沂市政府网站内容保障工作方案):
// the portal's news kept by the city office the same day (by 9:00 the next morning), its public
// columns by the office at once, its topics by the government's research office weekly, its
// statistics by the statistics bureau at once. Only columns the portal has are named; the two units
// that keep a column without a site of their own are added to the registry. The truth of each
// column's lateness is counted here on the model's own dates and the chinese-days tables, apart
// from the crawler's calendar.
import { createRequire } from 'node:module';
import type { DutyColumn } from '../schemas/duty.ts';
import { listPath } from './columns.ts';
import { dayNumber, isoDay } from './dates.ts';
import { buildSiteModel, urlOf, type SiteModel } from './model.ts';
import type { SandboxUnit, SandboxWeb, SitePlan, TruthEntry } from './types.ts';

type Keeper = 'office' | 'research' | 'statistics';

/** Column slug → who keeps it and how often, in the plan's order. */
const KEEPERS: ReadonlyArray<{ slug: string; keeper: Keeper; update: DutyColumn['update']; note?: string }> = [
  { slug: 'ywdt', keeper: 'office', update: 'same-day', note: '新闻图片及文字由各有关单位提供' },
  { slug: 'tzgg', keeper: 'office', update: 'at-once', note: '其他通知公告由各单位提供内容，经本单位和市政府办公室审核' },
  { slug: 'zcwj', keeper: 'office', update: 'at-once' },
  { slug: 'zcjd', keeper: 'office', update: 'at-once', note: '相关部门负责提供文字内容' },
  { slug: 'ldxx', keeper: 'office', update: 'at-once', note: '市委组织部负责提供相关情况' },
  { slug: 'ztzl', keeper: 'research', update: 'weekly' },
  { slug: 'sjfb', keeper: 'statistics', update: 'at-once' },
  { slug: 'tjxx', keeper: 'statistics', update: 'at-once' },
];

/** Days a weekly column may go without an item (rules.yaml's duty-column-late params.weekly). */
const WEEK = 7;

/** Whether a site plan is the portal the plan is for: the city's own portal. */
export function isDutyPortal(plan: SitePlan): boolean {
  return plan.dept === null && !plan.hostile && plan.place.level === 'city';
}

/** The units a city's plan adds: ids and names. */
function addedUnits(plan: SitePlan): Record<Exclude<Keeper, 'office'>, { id: string; name: string }> {
  const city = plan.place;
  return {
    research: { id: `${city.pinyin}-yjs`, name: `${city.name}${city.suffix}人民政府研究室` },
    statistics: { id: `${city.pinyin}-tjj`, name: `${city.name}${city.suffix}统计局` },
  };
}

/** The plan's columns of the portal's model, with the column each names. */
function planned(m: SiteModel, plan: SitePlan) {
  const added = addedUnits(plan);
  const unitOf = (k: Keeper) => (k === 'office' ? m.site.unit : added[k].id);
  return KEEPERS.flatMap((k) => {
    const column = m.columns.find((c) => c.slug === k.slug);
    if (!column) return [];
    const entry: DutyColumn = { site: m.site.id, column: column.name, unit: unitOf(k.keeper), update: k.update, ...(k.update === 'same-day' ? { by: '09:00' } : {}), ...(k.note ? { note: k.note } : {}) };
    return [{ entry, column }];
  });
}

/** The city portal's plan and the units it adds (none when the web has no city portal). */
export function sandboxDutyPlan(web: SandboxWeb): { units: SandboxUnit[]; plan: DutyColumn[] } {
  const plan = web.plans.find(isDutyPortal);
  if (!plan) return { units: [], plan: [] };
  const government = web.units.find((u) => u.id === web.sites[plan.index]!.unit)?.parent;
  // A web large enough to have the city's 统计局 site already has that unit: the plan names it, once.
  const units = Object.values(addedUnits(plan)).filter((u) => !web.units.some((x) => x.id === u.id)).map((u) => ({ ...u, ...(government ? { parent: government } : {}) }));
  return { units, plan: planned(buildSiteModel(web, plan.index), plan).map((p) => p.entry) };
}

let tables: { holidays: Record<string, string>; workdays: Record<string, string> } | undefined;

/** Whether a day is worked: Monday to Friday unless a holiday, or a make-up working day (chinese-days' tables). */
function worked(day: number): boolean {
  tables ??= createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as NonNullable<typeof tables>;
  const iso = isoDay(day);
  if (tables.workdays[iso]) return true;
  if (tables.holidays[iso]) return false;
  const w = new Date(day * 86_400_000).getUTCDay();
  return w >= 1 && w <= 5;
}

/**
 * The plan's late columns on the model's as-of date: a same-day column with no item on or after the
 * working day before, a weekly one with none in the last 7 days. At-once columns, blank ones and
 * ones without dates are never late.
 */
export function dutyTruth(m: SiteModel, plan: SitePlan): TruthEntry[] {
  if (!isDutyPortal(plan)) return [];
  const asOf = dayNumber(m.asOf);
  let previous = asOf - 1;
  while (!worked(previous)) previous--;
  const out: TruthEntry[] = [];
  for (const { entry, column } of planned(m, plan)) {
    if (column.blank || column.items.length === 0 || (entry.update !== 'same-day' && entry.update !== 'weekly')) continue;
    const newest = column.items.reduce((max, it) => (it.date > max ? it.date : max), column.items[0]!.date);
    const due = entry.update === 'same-day' ? previous : asOf - WEEK;
    if (dayNumber(newest) < due) out.push({ site: m.site.id, indicator: 'duty-column-late', target: column.name, page: urlOf(m, listPath(column, 0)), note: `${entry.update} column, newest item ${newest}, due ${isoDay(due)}` });
  }
  return out;
}
