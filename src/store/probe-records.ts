// content/probes/<site-id>/<yyyy>.csv: a site's availability probes, one row per vantage and
// Asia/Shanghai day. Reading validates every row (file, line and field on error); writing validates
// with the same schema, sorts by vantage then date and writes atomically, so the same records always
// give the same bytes. Sorted by vantage first, each prober's rows are one block of the file: two
// probers committing the same file change different lines, and git merges them.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LATENCY_BUCKETS_MS, LATENCY_COLUMNS, PROBE_COLUMNS, PROBE_COLUMNS_WITHOUT_VANTAGE, latencyQuantile, probeDaySchema, type ProbeDay, type ProbeDayRow } from '../schemas/probes.ts';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';

/** What a record keeps of one probe. */
export interface ProbeMark {
  /** The home page loaded (HTTP < 400) within the time limit. */
  ok: boolean;
  /** Time to the end of the body, in ms; a success never takes longer than 15 s. */
  elapsedMs: number;
}

/** The file holding a site's records of one year. */
export function probeFile(contentDir: string, siteId: string, year: number | string): string {
  return join(contentDir, 'probes', siteId, `${year}.csv`);
}

/** What identifies a row: where and when. */
type RowKey = { date: string; vantage?: string | undefined };
/** A row's key: the unnamed vantage ('') sorts first, then names, then dates. */
const keyOf = (d: RowKey): [string, string] => [d.vantage ?? '', d.date];
const compareKey = (x: RowKey, y: RowKey) => {
  const [xv, xd] = keyOf(x);
  const [yv, yd] = keyOf(y);
  return xv < yv ? -1 : xv > yv ? 1 : xd < yd ? -1 : xd > yd ? 1 : 0;
};
/** "2026-11-19 from city-intranet", for messages. */
const rowName = (d: RowKey) => `${d.date} ${d.vantage ? `from ${d.vantage}` : 'from no named vantage'}`;

/** Successful probes per latency bucket. */
export function bucketsOf(day: ProbeDay): number[] {
  return LATENCY_COLUMNS.map((c) => day[c]);
}

/** A day's record from its counts; the quantiles are derived from the buckets. */
export function makeDay(date: string, tries: number, failures: number, buckets: readonly number[], maxMs: number | undefined, vantage?: string): ProbeDay {
  if (buckets.length !== LATENCY_COLUMNS.length) throw new Error(`expected ${LATENCY_COLUMNS.length} latency buckets, got ${buckets.length}`);
  const day = {
    vantage,
    date,
    tries,
    failures,
    p50_ms: latencyQuantile(buckets, maxMs, 0.5),
    p95_ms: latencyQuantile(buckets, maxMs, 0.95),
    max_ms: buckets.some((n) => n > 0) ? maxMs : undefined,
    ...Object.fromEntries(LATENCY_COLUMNS.map((c, i) => [c, buckets[i]!])),
  };
  return day as ProbeDay;
}

/** Index of the bucket a successful load time falls in. */
function bucketIndex(ms: number): number {
  const i = LATENCY_BUCKETS_MS.findIndex((b) => ms <= b);
  if (i < 0 || ms < 0) throw new Error(`a successful probe took ${ms} ms, beyond the ${LATENCY_BUCKETS_MS.at(-1)} ms limit: it should have counted as failed`);
  return i;
}

/** The day's record (from `vantage`, absent when unnamed) with one more probe. */
export function addProbe(day: ProbeDay | undefined, date: string, probe: ProbeMark, vantage?: string): ProbeDay {
  if (day && compareKey(day, { date, vantage }) !== 0) throw new Error(`cannot add a probe of ${rowName({ date, vantage })} to the record of ${rowName(day)}`);
  const buckets = day ? bucketsOf(day) : LATENCY_COLUMNS.map(() => 0);
  let max = day?.max_ms;
  if (probe.ok) {
    const ms = Math.round(probe.elapsedMs);
    buckets[bucketIndex(ms)]!++;
    max = Math.max(max ?? 0, ms);
  }
  return makeDay(date, (day?.tries ?? 0) + 1, (day?.failures ?? 0) + (probe.ok ? 0 : 1), buckets, max, vantage);
}

/**
 * Two records of the same day and vantage (e.g. two copies of one prober's file) as one: counts and
 * buckets add up exactly. Days from two vantages stay apart: only one may be trusted.
 */
export function mergeDay(a: ProbeDay, b: ProbeDay): ProbeDay {
  if (compareKey(a, b) !== 0) throw new Error(`cannot merge the record of ${rowName(a)} with that of ${rowName(b)}`);
  const ba = bucketsOf(a);
  const bb = bucketsOf(b);
  const max = a.max_ms === undefined ? b.max_ms : b.max_ms === undefined ? a.max_ms : Math.max(a.max_ms, b.max_ms);
  return makeDay(a.date, a.tries + b.tries, a.failures + b.failures, ba.map((n, i) => n + bb[i]!), max, a.vantage);
}

/** Two lists of daily records as one: a day from one vantage adds up, days from two stay two rows; sorted by vantage, then date. */
export function mergeRecords(a: readonly ProbeDay[], b: readonly ProbeDay[]): ProbeDay[] {
  const days = new Map<string, ProbeDay>();
  for (const d of [...a, ...b]) {
    const key = keyOf(d).join(' ');
    const seen = days.get(key);
    days.set(key, seen ? mergeDay(seen, d) : d);
  }
  return [...days.values()].sort(compareKey);
}

