// A page's data tables as rows of cell texts, for the readers that need columns (personal data in a
// list of people). Layout tables hold other tables; only the innermost ones are read.
import type { CheerioAPI } from 'cheerio';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { inside, named, textOf } from './elements.ts';

const isTable = (el: Element) => el.name === 'table';
/** A row's cells ($(tr).children('td, th')). */
const isCell = (c: AnyNode): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th');

/** Tables read per page and rows per table at most: a page's lists, not a data dump's every row. */
const MAX_TABLES = 50;
const MAX_ROWS = 5000;

/** The innermost tables of a page, each as rows of trimmed cell texts (empty rows left out), numbered from 1 in page order. */
export function readTables($: CheerioAPI): Array<{ n: number; rows: string[][] }> {
  const out: Array<{ n: number; rows: string[][] }> = [];
  let n = 0;
  for (const table of named($, 'table')) {
    if (inside(table, isTable, 1).length) continue;
    n++;
    if (out.length >= MAX_TABLES) continue;
    const rows: string[][] = [];
    for (const tr of inside(table, (el) => el.name === 'tr', MAX_ROWS)) {
      const cells = tr.children.filter(isCell).map((c) => textOf(c).replace(/\s+/g, ' ').trim());
      if (cells.some((c) => c !== '')) rows.push(cells);
    }
    if (rows.length) out.push({ n, rows });
  }
  return out;
}

/** Spans and sizes a grid is read within: a hostile rowspan="100000" costs no more than a real table. */
const MAX_SPAN = 60;
const MAX_GRID_ROWS = 200;
const MAX_GRID_COLUMNS = 40;

/**
 * The innermost tables of a page whose text `wanted` accepts (at most `max`), each as a grid: each
 * row as wide as its cells' colspans, with a merged cell's text repeated in every row and column it
 * spans (rowspan, colspan), so that a row's cells line up with the header's.
 */
export function readGrids($: CheerioAPI, wanted: (text: string) => boolean, max: number): string[][][] {
  const out: string[][][] = [];
  $('table').each((_, table) => {
    if (out.length >= max || $(table).find('table').length || !wanted($(table).text())) return;
    const grid: string[][] = [];
    /** Cells spanning down from rows above, by column: their text and how many rows they still cover. */
    const carried = new Map<number, { text: string; rows: number }>();
    $(table).find('tr').slice(0, MAX_GRID_ROWS).each((_i, tr) => {
      const row: string[] = [];
      $(tr).children('td, th').each((_j, c) => {
        const text = $(c).text().replace(/\s+/g, ' ').trim();
        const cols = span($(c).attr('colspan'));
        const rows = span($(c).attr('rowspan'));
        for (let k = 0; k < cols; k++) {
          while (carried.has(row.length)) take(row, carried);
          if (row.length >= MAX_GRID_COLUMNS) break;
          if (rows > 1) carried.set(row.length, { text, rows: rows - 1 });
          row.push(text);
        }
      });
      while ([...carried.keys()].some((k) => k >= row.length)) take(row, carried);
      if (row.some((c) => c !== '')) grid.push(row);
    });
    out.push(grid);
  });
  return out;
}

/** Puts the cell carried down into the row's next column (or an empty one where nothing is carried) and counts it used. */
function take(row: string[], carried: Map<number, { text: string; rows: number }>): void {
  const c = carried.get(row.length);
  if (!c) {
    row.push('');
    return;
  }
  row.push(c.text);
  if (--c.rows === 0) carried.delete(row.length - 1);
}

/** A rowspan or colspan attribute as a count from 1 to MAX_SPAN (HTML's rules: a missing or bad value is 1). */
function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Words every table of a 政府信息公开工作年度报告's 申请 section has (国办公开办函〔2021〕30号's format and the 2019 one before it). */
const REPORT_TABLE = /本年新收/;

/** The tables of a page that read like a 政府信息公开工作年度报告's application table, as grids (at most 4). */
export function readReportTables($: CheerioAPI): string[][][] {
  return readGrids($, (text) => REPORT_TABLE.test(text), 4);
}
