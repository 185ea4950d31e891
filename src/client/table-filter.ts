// The score table's filter and sort, kept apart from the DOM so they are tested in Node.
// The table is complete without scripts; these only narrow and reorder it in the browser.

/** What a row of the score table carries in its data attributes. */
export interface RowKeys {
  /** Position in the page's own order (序号). */
  order: number;
  name: string;
  unit: string;
  region: string;
  verdict: 'pass' | 'fail';
  score: number;
}

/** The filter form: empty strings mean "all". */
export interface Filter {
  region: string;
  verdict: '' | 'pass' | 'fail';
  /** Part of a site's or a unit's name, e.g. 教育 or 河西县. */
  text: string;
}

/** Whether a row passes the filter; text matches site or unit names, ignoring spaces at either end. */
export function matches(row: RowKeys, f: Filter): boolean {
  const text = f.text.trim();
  return (
    (f.region === '' || row.region === f.region) &&
    (f.verdict === '' || row.verdict === f.verdict) &&
    (text === '' || row.name.includes(text) || row.unit.includes(text))
  );
}

/** Columns the table can be sorted by. */
export type SortKey = keyof RowKeys;

/** Compare two rows by one column, Chinese text in pinyin order; ties keep the page's order. */
export function compareRows(a: RowKeys, b: RowKeys, key: SortKey, direction: 'ascending' | 'descending'): number {
  const x = a[key];
  const y = b[key];
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  return (direction === 'ascending' ? c : -c) || a.order - b.order;
}
