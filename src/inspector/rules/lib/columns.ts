// Column judgements shared by the column rules: class by name, newest item, staleness.
import type { ColumnSnapshot, SiteSnapshot } from '../../snapshot.ts';
import { dayNumber } from '../../../dates.ts';
import { COLUMN_CLASSES, type ColumnClass, type RulesConfig } from '../../../schemas/rules-config.ts';

/** Chinese names of the column classes, for evidence. */
export const CLASS_NAMES: Readonly<Record<ColumnClass, string>> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  interpretation: '政策解读类',
  periodic: '应更新类',
  data: '数据发布类',
  topic: '专题专栏类',
};

/** The class whose keyword is the longest one the name contains; undefined when none does. */
export function classify(name: string, columns: RulesConfig['columns']): ColumnClass | undefined {
  let best: { cls: ColumnClass; len: number } | undefined;
  for (const cls of COLUMN_CLASSES) {
    for (const k of columns[cls].keywords) if (name.includes(k) && (!best || k.length > best.len)) best = { cls, len: k.length };
  }
  return best?.cls;
}

/** The newest item date of a column, from its list pages and what the home page shows. */
export function newest(c: ColumnSnapshot): string | undefined {
  let max: string | undefined;
  for (const it of [...c.homeItems, ...c.items]) if (!max || it.date > max) max = it.date;
  return max;
}

/** A column judged stale: older than its class's window. */
export interface StaleColumn {
  column: ColumnSnapshot;
  cls: ColumnClass;
  newest: string;
  window: number;
  age: number;
}

/**
 * Columns older than their class's window on the as-of date. Columns of no class, finished topics
 * (window null), blank columns and columns with no readable date are not judged stale: a date the
 * crawl could not read is no evidence (precision first; blank columns have their own rule), and so
 * is a column whose list page was not read as a browser shows it (unread).
 */
export function staleColumns(s: SiteSnapshot, config: RulesConfig): StaleColumn[] {
  const out: StaleColumn[] = [];
  const today = dayNumber(s.asOf);
  for (const column of s.columns) {
    const cls = classify(column.name, config.columns);
    if (!cls || column.blank || column.unread) continue;
    const window = config.columns[cls].window;
    const date = newest(column);
    if (window === null || date === undefined) continue;
    const age = today - dayNumber(date);
    if (age > window) out.push({ column, cls, newest: date, window, age });
  }
  return out;
}
