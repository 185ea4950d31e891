// `npm run record:import -- FILE.csv --quarter 2026-Q4`: a spreadsheet of inspectors' records, one
// per row, becomes record files (npm run record's, so importing the same row again replaces the same
// file). Every bad row and field is reported at once as FILE.csv:LINE: field: message, LINE being
// the row's first physical line (a quoted cell may span several); nothing is written then.
import type { Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../dates.ts';
import { decodeCsv } from './sites-import.ts';
import { InputError } from '../errors.ts';
import { addRecords, addResultText, checkNewRecords, type AddResult, type NewRecord } from './record-write.ts';
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

/** Every record of the CSV with its first line; blank rows (Excel's ,,,) are left out. */
function readRows(text: string, file: string): Row[] {
  // csv-parse's own line count drifts after a quoted CRLF, so lines are counted here from each
  // record's start offset: records are contiguous when none is skipped by the parser.
  const buf = Buffer.from(text, 'utf8');
  let parsed: Array<{ record: string[]; info: Info }>;
  try {
    // csv-parse's types do not model info: true, which wraps each record as { record, info }.
    parsed = parse(buf, { info: true, relax_column_count: true, trim: true }) as unknown as typeof parsed;
  } catch (e) {
    throw new InputError(`${file}: not a readable CSV file (${(e as Error).message})`);
  }
  const rows: Row[] = [];
  let offset = 0;
  let line = 1;
  for (const { record, info } of parsed) {
    if (record.some((c) => c !== '')) rows.push({ cells: record, line });
    for (let i = offset; i < info.bytes; i++) if (buf[i] === 0x0a) line++;
    offset = info.bytes;
  }
  return rows;
}

/** 2026/11/5 and 2026-11-5 (as Excel re-formats dates) → 2026-11-05; anything else unchanged. */
function normaliseDate(v: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v;
}

/**
 * Turn CSV bytes (UTF-8, UTF-8 with BOM, or GBK) into records, checking what the spreadsheet
 * itself gets wrong (columns, empty required cells, points that are not numbers, dates); errors
 * are pushed as FILE.csv:LINE: field: message. Registry and rules checks are addRecords'.
 */
export function parseRecordsCsv(bytes: Uint8Array, file: string, errors: string[]): ParsedRecords {
  const { text, encoding } = decodeCsv(bytes);
  const [header, ...body] = readRows(text, file);
  if (!header) throw new InputError(`${file}: the file is empty`);
  const col: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
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
  const records: NewRecord[] = [];
  const labels: string[] = [];
  for (const row of body) {
    const at = `${file}:${row.line}`;
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
    // A row whose own cells are wrong is still checked for the rest (registry, rules): every problem at once.
    const subject = subjects[0] ?? 'site';
    records.push({
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
    });
    labels.push(at);
  }
  if (!body.length) throw new InputError(`${file}: no rows under the header`);
  return { records, labels, encoding, ignored };
}

/** What importRecords did. */
export interface ImportResult extends AddResult {
  encoding: string;
  ignored: string[];
}

/**
 * Check every row (the spreadsheet's own problems and every record check of addRecords), then
 * write them all and re-score the quarter; any problem anywhere is an InputError and nothing is written.
 */
export function importRecords(contentDir: string, quarter: string, bytes: Uint8Array, file: string): ImportResult {
  assertDraft(contentDir, quarter, 'record:import');
  const errors: string[] = [];
  const parsed = parseRecordsCsv(bytes, file, errors);
  // Every message is FILE.csv:LINE: field: message; a field the row's own check already faulted
  // (an empty cell, a bad date) is reported once.
  const where = (e: string) => /^:(\d+): ([^:]+):/.exec(e.slice(file.length)) ?? ['', '0', ''];
  const faulted = new Set(errors.map((e) => `${where(e)[1]} ${where(e)[2]}`));
  const checks = checkNewRecords(contentDir, quarter, parsed.records, recordContext(contentDir), parsed.labels).flat();
  errors.push(...checks.filter((e) => !faulted.has(`${where(e)[1]} ${where(e)[2]}`)));
  if (errors.length) {
    // In the file's order: by line, the row's own problems first.
    const lineOf = (e: string) => Number(where(e)[1]);
    const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => lineOf(a.e) - lineOf(b.e) || a.i - b.i).map((x) => x.e);
    throw new InputError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}; nothing was written:\n  ${sorted.join('\n  ')}`);
  }
  return { ...addRecords(contentDir, quarter, parsed.records, parsed.labels, { checked: true }), encoding: parsed.encoding, ignored: parsed.ignored };
}

/** What npm run record:import prints. */
export function importResultText(r: ImportResult, file: string): string {
  const encoding = r.encoding === 'gbk' ? 'GBK' : r.encoding === 'utf-8-bom' ? 'UTF-8（带 BOM）' : 'UTF-8';
  const lines = [`读取 ${file}（${encoding}）：${r.written.length} 条记录。同一对象、指标和问题再次导入会替换同一个文件。`];
  if (r.ignored.length) lines.push(`未读取的列：${r.ignored.join('、')}`);
  return [...lines, addResultText(r)].join('\n');
}
