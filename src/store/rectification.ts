// content/rectification/<quarter>.csv: the re-checks of the problems the notice of <quarter> named
// (npm run rectify). Reading validates every row (file, line and field) and their order; writing
// validates with the same schema and writes atomically, so the same re-checks give the same bytes.
// A day's re-check of a site replaces that day's rows of the site, never another day's.
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { RECHECK_COLUMNS, RECTIFY_REPLY_COLUMNS, recheckSchema, rectifyReplySchema, type Recheck, type RectifyReply } from '../schemas/rectification.ts';
import { writeFileAtomic } from './atomic.ts';
import { parseRows, readText } from './monitor-records.ts';

/** The file of a quarter's re-checks. */
export function rectificationFile(contentDir: string, quarter: string): string {
  return join(contentDir, 'rectification', `${quarter}.csv`);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** File order: day, site, indicator, target (code points, the same bytes everywhere). */
export function compareRechecks(a: Recheck, b: Recheck): number {
  return cmp(a.date, b.date) || cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target);
}

/** Parse a rectification file: rows valid, in order, each problem once a day. */
export function parseRechecksCsv(text: string, file: string): Recheck[] {
  let previous: { r: Recheck; line: number } | undefined;
  return parseRows(text, file, RECHECK_COLUMNS, recheckSchema, (r, line, errors) => {
    const order = previous ? compareRechecks(r, previous.r) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: target: ${r.indicator} ${r.target} of ${r.site} on ${r.date} repeats line ${previous.line}`);
    else if (previous && order < 0) errors.push(`${file}:${line}: date: comes before line ${previous.line} (rows are in order of date, site, indicator, target)`);
    previous = { r, line };
  });
}

/** CSV text of re-checks, in file order, checked by the reader before it is written. */
export function serializeRechecksCsv(rows: readonly Recheck[]): string {
  const sorted = [...rows].sort(compareRechecks);
  const text = stringify([[...RECHECK_COLUMNS], ...sorted.map((r) => RECHECK_COLUMNS.map((c) => r[c]))], { record_delimiter: 'unix', eof: true });
  parseRechecksCsv(text, 'rectification.csv');
  return text;
}

/** A quarter's re-checks; none when it has no file. */
export function readRechecks(contentDir: string, quarter: string): Recheck[] {
  const file = rectificationFile(contentDir, quarter);
  const text = readText(file);
  return text === undefined ? [] : parseRechecksCsv(text, file);
}

/** Add a day's re-checks of some sites: their earlier rows of that day go, every other row stays. */
export function writeRechecks(contentDir: string, quarter: string, date: string, sites: ReadonlySet<string>, rows: readonly Recheck[]): string {
  const file = rectificationFile(contentDir, quarter);
  const kept = readRechecks(contentDir, quarter).filter((r) => !(r.date === date && sites.has(r.site)));
  writeFileAtomic(file, serializeRechecksCsv([...kept, ...rows]));
  return file;
}

/** The file of the units' replies to a published notice's problems. */
export function rectifyRepliesFile(contentDir: string, quarter: string): string {
  return join(contentDir, 'rectification', `${quarter}.replies.csv`);
}

const compareReplies = (a: RectifyReply, b: RectifyReply) => cmp(a.site, b.site) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target);

/** Parse a replies file: rows valid, in order, one per problem. */
export function parseRectifyRepliesCsv(text: string, file: string): RectifyReply[] {
  let previous: { r: RectifyReply; line: number } | undefined;
  return parseRows(text, file, RECTIFY_REPLY_COLUMNS, rectifyReplySchema, (r, line, errors) => {
    const order = previous ? compareReplies(r, previous.r) : 1;
    if (previous && order === 0) errors.push(`${file}:${line}: target: a second reply to ${r.indicator} ${r.target} of ${r.site} (line ${previous.line}); a new reply replaces the old one`);
    else if (previous && order < 0) errors.push(`${file}:${line}: site: comes before line ${previous.line} (rows are in order of site, indicator, target)`);
    previous = { r, line };
  });
}

/** A quarter's rectification replies; none when it has no file. */
export function readRectifyReplies(contentDir: string, quarter: string): RectifyReply[] {
  const file = rectifyRepliesFile(contentDir, quarter);
  const text = readText(file);
  return text === undefined ? [] : parseRectifyRepliesCsv(text, file);
}

/** Record a unit's reply to one problem, replacing its earlier one. */
export function saveRectifyReply(contentDir: string, quarter: string, reply: RectifyReply): string {
  const file = rectifyRepliesFile(contentDir, quarter);
  const same = (r: RectifyReply) => compareReplies(r, reply) === 0;
  const rows = [...readRectifyReplies(contentDir, quarter).filter((r) => !same(r)), reply].sort(compareReplies);
  const text = stringify([[...RECTIFY_REPLY_COLUMNS], ...rows.map((r) => RECTIFY_REPLY_COLUMNS.map((c) => r[c]))], { record_delimiter: 'unix', eof: true });
  parseRectifyRepliesCsv(text, file);
  writeFileAtomic(file, text);
  return file;
}
