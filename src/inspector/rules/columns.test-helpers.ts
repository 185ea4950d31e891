// Builders of columns for the column rules' tests.
import type { ColumnSnapshot } from '../snapshot.ts';
import { HOME } from './snapshot.test-helpers.ts';

/** A column read on its list page with items of the given dates (newest wherever they are). */
export function column(name: string, dates: string[], over: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return {
    name,
    source: 'block',
    url: `${HOME}${encodeURIComponent(name)}/`,
    homeItems: [],
    items: dates.map((date, i) => ({ title: `${name}${i}`, date })),
    pagesRead: 1,
    blank: false,
    ...over,
  };
}
