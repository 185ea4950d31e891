// A site's columns (栏目): which it has by priority within its page budget, which are blank or
// stale, their dated items and attachments, and their URL layout. Draws from the site's random
// stream in a fixed order (see buildColumns).
import { isoDay } from './dates.ts';
import { FUTURE_DATE_DAYS, type ColumnClass, type RequiredPeriodic } from './indicators.ts';
import { PAGE_SIZE, type Template } from './look.ts';
import { at, type Rng } from './random.ts';
import { roleOf, type Role } from './roles.ts';
import type { SitePlan } from './types.ts';

/** One dated entry of a column; its article lives at articlePath. */
export interface Item {
  id: number;
  date: string;
  /** An attachment link in the article body (maybe a seeded broken one). */
  attachment?: { href: string; ok: boolean };
}

/** A row appended to a column's last list page that links somewhere else (a seeded deep defect). */
export interface ExtraRow {
  href: string;
  date: string;
}

/** A column (栏目) with its dated items, newest first. */
export interface Column {
  slug: string;
  /** Name as shown on the site. */
  name: string;
  cls: ColumnClass;
  /** The required class of a periodic column (概况, 机构职能, 领导信息), if it is one. */
  req?: RequiredPeriodic;
  /** Directory, e.g. /xwzx/ywdt/ ; list pages are index.html, index_1.html… */
  dir: string;
  items: Item[];
  pageSize: number;
  /** Number of list pages (at least 1). */
  pages: number;
  blank: boolean;
  /** Shown as a block on the home page. */
  onHome: boolean;
  extraRows: ExtraRow[];
  /** Items that are files, not articles (a column of PDF reports): the file's path and its row's title, by item id. */
  files?: ReadonlyMap<number, { path: string; title: string }>;
}

interface ColumnSpec {
  slug: string;
  name: string;
  cls: ColumnClass;
  req?: RequiredPeriodic;
  group: 'xwzx' | 'zwgk' | 'ztzl';
}

/**
 * Portal columns in order of priority: a small page budget keeps the first ones. The six required
 * classes come first, then 数据发布 and the historical topics; a site that goes stale everywhere
 * needs its extra news columns before those.
 */
