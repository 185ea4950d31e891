// The office's assessment of responsible units (日常考核扣分), item by item: what each published
// quarter costs a unit, worded and tabled like the province's half-year table
// (../shared/seeds/002_49f8d2aa1abd7151.txt, 附件). The year's view (times named, rating cap) is in
// annual.ts; both read the items made here.
import { indicator, indicatorsAbout } from '../inspector/catalogue/index.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { ManualRecord } from '../schemas/manual.ts';
import type { MediaAccount } from '../schemas/media.ts';
import type { ExternalNotice } from '../schemas/notices.ts';
import type { RectificationState } from '../schemas/rectification.ts';
import type { QuarterFile } from '../schemas/quarter.ts';
import type { Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { halfOf, lossTable, shortQuarterName, topUnits, unitAndBelow, unitName, type LossRow, type UnitTree } from './units.ts';

/** The amounts of rules.yaml, assessment:. */
export type Amounts = RulesConfig['assessment'];

/** The parts of the portal's data the assessment reads; PortalData (collection.ts) has them all. */
export interface AssessmentData {
  /** Quarters with their checks and the office's quarter file, in any order. */
  quarters: ReadonlyArray<{ quarter: string; rows: readonly SiteQuarter[]; file: { data: Pick<QuarterFile, 'status' | 'date' | 'published'> } | undefined }>;
  /** Manual records by quarter. */
  manual: ReadonlyMap<string, readonly RecordEntry[]>;
  /** The registry's sites by id. */
  registrySites: ReadonlyMap<string, Pick<Site, 'unit' | 'kind' | 'closed'>>;
  media: ReadonlyArray<Pick<MediaAccount, 'id' | 'unit'>>;
  /** Other offices' notices (annual.ts). */
  notices: readonly ExternalNotice[];
  units: UnitTree;
  assessment: Amounts;
  /** The content duty plan's columns (content/duty.yaml): a unit that keeps one has a page. */
  duty?: ReadonlyArray<{ unit: string }>;
  /** 整改情况 of the published quarters with a deadline: a problem not fixed by it costs assessment.notRectified. */
  rectification?: ReadonlyMap<string, { list: ReadonlyArray<{ unit: string; site: string; state: RectificationState }> }>;
  /** A published quarter's own registry, media and amounts (pinned at publication); the ones above when absent. */
  inputsOf?: (quarter: string) => Pick<AssessmentData, 'registrySites' | 'media' | 'assessment'>;
}

/** A manual record and its file (relative to the content folder, for error messages). */
export interface RecordEntry {
  file: string;
  data: ManualRecord;
}

/** One thing a unit answers for in a published quarter. */
export type Item =
  | {
      kind: 'failing-site';
      quarter: string;
      unit: string;
      site: string;
      /** The per-site amount, or 0 for a closed site. */
      points: number;
      /** Closed on or before the notice's date: counted among the failing sites, not in the points (002). */
      closed: boolean;
    }
  | { kind: 'overdue-message'; quarter: string; unit: string; site: string; points: number; file: string }
  | { kind: 'self-inspection-missing'; quarter: string; unit: string; points: number; file: string }
  /** A problem the notice named, not fixed by its deadline (未整改 or 逾期整改), when rules.yaml sets assessment.notRectified. */
  | { kind: 'not-rectified'; quarter: string; unit: string; site: string; points: number }
  /** A new media account failing on a veto item: it names the unit in the notice, at no points (annual.ts counts it). */
  | { kind: 'media-veto'; quarter: string; unit: string; media: string; points: 0; file: string };

/** Whether a quarter counts: only a published notice names anyone; a draft is not counted yet. */
export type QuarterState = 'counted' | 'draft';

/** The media items that fail an account (kind veto); the others are problems listed without a verdict. */
export const MEDIA_VETOES: ReadonlySet<string> = new Set(indicatorsAbout('media').filter((m) => m.kind === 'veto').map((m) => m.id));

/** A quarter counts once its notice is published. */
export function quarterState(file: { data: Pick<QuarterFile, 'status'> } | undefined): QuarterState {
  return file?.data.status === 'published' ? 'counted' : 'draft';
}

/** The day the notice is dated: its 成文日期, else the day it was published. */
export function noticeDate(file: Pick<QuarterFile, 'date' | 'published'>): string | undefined {
  return file.date ?? file.published;
}

/** What one non-compliant site costs, by its kind when the amounts are given per kind. */
export function failingSiteAmount(amounts: Amounts, kind: Site['kind'] | undefined): number {
  const a = amounts.failingSite;
  if (typeof a === 'number') return a;
  // A site no longer in the registry has no kind: it is charged as a portal, the amount the
  // province uses for a unit's main site (002), so dropping a site from the registry never lowers a loss.
  // A 专栏 is a department's part of a site: the department amount unless rules.yaml gives its own.
  return kind === 'column' ? (a.column ?? a.department) : kind === 'department' ? a.department : a.portal;
}

/** The failing sites of a published quarter, each charged to the unit its findings file names. */
export function failingSiteItems(quarter: string, rows: readonly SiteQuarter[], notice: string | undefined, sites: AssessmentData['registrySites'], amounts: Amounts): Item[] {
  return rows
    .filter((r) => r.verdict === 'fail')
    .map((r): Item => {
      const site = sites.get(r.site);
      // 002: 菏泽市 4 家不合格网站在抽查情况公示前已进行了关停（不计入当季考核成绩）.
      const closed = site?.closed !== undefined && notice !== undefined && site.closed <= notice;
      return { kind: 'failing-site', quarter, unit: r.unit, site: r.site, points: closed ? 0 : failingSiteAmount(amounts, site?.kind), closed };
    });
}

/**
 * The records of a published quarter that count: late messages (charged to the site's unit, from
 * the registry, else from the quarter's findings file of the site), missing self-inspection
 * reports, and media accounts failing on a veto. A record naming what neither the registry nor
 * the quarter knows is a content error (npm run record refuses it) and throws, naming the file.
 */
export function recordItems(quarter: string, records: readonly RecordEntry[], rows: readonly SiteQuarter[], data: Pick<AssessmentData, 'registrySites' | 'media' | 'assessment'>): Item[] {
  const out: Item[] = [];
  for (const { file, data: r } of records) {
    // What a record costs its unit is the catalogue's: assessment: overdueMessage or selfInspectionMissing.
    const item = indicator(r.indicator)?.assessment;
    if (item === 'overdueMessage' && r.site !== undefined) {
      const site = r.site;
      const unit = data.registrySites.get(site)?.unit ?? rows.find((row) => row.site === site)?.unit;
      if (unit === undefined) throw new Error(`${file}: site ${site} is not in sites.yaml nor checked in ${quarter}`);
      out.push({ kind: 'overdue-message', quarter, unit, site, points: data.assessment.overdueMessage, file });
    } else if (item === 'selfInspectionMissing') {
      if (r.unit === undefined) throw new Error(`${file}: ${r.indicator} is about a unit: give unit: <id>`);
      out.push({ kind: 'self-inspection-missing', quarter, unit: r.unit, points: data.assessment.selfInspectionMissing, file });
    } else if (MEDIA_VETOES.has(r.indicator) && r.media !== undefined) {
      const media = r.media;
      const unit = data.media.find((m) => m.id === media)?.unit;
      if (unit === undefined) throw new Error(`${file}: no account ${media} in media.yaml`);
      out.push({ kind: 'media-veto', quarter, unit, media, points: 0, file });
    }
  }
  return out;
}

/** The problems of a quarter not fixed by the deadline, each at assessment.notRectified; none when the office does not count them. */
export function notRectifiedItems(quarter: string, list: ReadonlyArray<{ unit: string; site: string; state: RectificationState }>, amounts: Amounts): Item[] {
  const points = amounts.notRectified;
  if (points === undefined) return [];
  return list.filter((r) => r.state === 'not-fixed' || r.state === 'fixed-late').map((r) => ({ kind: 'not-rectified', quarter, unit: r.unit, site: r.site, points }));
}

/**
 * Whether an item names its unit in the quarter's notice (被通报): a failing site in 附件1 (not one
 * closed before the notice: 002 takes those out of the quarter's assessment), a new media account
 * failing on a veto (附件2), or no self-inspection report. Late messages cost points but are not a
 * naming. The notice page lists exactly these units and the annual count counts exactly them.
 */
function namesUnit(item: Item): boolean {
  return (item.kind === 'failing-site' && !item.closed) || item.kind === 'media-veto' || item.kind === 'self-inspection-missing';
}

/** What the assessment works from, built once per data set (a build renders a page per unit). */
interface Index {
  /** Each quarter's state. */
  states: ReadonlyMap<string, QuarterState>;
  /** The units each quarter's notice names (namesUnit), draft quarters included, in first-named order. */
  named: ReadonlyMap<string, readonly string[]>;
  /** Items of the published quarters by the unit they are charged to (not the units above it). */
  items: ReadonlyMap<string, Item[]>;
  /** Sites checked and judged 不合格, per unit (its own sites) and quarter, published or not. */
  checks: ReadonlyMap<string, ReadonlyMap<string, { sites: number; failing: number }>>;
  /** Units that get a page (unitsWithPages). */
  pages: ReadonlySet<string>;
}

const indexes = new WeakMap<AssessmentData, Index>();

function indexOf(data: AssessmentData): Index {
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = buildIndex(data)));
  return index;
}

