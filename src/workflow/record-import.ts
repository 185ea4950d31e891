// `npm run record:import -- FILE.csv --quarter 2026-Q4`: a spreadsheet of inspectors' records, one
// per row, becomes record files (npm run record's, so importing the same row again replaces the same
// file). Every bad row and field is reported at once as FILE.csv:LINE: field: message, LINE being
// the row's first physical line (a quoted cell may span several); nothing is written then.
import type { Info } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';
import { isIsoDate } from '../dates.ts';
import { decodeCsv } from './sites-import.ts';
import { InputError } from '../errors.ts';
import { addResultText, recordChecker, storeRecords, type AddResult, type NewRecord } from './record-write.ts';
import { recordContext } from './rescore.ts';
import { assertDraft } from './draft.ts';

/** Header names accepted for each field, English or Chinese as inspectors write them (compared without spaces, lower-cased). */
const HEADERS = {
  site: ['site', '网站id', '网站编号'],
  media: ['media', '新媒体账号id', '新媒体id', '账号id'],
  unit: ['unit', '单位id', '单位编号'],
  indicator: ['indicator', '指标', '指标id'],
  target: ['target', '问题', '问题对象'],
  points: ['points', '扣分', '分值', '分数'],
  page: ['page', '页面', '页面地址'],
  screenshot: ['screenshot', '截图'],
  inspector: ['inspector', '检查人', '检查人员'],
  date: ['date', '日期', '检查日期', '发现日期'],
  evidence: ['evidence', '证据', '问题描述'],
} as const;
type Field = keyof typeof HEADERS;
const FIELDS = Object.keys(HEADERS) as Field[];
const REQUIRED: readonly Field[] = ['indicator', 'target', 'inspector', 'date', 'evidence'];

/** The rows of a records spreadsheet, ready for addRecords. */
export interface ParsedRecords {
  records: NewRecord[];
  /** FILE.csv:LINE of each record, for messages. */
  labels: string[];
  encoding: string;
  /** Headers no field is read from (e.g. 序号, 网站名称), as written. */
  ignored: string[];
}

/** One CSV row with the physical line it starts on. */
interface Row {
  cells: string[];
  line: number;
}

