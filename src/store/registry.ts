// content/sites.yaml and content/units.yaml: loaded, validated and cross-checked in one go.
import { join } from 'node:path';
import { z } from 'astro/zod';
import { isColumnEntity, siteSchema, unitSchema, type Site, type Unit } from '../schemas/registry.ts';
import { InputError } from '../errors.ts';
import { describeIssues, readYaml, type YamlFile } from './yaml-file.ts';

export interface Registry {
  sites: Site[];
  units: Unit[];
}

/** Valid entries with their index in the file; every bad field is pushed to errors as file:line: entry field: message. */
export function validateList<T>(y: YamlFile, item: z.ZodType<T>, label: string, errors: string[]): Array<[T, number]> {
  if (!Array.isArray(y.data)) {
    errors.push(`${y.file}:1: must be a YAML list of ${label} (each entry starting with "- id: …")`);
    return [];
  }
  const out: Array<[T, number]> = [];
  y.data.forEach((entry, i) => {
    const r = item.safeParse(entry);
    const id = entry && typeof entry === 'object' && 'id' in entry ? ` (${String((entry as { id: unknown }).id)})` : '';
    if (r.success) out.push([r.data, i]);
    else errors.push(...describeIssues(y, r.error.issues.map((is) => ({ ...is, path: [i, ...is.path] })), () => `${label}[${i}]${id}`));
  });
  return out;
}

/** Pushes an error for each key used a second time, with both lines. */
export function duplicates<T>(y: YamlFile, list: Array<[T, number]>, key: (t: T) => string, what: string, errors: string[]): void {
  const seen = new Map<string, number>();
  list.forEach(([t, i]) => {
    const k = key(t);
    const first = seen.get(k);
    if (first !== undefined) errors.push(`${y.file}:${y.lineOf([i])}: ${what} "${k}" is used twice (first at line ${y.lineOf([first])})`);
    else seen.set(k, i);
  });
}

/** Load the registry from a content folder; every problem in both files is reported at once. */
export function loadRegistry(contentDir: string): Registry {
  return checkRegistry(readYaml(join(contentDir, 'sites.yaml')), readYaml(join(contentDir, 'units.yaml')));
}

/** Validate and cross-check parsed sites.yaml and units.yaml (read, or about to be written). */
export function checkRegistry(sitesFile: YamlFile, unitsFile: YamlFile): Registry {
  const errors: string[] = [];
  const units = validateList(unitsFile, unitSchema, 'units', errors);
  const sites = validateList(sitesFile, siteSchema, 'sites', errors);
  duplicates(unitsFile, units, (u) => u.id, 'unit id', errors);
  duplicates(sitesFile, sites, (s) => s.id, 'site id', errors);
  duplicates(sitesFile, sites, (s) => new URL(s.url).href, 'url', errors);
  duplicates(sitesFile, sites.filter(([s]) => s.siteCode !== undefined), (s) => s.siteCode!.toUpperCase(), 'siteCode', errors);
  sites.forEach(([s, i]) => {
    const at = (field: string) => `${sitesFile.file}:${sitesFile.lineOf([i, field])}: sites[${i}] (${s.id}) ${field}:`;
    if (!isColumnEntity(s)) {
      if (s.siteCode === undefined) errors.push(`${sitesFile.file}:${sitesFile.lineOf([i])}: sites[${i}] (${s.id}) siteCode: required for a website (kind ${s.kind}); only a 专栏 (kind: column) goes without its own 网站标识码`);
      return;
    }
    const u = new URL(s.url);
    if (u.pathname === '/') errors.push(`${at('url')} a 专栏 (kind: column) is a part of a site under a URL prefix: give its front page inside the site, e.g. ${u.origin}/xxgk/sfj/ (a whole host is a website: kind portal or department)`);
    if (u.search || u.hash) errors.push(`${at('url')} a 专栏's url is the prefix it is crawled within: no ?query or #fragment`);
    if (s.services !== undefined) errors.push(`${at('services')} only a department website has services; a 专栏 is judged on the items rules.yaml lists under columnEntities`);
  });
  const unitIds = new Set(units.map(([u]) => u.id));
  units.forEach(([u, i]) => {
    if (u.parent && !unitIds.has(u.parent)) errors.push(`${unitsFile.file}:${unitsFile.lineOf([i, 'parent'])}: units[${i}] (${u.id}) parent: no unit with id "${u.parent}"`);
  });
  // Only when every unit is valid can a reference to an unknown unit be told from a broken unit entry.
  if (units.length === (Array.isArray(unitsFile.data) ? unitsFile.data.length : -1)) {
    sites.forEach(([s, i]) => {
      if (!unitIds.has(s.unit)) errors.push(`${sitesFile.file}:${sitesFile.lineOf([i, 'unit'])}: sites[${i}] (${s.id}) unit: no unit with id "${s.unit}" in ${unitsFile.file}`);
    });
  }
  if (errors.length) throw new InputError(`The registry has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return { sites: sites.map(([s]) => s), units: units.map(([u]) => u) };
}
