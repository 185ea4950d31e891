// content/duty.yaml, the content duty plan: read, validated and checked against the registry (every
// site and unit it names exists, every prefix lies inside its site's host) and, once the monitor
// has looked, against the columns seen on each site. Every problem is reported at once, with file,
// line and field.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dutyColumnSchema, isDutyColumn, type DutyAssignment, type DutyColumn } from '../schemas/duty.ts';
import type { Unit } from '../schemas/registry.ts';
import type { Registry } from './registry.ts';
import { duplicates, validateList } from './registry.ts';
import { InputError } from '../errors.ts';
import { readYaml, type YamlFile } from './yaml-file.ts';

/** A plan column with where it is written. */
export interface DutyEntry extends DutyColumn {
  /** Its index in the file's list. */
  index: number;
}

/** The plan: its entries in file order (none when there is no content/duty.yaml). */
export interface DutyPlan {
  file: string;
  entries: DutyEntry[];
  /** Line of a field of an entry, for errors found later (a column never seen). */
  lineOf(entry: DutyEntry, field: keyof DutyColumn): number;
}

/** The plan's path in a content folder. */
export const dutyFile = (contentDir: string) => join(contentDir, 'duty.yaml');

/** A column's name or prefix, as errors and pages name it. */
export const dutyLabel = (c: DutyColumn) => c.column ?? c.prefix!;

/** Load content/duty.yaml, checked against the registry; an empty plan when the file does not exist. */
export function loadDutyPlan(contentDir: string, registry: Registry): DutyPlan {
  const file = dutyFile(contentDir);
  if (!existsSync(file)) return { file, entries: [], lineOf: () => 1 };
  return checkDutyPlan(readYaml(file), registry);
}

/** Validate a parsed plan against the registry. */
export function checkDutyPlan(y: YamlFile, registry: Registry): DutyPlan {
  const errors: string[] = [];
  const list = y.data === null ? [] : validateList(y, dutyColumnSchema, 'duty', errors);
  const sites = new Map(registry.sites.map((s) => [s.id, s]));
  const units = new Set(registry.units.map((u) => u.id));
  for (const [c, i] of list) {
    const at = (field: string) => `${y.file}:${y.lineOf([i, field])}: duty[${i}] (${c.site} ${dutyLabel(c)}) ${field}`;
    const site = sites.get(c.site);
    if (!site) errors.push(`${at('site')}: no site with id "${c.site}" in sites.yaml`);
    if (!units.has(c.unit)) errors.push(`${at('unit')}: no unit with id "${c.unit}" in units.yaml`);
    if (site && c.prefix && new URL(c.prefix).host !== new URL(site.url).host) errors.push(`${at('prefix')}: ${c.prefix} is not inside the site's host ${new URL(site.url).host}`);
  }
  duplicates(y, list, (c) => `${c.site} ${c.column ?? ''} ${c.prefix ?? ''}`.trim(), 'column', errors);
  if (errors.length) throw new InputError(`${y.file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return {
    file: y.file,
    entries: list.map(([c, i]) => ({ ...c, index: i })),
    lineOf: (e, field) => y.lineOf([e.index, field]),
  };
}

/** A column a site showed once: its name and list page. */
export interface SeenColumn {
  column: string;
  url: string;
}

/**
 * Plan columns that no pass has ever seen on their site, as errors with file, line and field (a
 * column misnamed or moved: its unit would never be reminded). `seen`: the columns seen, per site
 * the monitor has read; a site it has not read yet is not judged.
 */
export function unseenDutyColumns(plan: DutyPlan, seen: ReadonlyMap<string, readonly SeenColumn[]>): string[] {
  const out: string[] = [];
  for (const e of plan.entries) {
    const columns = seen.get(e.site);
    if (!columns || columns.some((s) => isDutyColumn(e, s.column, s.url))) continue;
    const field = e.column ? 'column' : 'prefix';
    out.push(`${plan.file}:${plan.lineOf(e, field)}: duty[${e.index}] (${e.site}) ${field}: no column ${e.column ? `named "${e.column}"` : ''}${e.column && e.prefix ? ' ' : ''}${e.prefix ? `under ${e.prefix}` : ''} was ever seen on the site (seen: ${columns.map((s) => s.column).join('、') || 'none'})`);
  }
  return out;
}

/** Each site's plan columns as the crawl and the monitor carry them (with the unit's name). */
export function dutyAssignments(plan: DutyPlan, units: readonly Unit[]): Map<string, DutyAssignment[]> {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const out = new Map<string, DutyAssignment[]>();
  for (const e of plan.entries) {
    const list = out.get(e.site) ?? out.set(e.site, []).get(e.site)!;
    list.push({ ...(e.column ? { column: e.column } : {}), ...(e.prefix ? { prefix: e.prefix } : {}), unit: e.unit, unitName: names.get(e.unit) ?? e.unit, update: e.update, ...(e.by ? { by: e.by } : {}) });
  }
  return out;
}