/** Hand over each record of the CSV with its first line, as it is parsed; blank rows (Excel's ,,,) are left out. */
function eachRow(text: string, file: string, onRow: (row: Row) => void): void {
  // csv-parse's own line count drifts after a quoted CRLF, so lines are counted here from each
  // record's end offset: records are contiguous when none is skipped by the parser.
  const buf = Buffer.from(text, 'utf8');
  let offset = 0;
  let line = 1;
  try {
    parse(buf, {
      relax_column_count: true,
      trim: true,
      // One row at a time, none kept: returning null leaves the parser's own list empty.
      on_record: (record: string[], info: Info) => {
        if (record.some((c) => c !== '')) onRow({ cells: record, line });
        for (let i = offset; i < info.bytes; i++) if (buf[i] === 0x0a) line++;
        offset = info.bytes;
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(`${file}: not a readable CSV file (${e.message})`);
    throw e;
  }
}

/** 2026/11/5 and 2026-11-5 (as Excel re-formats dates) → 2026-11-05; anything else unchanged. */
function normaliseDate(v: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v;
}

/**
 * Read a records spreadsheet (UTF-8, UTF-8 with BOM, or GBK, already decoded by decodeCsv), handing
 * over each row as a record with its label FILE.csv:LINE, and checking what the spreadsheet itself
 * gets wrong (columns, empty required cells, points that are not numbers, dates); errors are pushed
 * as FILE.csv:LINE: field: message. Registry and rules checks are the record checker's.
 */
function readRecordsCsv(text: string, file: string, errors: string[], onRecord: (r: NewRecord, label: string) => void): { ignored: string[] } {
  let header: Row | undefined;
  let col: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
  let rows = 0;
  // A bad header is told once the whole file is known to be a readable CSV (an unclosed quote is the deeper fault).
  let badHeader: unknown;
  eachRow(text, file, (row) => {
    if (!header) {
      header = row;
      try {
        col = columns(row, file, ignored);
      } catch (e) {
        badHeader = e;
      }
      return;
    }
    rows++;
    if (badHeader === undefined) onRecord(rowRecord(row, header, col, `${file}:${row.line}`, errors), `${file}:${row.line}`);
  });
  if (!header) throw new InputError(`${file}: the file is empty`);
  if (badHeader !== undefined) throw badHeader;
  if (!rows) throw new InputError(`${file}: no rows under the header`);
  return { ignored };
}

/** Which column holds each field; a missing required column or a field given twice is an InputError. */
function columns(header: Row, file: string, ignored: string[]): Partial<Record<Field, number>> {
  const col: Partial<Record<Field, number>> = {};
  header.cells.forEach((h, i) => {
    const name = h.replace(/\s+/g, '').toLowerCase();
    const field = FIELDS.find((f) => (HEADERS[f] as readonly string[]).includes(name));
    if (field && col[field] !== undefined) throw new InputError(`${file}:${header.line}: column ${i + 1} "${h}" is ${field} again (column ${col[field]! + 1} already is)`);
    if (field) col[field] = i;
    else if (h) ignored.push(h);
  });
  const missing = REQUIRED.filter((f) => col[f] === undefined);
  if (col.site === undefined && col.media === undefined && col.unit === undefined) missing.unshift('site');
  if (missing.length) {
    const name = (f: Field) => (f === 'site' ? 'site / media / unit (网站id / 新媒体账号id / 单位id)' : `${f} (${HEADERS[f].slice(1).join(' / ')})`);
    throw new InputError(`${file}:${header.line}: missing column${missing.length > 1 ? 's' : ''} ${missing.map(name).join(', ')}`);
  }
  return col;
}

/** One row as a record; the row's own problems are pushed as AT: field: message, and the record is made all the same (the rest of it is still checked). */
function rowRecord(row: Row, header: Row, col: Partial<Record<Field, number>>, at: string, errors: string[]): NewRecord {
  const get = (f: Field) => (col[f] === undefined ? undefined : row.cells[col[f]!] || undefined);
  for (const f of REQUIRED) if (get(f) === undefined) errors.push(`${at}: ${f}: empty (column ${header.cells[col[f]!]})`);
  const subjects = (['site', 'media', 'unit'] as const).filter((f) => get(f) !== undefined);
  if (subjects.length !== 1) errors.push(`${at}: ${subjects[1] ?? 'site'}: ${subjects.length ? `give only one of site, media and unit (got ${subjects.join(', ')})` : 'give one of site, media or unit'}`);
  let points: number | undefined;
  const p = get('points');
  if (p !== undefined) {
    if (/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(p)) points = Number(p);
    else errors.push(`${at}: points: must be a number ≥ 0, e.g. 4 or 0.5, got "${p}"`);
  }
  const date = normaliseDate(get('date') ?? '');
  if (date && !isIsoDate(date)) errors.push(`${at}: date: must be a date YYYY-MM-DD, got "${get('date')}"`);
  const subject = subjects[0] ?? 'site';
  return {
    data: {
      ...(subjects.length === 0 ? {} : subject === 'site' ? { site: get('site')! } : subject === 'media' ? { media: get('media')! } : { unit: get('unit')! }),
      indicator: get('indicator') ?? '',
      target: get('target') ?? '',
      ...(points !== undefined ? { points } : {}),
      ...(get('page') ? { page: get('page')! } : {}),
      ...(get('screenshot') ? { screenshot: get('screenshot')! } : {}),
      inspector: get('inspector') ?? '',
      date,
    },
    evidence: get('evidence') ?? '',
  };
}

/** Every row of a records spreadsheet as a record (for tests and small files: importRecords reads rows one at a time). */
export function parseRecordsCsv(bytes: Uint8Array, file: string, errors: string[]): ParsedRecords {
  const { text, encoding } = decodeCsv(bytes);
  const records: NewRecord[] = [];
  const labels: string[] = [];
  const { ignored } = readRecordsCsv(text, file, errors, (r, label) => {
    records.push(r);
    labels.push(label);
  });
  return { records, labels, encoding, ignored };
}

/** What importRecords did. */
export interface ImportResult extends AddResult {
  encoding: string;
  ignored: string[];
}

/**
 * Check every row (the spreadsheet's own problems and every record check), then write them all and
 * re-score their sites; any problem anywhere is an InputError and nothing is written. The CSV is read
 * twice, row by row, checking and then writing, so that no more than one row is held at a time
 * (100,000 rows: see the README's figures).
 */
export function importRecords(contentDir: string, quarter: string, bytes: Uint8Array, file: string): ImportResult {
  assertDraft(contentDir, quarter, 'record:import');
  const { text, encoding } = decodeCsv(bytes);
  const errors: string[] = [];
  const check = recordChecker(contentDir, quarter, recordContext(contentDir));
  const sites = new Set<string>();
  let before = 0;
  const { ignored } = readRecordsCsv(text, file, errors, (r, label) => {
    // Every message is FILE.csv:LINE: field: message; a field the row's own check already faulted
    // (an empty cell, a bad date: the errors since the previous row) is reported once.
    const field = (e: string) => e.slice(label.length + 2).split(':')[0];
    const own = new Set(errors.slice(before).map(field));
    errors.push(...check(r, label).filter((e) => !own.has(field(e))));
    before = errors.length;
    if (r.data.site) sites.add(r.data.site);
  });
  if (errors.length) {
    // In the file's order: by line, the row's own problems first.
    const lineOf = (e: string) => Number(/^:(\d+):/.exec(e.slice(file.length))?.[1] ?? 0);
    const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => lineOf(a.e) - lineOf(b.e) || a.i - b.i).map((x) => x.e);
    throw new InputError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}; nothing was written:\n  ${sorted.join('\n  ')}`);
  }
  const stored = storeRecords(contentDir, quarter, sites, (put) => readRecordsCsv(text, file, [], put));
  return { ...stored, encoding, ignored };
}

/** What npm run record:import prints. */
export function importResultText(r: ImportResult, file: string): string {
  const encoding = r.encoding === 'gbk' ? 'GBK' : r.encoding === 'utf-8-bom' ? 'UTF-8（带 BOM）' : 'UTF-8';
  const lines = [`读取 ${file}（${encoding}）：${r.written.length} 条记录。同一对象、指标和问题再次导入会替换同一个文件。`];
  if (r.ignored.length) lines.push(`未读取的列：${r.ignored.join('、')}`);
  return [...lines, addResultText(r)].join('\n');
}
