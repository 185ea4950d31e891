// Calendar days and working days. Working days follow the State Council's holiday arrangements with
// their make-up working days (调休), never plain weekdays: the chinese-days package's data, and over
// it the years an office adds to content/holidays.yaml as each year's notice is published. A date in
// a year neither knows cannot be counted: CalendarGap says which year is missing, and the runner
// makes the rules that count working days not applicable, while every other rule runs.
import { createRequire } from 'node:module';
import { dayNumber, isoDay } from '../dates.ts';
import type { HolidaysFile } from '../schemas/holidays.ts';
import { daysOf, loadHolidaysFile } from '../store/holidays.ts';

const DAY_MS = 86_400_000;

/** Calendar days from one date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `n` calendar days after `date` (before it when n < 0). */
export function addDays(date: string, n: number): string {
  return isoDay(dayNumber(date) + n);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday. */
const weekday = (day: number) => new Date(day * DAY_MS).getUTCDay();

/** A working-day count needed a year whose holiday arrangement is known neither to the package nor to content/holidays.yaml. */
export class CalendarGap extends Error {
  override name = 'CalendarGap';
  /** The year missing. */
  readonly year: number;
  /** The date that needed it. */
  readonly date: string;
  constructor(year: number, date: string) {
    super(`${year} 年节假日安排未录入，无法计算 ${date} 前后的工作日`);
    this.year = year;
    this.date = date;
  }
}

/** Where the data of each covered year comes from. */
export interface CalendarSources {
  /** Years from the chinese-days package, first and last. */
  package: { from: number; to: number };
  /** Years from content/holidays.yaml, which take precedence over the package's. */
  file: number[];
}

/** The working-day calendar: which days are off and which weekend days are worked, per covered year. */
export class WorkCalendar {
  readonly #days: ReadonlyMap<string, 'off' | 'work'>;
  readonly #years: ReadonlySet<number>;
  readonly sources: CalendarSources;

  constructor(days: ReadonlyMap<string, 'off' | 'work'>, years: ReadonlySet<number>, sources: CalendarSources) {
    this.#days = days;
    this.#years = years;
    this.sources = sources;
  }

  /** Whether the calendar knows the year of `date`. */
  covers(date: string): boolean {
    return this.#years.has(Number(date.slice(0, 4)));
  }

  #working(day: number): boolean {
    const iso = isoDay(day);
    if (!this.covers(iso)) throw new CalendarGap(Number(iso.slice(0, 4)), iso);
    const known = this.#days.get(iso);
    if (known) return known === 'work';
    const w = weekday(day);
    return w >= 1 && w <= 5;
  }

  /** Is `date` a working day? Throws CalendarGap outside the calendar. */
  isWorkingDay(date: string): boolean {
    return this.#working(dayNumber(date));
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). Throws CalendarGap outside the calendar. */
  workdaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return -this.workdaysBetween(to, from);
    let n = 0;
    for (let d = a + 1; d <= b; d++) if (this.#working(d)) n++;
    return n;
  }

  /** The day `n` working days after `date` (before it when n < 0); `date` itself when n is 0. Throws CalendarGap outside the calendar. */
  addWorkdays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new Error(`addWorkdays: n must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let d = dayNumber(date);
    for (let left = Math.abs(n); left > 0; ) {
      d += step;
      if (this.#working(d)) left--;
    }
    return isoDay(d);
  }
}

/** The package's tables: days off (法定节假日) and make-up working days (调休上班), by YYYY-MM-DD. */
export interface PackageHolidays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let packageData: PackageHolidays | undefined;

/**
 * The chinese-days package's data file, not its functions: they build their tables and read dates
 * in the process's local time zone, which shifts every day by one west of UTC.
 */
export function packageHolidays(): PackageHolidays {
  packageData ??= createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageHolidays;
  return packageData;
}

/**
 * The calendar from the package's tables and the office's file. A year in the file replaces the
 * package's data for that year; its dates may reach into the December before (a New Year holiday or
 * its make-up day), where they override the package too. Validated data only (loadHolidays checks it).
 */
export function buildCalendar(file: HolidaysFile = {}, pkg: PackageHolidays = packageHolidays()): WorkCalendar {
  const fileYears = Object.keys(file).map(Number).sort((a, b) => a - b);
  const inFile = new Set(fileYears);
  const pkgYears = Object.keys(pkg.holidays).map((d) => Number(d.slice(0, 4)));
  if (pkgYears.length === 0) throw new Error('chinese-days: the holiday data file is empty');
  const from = Math.min(...pkgYears);
  const to = Math.max(...pkgYears);
  const days = new Map<string, 'off' | 'work'>();
  for (const [table, kind] of [[pkg.holidays, 'off'], [pkg.workdays, 'work']] as const) {
    for (const date of Object.keys(table)) if (!inFile.has(Number(date.slice(0, 4)))) days.set(date, kind);
  }
  for (const year of fileYears) {
    const y = file[String(year)]!;
    for (const d of y.holidays.flatMap(daysOf)) days.set(d, 'off');
    for (const d of y.workdays.flatMap(daysOf)) days.set(d, 'work');
  }
  const years = new Set(fileYears);
  for (let y = from; y <= to; y++) years.add(y);
  return new WorkCalendar(days, years, { package: { from, to }, file: fileYears });
}

/** The working-day calendar of a content folder: the package's years, and content/holidays.yaml's over them. */
export function loadCalendar(contentDir: string): WorkCalendar {
  return buildCalendar(loadHolidaysFile(contentDir));
}
