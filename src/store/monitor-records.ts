// The daily monitor's files: content/monitor/<site-id>/<yyyy>.csv (each problem's events) and
// content/monitor/_days/<yyyy>.csv (one row per day the monitor ran). Reading validates every row
// (file, line and field on error) and the order of the rows; writing validates with the same schema
// and writes atomically, so the same events always give the same bytes. Rows only ever go at the
// end: a day's rows follow the days before it.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DAY_COLUMNS, EVENT_COLUMNS, MONITOR_EVENTS, SEEN_COLUMNS, monitorDaySchema, monitorEventSchema, seenColumnSchema, type MonitorDay, type MonitorEvent, type SeenColumnRow } from '../schemas/monitor.ts';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';

/** The folder of the monitor's records. */
export function monitorDir(contentDir: string): string {
  return join(contentDir, 'monitor');
}

/** The file of a site's events of one year. */
export function eventFile(contentDir: string, siteId: string, year: number | string): string {
  return join(monitorDir(contentDir), siteId, `${year}.csv`);
}

/** The file of the monitor's days of one year. */
export function daysFile(contentDir: string, year: number | string): string {
  return join(monitorDir(contentDir), '_days', `${year}.csv`);
}

/** The file of the columns seen on a site. */
export function seenColumnsFile(contentDir: string, siteId: string): string {
  return join(monitorDir(contentDir), siteId, 'columns.csv');
}

/** The order of events within a day and problem: a problem opens before it is reminded. */
const EVENT_RANK = new Map(MONITOR_EVENTS.map((e, i) => [e, i]));

/** Events of one day in file order: by problem id, then open, reopen, fixed, remind. */
export function compareEvents(a: MonitorEvent, b: MonitorEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.problem !== b.problem) return a.problem < b.problem ? -1 : 1;
  return EVENT_RANK.get(a.event)! - EVENT_RANK.get(b.event)!;
}

type Row = { record: string[]; info: { lines: number } };

