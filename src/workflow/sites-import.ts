// `npm run sites:import -- FILE.csv`: a spreadsheet of sites becomes content/sites.yaml (+ units.yaml).
// Excel on Chinese Windows writes GBK; elsewhere UTF-8 with or without BOM. All three are accepted.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import YAML from 'yaml';
import { InputError } from '../errors.ts';
import { siteSchema, unitSchema, type Site, type Unit } from '../schemas/registry.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { readBytes } from '../store/read.ts';
import { checkRegistry } from '../store/registry.ts';
import { parseYaml, readYaml } from '../store/yaml-file.ts';

/**
 * Decode CSV bytes as one encoding: UTF-8 BOM, else valid UTF-8, else GBK (read as its superset
 * GB18030). A file that is neither throughout is refused with its first bad line: rows saved by two
 * programs (some UTF-8, some GBK) would otherwise be stored with the UTF-8 ones garbled.
 */
export function decodeCsv(bytes: Uint8Array, file = 'the file'): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'gbk' } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8 = strictDecode('utf-8', body);
  if (utf8 !== undefined) return { text: utf8, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  const lines = splitLines(body);
  const isUtf8 = lines.map((l) => strictDecode('utf-8', l) !== undefined);
  const firstNotUtf8 = isUtf8.indexOf(false) + 1;
  if (bom) throw new InputError(`${file}:${firstNotUtf8}: not valid UTF-8, though the file starts with a UTF-8 byte-order mark; save the whole file as one encoding (UTF-8 or GBK)`);
  const neither = lines.findIndex((l, i) => !isUtf8[i] && strictDecode('gb18030', l) === undefined);
  if (neither >= 0) throw new InputError(`${file}:${neither + 1}: neither UTF-8 nor GBK; save the whole file as one encoding (Excel: "CSV UTF-8")`);
  // Every line is GBK or UTF-8. One with Chinese text that is valid UTF-8 was written as UTF-8 (a GBK
  // line with several Chinese characters is almost never valid UTF-8 by chance): the file mixes them.
  const utf8Line = lines.findIndex((l, i) => isUtf8[i] && l.some((b) => b >= 0x80));
  if (utf8Line >= 0) {
    throw new InputError(
      `${file}:${utf8Line + 1}: this line is UTF-8 but line ${firstNotUtf8} is not (GBK?): the file mixes encodings, and one of them would be stored garbled; save the whole file as one encoding`,
    );
  }
  const gbk = strictDecode('gb18030', body);
  if (gbk === undefined) throw new InputError(`${file}: neither UTF-8 nor GBK; save the whole file as one encoding (Excel: "CSV UTF-8")`);
  return { text: gbk, encoding: 'gbk' };
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's lines as byte ranges (split at LF, which neither UTF-8 nor GBK uses inside a character). */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** Header names accepted for each field, English or Chinese as offices write them. */
const HEADERS: Record<string, string[]> = {
  id: ['id', '网站id', '编号', '网站编号'],
  name: ['name', '网站名称', '名称'],
  url: ['url', '首页地址', '网址', '网站地址', '首页网址'],
  unit: ['unit', '单位id', '主管单位id', '单位编号'],
  unitName: ['unitname', '主管单位', '主办单位', '单位名称', '开办单位'],
  unitParent: ['unitparent', '上级单位id'],
  region: ['region', '地区', '区域', '县区'],
  kind: ['kind', '类型', '网站类型'],
  siteCode: ['sitecode', '网站标识码', '标识码'],
};
const KINDS: Record<string, Site['kind']> = { portal: 'portal', department: 'department', 门户: 'portal', 门户网站: 'portal', 政府门户网站: 'portal', 部门: 'department', 部门网站: 'department', column: 'column', 专栏: 'column', 信息公开专栏: 'column' };

export interface ImportResult {
  sites: Site[];
  units: Unit[];
  encoding: string;
}

/** Turn CSV bytes into registry entries, or throw every bad row and field at once. */
export function importSitesCsv(bytes: Uint8Array, file: string, existingUnits: Unit[] = []): ImportResult {
  const { text, encoding } = decodeCsv(bytes, file);
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new InputError(`${file}: not a readable CSV file (${(e as Error).message})`);
  }
  const [header, ...body] = rows;
  if (!header) throw new InputError(`${file}: the file is empty`);
  const col: Record<string, number> = {};
  header.forEach((h, i) => {
    const key = Object.keys(HEADERS).find((k) => HEADERS[k]!.includes(h.replace(/\s+/g, '').toLowerCase()));
    if (key && col[key] === undefined) col[key] = i;
  });
  const missing = ['id', 'name', 'url', 'unit', 'kind', 'siteCode'].filter((k) => col[k] === undefined);
  if (missing.length) {
    throw new InputError(`${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k} (${HEADERS[k]!.slice(1).join(' / ') || k})`).join(', ')}`);
  }
  const errors: string[] = [];
  const sites: Array<[Site, number]> = [];
  const units = new Map(existingUnits.map((u) => [u.id, u]));
  const unitLine = new Map<string, number>();
  // csv-parse skips empty lines, so line numbers come from the record's position in the text.
  const lineOf = lineLocator(text);
  body.forEach((row, i) => {
    const line = lineOf(i + 1);
    const get = (k: string) => (col[k] === undefined ? undefined : row[col[k]!] || undefined);
    const kindRaw = get('kind');
    const candidate = {
      id: get('id'),
      name: get('name'),
      url: get('url'),
      unit: get('unit'),
      ...(get('region') ? { region: get('region') } : {}),
      kind: kindRaw === undefined ? undefined : (KINDS[kindRaw.toLowerCase()] ?? kindRaw),
      siteCode: get('siteCode'),
    };
    const r = siteSchema.safeParse(candidate);
    if (!r.success) {
      for (const is of r.error.issues) errors.push(`${file}:${line}: ${String(is.path[0] ?? '(row)')}: ${is.message}${is.path[0] === 'kind' ? ' (portal/门户, department/部门 or column/专栏)' : ''}`);
      return;
    }
    if (r.data.kind !== 'column' && r.data.siteCode === undefined) errors.push(`${file}:${line}: siteCode: required for a website (${r.data.kind}); only a 专栏 (column) goes without`);
    sites.push([r.data, line]);
    const unitName = get('unitName');
    const known = units.get(r.data.unit);
    if (known) {
      // A unit's name is kept in units.yaml; a row that names it otherwise is a typo or a rename to do there.
      if (unitName && unitName !== known.name) {
        const where = unitLine.has(known.id) ? `line ${unitLine.get(known.id)}` : 'units.yaml';
        errors.push(`${file}:${line}: unitName: unit "${known.id}" is "${known.name}" in ${where}, and "${unitName}" here (rename a unit in units.yaml)`);
      }
      return;
    }
    if (!unitName) {
      errors.push(`${file}:${line}: unitName: unit "${r.data.unit}" is not in units.yaml, so the row needs its name (主管单位)`);
      return;
    }
    const parent = get('unitParent');
    const u = unitSchema.safeParse({ id: r.data.unit, name: unitName, ...(parent ? { parent } : {}) });
    if (u.success) {
      units.set(u.data.id, u.data);
      unitLine.set(u.data.id, line);
    } else for (const is of u.error.issues) errors.push(`${file}:${line}: unit ${String(is.path[0])}: ${is.message}`);
  });
  for (const [id, line] of unitLine) {
    const parent = units.get(id)!.parent;
    if (parent && !units.has(parent)) errors.push(`${file}:${line}: unitParent: no unit with id "${parent}" in the file or units.yaml`);
  }
  const twice = (what: string, key: (s: Site) => string | undefined) => {
    const seen = new Map<string, number>();
    for (const [s, line] of sites) {
      const k = key(s);
      if (k === undefined) continue;
      const first = seen.get(k);
      if (first !== undefined) errors.push(`${file}:${line}: ${what}: "${k}" is used twice (first at line ${first})`);
      else seen.set(k, line);
    }
  };
  twice('id', (s) => s.id);
  twice('url', (s) => new URL(s.url).href);
  twice('siteCode', (s) => s.siteCode?.toUpperCase());
  if (errors.length) throw new InputError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { sites: sites.map(([s]) => s).sort(byId), units: [...units.values()].sort(byId), encoding };
}

/** Line number (1-based) of the n-th non-empty CSV record, counting quoted newlines as part of a record. */
function lineLocator(text: string): (record: number) => number {
  const starts: number[] = [];
  let line = 1;
  let inQuote = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (atStart && ch !== '\n' && ch !== '\r') {
      starts.push(line);
      atStart = false;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '\n') {
      line++;
      if (!inQuote) atStart = true;
    }
  }
  return (record) => starts[record] ?? line;
}

/** YAML text of a registry list, written with the library (STYLE 6). */
export function registryYaml(comment: string, list: object[]): string {
  const doc = new YAML.Document(list);
  doc.commentBefore = ` ${comment}`;
  return doc.toString({ lineWidth: 0 });
}

/** What importing a spreadsheet into a content folder did. */
export interface SitesImport extends ImportResult {
  sitesPath: string;
  unitsPath: string;
  /** Sites that were in sites.yaml and are not in the spreadsheet, which replaces it. */
  removed: string[];
}

/**
 * Import the registry spreadsheet into contentDir's sites.yaml and units.yaml, merged with the units
 * already there. Both files are validated together before either is written (atomically).
 */
export function importSites(contentDir: string, file: string): SitesImport {
  const bytes = readBytes(file);
  const unitsPath = join(contentDir, 'units.yaml');
  const sitesPath = join(contentDir, 'sites.yaml');
  const existing = existsSync(unitsPath) ? ((readYaml(unitsPath).data as Unit[] | null) ?? []) : [];
  const result = importSitesCsv(bytes, file, existing);
  const unitsText = registryYaml('Units responsible for the sites (content/units.yaml).', result.units);
  const sitesText = registryYaml(`Registered sites, imported from ${basename(file)}.`, result.sites);
  try {
    // The rows were checked above with their lines; this is the same check the crawl and the portal run.
    checkRegistry(parseYaml(sitesPath, sitesText), parseYaml(unitsPath, unitsText));
  } catch (e) {
    throw new InputError(`${file}: the registry it would produce is refused, and nothing was written:\n${(e as Error).message}`);
  }
  const before = existsSync(sitesPath) ? ((readYaml(sitesPath).data as Array<{ id?: unknown }> | null) ?? []).map((s) => String(s?.id)) : [];
  const now = new Set(result.sites.map((s) => s.id));
  // Units first: the sites file written next only refers to units the units file already has.
  writeFileAtomic(unitsPath, unitsText);
  writeFileAtomic(sitesPath, sitesText);
  return { ...result, sitesPath, unitsPath, removed: before.filter((id) => !now.has(id)) };
}
