// Office Open XML documents as the personal-data detector reads them: each sheet of a workbook as a
// table (xl/sharedStrings.xml, xl/worksheets/*.xml), a Word document's tables and paragraphs
// (word/document.xml). Text only: formulas, macros and embedded objects are never run or opened.
import type { DocumentPart } from '../personal-data.ts';
import { attr, decodeXml, xmlTokens } from './xml.ts';
import { Unreadable } from './unreadable.ts';
import { unzipWanted } from './zip.ts';

/** Rows read per sheet, and cells per document, at most. */
const MAX_ROWS = 100_000;
const MAX_CELLS = 2_000_000;

const utf8 = new TextDecoder('utf-8');
const text = (b: Uint8Array | undefined): string => (b ? utf8.decode(b) : '');

/** Which Office document a zip container holds, by its parts. */
export function officeKind(names: readonly string[]): 'xlsx' | 'docx' | undefined {
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('word/document.xml')) return 'docx';
  return undefined;
}

/** The parts of an xlsx or docx file; throws Unreadable when it is neither or cannot be read. */
export function officeParts(bytes: Uint8Array): { kind: 'xlsx' | 'docx'; parts: DocumentPart[]; units: number } {
  const files = unzipWanted(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(n) || n === 'word/document.xml' || n === 'EncryptedPackage' || n.endsWith('/vbaProject.bin'));
  if (files.has('EncryptedPackage')) throw new Unreadable('encrypted', '文档已加密');
  if ([...files.keys()].some((n) => n.endsWith('/vbaProject.bin'))) throw new Unreadable('macro', '含宏代码（VBA），不打开');
  const kind = officeKind([...files.keys()]);
  if (kind === 'docx') {
    const parts = docxParts(text(files.get('word/document.xml')));
    return { kind, parts, units: 1 };
  }
  if (kind === 'xlsx') {
    const parts = xlsxParts(files);
    return { kind, parts, units: parts.length };
  }
  throw new Unreadable('mismatch', '压缩包中没有 Excel 或 Word 文档');
}