/** The rows of a CSV file after its header, which must be `columns`. */
function rowsOf(text: string, file: string, columns: readonly string[]): Row[] {
  let records: Row[];
  try {
    records = parse(text, { info: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Row[];
  } catch (e) {
    throw new InputError(`${file}:${(e as { lines?: number }).lines ?? 1}: not a readable CSV file (${(e as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header) throw new InputError(`${file}:1: the file is empty (expected the header ${columns.join(',')})`);
  if (header.record.join(',') !== columns.join(',')) throw new InputError(`${file}:${header.info.lines}: the header must be ${columns.join(',')}, got ${header.record.join(',')}`);
  return body;
}

/** Every row of a file through a schema, problems collected as "file:line: field: message" (a <yyyy>.csv file's dates must be of its year). */
export function parseRows<T>(text: string, file: string, columns: readonly string[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } }, check: (row: T, line: number, errors: string[]) => void): T[] {
  const errors: string[] = [];
  const out: T[] = [];
  const year = /^(\d{4})\.csv$/.exec(basename(file))?.[1];
  for (const { record, info } of rowsOf(text, file, columns)) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push(`${file}:${line}: (row): has ${record.length} fields, expected ${columns.length} (${columns.join(',')})`);
      continue;
    }
    const r = schema.safeParse(Object.fromEntries(columns.map((c, i) => [c, record[i]])));
    if (!r.success) {
      for (const is of r.error.issues) errors.push(`${file}:${line}: ${String(is.path[0] ?? '(row)')}: ${is.message}`);
      continue;
    }
    const date = (r.data as { date?: string }).date;
    if (year && date && !date.startsWith(`${year}-`)) errors.push(`${file}:${line}: date: ${date} is not in ${year}, the year the file is named after`);
    check(r.data, line, errors);
    out.push(r.data);
  }
  if (errors.length) throw new InputError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return out;
}

/** Parse a site's event file: rows valid, in order (day, problem, event), no event twice. */
export function parseEventCsv(text: string, file: string): MonitorEvent[] {
  let previous: { e: MonitorEvent; line: number } | undefined;
  return parseRows(text, file, EVENT_COLUMNS, monitorEventSchema, (e, line, errors) => {
    const order = previous ? compareEvents(e, previous.e) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: event: ${e.event} of ${e.problem} on ${e.date} repeats line ${previous.line}`);
    else if (previous && order < 0) {
      const field = e.date !== previous.e.date ? 'date' : e.problem !== previous.e.problem ? 'problem' : 'event';
      errors.push(`${file}:${line}: ${field}: comes before line ${previous.line} (rows are in order of day, then problem, then open, reopen, fixed, remind)`);
    }
    previous = { e, line };
  });
}

/** Parse a days file: one row per day, in order. */
export function parseDaysCsv(text: string, file: string): MonitorDay[] {
  let previous: { d: MonitorDay; line: number } | undefined;
  return parseRows(text, file, DAY_COLUMNS, monitorDaySchema, (d, line, errors) => {
    if (previous && d.date <= previous.d.date) errors.push(`${file}:${line}: date: ${d.date} ${d.date === previous.d.date ? 'repeats' : 'comes before'} line ${previous.line} (one row per day, in order)`);
    previous = { d, line };
  });
}

/** The order of seen columns: the day first seen, then name, then list page. */
function compareSeen(a: SeenColumnRow, b: SeenColumnRow): number {
  // Code-point order, not the machine's locale: the same rows give the same bytes everywhere.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.first_seen, b.first_seen) || cmp(a.column, b.column) || cmp(a.url, b.url);
}

/** Parse a seen-columns file: rows valid, in order, each name and list page once. */
export function parseSeenCsv(text: string, file: string): SeenColumnRow[] {
  let previous: { s: SeenColumnRow; line: number } | undefined;
  return parseRows(text, file, SEEN_COLUMNS, seenColumnSchema, (s, line, errors) => {
    const order = previous ? compareSeen(s, previous.s) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: column: ${s.column} at ${s.url} repeats line ${previous.line}`);
    else if (previous && order < 0) errors.push(`${file}:${line}: first_seen: comes before line ${previous.line} (rows are in order of first_seen, then column, then url)`);
    previous = { s, line };
  });
}

/** CSV text of seen columns, in order. */
export function serializeSeenCsv(rows: readonly SeenColumnRow[]): string {
  const sorted = [...rows].sort(compareSeen);
  const text = stringify([[...SEEN_COLUMNS], ...sorted.map((r) => SEEN_COLUMNS.map((c) => r[c]))], { record_delimiter: 'unix', eof: true });
  parseSeenCsv(text, 'columns.csv');
  return text;
}

/** CSV text of events: header, rows in order, LF line ends, trailing newline. */
export function serializeEventCsv(events: readonly MonitorEvent[]): string {
  const rows = events.map((e, i) => {
    const r = monitorEventSchema.safeParse(e);
    if (!r.success) throw new Error(`invalid monitor event ${e.event} of ${e.problem} on ${e.date}: ${r.error.issues.map((is) => `${String(is.path[0] ?? '')}: ${is.message}`).join('; ')}`);
    if (i > 0 && compareEvents(events[i - 1]!, e) >= 0) throw new Error(`monitor events out of order at ${e.event} of ${e.problem} on ${e.date}`);
    return EVENT_COLUMNS.map((c) => e[c]);
  });
  return stringify([[...EVENT_COLUMNS], ...rows], { record_delimiter: 'unix', eof: true });
}

/** CSV text of days. */
export function serializeDaysCsv(days: readonly MonitorDay[]): string {
  const rows = days.map((d, i) => {
    if (i > 0 && days[i - 1]!.date >= d.date) throw new Error(`monitor days out of order at ${d.date}`);
    return DAY_COLUMNS.map((c) => String(d[c]));
  });
  const text = stringify([[...DAY_COLUMNS], ...rows], { record_delimiter: 'unix', eof: true });
  parseDaysCsv(text, 'days.csv');
  return text;
}

/** A file's text, or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** The years a folder has files for (<yyyy>.csv), in order. */
function yearsIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((n) => /^\d{4}\.csv$/.test(n)).map((n) => n.slice(0, 4)).sort();
}

/** Every event of a site, all years, in order. */
export function readSiteEvents(contentDir: string, siteId: string): MonitorEvent[] {
  return yearsIn(join(monitorDir(contentDir), siteId)).flatMap((y) => {
    const file = eventFile(contentDir, siteId, y);
    return parseEventCsv(readText(file) ?? '', file);
  });
}

/** The columns ever seen on a site (none before the monitor first read it). */
export function readSeenColumns(contentDir: string, siteId: string): SeenColumnRow[] {
  const file = seenColumnsFile(contentDir, siteId);
  const text = readText(file);
  return text === undefined ? [] : parseSeenCsv(text, file);
}

/**
 * Add the columns a pass found on `date` to the site's file; a name and list page already there
 * keeps its first day. Returns whether the file changed.
 */
export function addSeenColumns(contentDir: string, siteId: string, date: string, found: ReadonlyArray<{ column: string; url: string }>): boolean {
  const rows = readSeenColumns(contentDir, siteId);
  const known = new Set(rows.map((r) => `${r.column}\n${r.url}`));
  const added: SeenColumnRow[] = [];
  for (const f of found) {
    const key = `${f.column}\n${f.url}`;
    if (known.has(key)) continue;
    known.add(key);
    added.push({ column: f.column, url: f.url, first_seen: date });
  }
  return added.length > 0 && writeIfChanged(seenColumnsFile(contentDir, siteId), serializeSeenCsv([...rows, ...added]));
}

/** Every day the monitor ran, all years, in order. */
export function readMonitorDays(contentDir: string): MonitorDay[] {
  return yearsIn(join(monitorDir(contentDir), '_days')).flatMap((y) => {
    const file = daysFile(contentDir, y);
    return parseDaysCsv(readText(file) ?? '', file);
  });
}

/** Write text atomically when it differs from the file's; returns whether it changed. */
function writeIfChanged(file: string, text: string): boolean {
  if (readText(file) === text) return false;
  writeFileAtomic(file, text);
  return true;
}

/** Replace a site's events of one year (all of that year's events, in order). */
export function writeSiteEvents(contentDir: string, siteId: string, year: string, events: readonly MonitorEvent[]): boolean {
  return writeIfChanged(eventFile(contentDir, siteId, year), serializeEventCsv(events));
}

/** Replace the days of one year. */
export function writeMonitorDays(contentDir: string, year: string, days: readonly MonitorDay[]): boolean {
  return writeIfChanged(daysFile(contentDir, year), serializeDaysCsv(days));
}