function portalColumns(plan: SitePlan, role: Role): ColumnSpec[] {
  const county = plan.place.level === 'county';
  const core: ColumnSpec[] = [
    { slug: 'ywdt', name: '要闻动态', cls: 'news', group: 'xwzx' },
    { slug: 'tzgg', name: '通知公告', cls: 'notice', group: 'zwgk' },
    { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
    { slug: 'zcjd', name: '政策解读', cls: 'interpretation', group: 'zwgk' },
    { slug: 'jgzn', name: '机构职能', cls: 'periodic', req: 'functions', group: 'zwgk' },
    { slug: 'ldxx', name: '领导信息', cls: 'periodic', req: 'leaders', group: 'zwgk' },
    { slug: 'sqgk', name: `${plan.place.suffix}情概况`, cls: 'periodic', req: 'overview', group: 'zwgk' },
  ];
  const extraNews: ColumnSpec[] = [
    { slug: 'bmdt', name: '部门动态', cls: 'news', group: 'xwzx' },
    county ? { slug: 'xzdt', name: '乡镇动态', cls: 'news', group: 'xwzx' } : { slug: 'xqdt', name: '县区动态', cls: 'news', group: 'xwzx' },
  ];
  const more: ColumnSpec[] = [
    { slug: 'sjfb', name: '数据发布', cls: 'data', group: 'zwgk' },
    { slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' },
  ];
  const rest: ColumnSpec[] = [
    { slug: 'rsxx', name: '人事信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
    { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'zdxm', name: '重大项目', cls: 'periodic', group: 'zwgk' },
  ];
  return withoutLacking(role.staleFirstLevel ? [...core, ...extraNews, ...more, ...rest] : [...core, ...more, ...extraNews, ...rest], role);
}

/** Department columns in order of priority (no 数据发布: the data bonus is for portals). */
function deptColumns(role: Role): ColumnSpec[] {
  const core: ColumnSpec[] = [
    { slug: 'gzdt', name: '工作动态', cls: 'news', group: 'xwzx' },
    { slug: 'tzgg', name: '通知公告', cls: 'notice', group: 'zwgk' },
    { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
    { slug: 'zcjd', name: '政策解读', cls: 'interpretation', group: 'zwgk' },
    { slug: 'jgzn', name: '机构职能', cls: 'periodic', req: 'functions', group: 'zwgk' },
    { slug: 'ldxx', name: '领导信息', cls: 'periodic', req: 'leaders', group: 'zwgk' },
    { slug: 'dwgk', name: '单位概况', cls: 'periodic', req: 'overview', group: 'zwgk' },
  ];
  const extraNews: ColumnSpec[] = [
    { slug: 'jcdt', name: '基层动态', cls: 'news', group: 'xwzx' },
    { slug: 'tpxw', name: '图片新闻', cls: 'news', group: 'xwzx' },
  ];
  const more: ColumnSpec[] = [{ slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' }];
  const rest: ColumnSpec[] = [
    { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
    { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
  ];
  return withoutLacking(role.staleFirstLevel ? [...core, ...extraNews, ...more, ...rest] : [...core, ...more, ...extraNews, ...rest], role);
}

function withoutLacking(specs: ColumnSpec[], role: Role): ColumnSpec[] {
  if (role.lacks === 'interpretation') return specs.filter((s) => s.cls !== 'interpretation');
  if (role.lacks === 'leaders') return specs.filter((s) => s.req !== 'leaders');
  return specs;
}

/** Every column a site of this plan could have (for tests). */
export function columnPool(plan: SitePlan): { name: string; cls: ColumnClass; req?: RequiredPeriodic }[] {
  return plan.dept ? deptColumns(roleOf(plan.role)) : portalColumns(plan, roleOf(plan.role));
}

/** Keeps generated ages out of the bands around each window, so no date sits on a boundary. */
function avoidBands(age: number): number {
  if (age >= 11 && age <= 17) return 18;
  if (age >= 55 && age <= 68) return 69;
  if (age >= 85 && age <= 100) return 101;
  if (age >= 170 && age <= 196) return 197;
  if (age >= 345 && age <= 385) return 386;
  return age;
}

/** Article URL path of an item: TRS-style /dir/yyyymm/tyyyymmdd_id.html */
export function articlePath(col: Column, item: Item): string {
  const file = col.files?.get(item.id);
  if (file) return file.path;
  const ymd = item.date.replaceAll('-', '');
  return `${col.dir}${ymd.slice(0, 6)}/t${ymd}_${item.id}.html`;
}

/** Path of list page k of a column. */
export function listPath(col: Column, k: number): string {
  return `${col.dir}${k === 0 ? 'index.html' : `index_${k}.html`}`;
}

/**
 * Columns a budget affords: each needs a list page and an article, so a small budget goes to as
 * many columns as it can; a larger one also leaves room for more articles and a second list page.
 * A site stale everywhere gets two more.
 */
function columnCount(poolSize: number, budget: number, role: Role): number {
  const base = (budget <= 16 ? Math.floor(budget / 2) : Math.max(8, Math.floor(budget / 2.6))) + (role.staleFirstLevel ? 2 : 0);
  return Math.max(1, Math.min(poolSize, Math.floor(budget / 2), base));
}

/**
 * Builds a site's columns within a page budget, with their items newest first. Only the last two
 * steps draw from r, in this order: item ids, ages and attachments (fillItems), then a forged date.
 */
export function buildColumns(plan: SitePlan, r: Rng, role: Role, template: Template, budget: number, asOfDay: number): Column[] {
  const pool = plan.dept ? deptColumns(role) : portalColumns(plan, role);
  const count = columnCount(pool.length, budget, role);
  const pageSize = PAGE_SIZE[template];
  const columns: Column[] = pool.slice(0, count).map((s) => columnOf(s, pageSize));
  const first = at(columns, 0);
  const stale = markBlankAndStale(columns, first, role);
  markHomeBlocks(columns);
  const filled = columns.filter((c) => !c.blank);
  const counts = articleCounts(columns, filled, first, budget, pageSize);
  fillItems(filled, counts, stale, first, role, r, asOfDay, pageSize);
  // A forged date: the first column's newest item is dated weeks after the as-of date.
  const newest = first.items[0];
  if (role.futureDate && newest) newest.date = isoDay(asOfDay + r.int(FUTURE_DATE_DAYS + 3, 40));
  return columns;
}

function columnOf(s: ColumnSpec, pageSize: number): Column {
  const c: Column = {
    slug: s.slug,
    name: s.name,
    cls: s.cls,
    dir: `/${s.group === 'ztzl' ? 'ztzl' : `${s.group}/${s.slug}`}/`,
    items: [],
    pageSize,
    pages: 1,
    blank: false,
    onHome: false,
    extraRows: [],
  };
  if (s.req) c.req = s.req;
  return c;
}

function firstLevel(c: Column): boolean {
  return c.cls === 'notice' || c.cls === 'policy' || c.cls === 'interpretation';
}

/** Marks the role's blank columns and returns its stale ones. */
function markBlankAndStale(columns: Column[], first: Column, role: Role): Set<Column> {
  // Never the first news column; blank ones preferably where a blank column does not also hide a
  // required class.
  const blankOrder = [
    ...columns.filter((c) => c.cls === 'periodic' && !c.req),
    ...columns.filter((c) => c.cls === 'news' && c !== first),
    ...columns.filter((c) => c.cls === 'notice'),
    ...columns.filter((c) => c.cls === 'periodic' && c.req),
    ...columns.filter((c) => c.cls === 'interpretation' || c.cls === 'policy'),
  ];
  const blank = new Set<Column>();
  for (const c of blankOrder) if (blank.size < role.blank) blank.add(c);
  const open = (c: Column): boolean => !blank.has(c);
  const periodic = columns.filter((c) => c.cls === 'periodic' && open(c));
  // One periodic column first, then news and first-level columns, then the other periodic ones.
  const staleOrder = [
    ...periodic.slice(0, 1),
    ...columns.filter((c) => ((c.cls === 'news' && c !== first) || firstLevel(c)) && open(c)),
    ...periodic.slice(1),
  ];
  const stale = new Set<Column>();
  for (const c of staleOrder) if (stale.size < role.stale) stale.add(c);
  for (const c of blank) c.blank = true;
  return stale;
}

/** Home blocks: news and first-level columns, up to six. */
function markHomeBlocks(columns: Column[]): void {
  let shown = 0;
  for (const c of columns) {
    if ((c.cls === 'news' || firstLevel(c)) && shown < 6) {
      c.onHome = true;
      shown++;
    }
  }
}

/** Articles per filled column: one each; the first column may get a second list page, then more. */
function articleCounts(columns: Column[], filled: Column[], first: Column, budget: number, pageSize: number): Map<Column, number> {
  let articles = budget - columns.length;
  const counts = new Map<Column, number>(filled.map((c) => [c, 1]));
  articles -= filled.length;
  if (articles >= pageSize + 1) {
    counts.set(first, pageSize + 1);
    first.pages = 2;
    articles -= pageSize + 1;
  }
  // Round-robin the rest without creating more pagination.
  let progress = true;
  while (articles > 0 && progress) {
    progress = false;
    for (const c of filled) {
      if (articles <= 0) break;
      const n = counts.get(c) ?? 0;
      const cap = c === first ? first.pages * pageSize : pageSize;
      if (n < cap && !(c.cls === 'topic' && n >= 4)) {
        counts.set(c, n + 1);
        articles--;
        progress = true;
      }
    }
  }

  // A large budget lengthens the first column, one list page at a time.
  while (articles >= 2) {
    const add = Math.min(pageSize, articles - 1);
    counts.set(first, (counts.get(first) ?? 0) + add);
    articles -= add + 1;
  }
  return counts;
}

/** Dates the items of each filled column back from its newest one, with ids and working attachments. */
function fillItems(
  filled: Column[],
  counts: Map<Column, number>,
  stale: Set<Column>,
  first: Column,
  role: Role,
  r: Rng,
  asOfDay: number,
  pageSize: number,
): void {
  let nextId = r.int(100000, 800000);
  for (const c of filled) {
    const n = counts.get(c) ?? 0;
    const isStale = stale.has(c) || (role.homeStale === true && c.cls === 'news');
    const newest = newestAge(c, isStale, first, role, r);
    let age = avoidBands(newest.age);
    for (let k = 0; k < n; k++) {
      c.items.push({ id: nextId++, date: isoDay(asOfDay - age) });
      age = avoidBands(age + r.int(newest.gap[0], newest.gap[1]));
    }
    c.pages = Math.max(1, Math.ceil(n / pageSize));
    // Some policy documents carry a working attachment.
    if (c.cls === 'policy' || c.cls === 'notice' || c.cls === 'interpretation') {
      for (const it of c.items) {
        if (r.chance(0.3)) it.attachment = { href: `./P0${it.date.replaceAll('-', '')}${it.id}.pdf`, ok: true };
      }
    }
  }
}

/** Age in days of a column's newest item (one draw from r) and the range of gaps between its items. */
function newestAge(c: Column, isStale: boolean, first: Column, role: Role, r: Rng): { age: number; gap: [number, number] } {
  switch (c.cls) {
    case 'news':
      return { age: isStale ? r.int(22, 90) : c === first ? r.int(0, 3) : r.int(0, 8), gap: [1, 5] };
    case 'notice':
    case 'policy':
    case 'interpretation':
      return { age: isStale ? r.int(200, 420) : role.homeStale && c.onHome ? r.int(25, 150) : r.int(0, 150), gap: [4, 25] };
    case 'periodic':
      return { age: isStale ? r.int(400, 800) : r.int(3, 300), gap: [15, 60] };
    case 'data':
      return { age: role.data === 'old' ? r.int(200, 330) : role.data === 'aging' ? r.int(101, 165) : r.int(3, 50), gap: [20, 40] };
    case 'topic':
      return { age: r.int(420, 1400), gap: [20, 90] };
  }
}
