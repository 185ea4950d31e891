// Responsible units for the pages: names, the units under each one, and the points each loses in the
// office's assessment (日常考核扣分), laid out like ../shared/seeds/002_49f8d2aa1abd7151.txt.
import type { SiteQuarter } from '../schemas/findings.ts';
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
function shortQuarterName(quarter: string): string {
  return `${['一', '二', '三', '四'][Number(quarter.slice(-1)) - 1]}季度`;
}

/** What a unit lost in one quarter. */
export interface QuarterLoss {
  quarter: string;
  /** Sites of the unit (and the units under it) checked that quarter. */
  sites: number;
  /** Of those, judged 不合格. */
  failing: number;
  /** Points lost: failing × the per-site amount of rules.yaml. */
  points: number;
}

/** A unit's points lost over a period: the row of the 002 table (单位 / 扣分 / 扣分说明). */
export interface LossRow {
  unit: string;
  name: string;
  /** Points lost, a positive number; the table prints it as −points. */
  points: number;
  /** 扣分说明, e.g. 三季度 2 个不合格网站-4；四季度 1 个不合格网站-2. */
  explanation: string;
}

/** Per quarter, oldest first, the points a set of site checks cost at `perSite` points per non-compliant site. */
export function quarterLosses(rows: readonly SiteQuarter[], perSite: number): QuarterLoss[] {
  const byQuarter = new Map<string, QuarterLoss>();
  for (const r of rows) {
    let q = byQuarter.get(r.quarter);
    if (!q) byQuarter.set(r.quarter, (q = { quarter: r.quarter, sites: 0, failing: 0, points: 0 }));
    q.sites++;
    if (r.verdict === 'fail') q.failing++;
  }
  for (const q of byQuarter.values()) q.points = q.failing * perSite;
  return [...byQuarter.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}

/** One unit's row of the half-year table; points 0 and explanation 无 when nothing was lost. */
export function lossRow(unit: string, name: string, losses: readonly QuarterLoss[]): LossRow {
  const lost = losses.filter((q) => q.points > 0);
  return {
    unit,
    name,
    points: lost.reduce((s, q) => s + q.points, 0),
    explanation: lost.length ? lost.map((q) => `${shortQuarterName(q.quarter)} ${q.failing} 个不合格网站-${q.points}`).join('；') : '无',
  };
}

/** The half-year table: rows with points lost, most first, then by name; units that lost nothing are left out, as in the notices. */
export function lossTable(rows: readonly LossRow[]): LossRow[] {
  return rows.filter((r) => r.points > 0).sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN') || (a.unit < b.unit ? -1 : 1));
}