/** Each sheet of a workbook as a table, named by the sheet's name, in workbook order. */
export function xlsxParts(files: ReadonlyMap<string, Uint8Array>): DocumentPart[] {
  const shared = sharedStrings(text(files.get('xl/sharedStrings.xml')));
  const targets = new Map<string, string>();
  for (const t of xmlTokens(text(files.get('xl/_rels/workbook.xml.rels')))) {
    if ('tag' in t && t.tag === 'Relationship') {
      const id = attr(t.attrs, 'Id');
      const target = attr(t.attrs, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: Array<{ name: string; path: string }> = [];
  for (const t of xmlTokens(text(files.get('xl/workbook.xml')))) {
    if ('tag' in t && t.tag === 'sheet') {
      const path = targets.get(attr(t.attrs, 'r:id') ?? '');
      if (path) sheets.push({ name: attr(t.attrs, 'name') ?? path, path });
    }
  }
  // A workbook without relationships still has its sheets under xl/worksheets/.
  if (sheets.length === 0) for (const n of [...files.keys()].filter((k) => k.startsWith('xl/worksheets/')).sort()) sheets.push({ name: n.slice(14, -4), path: n });
  let cells = 0;
  return sheets.map(({ name, path }) => {
    const rows = sheetRows(text(files.get(path)), shared, () => {
      if (++cells > MAX_CELLS) throw new Unreadable('too-large', `单元格超过 ${MAX_CELLS} 个`);
    });
    return { kind: 'table', where: `工作表“${name}”`, rows };
  });
}

/** The shared strings table: each <si>'s text, rich runs joined. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  // Phonetic runs (<rPh>) repeat the text in kana: left out.
  let inPhonetic = false;
  for (const t of xmlTokens(xml)) {
    if ('text' in t) {
      if (inText && current && !inPhonetic) current.push(decodeXml(t.text));
      continue;
    }
    if (t.tag === 'si') {
      if (t.close) out.push((current ?? []).join(''));
      else if (t.empty) out.push('');
      else current = [];
    } else if (t.tag === 't') inText = !t.close && !t.empty;
    else if (t.tag === 'rPh') inPhonetic = !t.close && !t.empty;
  }
  return out;
}

/** Column index of a cell reference (B7 → 1). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A sheet's rows as cell texts (shared strings resolved, numbers as written), gaps filled with "". */
function sheetRows(xml: string, shared: readonly string[], count: () => void): string[][] {
  const rows: string[][] = [];
  let row: string[] | undefined;
  let cell: { col: number; type: string; value: string[] } | undefined;
  let capture = false;
  let next = 0;
  for (const t of xmlTokens(xml)) {
    if ('text' in t) {
      if (capture && cell) cell.value.push(decodeXml(t.text));
      continue;
    }
    switch (t.tag) {
      case 'row':
        if (!t.close) {
          row = [];
          next = 0;
        }
        if (t.close || t.empty) {
          if (row && row.some((c) => c !== '')) rows.push(row);
          if (rows.length >= MAX_ROWS) return rows;
          row = undefined;
        }
        break;
      case 'c':
        if (!t.close) {
          const ref = attr(t.attrs, 'r');
          cell = { col: ref ? columnOf(ref) : next, type: attr(t.attrs, 't') ?? 'n', value: [] };
        }
        if ((t.close || t.empty) && cell && row) {
          count();
          const raw = cell.value.join('');
          const shown = cell.type === 's' ? (shared[Number(raw)] ?? '') : raw;
          while (row.length < cell.col) row.push('');
          row[cell.col] = shown.trim();
          next = cell.col + 1;
          cell = undefined;
        }
        break;
      case 'v':
      case 't':
        capture = !t.close && !t.empty;
        break;
      case 'f':
        // A formula's text is not what the cell shows; its cached <v> is.
        capture = false;
        break;
    }
  }
  return rows;
}

/** A Word document's tables (each cell's paragraphs joined) and the paragraphs outside tables, in order. */
export function docxParts(xml: string): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const prose: string[] = [];
  // Tables nest: each open table keeps its rows; a cell's text goes to the innermost.
  const tables: Array<{ rows: string[][]; row?: string[] | undefined; cell?: string[] | undefined }> = [];
  let paragraph: string[] = [];
  let inText = false;
  let n = 0;
  for (const t of xmlTokens(xml)) {
    if ('text' in t) {
      if (inText) paragraph.push(decodeXml(t.text));
      continue;
    }
    const top = tables.at(-1);
    switch (t.tag) {
      case 'w:tbl':
        if (!t.close) tables.push({ rows: [] });
        else {
          const done = tables.pop();
          if (done?.rows.length) parts.push({ kind: 'table', where: `表格 ${++n}`, rows: done.rows });
        }
        break;
      case 'w:tr':
        if (top && !t.close) top.row = [];
        if (top?.row && t.close) {
          if (top.row.some((c) => c !== '')) top.rows.push(top.row);
          top.row = undefined;
        }
        break;
      case 'w:tc':
        if (top && !t.close) top.cell = [];
        if (top?.cell && t.close) {
          top.row?.push(top.cell.join(' ').trim());
          top.cell = undefined;
        }
        break;
      case 'w:t':
        inText = !t.close && !t.empty;
        break;
      case 'w:tab':
        paragraph.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        paragraph.push('\n');
        break;
      case 'w:p':
        if (t.close || t.empty) {
          const line = paragraph.join('');
          paragraph = [];
          if (!line.trim()) break;
          if (top?.cell) top.cell.push(line);
          else prose.push(line);
        }
        break;
    }
  }
  if (prose.length) parts.push({ kind: 'text', where: '正文', text: prose.join('\n') });
  return parts;
}
