// The collections as every page reads them: loaded and grouped once per build (a build renders
// tens of thousands of pages; none of them may walk all findings again), each file checked
// against its place.
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFindingsFiles, type FindingsEntry } from './findings-files.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { ManualRecord } from '../schemas/manual.ts';
import type { MediaAccount } from '../schemas/media.ts';
import type { ExternalNotice } from '../schemas/notices.ts';
import type { Site } from '../schemas/registry.ts';
import type { NoticeForm, RulesConfig } from '../schemas/rules-config.ts';
import { contentDir } from '../store/content-dir.ts';
import { loadMedia } from '../store/media.ts';
import { hasPinnedInputs, pinnedDir } from '../store/pinned.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadDutyPlan, type DutyEntry } from '../store/duty.ts';
import { rectificationOf, type QuarterRectification } from './rectification.ts';
import { monitorView, type MonitorView } from './monitor.ts';
import { todayInShanghai } from '../dates.ts';
import { quarterStatus } from './quarter-status.ts';
import { noticeDates, type NoticeDates } from './feed.ts';
import { byQuarter, summarizeQuarter, type QuarterSummary } from './quarters.ts';
import { bySite, checkEntryIds, type SiteHistory } from './sites.ts';
import { unitAndBelow, unitTree, type UnitTree } from './units.ts';

/** One quarter: its rows, headline figures and the office's file when there is one. */
export interface QuarterData {
  quarter: string;
  rows: SiteQuarter[];
  summary: QuarterSummary;
  file: CollectionEntry<'quarters'> | undefined;
  /** Not published yet (npm run publish): every page showing its results marks them as a draft. */
  draft: boolean;
}

/** Everything the pages are built from. */
export interface PortalData {
  /** Quarters, newest first. */
  quarters: QuarterData[];
  /** Whether a quarter is a draft (not published); a quarter without checks is not one. */
  isDraft: (quarter: string) => boolean;
  /** A published quarter's notice dates (publication, latest erratum); undefined for a draft. The feeds date their entries by them. */
  noticeDates: (quarter: string) => NoticeDates | undefined;
  /** The newest published quarter, if any: what the home page leads with. */
  latestPublished: QuarterData | undefined;
  summaries: QuarterSummary[];
  /** Sites in id order, each with its checks newest first. */
  sites: SiteHistory<FindingsEntry>[];
  units: UnitTree;
  /** Units with at least one site checked (theirs or under them), with those sites' rows. */
  unitRows: Map<string, SiteQuarter[]>;
  /** The rules file's assessment amounts (rules.yaml, assessment:). */
  assessment: RulesConfig['assessment'];
  /** The rules file as it is today (the indicator pages show its settings). */
  rules: RulesConfig;
  /** The registry's sites by id (kind, closing date). */
  registrySites: ReadonlyMap<string, Site>;
  /** New media accounts, in registry order. */
  media: MediaAccount[];
  /** Manual records by quarter, each in file order. */
  manual: ReadonlyMap<string, ManualEntry[]>;
  /** Other offices' notices naming the units. */
  notices: ExternalNotice[];
  /** A quarter's inputs: pinned at its publication (pinned.ts), else the live files above. */
  inputsOf: (quarter: string) => QuarterInputs;
  /** The content duty plan's columns (content/duty.yaml), in file order; none without the file. */
  duty: DutyEntry[];
  /** 整改情况 of each published quarter whose notice set a deadline (rectifyBy), by quarter. */
  rectification: ReadonlyMap<string, QuarterRectification>;
  /** The daily monitor's records: each site's and unit's open problems on its last day, and the days' reports. */
  monitor: MonitorView;
  /** Whether the daily reports are pages of the portal (rules.yaml monitor.reports: public). */
  monitorReportsPublic: boolean;
}

/** What a quarter's pages read besides its own files. */
export interface QuarterInputs {
  units: UnitTree;
  assessment: RulesConfig['assessment'];
  /** How the notice names sites (rules.yaml notice.form, pinned with the rest). */
  noticeForm: NoticeForm;
  /** Each indicator's cap in the rules the quarter is scored with: the site page shows sum, cap and points counted. */
  caps: ReadonlyMap<string, number>;
  registrySites: ReadonlyMap<string, Site>;
  media: MediaAccount[];
}

/** One manual record as the pages read it. */
export interface ManualEntry {
  /** The file, relative to the content folder, e.g. manual/2026-Q4/linhe-msg.md. */
  file: string;
  quarter: string;
  data: ManualRecord;
  /** The Markdown body: the evidence in words. */
  evidence: string;
}

let cached: Promise<PortalData> | undefined;