/** The row as CSV text; an absent latency is an empty cell. */
function toRow(day: ProbeDay): ProbeDayRow {
  return Object.fromEntries(PROBE_COLUMNS.map((c) => [c, day[c] === undefined ? '' : String(day[c])])) as ProbeDayRow;
}

/** CSV text of a site's records: header, rows sorted by vantage then date, LF line ends, trailing newline. */
export function serializeProbeCsv(days: readonly ProbeDay[]): string {
  const sorted = [...days].sort(compareKey);
  const rows = sorted.map((d, i) => {
    if (i > 0 && compareKey(sorted[i - 1]!, d) === 0) throw new Error(`two records of ${rowName(d)}: merge them first`);
    const row = toRow(d);
    const r = probeDaySchema.safeParse(row);
    if (!r.success) throw new Error(`invalid probe record of ${rowName(d)}: ${r.error.issues.map((is) => `${String(is.path[0] ?? '')}: ${is.message}`).join('; ')}`);
    return PROBE_COLUMNS.map((c) => row[c]);
  });
  return stringify([[...PROBE_COLUMNS], ...rows], { record_delimiter: 'unix', eof: true });
}

/**
 * Parse a record file. Every problem is reported at once as "file:line: field: message"; the rows
 * must be one per vantage and day, sorted by vantage then date, and (when the file is named
 * <yyyy>.csv) in that year. A file written before the vantage column is read as it was: every row
 * unnamed, rewritten with the column the next time a probe is added.
 */
export function parseProbeCsv(text: string, file: string): ProbeDay[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new InputError(`${file}:${line ?? 1}: not a readable CSV file (${(e as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header) throw new InputError(`${file}:1: the file is empty (expected the header ${PROBE_COLUMNS.join(',')})`);
  const columns = [PROBE_COLUMNS, PROBE_COLUMNS_WITHOUT_VANTAGE].find((c) => header.record.join(',') === c.join(','));
  if (!columns) {
    throw new InputError(`${file}:${header.info.lines}: the header must be ${PROBE_COLUMNS.join(',')} (or, in a file written before probes named their vantage, the same without vantage), got ${header.record.join(',')}`);
  }
  const year = /^(\d{4})\.csv$/.exec(basename(file))?.[1];
  const errors: string[] = [];
  const days: ProbeDay[] = [];
  let previous: { day: ProbeDay; line: number } | undefined;
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push(`${file}:${line}: (row): has ${record.length} fields, expected ${columns.length} (${columns.join(',')})`);
      continue;
    }
    const r = probeDaySchema.safeParse({ vantage: '', ...Object.fromEntries(columns.map((c, i) => [c, record[i]])) });
    if (!r.success) {
      for (const is of r.error.issues) errors.push(`${file}:${line}: ${String(is.path[0] ?? '(row)')}: ${is.message}`);
      continue;
    }
    const day = r.data;
    if (year && !day.date.startsWith(`${year}-`)) errors.push(`${file}:${line}: date: ${day.date} is not in ${year}, the year the file is named after`);
    const order = previous ? compareKey(day, previous.day) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: date: ${rowName(day)} is a second row for the same day and vantage as line ${previous.line}`);
    else if (previous && order < 0) {
      const field = (day.vantage ?? '') === (previous.day.vantage ?? '') ? 'date' : 'vantage';
      errors.push(`${file}:${line}: ${field}: ${rowName(day)} comes before ${rowName(previous.day)} on line ${previous.line} (one row per vantage and day, sorted by vantage, then date)`);
    }
    previous = { day, line };
    days.push(day);
  }
  if (errors.length) throw new InputError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return days;
}

/** A record file's days; none when the file does not exist. */
export function readProbeFile(file: string): ProbeDay[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseProbeCsv(text, file);
}

/** Write a record file atomically; returns whether its bytes changed. */
export function writeProbeFile(file: string, days: readonly ProbeDay[]): boolean {
  const text = serializeProbeCsv(days);
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) return false;
  writeFileAtomic(file, text);
  return true;
}

/** One probe to be recorded: the site, its Asia/Shanghai day, where it ran, and the outcome. */
export interface DatedProbe extends ProbeMark {
  site: string;
  date: string;
  /** The prober's vantage; absent when it named none. */
  vantage?: string;
}

/**
 * Merge probes into their sites' files, one read and one write per file. A bad file is not
 * touched; the others are written, then one InputError names every bad file, line and field.
 */
export function recordProbes(contentDir: string, probes: readonly DatedProbe[]): string[] {
  const byFile = new Map<string, DatedProbe[]>();
  for (const p of probes) {
    const file = probeFile(contentDir, p.site, p.date.slice(0, 4));
    const list = byFile.get(file);
    if (list) list.push(p);
    else byFile.set(file, [p]);
  }
  const written: string[] = [];
  const errors: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let days: ProbeDay[];
    try {
      days = readProbeFile(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e.message);
      continue;
    }
    const byDay = new Map(days.map((d) => [keyOf(d).join(' '), d]));
    for (const p of list) {
      const key = keyOf(p).join(' ');
      byDay.set(key, addProbe(byDay.get(key), p.date, p, p.vantage));
    }
    writeProbeFile(file, [...byDay.values()]);
    written.push(file);
  }
  if (errors.length) throw new InputError(`Probe records could not be updated (fix or remove these files; the other sites' records were written):\n${errors.join('\n')}`);
  return written;
}
