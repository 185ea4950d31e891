// Writing inspectors' records (npm run record, npm run record:import): a record becomes a Markdown
// file whose name follows from what it is about, so recording the same thing again replaces it;
// every new record is checked before any is written, and the quarter is re-scored at once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { ManualRecord } from '../schemas/manual.ts';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { inTransaction } from '../store/transaction.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import { parseSiteQuarter, siteQuarterPath } from '../inspector/report/site-quarter.ts';
import { checkRecord, type RecordContext } from './records.ts';
import { quarterParts } from '../store/quarter-paths.ts';
import { assertDraft } from './draft.ts';
import { recordContext, rescoreQuarter, type RescoreResult } from './rescore.ts';

/** A record to write: its frontmatter and the evidence text that becomes its body. */
export interface NewRecord {
  data: ManualRecord;
  evidence: string;
}

/** Frontmatter keys in the order they are written (the schema's order). */
const KEY_ORDER = ['site', 'media', 'unit', 'indicator', 'target', 'points', 'page', 'screenshot', 'inspector', 'date'] as const;

/** The id of what the record is about: its site, media account or unit. */
export function subjectId(data: ManualRecord): string {
  return data.site ?? data.media ?? data.unit ?? '';
}

/**
 * manual/<quarter>/<subject>.<indicator>.<first 8 hex of sha256(target)>.md, relative to the
 * content folder. Indicator ids belong to one subject each, so a site and a unit with the same id
 * never share a name; the same subject, indicator and target always do.
 */
export function recordFileName(quarter: string, data: ManualRecord): string {
  const hash = createHash('sha256').update(data.target.trim()).digest('hex').slice(0, 8);
  return `${quarterParts(quarter).manual}/${subjectId(data)}.${data.indicator}.${hash}.md`;
}

/** The file's text: YAML frontmatter in a fixed key order, then the evidence, with one trailing newline. */
export function recordText(r: NewRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (r.data[k] !== undefined) ordered[k] = r.data[k];
  // YAML 1.1 quoting, as the findings files: Astro reads frontmatter as 1.1, where an unquoted
  // target yes would be a boolean and 2026-11-20 a Date.
  const yaml = new YAML.Document(ordered, { version: '1.1' }).toString({ lineWidth: 0 });
  const evidence = r.evidence.replace(/\r\n?/g, '\n').trim();
  return `---\n${yaml}---\n\n${evidence}\n`;
}