function buildIndex(data: AssessmentData): Index {
  const states = new Map<string, QuarterState>();
  const named = new Map<string, string[]>();
  const items = new Map<string, Item[]>();
  const checks = new Map<string, Map<string, { sites: number; failing: number }>>();
  for (const q of data.quarters) {
    const state = quarterState(q.file);
    states.set(q.quarter, state);
    for (const r of q.rows) {
      let perQuarter = checks.get(r.unit);
      if (!perQuarter) checks.set(r.unit, (perQuarter = new Map()));
      const c = perQuarter.get(q.quarter) ?? { sites: 0, failing: 0 };
      perQuarter.set(q.quarter, { sites: c.sites + 1, failing: c.failing + (r.verdict === 'fail' ? 1 : 0) });
    }
    // A draft's notice would name these units once published; only a published one charges them.
    const notice = q.file ? noticeDate(q.file.data) : undefined;
    // Each quarter is charged by the registry and amounts it was published with.
    const inputs = data.inputsOf?.(q.quarter) ?? data;
    const all = [...failingSiteItems(q.quarter, q.rows, notice, inputs.registrySites, inputs.assessment), ...recordItems(q.quarter, data.manual.get(q.quarter) ?? [], q.rows, inputs), ...notRectifiedItems(q.quarter, data.rectification?.get(q.quarter)?.list ?? [], inputs.assessment)];
    named.set(q.quarter, [...new Set(all.filter(namesUnit).map((i) => i.unit))]);
    if (state !== 'counted') continue;
    for (const item of all) {
      const list = items.get(item.unit);
      if (list) list.push(item);
      else items.set(item.unit, [item]);
    }
  }
  const pages = new Set<string>();
  const parentOf = (u: string) => data.units.byId.get(u)?.parent;
  for (const u of [...checks.keys(), ...items.keys(), ...data.notices.flatMap((n) => n.units), ...(data.duty ?? []).map((d) => d.unit)]) {
    for (let x: string | undefined = u; x !== undefined && !pages.has(x); x = parentOf(x)) pages.add(x);
  }
  return { states, named, items, checks, pages };
}

