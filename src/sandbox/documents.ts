// Attached documents of the simulated web, written here byte by byte from their specifications
// (Office Open XML, PDF 1.4, CSV) so that the crawler's readers meet files they did not write: a
// workbook with shared strings and numeric cells, a Word document with a table, a PDF whose Chinese
// text is in a CID font (STSong-Light, UniGB-UCS2-H, not embedded, as Chinese office software
// writes), a CSV in GB18030. And the hostile ones: a zip bomb named .xlsx, a PDF whose page tree
// points at itself, a Word 97 file full of macros.
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { zeroDeflate } from './hostile.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 0-based index (0 → A, 27 → AB). */
function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CONTENT_TYPES = (overrides: Array<[string, string]>): string =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') + '</Types>';
const RELS = (rels: Array<[string, string, string]>): string =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('') + '</Relationships>';
const MAIN = 'application/vnd.openxmlformats-officedocument';

/** An xlsx workbook of one sheet: text in the shared strings table, cells of up to 15 digits as numbers (as Excel keeps a typed-in phone number). */
export function xlsxFile(sheetName: string, rows: readonly (readonly string[])[]): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sheetRows = rows.map((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (/^\d{1,15}$/.test(value)) return `<c r="${ref}"><v>${value}</v></c>`;
      let k = index.get(value);
      if (k === undefined) {
        k = strings.push(value) - 1;
        index.set(value, k);
      }
      return `<c r="${ref}" t="s"><v>${k}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES([
      ['/xl/workbook.xml', `${MAIN}.spreadsheetml.sheet.main+xml`],
      ['/xl/worksheets/sheet1.xml', `${MAIN}.spreadsheetml.worksheet+xml`],
      ['/xl/sharedStrings.xml', `${MAIN}.spreadsheetml.sharedStrings+xml`],
    ])),
    '_rels/.rels': strToU8(RELS([['rId1', 'officeDocument', 'xl/workbook.xml']])),
    'xl/workbook.xml': strToU8(`${XML_HEAD}<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(RELS([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'sharedStrings', 'sharedStrings.xml']])),
    'xl/worksheets/sheet1.xml': strToU8(`${XML_HEAD}<worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`${XML_HEAD}<sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
  });
}

/** A docx document: paragraphs, then a table. */
export function docxFile(paragraphs: readonly string[], table: readonly (readonly string[])[]): Uint8Array {
  const p = (s: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const tbl = table.length
    ? `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    : '';
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES([['/word/document.xml', `${MAIN}.wordprocessingml.document.main+xml`]])),
    '_rels/.rels': strToU8(RELS([['rId1', 'officeDocument', 'word/document.xml']])),
    'word/document.xml': strToU8(`${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(p).join('')}${tbl}<w:sectPr/></w:body></w:document>`),
  });
}

/** A CSV file in GB18030 (as Excel saves one on a Chinese Windows). */
export function csvFile(rows: readonly (readonly string[])[]): Uint8Array {
  const line = (r: readonly string[]) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return iconv.encode(`${rows.map(line).join('\r\n')}\r\n`, 'gb18030');
}

/** PDF objects joined with a correct cross-reference table. */
function pdfOf(objects: readonly string[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
    + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

/** A string as UCS-2 big-endian hex, for a UniGB-UCS2-H font. */
const ucs2Hex = (s: string): string => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();

/** A PDF of one A4 page per table: each row a line, each cell placed at its column's x in a Chinese CID font (what a 公示 printed to PDF is). */
export function pdfFile(pages: ReadonlyArray<{ title: string; rows: readonly (readonly string[])[] }>): Uint8Array {
  const size = 9;
  // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, then page and content per page.
  const kids = pages.map((_, i) => `${6 + i * 2} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  for (const page of pages) {
    const widths = page.rows.reduce<number[]>((w, row) => row.map((c, i) => Math.max(w[i] ?? 0, c.length)), []);
    const xs = widths.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? 40 : acc[i - 1]! + widths[i - 1]! * size + 14], []);
    const ops = [`BT /F1 ${size + 3} Tf 1 0 0 1 40 800 Tm <${ucs2Hex(page.title)}> Tj ET`];
    page.rows.forEach((row, r) => {
      const y = 770 - r * (size + 8);
      row.forEach((cell, c) => ops.push(`BT /F1 ${size} Tf 1 0 0 1 ${xs[c]} ${y} Tm <${ucs2Hex(cell)}> Tj ET`));
    });
    const stream = ops.join('\n');
    const n = objects.length + 1;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  return pdfOf(objects);
}

/** A PDF whose page tree is its own kid: a reader that follows it never ends. */
export function loopingPdf(): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 1000000 >>',
  ]);
}

/** A zip entry written by hand: its name and already-deflated data with the true size and CRC. */
interface RawEntry { name: string; deflated: Buffer; size: number; crc: number }

/** A zip archive of raw entries (local headers, central directory, end record). */
function zipRaw(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size % 2 ** 32, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size % 2 ** 32, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const deflated = (s: string): RawEntry['deflated'] => zlib.deflateRawSync(Buffer.from(s));

let bomb: Buffer | null = null;

/** An .xlsx whose one sheet inflates to 1.1 GiB of zeros (hostile.ts's zero stream): a valid workbook around a zip bomb (about 1 MB). */
export function zipBombXlsx(): Buffer {
  if (bomb) return bomb;
  const sheet = zeroDeflate();
  const small = (name: string, s: string): RawEntry => ({ name, deflated: deflated(s), size: Buffer.byteLength(s), crc: zlib.crc32(s) });
  bomb = zipRaw([
    small('[Content_Types].xml', CONTENT_TYPES([['/xl/workbook.xml', `${MAIN}.spreadsheetml.sheet.main+xml`]])),
    small('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>`),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
  return bomb;
}

/**
 * A Word 97 file (an OLE compound file's signature and sectors) carrying a VBA project that runs on
 * opening (AutoOpen, Shell): a reader must never run it, and the crawl records it unread.
 */
export function macroDoc(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  const body = Buffer.concat([
    utf16('Root Entry'), Buffer.alloc(8), utf16('WordDocument'), Buffer.alloc(8), utf16('Macros'), Buffer.alloc(8), utf16('VBA'), Buffer.alloc(8), utf16('_VBA_PROJECT'),
    Buffer.from('\x00Attribute VB_Name = "ThisDocument"\r\nSub AutoOpen()\r\n  Shell "cmd /c calc.exe"\r\nEnd Sub\r\n', 'latin1'),
  ]);
  return Buffer.concat([header, body, Buffer.alloc(512 - (body.length % 512))]);
}