/** A site's findings file of the quarter, or undefined when it was not crawled that quarter. */
export function readSiteQuarter(contentDir: string, quarter: string, site: string): SiteQuarter | undefined {
  const path = siteQuarterPath(contentDir, quarter, site);
  if (!existsSync(path)) return undefined;
  try {
    return parseSiteQuarter(readFileSync(path, 'utf8'), path).data;
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

/** A site's verdict and score before and after a change. */
export interface SiteChange {
  site: string;
  name: string;
  before: Pick<SiteQuarter, 'verdict' | 'score'>;
  after: Pick<SiteQuarter, 'verdict' | 'score'>;
}

/** 合格 95.0 分, as the findings file's summary writes it. */
export function verdictText(s: Pick<SiteQuarter, 'verdict' | 'score'>): string {
  return `${s.verdict === 'pass' ? '合格' : '不合格'} ${s.score.toFixed(1)} 分`;
}

/** 临河市人民政府（linhe）：合格 95.0 分 → 合格 91.0 分 */
export function changeText(c: SiteChange): string {
  const same = c.before.verdict === c.after.verdict && c.before.score === c.after.score;
  return `${c.name}（${c.site}）：${verdictText(c.before)}${same ? '，不变' : ` → ${verdictText(c.after)}`}`;
}

/** Read the sites' findings files before a change; call the result after it for the changes. */
export function watchSites(contentDir: string, quarter: string, sites: Iterable<string>): () => SiteChange[] {
  // Only the verdicts are kept: a findings file may hold thousands of findings.
  const before = [...new Set(sites)].sort().flatMap((site) => {
    const sq = readSiteQuarter(contentDir, quarter, site);
    return sq ? [{ site: sq.site, name: sq.name, before: { verdict: sq.verdict, score: sq.score } }] : [];
  });
  return () =>
    before.map((b) => {
      const a = readSiteQuarter(contentDir, quarter, b.site) ?? b.before;
      return { ...b, after: { verdict: a.verdict, score: a.score } };
    });
}

/** What addRecords did. */
export interface AddResult {
  /** Record files written, relative to the content folder, in the order given. */
  written: string[];
  /** Those of them that replaced an existing record (same subject, indicator and target). */
  replaced: string[];
  /** The quarter's re-score after the records were written. */
  rescored: RescoreResult;
  /** Verdict and score of each site the records are about, before and after, by site id. */
  sites: SiteChange[];
}

/**
 * A check of new records one at a time (what record:import runs on each CSV row as it reads it):
 * the problems of a record, as "label: field: message" (label: the given one, else the file it would
 * be written to): the schema, registry and rules checks of any record file, a site record for a site
 * not crawled this quarter, and a record that would be the same file as one checked before it.
 */
export function recordChecker(contentDir: string, quarter: string, ctx: RecordContext): (r: NewRecord, label?: string) => string[] {
  const firstByFile = new Map<string, string>();
  const crawled = new Map<string, boolean>();
  return (r, label) => {
    const file = recordFileName(quarter, r.data);
    const at = label ?? file;
    const raw: string[] = [];
    checkRecord(file, recordText(r), ctx, raw);
    // checkRecord says file:line: field: message about the file it would be; the caller's label says where the record came from.
    const problems = raw.map((m) => `${at}: ${m.startsWith(`${file}:`) ? m.slice(file.length + 1).replace(/^\d+: /, '') : m}`);
    const site = r.data.site;
    if (site !== undefined && ctx.sites.has(site)) {
      if (!crawled.has(site)) crawled.set(site, existsSync(siteQuarterPath(contentDir, quarter, site)));
      if (!crawled.get(site)) problems.push(`${at}: site: ${site} has no findings file for ${quarter} (${quarterParts(quarter).findings}/${site}.md); crawl it first: npm run crawl -- --quarter ${quarter} --only ${site}`);
    }
    const first = firstByFile.get(file);
    if (first !== undefined) problems.push(`${at}: target: the same ${r.data.site ? 'site' : r.data.media ? 'media account' : 'unit'}, indicator and target as ${first}`);
    else firstByFile.set(file, at);
    return problems;
  };
}

/** Problems of each new record (recordChecker's), labelled labels[i], else the file it would be written to. */
export function checkNewRecords(contentDir: string, quarter: string, records: readonly NewRecord[], ctx: RecordContext, labels: readonly string[] = []): string[][] {
  const check = recordChecker(contentDir, quarter, ctx);
  return records.map((r, i) => check(r, labels[i]));
}

/**
 * Write files of the quarter, then re-score the quarter, as one transaction: if either throws (or the
 * process dies), every file they touched is put back as it was, so a refused change leaves nothing
 * behind. Joins the command's transaction when one is open.
 */
export function writeAndRescore(contentDir: string, quarter: string, write: () => void, sites?: ReadonlySet<string>): RescoreResult {
  return inTransaction(contentDir, `write and re-score ${quarter}`, () => {
    write();
    return rescoreQuarter(contentDir, quarter, sites);
  });
}

/**
 * Check every new record (nothing is written if any is bad: an InputError lists every problem),
 * write them atomically, and re-score the quarter. A published quarter is refused.
 */
export function addRecords(contentDir: string, quarter: string, records: readonly NewRecord[], labels: readonly string[] = []): AddResult {
  assertDraft(contentDir, quarter, 'record');
  if (!records.length) throw new InputError('no records to write');
  const problems = checkNewRecords(contentDir, quarter, records, recordContext(contentDir), labels).flat();
  if (problems.length) throw new InputError(`${problems.length} problem${problems.length > 1 ? 's' : ''}; nothing was written:\n  ${problems.join('\n  ')}`);
  return storeRecords(contentDir, quarter, new Set(records.flatMap((r) => (r.data.site ? [r.data.site] : []))), (put) => records.forEach(put));
}

/**
 * Write records already checked, as `each` hands them over one at a time (record:import reads them
 * from its CSV again rather than hold them all), then re-score the sites they are about, as one
 * transaction. `sites`: the site ids of the records.
 */
export function storeRecords(contentDir: string, quarter: string, sites: ReadonlySet<string>, each: (put: (r: NewRecord) => void) => void): AddResult {
  const written: string[] = [];
  const replaced: string[] = [];
  const changes = watchSites(contentDir, quarter, sites);
  // Only the records' sites are re-scored: media and unit records change no findings file.
  const rescored = writeAndRescore(
    contentDir,
    quarter,
    () =>
      each((r) => {
        const file = recordFileName(quarter, r.data);
        if (existsSync(join(contentDir, file))) replaced.push(file);
        written.push(file);
        writeFileAtomic(join(contentDir, file), recordText(r));
      }),
    sites,
  );
  return { written, replaced, rescored, sites: changes() };
}

/** Review entries matching no finding, as the re-score reports them: worth a look, never an error. */
export function unmatchedText(r: RescoreResult): string[] {
  if (!r.unmatched.length) return [];
  return [
    `注意：复核文件中有 ${r.unmatched.length} 条没有对应的问题（本季度检查不再发现，或问题写错了）：`,
    ...r.unmatched.map((u) => `  ${u.list === 'decisions' ? '复核' : '回复'} ${u.site} ${u.indicator} ${u.target}`),
  ];
}

/** What the record commands print: each file written or replaced, then each site's verdict and score. */
export function addResultText(r: AddResult): string {
  const replaced = new Set(r.replaced);
  const lines = r.written.map((f) => (replaced.has(f) ? `已替换 ${f}（同一对象、指标和问题的记录已存在，按新内容重写）` : `已写入 ${f}`));
  if (r.written.length > 1) lines.push(`共 ${r.written.length} 条记录：新增 ${r.written.length - r.replaced.length} 条，替换 ${r.replaced.length} 条。`);
  lines.push(...r.sites.map(changeText), ...unmatchedText(r.rescored));
  return lines.join('\n');
}