/** The portal's data, loaded once; throws (failing the build) on a misplaced file. */
export function portalData(): Promise<PortalData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<PortalData> {
  const [findings, quarterFiles, unitEntries, siteEntries, manualEntries, mediaEntries, noticeEntries] = await Promise.all([
    readFindingsFiles(join(contentDir(), 'findings')),
    getCollection('quarters'),
    getCollection('units'),
    getCollection('sites'),
    getCollection('manual'),
    getCollection('media'),
    getCollection('notices'),
  ]);
  checkEntryIds(findings);
  const misplaced = quarterFiles.filter((q) => q.id !== q.data.quarter);
  if (misplaced.length) throw new Error(`quarter files in the wrong place: ${misplaced.map((q) => `quarters/${q.id}.md says ${q.data.quarter}`).join('; ')}`);
  const fileOf = new Map(quarterFiles.map((q) => [q.id, q]));
  const quarters = byQuarter(findings.map((e) => e.data)).map((g) => ({
    quarter: g.quarter,
    rows: g.rows,
    summary: summarizeQuarter(g.rows),
    file: fileOf.get(g.quarter),
    draft: quarterStatus(fileOf.get(g.quarter)?.data).state === 'draft',
  }));
  const drafts = new Set(quarters.filter((q) => q.draft).map((q) => q.quarter));
  const units = unitTree(unitEntries.map((e) => e.data));
  const rules = loadRulesConfig(contentDir());
  const { assessment } = rules;
  const registrySites = new Map(siteEntries.map((e) => [e.data.id, e.data]));
  const media = mediaEntries.map((e) => e.data);
  const live: QuarterInputs = { units, assessment, noticeForm: noticeForm(rules), caps: capsOf(rules), registrySites, media };
  const pinned = new Map<string, QuarterInputs>();
  for (const q of quarters) {
    if (q.file?.data.status === 'published' && hasPinnedInputs(contentDir(), q.quarter)) pinned.set(q.quarter, pinnedInputs(pinnedDir(contentDir(), q.quarter)));
  }
  return {
    quarters,
    isDraft: (quarter) => drafts.has(quarter),
    noticeDates: (quarter) => noticeDates(quarterStatus(fileOf.get(quarter)?.data)),
    latestPublished: quarters.find((q) => !q.draft),
    summaries: quarters.map((q) => q.summary),
    sites: bySite(findings),
    units,
    unitRows: rowsByUnit(findings.map((e) => e.data), units),
    assessment,
    rules,
    registrySites,
    media,
    manual: manualByQuarter(manualEntries),
    notices: noticeEntries.map((e) => e.data),
    inputsOf: (quarter) => pinned.get(quarter) ?? live,
    duty: loadDutyPlan(contentDir(), loadRegistry(contentDir())).entries,
    rectification: rectificationOf(contentDir(), quarters, todayInShanghai()),
    monitor: monitorView(contentDir(), siteEntries.map((e) => e.data.id)),
    monitorReportsPublic: rules.monitor?.reports === 'public',
  };
}

/** The rules file's notice form; a file from before the setting (a pinned copy) has the summary form. */
function noticeForm(rules: RulesConfig): NoticeForm {
  return rules.notice?.form ?? 'summary';
}

/** The indicators' caps of a rules file. */
function capsOf(rules: RulesConfig): Map<string, number> {
  return new Map(Object.entries(rules.indicators).flatMap(([id, c]) => (c.cap === undefined ? [] : [[id, c.cap] as const])));
}

/** A published quarter's pinned registry, media and amounts, checked as the live files are. */
function pinnedInputs(dir: string): QuarterInputs {
  const registry = loadRegistry(dir);
  const rules = loadRulesConfig(dir);
  return {
    units: unitTree(registry.units),
    assessment: rules.assessment,
    noticeForm: noticeForm(rules),
    caps: capsOf(rules),
    registrySites: new Map(registry.sites.map((s) => [s.id, s])),
    media: loadMedia(dir, new Set(registry.units.map((u) => u.id))),
  };
}

/**
 * The data a year's assessment page reads: each quarter charged by its own pinned inputs (inputsOf),
 * and the units' names, tree and amounts of the year's newest published quarter with pinned inputs,
 * so that a unit renamed or moved after the year's notices leaves the year's page as it was.
 */
export function yearView(data: PortalData, year: string): PortalData {
  const newest = data.quarters.find((q) => q.quarter.startsWith(`${year}-`) && q.file?.data.status === 'published');
  if (!newest) return data;
  const { units, assessment } = data.inputsOf(newest.quarter);
  return { ...data, units, assessment };
}

/** Each unit's rows: its own sites' and those of every unit under it. */
function rowsByUnit(rows: readonly SiteQuarter[], units: UnitTree): Map<string, SiteQuarter[]> {
  const own = new Map<string, SiteQuarter[]>();
  for (const r of rows) {
    const list = own.get(r.unit);
    if (list) list.push(r);
    else own.set(r.unit, [r]);
  }
  const out = new Map<string, SiteQuarter[]>();
  for (const id of new Set([...units.byId.keys(), ...own.keys()])) {
    const below = units.byId.has(id) ? unitAndBelow(units, id) : [id];
    const all = below.flatMap((u) => own.get(u) ?? []);
    if (all.length) out.set(id, all);
  }
  return out;
}

/** Records grouped by the quarter folder they are in (manual/<quarter>/<name>.md). */
function manualByQuarter(entries: ReadonlyArray<CollectionEntry<'manual'>>): Map<string, ManualEntry[]> {
  const out = new Map<string, ManualEntry[]>();
  for (const e of entries) {
    const [quarter, ...rest] = e.id.split('/');
    if (!quarter || !/^\d{4}-Q[1-4]$/.test(quarter) || rest.length !== 1) throw new Error(`manual/${e.id}.md: manual records belong in manual/<quarter>/<name>.md`);
    const entry = { file: `manual/${e.id}.md`, quarter, data: e.data, evidence: (e.body ?? '').trim() };
    const list = out.get(quarter);
    if (list) list.push(entry);
    else out.set(quarter, [entry]);
  }
  return out;
}
