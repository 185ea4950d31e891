// A PDF's text as the personal-data detector reads it, through Mozilla's PDF.js: each page's text
// items grouped into lines by their baseline and into cells by the gaps between them, so that a
// list printed from a spreadsheet reads as the table it was. Only text is asked for: no page is
// drawn, no script run (PDF.js has no scripting here), no XFA form or font face loaded; CJK text maps
// through the CMaps the package ships.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, PasswordException, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';
import { headerRow, type DocumentPart } from '../personal-data.ts';
import { Unreadable } from './unreadable.ts';

/** Pages read per document at most. */
export const MAX_PDF_PAGES = 300;

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Each page as a table of its lines (rows) and their cells, named 第 N 页. */
export async function pdfParts(bytes: Uint8Array): Promise<{ parts: DocumentPart[]; units: number }> {
  const task = getDocument({
    // PDF.js takes the buffer over; the caller's copy stays whole.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PDFJS, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS, 'standard_fonts')}/`,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    if (e instanceof PasswordException) throw new Unreadable('encrypted', 'PDF 已加密');
    throw new Unreadable('corrupt', `PDF 无法读取：${(e as Error).message}`);
  }
  try {
    const parts: DocumentPart[] = [];
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    // A list that runs over pages prints its heading once: later pages read under the last heading seen.
    let heading: string[] | undefined;
    for (let i = 1; i <= pages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const rows = pageRows(content.items.filter((x): x is TextItem => 'str' in x));
      page.cleanup();
      if (rows.length === 0) continue;
      const head = headerRow(rows);
      if (head !== undefined) heading = rows[head];
      parts.push({ kind: 'table', where: `第 ${i} 页`, rows: head === undefined && heading ? [heading, ...rows] : rows });
    }
    return { parts, units: pages };
  } catch (e) {
    if (e instanceof Unreadable) throw e;
    throw new Unreadable('corrupt', `PDF 无法读取：${(e as Error).message}`);
  } finally {
    await task.destroy();
  }
}

/** Text items as lines (top to bottom) of cells (left to right): a gap wider than half the text's height starts a new cell. */
export function pageRows(items: readonly TextItem[]): string[][] {
  const glyphs = items
    // PDF.js puts a space item in each gap; the gaps themselves separate the cells.
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({ s: i.str, x: Number(i.transform[4]), y: Number(i.transform[5]), w: i.width, h: Math.max(1, Math.abs(i.height) || Math.abs(Number(i.transform[3])) || 1) }));
  glyphs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (typeof glyphs)[] = [];
  for (const g of glyphs) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - g.y) <= line[0]!.h * 0.5) line.push(g);
    else lines.push([g]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    let end = -Infinity;
    for (const g of line) {
      if (cells.length === 0 || g.x - end > g.h * 0.5) cells.push(g.s);
      else cells[cells.length - 1] += g.s;
      end = Math.max(end, g.x + g.w);
    }
    return cells.map((c) => c.trim()).filter((c) => c !== '');
  }).filter((r) => r.length > 0);
}
