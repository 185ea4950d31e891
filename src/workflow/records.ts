// Inspectors' manual records of a quarter (content/manual/<quarter>/*.md): read, validated against
// the schema, the registry, the media accounts and the rules file, and turned into findings.
// Every bad record is reported at once, as file:line: field: message; none is ever skipped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../schemas/findings.ts';
import { manualRecordSchema, type ManualRecord } from '../schemas/manual.ts';
import type { MediaAccount } from '../schemas/media.ts';
import type { Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { indicator } from '../inspector/catalogue/index.ts';
import type { IndicatorDef, Subject } from '../inspector/indicator.ts';
import { InputError } from '../errors.ts';
import { describeIssues } from '../store/yaml-file.ts';
import { frontmatterData, parseFrontmatter, type FrontmatterFile } from '../store/frontmatter.ts';
import { filesUnder, quarterParts } from '../store/quarter-paths.ts';

/** One valid record. */
export interface LoadedRecord {
  /** Relative to the content folder, / separated: manual/2026-Q4/linhe.message-overdue.1a2b3c4d.md. */
  file: string;
  data: ManualRecord;
  /** The body, trimmed: what the inspector saw. */
  evidence: string;
  def: IndicatorDef;
  /** Points this record counts for before the item's cap (the record's own, else the rules file's each; 0 for vetoes and problems). */
  points: number;
}

/** What records are checked against. */
export interface RecordContext {
  sites: ReadonlyMap<string, Site>;
  unitIds: ReadonlySet<string>;
  media: ReadonlyMap<string, MediaAccount>;
  config: RulesConfig;
  /** The portal's public/ folder, where screenshots live. */
  publicDir: string;
  /** Where a screenshot path is on disk, when not under publicDir (EVIDENCE_DIR for evidence/…: store/evidence.ts). */
  screenshotFile?: (path: string) => string;
}

/**
 * Check one record file; returns the record or pushes its problems. A file is read as the portal
 * reads it (js-yaml, several times faster: a quarter may hold 100,000 records), and parsed again with
 * line numbers only when something in it is wrong, for messages that name the line.
 */
export function checkRecord(file: string, text: string, ctx: RecordContext, errors: string[]): LoadedRecord | undefined {
  let quick: ReturnType<typeof frontmatterData> | undefined;
  try {
    quick = frontmatterData(file, text);
  } catch {
    // The line-numbered parse below says what is wrong.
  }
  const fast = quick && manualRecordSchema.safeParse(quick.data);
  let lined: FrontmatterFile | undefined;
  const parse = (): FrontmatterFile => (lined ??= parseFrontmatter(file, text));
  let rec: ManualRecord;
  let body: string;
  let bodyLine: number;
  if (quick && fast?.success) {
    ({ body, bodyLine } = quick);
    rec = fast.data;
  } else {
    let parsed;
    try {
      parsed = parse();
    } catch (e) {
      if (e instanceof InputError) {
        errors.push(e.message);
        return undefined;
      }
      throw e;
    }
    const r = manualRecordSchema.safeParse(parsed.yaml.data);
    if (!r.success) {
      errors.push(...describeIssues(parsed.yaml, r.error.issues));
      return undefined;
    }
    ({ body, bodyLine } = parsed);
    rec = r.data;
  }
  const at = (field: string) => `${file}:${parse().yaml.lineOf([field])}: ${field}`;
  const before = errors.length;
  const def = indicator(rec.indicator);
  const subject: Subject = rec.site !== undefined ? 'site' : rec.media !== undefined ? 'media' : 'unit';
  if (!def) errors.push(`${at('indicator')}: no indicator "${rec.indicator}" (see ../shared/indicators.md and src/inspector/catalogue/)`);
  else if (def.subject !== subject) errors.push(`${at(subject)}: indicator ${def.id} (${def.title}) is about a ${def.subject === 'media' ? 'new media account: give media: <id>' : def.subject === 'unit' ? 'responsible unit: give unit: <id>' : 'website: give site: <id>'}`);
  if (rec.site !== undefined && !ctx.sites.has(rec.site)) errors.push(`${at('site')}: no site with id "${rec.site}" in sites.yaml`);
  if (rec.media !== undefined && !ctx.media.has(rec.media)) errors.push(`${at('media')}: no account with id "${rec.media}" in media.yaml`);
  if (rec.unit !== undefined && !ctx.unitIds.has(rec.unit)) errors.push(`${at('unit')}: no unit with id "${rec.unit}" in units.yaml`);
  const shot = rec.screenshot === undefined ? undefined : (ctx.screenshotFile?.(rec.screenshot) ?? join(ctx.publicDir, rec.screenshot));
  if (shot !== undefined && !existsSync(shot)) errors.push(`${at('screenshot')}: no file ${shot}`);
  const evidence = body.trim();
  if (!evidence) errors.push(`${file}:${bodyLine}: evidence: the text after the frontmatter must say what was seen`);
  let points = 0;
  if (def && def.subject === subject) {
    const c = def.subject === 'site' ? ctx.config.indicators[def.id] : undefined;
    if (def.subject === 'site' && !c?.enabled) errors.push(`${at('indicator')}: ${def.id} is switched off or missing in rules.yaml`);
    if (def.kind === 'deduction' || def.kind === 'bonus') {
      const p = rec.points ?? c?.points.each;
      if (p === undefined) errors.push(`${at('points')}: give the points (rules.yaml has no default points.each for ${def.id})`);
      else points = p;
    } else if (rec.points !== undefined && rec.points !== 0) {
      errors.push(`${at('points')}: ${def.id} is ${def.kind === 'veto' ? 'a veto item' : def.kind === 'advice' ? 'advice' : 'not scored'}: points must be 0 or left out`);
    }
  }
  if (errors.length > before || !def) return undefined;
  return { file, data: rec, evidence, def, points };
}

/**
 * The records of manual/<quarter>/, relative to the content folder, sorted: every Markdown file
 * there, whatever its name or depth, as the portal reads and the manifest signs them (filesUnder).
 */
export function recordFiles(contentDir: string, quarter: string): string[] {
  const dir = quarterParts(quarter).manual;
  return filesUnder(join(contentDir, dir))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `${dir}/${n}`);
}

