// Calendar and working days between dates. Working days follow the State Council's holiday
// calendar with its make-up working days (调休), from the chinese-days package's data. A date the
// package has no data for is refused: plain weekdays would silently miscount every holiday week.
import { createRequire } from 'node:module';
import { dayNumber, isoDay } from './dates.ts';

const DAY_MS = 86_400_000;

/** Calendar days from one date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `n` calendar days after `date` (before it when n < 0). */
export function addDays(date: string, n: number): string {
  return isoDay(dayNumber(date) + n);
}

/** The package's tables: days off (法定节假日) and make-up working days (调休上班), by YYYY-MM-DD. */
interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let data: (HolidayData & { from: string; to: string }) | undefined;

/**
 * The package's data file, not its functions: they build their tables and read dates in the
 * process's local time zone, which shifts every day by one west of UTC.
 */
function calendar(): HolidayData & { from: string; to: string } {
  if (data) return data;
  const raw = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayData;
  const years = Object.keys(raw.holidays).map((d) => Number(d.slice(0, 4)));
  if (years.length === 0) throw new Error('chinese-days: the holiday data file is empty');
  data = { holidays: raw.holidays, workdays: raw.workdays, from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years)}-12-31` };
  return data;
}

/** The first and last day of the official holiday calendar the package knows, YYYY-MM-DD. */
export function calendarRange(): { from: string; to: string } {
  const { from, to } = calendar();
  return { from, to };
}

/** Throws when the holiday calendar has no data for `date` (e.g. an as-of date in a year not yet published). */
export function assertCalendarCovers(date: string): void {
  dayNumber(date);
  const { from, to } = calendarRange();
  if (date < from || date > to) {
    throw new Error(
      `working days cannot be counted for ${date}: the official holiday calendar (chinese-days) covers ${from} to ${to}; update the chinese-days package once the State Council publishes the next year's holidays`,
    );
  }
}

/** A working day: a make-up working day, or a Monday to Friday that is not a day off (the package's own test). */
function working(day: number): boolean {
  const { holidays, workdays } = calendar();
  const iso = isoDay(day);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return iso in workdays || (weekday >= 1 && weekday <= 5 && !(iso in holidays));
}

/** Is `date` a working day? Throws outside the calendar's data. */
export function isWorkingDay(date: string): boolean {
  assertCalendarCovers(date);
  return working(dayNumber(date));
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workdaysBetween(from: string, to: string): number {
  assertCalendarCovers(from);
  assertCalendarCovers(to);
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workdaysBetween(to, from);
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (working(d)) n++;
  return n;
}

/** The day `n` working days after `date` (before it when n < 0); `date` itself when n is 0. */
export function addWorkdays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addWorkdays: n must be a whole number, got ${n}`);
  assertCalendarCovers(date);
  const step = n < 0 ? -1 : 1;
  let d = dayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    d += step;
    assertCalendarCovers(isoDay(d));
    if (working(d)) left--;
  }
  return isoDay(d);
}
