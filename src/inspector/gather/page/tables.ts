// A page's data tables as rows of cell texts, for the readers that need columns (personal data in a
// list of people). Layout tables hold other tables; only the innermost ones are read.
import type { CheerioAPI } from 'cheerio';

/** Tables read per page and rows per table at most: a page's lists, not a data dump's every row. */
const MAX_TABLES = 50;
const MAX_ROWS = 5000;

/** The innermost tables of a page, each as rows of trimmed cell texts (empty rows left out), numbered from 1 in page order. */
export function readTables($: CheerioAPI): Array<{ n: number; rows: string[][] }> {
  const out: Array<{ n: number; rows: string[][] }> = [];
  let n = 0;
  $('table').each((_, el) => {
    const $t = $(el);
    if ($t.find('table').length) return;
    n++;
    if (out.length >= MAX_TABLES) return;
    const rows: string[][] = [];
    $t.find('tr').slice(0, MAX_ROWS).each((_i, tr) => {
      const cells = $(tr).children('td, th').map((_j, c) => $(c).text().replace(/\s+/g, ' ').trim()).get();
      if (cells.some((c) => c !== '')) rows.push(cells);
    });
    if (rows.length) out.push({ n, rows });
  });
  return out;
}
