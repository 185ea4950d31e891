// content/probes/<site-id>/<yyyy>.csv: a site's availability probes, one row per Asia/Shanghai day.
// Reading validates every row (file, line and field on error); writing validates with the same
// schema, sorts by date and writes atomically, so the same records always give the same bytes.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LATENCY_BUCKETS_MS, LATENCY_COLUMNS, PROBE_COLUMNS, latencyQuantile, probeDaySchema, type ProbeDay, type ProbeDayRow } from '../schemas/probes.ts';
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

const compareDate = (x: ProbeDay, y: ProbeDay) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0);

/** Successful probes per latency bucket. */
export function bucketsOf(day: ProbeDay): number[] {
  return LATENCY_COLUMNS.map((c) => day[c]);
}

/** A day's record from its counts; the quantiles are derived from the buckets. */
export function makeDay(date: string, tries: number, failures: number, buckets: readonly number[], maxMs: number | undefined): ProbeDay {
  if (buckets.length !== LATENCY_COLUMNS.length) throw new Error(`expected ${LATENCY_COLUMNS.length} latency buckets, got ${buckets.length}`);
  const day = {
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

/** The day's record with one more probe. */
export function addProbe(day: ProbeDay | undefined, date: string, probe: ProbeMark): ProbeDay {
  if (day && day.date !== date) throw new Error(`cannot add a probe of ${date} to the record of ${day.date}`);
  const buckets = day ? bucketsOf(day) : LATENCY_COLUMNS.map(() => 0);
  let max = day?.max_ms;
  if (probe.ok) {
    const ms = Math.round(probe.elapsedMs);
    buckets[bucketIndex(ms)]!++;
    max = Math.max(max ?? 0, ms);
  }
  return makeDay(date, (day?.tries ?? 0) + 1, (day?.failures ?? 0) + (probe.ok ? 0 : 1), buckets, max);
}

/** Two records of the same day (e.g. from two probers) as one: counts and buckets add up exactly. */
export function mergeDay(a: ProbeDay, b: ProbeDay): ProbeDay {
  if (a.date !== b.date) throw new Error(`cannot merge the record of ${a.date} with that of ${b.date}`);
  const ba = bucketsOf(a);
  const bb = bucketsOf(b);
  const max = a.max_ms === undefined ? b.max_ms : b.max_ms === undefined ? a.max_ms : Math.max(a.max_ms, b.max_ms);
  return makeDay(a.date, a.tries + b.tries, a.failures + b.failures, ba.map((n, i) => n + bb[i]!), max);
}

/** Two lists of daily records as one, sorted by date. */
export function mergeRecords(a: readonly ProbeDay[], b: readonly ProbeDay[]): ProbeDay[] {
  const days = new Map<string, ProbeDay>();
  for (const d of [...a, ...b]) {
    const seen = days.get(d.date);
    days.set(d.date, seen ? mergeDay(seen, d) : d);
  }
  return [...days.values()].sort(compareDate);
}

/** The row as CSV text; an absent latency is an empty cell. */
function toRow(day: ProbeDay): ProbeDayRow {
  return Object.fromEntries(PROBE_COLUMNS.map((c) => [c, day[c] === undefined ? '' : String(day[c])])) as ProbeDayRow;
}

/** CSV text of a site's records: header, rows sorted by date, LF line ends, trailing newline. */
export function serializeProbeCsv(days: readonly ProbeDay[]): string {
  const sorted = [...days].sort(compareDate);
  const rows = sorted.map((d, i) => {
    if (i > 0 && sorted[i - 1]!.date === d.date) throw new Error(`two records of ${d.date}: merge them first`);
    const row = toRow(d);
    const r = probeDaySchema.safeParse(row);
    if (!r.success) throw new Error(`invalid probe record of ${d.date}: ${r.error.issues.map((is) => `${String(is.path[0] ?? '')}: ${is.message}`).join('; ')}`);
    return PROBE_COLUMNS.map((c) => row[c]);
  });
  return stringify([[...PROBE_COLUMNS], ...rows], { record_delimiter: 'unix', eof: true });
}

/**
 * Parse a record file. Every problem is reported at once as "file:line: field: message"; the rows
 * must be in date order, one per day, and (when the file is named <yyyy>.csv) in that year.
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
  if (header.record.join(',') !== PROBE_COLUMNS.join(',')) {
    throw new InputError(`${file}:${header.info.lines}: the header must be ${PROBE_COLUMNS.join(',')}, got ${header.record.join(',')}`);
  }
  const year = /^(\d{4})\.csv$/.exec(basename(file))?.[1];
  const errors: string[] = [];
  const days: ProbeDay[] = [];
  let previous: { date: string; line: number } | undefined;
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== PROBE_COLUMNS.length) {
      errors.push(`${file}:${line}: (row): has ${record.length} fields, expected ${PROBE_COLUMNS.length} (${PROBE_COLUMNS.join(',')})`);
      continue;
    }
    const r = probeDaySchema.safeParse(Object.fromEntries(PROBE_COLUMNS.map((c, i) => [c, record[i]])));
    if (!r.success) {
      for (const is of r.error.issues) errors.push(`${file}:${line}: ${String(is.path[0] ?? '(row)')}: ${is.message}`);
      continue;
    }
    const { date } = r.data;
    if (year && !date.startsWith(`${year}-`)) errors.push(`${file}:${line}: date: ${date} is not in ${year}, the year the file is named after`);
    if (previous && date <= previous.date) {
      errors.push(`${file}:${line}: date: ${date} ${date === previous.date ? 'is a second row for the same day' : 'comes before'} ${previous.date} on line ${previous.line} (one row per day, in date order)`);
    }
    previous = { date, line };
    days.push(r.data);
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

/** One probe to be recorded: the site, its Asia/Shanghai day, and the outcome. */
export interface DatedProbe extends ProbeMark {
  site: string;
  date: string;
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
    const byDay = new Map(days.map((d) => [d.date, d]));
    for (const p of list) byDay.set(p.date, addProbe(byDay.get(p.date), p.date, p));
    writeProbeFile(file, [...byDay.values()]);
    written.push(file);
  }
  if (errors.length) throw new InputError(`Probe records could not be updated (fix or remove these files; the other sites' records were written):\n${errors.join('\n')}`);
  return written;
}
