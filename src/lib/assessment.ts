// The half-year tables of points lost, for the units index and each unit's page.
import type { SiteQuarter } from '../schemas/findings.ts';
import { halfOf, lossRow, lossTable, quarterLosses, unitName, type LossRow, type UnitTree } from './units.ts';

/** One half-year's table. */
export interface HalfYearTable {
  half: string;
  rows: LossRow[];
}

/**
 * Per half-year, newest first, the loss table over the given units, each counting its own sites
 * and those of the units under it (unitRows). Half-years come from the rows' quarters.
 */
export function halfYearTables(unitIds: readonly string[], unitRows: ReadonlyMap<string, readonly SiteQuarter[]>, tree: UnitTree, perSite: number): HalfYearTable[] {
  const halves = new Set<string>();
  for (const id of unitIds) for (const r of unitRows.get(id) ?? []) halves.add(halfOf(r.quarter));
  return [...halves]
    .sort()
    .reverse()
    .map((half) => ({
      half,
      rows: lossTable(
        unitIds.map((id) => lossRow(id, unitName(tree, id), quarterLosses((unitRows.get(id) ?? []).filter((r) => halfOf(r.quarter) === half), perSite))),
      ),
    }));
}
