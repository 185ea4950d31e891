// Attachments read without a format parser: CSV (a table), and the legacy binary Office formats
// (.xls, .doc), whose text is scanned as runs of UTF-16LE and single-byte characters. The scan finds
// what stands alone (an ID number, a card number after 卡号) but not columns, so mobile numbers in
// a list of people are not found in .xls or .doc.
import { parse } from 'csv-parse/sync';
import type { DocumentPart } from '../personal-data.ts';
import * as cheerio from 'cheerio';
import { decodeHtml } from '../decode.ts';
import { readTables } from '../page/tables.ts';
import { Unreadable } from './unreadable.ts';

/** Rows read of a CSV file at most. */
const MAX_CSV_ROWS = 100_000;

/** A CSV file as one table (comma- or tab-separated, UTF-8 or GB18030). */
export function csvParts(bytes: Uint8Array): DocumentPart[] {
  const { text } = decodeHtml(bytes);
  const nl = text.indexOf('\n');
  const firstLine = text.slice(0, nl < 0 ? 4096 : nl);
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  try {
    const rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: MAX_CSV_ROWS }) as string[][];
    return [{ kind: 'table', where: '表格', rows: rows.map((r) => r.map((c) => c.trim())) }];
  } catch (e) {
    throw new Unreadable('corrupt', `CSV 无法读取：${(e as Error).message}`);
  }
}

/** Whether a file's first bytes are HTML (a table exported as .xls or .doc). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return /<(html|table|body|meta)\b/i.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1'));
}

/** An HTML file's tables and text, read as a page's are. */
export function htmlParts(bytes: Uint8Array): DocumentPart[] {
  const $ = cheerio.load(decodeHtml(bytes).text);
  $('script, style').remove();
  const parts: DocumentPart[] = readTables($).map((t) => ({ kind: 'table', where: `表格 ${t.n}`, rows: t.rows }));
  parts.push({ kind: 'text', where: '正文', text: $('body').text() });
  return parts;
}

/** Shortest run kept, in characters: shorter runs are formatting bytes, not text. */
const MIN_RUN = 4;

/** A legacy Office file's text runs: UTF-16LE runs (Chinese text is stored so) and single-byte runs, as lines. */
export function binaryTextParts(bytes: Uint8Array): DocumentPart[] {
  const lines: string[] = [];
  // UTF-16LE: code units of printable ASCII, CJK and full-width forms, at even or odd offsets.
  for (const start of [0, 1]) {
    let run: string[] = [];
    for (let i = start; i + 1 < bytes.length; i += 2) {
      const u = bytes[i]! | (bytes[i + 1]! << 8);
      if (printable16(u)) run.push(String.fromCharCode(u));
      else {
        if (run.length >= MIN_RUN) lines.push(run.join(''));
        run = [];
      }
    }
    if (run.length >= MIN_RUN) lines.push(run.join(''));
  }
  // Single-byte text (BIFF's compressed strings, Word's 8-bit pieces): printable ASCII runs.
  let run = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f) run += String.fromCharCode(b);
    else {
      if (run.length >= MIN_RUN) lines.push(run);
      run = '';
    }
  }
  if (run.length >= MIN_RUN) lines.push(run);
  return lines.length ? [{ kind: 'text', where: '文本', text: lines.join('\n') }] : [];
}

function printable16(u: number): boolean {
  return (u >= 0x20 && u < 0x7f) || (u >= 0x3000 && u <= 0x303f) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xff00 && u <= 0xffef);
}
