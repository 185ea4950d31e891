// Responsible units for the pages: names, the units under each one, half-years, and the rows of
// the half-year table of points lost (日常考核扣分), laid out like ../shared/seeds/002_49f8d2aa1abd7151.txt.
// What a unit loses is worked out in assessment.ts.
import type { Unit } from '../schemas/registry.ts';

/** The registry's units by id, with each unit's children; built once per build. */
export interface UnitTree {
  byId: ReadonlyMap<string, Unit>;
  children: ReadonlyMap<string, readonly string[]>;
}

/** Index the registry; a parent id that is not a unit is a registry error and throws, naming both. */
export function unitTree(units: readonly Unit[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parent === undefined) continue;
    if (!byId.has(u.parent)) throw new Error(`units.yaml: unit ${u.id} names parent ${u.parent}, which is not a unit`);
    const list = children.get(u.parent);
    if (list) list.push(u.id);
    else children.set(u.parent, [u.id]);
  }
  return { byId, children };
}

/** A unit's display name; a findings file may name a unit the registry no longer has, shown as its id. */
export function unitName(tree: UnitTree, id: string): string {
  return tree.byId.get(id)?.name ?? id;
}

/** The unit and every unit under it, parents before children; a cycle in the registry throws. */
export function unitAndBelow(tree: UnitTree, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (u: string, path: string[]): void => {
    if (path.includes(u)) throw new Error(`units.yaml: parent cycle ${[...path, u].join(' → ')}`);
    if (seen.has(u)) return;
    seen.add(u);
    out.push(u);
    for (const c of tree.children.get(u) ?? []) visit(c, [...path, u]);
  };
  visit(id, []);
  return out;
}

/** The units with no parent, in registry order: the rows of the office-wide table. */
export function topUnits(tree: UnitTree): string[] {
  return [...tree.byId.values()].filter((u) => u.parent === undefined).map((u) => u.id);
}

/** 2026-Q3 → 2026-H2: the half-year a quarter belongs to. */
export function halfOf(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`halfOf: not a quarter: ${quarter}`);
  return `${m[1]}-H${Number(m[2]) <= 2 ? 1 : 2}`;
}

/** 2026-H2 → 2026年下半年 */
export function halfName(half: string): string {
  const [year, h] = half.split('-H');
  return `${year}年${h === '1' ? '上' : '下'}半年`;
}

/** 2026-Q3 → 三季度, as the half-year table words it. */
export function shortQuarterName(quarter: string): string {
  return `${['一', '二', '三', '四'][Number(quarter.slice(-1)) - 1]}季度`;
}

/** A unit's points lost over a period: the row of the 002 table (单位 / 扣分 / 扣分说明). */
export interface LossRow {
  unit: string;
  name: string;
  /** Points lost, a positive number; the table prints it as −points. */
  points: number;
  /** 扣分说明, e.g. 一季度 10 个不合格网站-6；2 条网民留言处理超期-10；未报送自查报告-5. */
  explanation: string;
}

/**
 * The half-year table: rows with points lost, most first; units that lost nothing are left out, as
 * in the notices. Ties keep the order given, the registry's (units.yaml lists units in the office's
 * own order): seed 002 ranks its ties in no name order (济南市 before 菏泽市 at −1, where pinyin
 * order puts 菏泽 first; its nine −5 departments neither), so the office's order it is.
 */
export function lossTable(rows: readonly LossRow[]): LossRow[] {
  return byPointsThenGivenOrder(rows.filter((r) => r.points > 0), (r) => r.points);
}

/** Most points first; equal points keep their order in the input. */
export function byPointsThenGivenOrder<T>(rows: readonly T[], points: (r: T) => number): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => points(b.r) - points(a.r) || a.i - b.i)
    .map((x) => x.r);
}