/**
 * The units a quarter's notice names (被通报), each once, by the unit its item is charged to (not
 * the units above it): a published quarter's count in the annual assessment, a draft's once it is
 * published. Empty for a quarter without checks.
 */
export function namedUnits(data: AssessmentData, quarter: string): readonly string[] {
  return indexOf(data).named.get(quarter) ?? [];
}

/** Each quarter of the data and whether it counts, oldest first. */
export function quarterStates(data: AssessmentData): Array<{ quarter: string; state: QuarterState }> {
  return [...indexOf(data).states].map(([quarter, state]) => ({ quarter, state })).sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}

/** The items of the published quarters charged to the unit or any unit under it (unitAndBelow). */
export function unitItems(data: AssessmentData, unit: string): Item[] {
  const { items } = indexOf(data);
  return unitAndBelow(data.units, unit).flatMap((u) => items.get(u) ?? []);
}

/** Points lost over a set of items: the 002 row's figures. */
export interface DailyLoss {
  /** Quarters with a failing site, oldest first; failing counts closed sites too, as 002's text does. */
  quarters: Array<{ quarter: string; failing: number; closed: number; points: number }>;
  overdue: { count: number; points: number };
  selfInspection: { count: number; points: number };
  /** Problems a notice named and the unit did not fix by the deadline. */
  notRectified: { count: number; points: number };
  /** Everything above: 日常考核扣分. */
  points: number;
}

/** Sum without binary leftovers (amounts like 0.5 add up to 1.5, not 1.4999…). */
export function addPoints(values: readonly number[]): number {
  return Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100;
}

/** Add up items: per quarter for the sites, then the messages and the self-inspection reports. */
export function dailyLoss(items: readonly Item[]): DailyLoss {
  const byQuarter = new Map<string, Item[]>();
  for (const i of items) if (i.kind === 'failing-site') byQuarter.set(i.quarter, [...(byQuarter.get(i.quarter) ?? []), i]);
  const quarters = [...byQuarter]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([quarter, list]) => ({ quarter, failing: list.length, closed: list.filter((i) => i.kind === 'failing-site' && i.closed).length, points: addPoints(list.map((i) => i.points)) }));
  const tally = (kind: Item['kind']) => {
    const list = items.filter((i) => i.kind === kind);
    return { count: list.length, points: addPoints(list.map((i) => i.points)) };
  };
  const overdue = tally('overdue-message');
  const selfInspection = tally('self-inspection-missing');
  const notRectified = tally('not-rectified');
  return { quarters, overdue, selfInspection, notRectified, points: addPoints([...quarters.map((q) => q.points), overdue.points, selfInspection.points, notRectified.points]) };
}