function problemsError(errors: readonly string[], quarter: string, contentDir: string): InputError {
  return new InputError(`${errors.length} problem${errors.length > 1 ? 's' : ''} in the manual records of ${quarter} (${contentDir}/):\n  ${errors.join('\n  ')}`);
}

/** Every record of the quarter, or an InputError listing every problem in every file. */
export function loadRecords(contentDir: string, quarter: string, ctx: RecordContext): LoadedRecord[] {
  const errors: string[] = [];
  const out: LoadedRecord[] = [];
  for (const file of recordFiles(contentDir, quarter)) {
    const r = checkRecord(file, readFileSync(join(contentDir, file), 'utf8'), ctx, errors);
    if (r) out.push(r);
  }
  if (errors.length) throw problemsError(errors, quarter, contentDir);
  return out;
}

/**
 * A quarter's site records, every file checked but only their names kept, by site: what a re-score
 * or a crawl holds while it works site by site, so that 100,000 records need not be in memory at once.
 */
export interface RecordIndex {
  /** The files of each site's records, relative to the content folder, sorted, by site id. */
  readonly files: ReadonlyMap<string, readonly string[]>;
  /** One site's records, read again from its files. */
  of(site: string): LoadedRecord[];
}

/** Check every record of the quarter (an InputError lists every problem in every file) and index the site records by site. */
export function indexRecords(contentDir: string, quarter: string, ctx: RecordContext): RecordIndex {
  const errors: string[] = [];
  const files = new Map<string, string[]>();
  for (const file of recordFiles(contentDir, quarter)) {
    const site = checkRecord(file, readFileSync(join(contentDir, file), 'utf8'), ctx, errors)?.data.site;
    if (site === undefined) continue;
    const list = files.get(site);
    if (list) list.push(file);
    else files.set(site, [file]);
  }
  if (errors.length) throw problemsError(errors, quarter, contentDir);
  return {
    files,
    of: (site) => {
      const again: string[] = [];
      const out = (files.get(site) ?? []).flatMap((file) => checkRecord(file, readFileSync(join(contentDir, file), 'utf8'), ctx, again) ?? []);
      // Only a change to the folder between the two reads (the content lock keeps writers out) fails here.
      if (again.length) throw problemsError(again, quarter, contentDir);
      return out;
    },
  };
}

/** A site record as a finding of the findings file. */
export function recordFinding(r: LoadedRecord, siteUrl: string): Finding {
  const d = r.data;
  return {
    indicator: d.indicator,
    target: d.target,
    page: d.page ?? siteUrl,
    points: r.points,
    detail: r.evidence,
    clause: r.def.clause,
    source: 'manual',
    record: r.file,
    inspector: d.inspector,
    date: d.date,
    ...(d.screenshot ? { screenshot: d.screenshot } : {}),
  };
}
