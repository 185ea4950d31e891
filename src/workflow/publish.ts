// Publishing a quarter (npm run publish) and correcting a published one (npm run correct). A
// published quarter is a public record: from then on its files change only with an erratum that
// says what changed, why, and which files, and the manifest is signed again.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq } from 'yaml';
import type { Erratum } from '../schemas/quarter.ts';
import { isIsoDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { describeProblem, manifestFile, signQuarter, verifyQuarter, type ManifestProblem } from './manifest.ts';
import { editQuarterFile, quarterFilePath, readQuarterFile } from '../store/quarter-file.ts';
import { pinInputs } from '../store/pinned.ts';
import { deadlineOf } from '../store/rectification.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { CalendarGap, loadCalendar } from '../inspector/workdays.ts';
import { quarterFiles, quarterParts } from '../store/quarter-paths.ts';

export interface PublishOptions {
  contentDir: string;
  quarter: string;
  /** The day of publication, YYYY-MM-DD; also the 成文日期 when the quarter file has none. */
  date: string;
  /** Checks the quarter's inputs (manual records, reviews) before anything is written; throws InputError to refuse. */
  check?: () => void | Promise<void>;
}

/** What publishQuarter did. */
export interface Published {
  quarter: string;
  date: string;
  /** manifests/<quarter>.sha256, relative to the content folder. */
  manifest: string;
  /** The files signed, relative to the content folder. */
  files: string[];
}

/**
 * Mark the quarter published (status, published date, 成文日期 if absent, and the 整改期限
 * rectifyBy if absent: rules.yaml rectification.workdays working days on) and sign its files.
 * Refuses a quarter that is already published, has no quarter file or has no findings.
 */
export async function publishQuarter(o: PublishOptions): Promise<Published> {
  assertDate(o.date);
  const q = readQuarterFile(o.contentDir, o.quarter);
  if (!q) throw new InputError(`${quarterFilePath(o.contentDir, o.quarter)}: no quarter file; write it first (quarter, issuer, to; see content/quarters/ for an example)`);
  if (q.status === 'published') {
    throw new InputError(`${o.quarter} was already published on ${q.published ?? '(no date)'}; to change it, edit its files and run npm run correct -- ${o.quarter} --what "…" --why "…"`);
  }
  const findings = `${quarterParts(o.quarter).findings}/`;
  if (!quarterFiles(o.contentDir, o.quarter).some((f) => f.startsWith(findings))) {
    throw new InputError(`${o.contentDir}/${findings}: no findings files; run npm run crawl -- --quarter ${o.quarter} first`);
  }
  // A sampled quarter publishes its sample: a findings file of a site outside it (left by a crawl
  // before the draw) would name a site that was not spot-checked.
  if (q.sample) {
    const drawn = new Set(q.sample.sites);
    const outside = quarterFiles(o.contentDir, o.quarter).filter((f) => f.startsWith(findings) && !drawn.has(f.slice(findings.length, -'.md'.length)));
    if (outside.length) {
      throw new InputError(`${o.quarter} was sampled (seed ${q.sample.seed}), but ${outside.length} findings file${outside.length > 1 ? 's are' : ' is'} for sites outside the sample; remove ${outside.length > 1 ? 'them' : 'it'} or draw again:\n  ${outside.map((f) => `${o.contentDir}/${f}`).join('\n  ')}`);
    }
  }
  await o.check?.();
  // What its pages are built from besides its own files, as it is today: signed with them.
  pinInputs(o.contentDir, o.quarter);
  const rectifyBy = q.rectifyBy ?? rectifyDeadline(o.contentDir, o.date);
  editQuarterFile(o.contentDir, o.quarter, (doc, data) => {
    doc.set('status', 'published');
    doc.set('published', o.date);
    if (data.date === undefined) doc.set('date', o.date);
    if (data.rectifyBy === undefined && rectifyBy !== undefined) doc.set('rectifyBy', rectifyBy);
  });
  const signed = signQuarter(o.contentDir, o.quarter);
  return { quarter: o.quarter, date: o.date, ...signed };
}

export interface CorrectOptions {
  contentDir: string;
  quarter: string;
  /** What changed, in words for the public. */
  what: string;
  /** Why it changed. */
  why: string;
  /** The day of the correction, YYYY-MM-DD; not before the publication. */
  date: string;
  /** Re-scores the quarter's findings files after an edited manual record or review, before the changed files are listed. */
  rescore?: () => void | Promise<void>;
}

/** What correctQuarter did. */
export interface Corrected {
  quarter: string;
  /** The erratum appended to the quarter file. */
  erratum: Erratum;
  /** manifests/<quarter>.sha256, relative to the content folder. */
  manifest: string;
  /** The files signed again, relative to the content folder. */
  files: string[];
}

/**
 * Record a correction of a published quarter: the files that differ from its manifest (changed,
 * deleted or added, after the optional re-score) go into an erratum appended to the quarter
 * file, and the quarter is signed again. Refuses a draft, and a quarter where nothing changed.
 */
export async function correctQuarter(o: CorrectOptions): Promise<Corrected> {
  assertDate(o.date);
  const what = o.what.trim();
  const why = o.why.trim();
  if (!what) throw new InputError('--what must say what changed, in words for the public');
  if (!why) throw new InputError('--why must say why it changed');
  const q = readQuarterFile(o.contentDir, o.quarter);
  if (!q) throw new InputError(`${quarterFilePath(o.contentDir, o.quarter)}: no quarter file; there is nothing to correct`);
  if (q.status !== 'published') throw new InputError(`${o.quarter} is not published: edit its files freely and run npm run publish -- ${o.quarter} when it is ready`);
  if (q.published !== undefined && o.date < q.published) throw new InputError(`--date ${o.date} is before the publication of ${o.quarter} on ${q.published}`);
  if (changedFiles(o.contentDir, o.quarter).length === 0) throw new InputError(`${o.quarter}: nothing changed: edit the files first (they all match ${manifestFile(o.quarter)})`);
  await o.rescore?.();
  const files = changedFiles(o.contentDir, o.quarter);
  if (files.length === 0) throw new InputError(`${o.quarter}: nothing changed after re-scoring: edit the files first (they all match ${manifestFile(o.quarter)})`);
  const erratum: Erratum = { date: o.date, what, why, files };
  editQuarterFile(o.contentDir, o.quarter, (doc) => {
    const errata = doc.get('errata', true);
    if (isSeq(errata)) {
      // `errata: []` would otherwise stay a flow sequence with a whole erratum on one line.
      errata.flow = false;
      errata.add(doc.createNode(erratum));
    } else {
      doc.set('errata', doc.createNode([erratum]));
    }
  });
  const signed = signQuarter(o.contentDir, o.quarter);
  return { quarter: o.quarter, erratum, ...signed };
}

/**
 * The files that differ from the manifest, sorted. A manifest that is missing or has malformed
 * lines cannot say what changed: that is an InputError (restore it from git).
 */
function changedFiles(contentDir: string, quarter: string): string[] {
  const problems = verifyQuarter(contentDir, quarter);
  const broken = problems.filter((p): p is Extract<ManifestProblem, { kind: 'malformed' | 'no-manifest' }> => p.kind === 'malformed' || p.kind === 'no-manifest');
  if (broken.length) {
    throw new InputError(`${manifestFile(quarter)} cannot be compared with the files; restore it from git:\n  ${broken.map(describeProblem).join('\n  ')}`);
  }
  return [...new Set(problems.map((p) => p.file))].sort();
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
}

/** The 整改期限 of a notice published on `date` (rules.yaml rectification.workdays on the holiday calendar); undefined without the setting or past the calendar's years (the office then writes rectifyBy itself). */
function rectifyDeadline(contentDir: string, date: string): string | undefined {
  if (!existsSync(join(contentDir, 'rules.yaml'))) return undefined;
  try {
    return deadlineOf({ published: date }, loadRulesConfig(contentDir), loadCalendar(contentDir));
  } catch (e) {
    if (e instanceof CalendarGap) return undefined;
    throw e;
  }
}