/**
 * 扣分说明 in 002's words: quarters in order, then messages, then self-inspection, e.g.
 * 一季度 10 个不合格网站-6；二季度 4 个不合格网站-8；2 条网民留言处理超期-10；未报送自查报告-5.
 * A quarter whose failing sites were all closed costs nothing and is left out (菏泽市's first
 * quarter in 002); 无 when nothing was lost.
 */
export function explainLoss(loss: DailyLoss): string {
  const parts = loss.quarters.filter((q) => q.points > 0).map((q) => `${shortQuarterName(q.quarter)} ${q.failing} 个不合格网站-${q.points}`);
  if (loss.overdue.points > 0) parts.push(`${loss.overdue.count} 条网民留言处理超期-${loss.overdue.points}`);
  // 002 only has single reports (未报送自查报告-5); more than one is counted the way messages are.
  if (loss.selfInspection.points > 0) parts.push(`${loss.selfInspection.count > 1 ? `${loss.selfInspection.count} 次` : ''}未报送自查报告-${loss.selfInspection.points}`);
  if (loss.notRectified.points > 0) parts.push(`${loss.notRectified.count} 个通报问题未按期整改-${loss.notRectified.points}`);
  return parts.length ? parts.join('；') : '无';
}

/** One unit's row of the half-year table from its items of that half-year. */
export function lossRow(unit: string, name: string, items: readonly Item[]): LossRow {
  const loss = dailyLoss(items);
  return { unit, name, points: loss.points, explanation: explainLoss(loss) };
}

/** One half-year's table. */
export interface HalfYearTable {
  half: string;
  /** Its published quarters, oldest first: the ones counted. */
  counted: string[];
  /** Its quarters still in draft: not counted yet. */
  drafts: string[];
  rows: LossRow[];
}

/**
 * Per half-year with a published quarter, newest first, the loss table over the given units (in
 * registry order, which breaks ties), each counting the units under it.
 */
export function halfYearTables(data: AssessmentData, unitIds: readonly string[]): HalfYearTable[] {
  const states = quarterStates(data);
  const halves = [...new Set(states.filter((s) => s.state === 'counted').map((s) => halfOf(s.quarter)))].sort().reverse();
  return halves.map((half) => {
    const inHalf = states.filter((s) => halfOf(s.quarter) === half);
    return {
      half,
      counted: inHalf.filter((s) => s.state === 'counted').map((s) => s.quarter),
      drafts: inHalf.filter((s) => s.state === 'draft').map((s) => s.quarter),
      rows: lossTable(unitIds.map((id) => lossRow(id, unitName(data.units, id), unitItems(data, id).filter((i) => halfOf(i.quarter) === half)))),
    };
  });
}

/** A unit's quarter on its own page: sites checked, and what the quarter cost once published. */
export interface QuarterLossRow {
  quarter: string;
  state: QuarterState;
  /** Sites of the unit and the units under it checked that quarter. */
  sites: number;
  /** Of those, judged 不合格. */
  failing: number;
  /** Of those, closed on or before the notice (published quarters only). */
  closed: number;
  /** Points for the failing sites. */
  sitePoints: number;
  /** Points lost; all zero while the quarter is a draft. */
  loss: DailyLoss;
}

/** Per quarter in which the unit (or a unit under it) had a site checked or an item, newest first. */
export function quarterLossRows(data: AssessmentData, unit: string): QuarterLossRow[] {
  const { states, checks } = indexOf(data);
  const below = unitAndBelow(data.units, unit);
  const items = unitItems(data, unit);
  const quarters = new Set([...below.flatMap((u) => [...(checks.get(u)?.keys() ?? [])]), ...items.map((i) => i.quarter)]);
  return [...quarters]
    .sort()
    .reverse()
    .map((quarter) => {
      const c = below.map((u) => checks.get(u)?.get(quarter) ?? { sites: 0, failing: 0 });
      const loss = dailyLoss(items.filter((i) => i.quarter === quarter));
      return {
        quarter,
        state: states.get(quarter) ?? 'draft',
        sites: c.reduce((s, x) => s + x.sites, 0),
        failing: c.reduce((s, x) => s + x.failing, 0),
        closed: loss.quarters[0]?.closed ?? 0,
        sitePoints: loss.quarters[0]?.points ?? 0,
        loss,
      };
    });
}

/**
 * Units that get a page: those with a site checked, something charged or a notice naming them,
 * and every unit above them (the tables link to each unit they rank).
 */
export function unitsWithPages(data: AssessmentData): ReadonlySet<string> {
  return indexOf(data).pages;
}

/**
 * The units of the office-wide tables: the top units (registry order) that have a page, then
 * units of findings files that the registry no longer lists, by id.
 */
export function topLevelUnits(data: AssessmentData): string[] {
  const pages = unitsWithPages(data);
  const top = topUnits(data.units).filter((u) => pages.has(u));
  const orphans = [...pages].filter((u) => !data.units.byId.has(u)).sort();
  return [...top, ...orphans];
}
