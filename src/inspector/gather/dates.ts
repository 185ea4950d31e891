// Dates as pages print them: 2026-11-20, 2026/11/20, 2026年11月20日, [11-20], （11-20）, 11月20日.
// A public notice names the sites it finds stale, so a wrong date is worse than none: every form
// here is strict, and look-alikes (the header clock, copyright years, phone numbers, month ranges,
// version numbers) are skipped rather than guessed at.
import { dayNumber, isIsoDate } from '../../dates.ts';

const DAY_MS = 86_400_000;

/** A date found in a text. */
export interface FoundDate {
  /** YYYY-MM-DD. */
  date: string;
  /** Where the date starts in the text. */
  index: number;
  /** The text printed no year; it was inferred from the as-of date. */
  inferredYear?: true;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date from its parts, or undefined (2026-02-30, month 13). */
function calendarDate(y: number, m: number, d: number): string | undefined {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

// Pages of government sites go back to the 1990s; years outside this range are codes, not dates.
const MIN_YEAR = 1950;
const MAX_YEAR = 2099;

/**
 * The year of a month-day date: the most recent such date not after `limit`, the day number of
 * the day after asOf. The one day of slack covers a page published late in the evening of the
 * as-of date in another clock.
 */
function inferYear(m: number, d: number, asOfYear: number, limit: number): string | undefined {
  // Eight years back is enough to find a 29 February.
  for (let y = asOfYear + 1; y > asOfYear - 8; y--) {
    const t = Date.UTC(y, m - 1, d);
    if (new Date(t).getUTCDate() !== d || t / DAY_MS > limit) continue;
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  return undefined;
}

/*
 * One pattern per printed form, tried together left to right. Numeric forms refuse a digit,
 * letter, dot, slash or hyphen right before or after, so 0539-8123456, 11-2026, V2018.03.16,
 * 2018-0316001 and 121.43.68.40 are not dates. Month-day numbers must be two digits each and
 * stand alone or in brackets; anything followed by 月, 日, 年 or another character of a title
 * (2026年1-10月, 1-2月份, 12-15岁) is a range or a count, not a date.
 */
const DATE_RE = new RegExp([
  // 2026-11-20, 2026/1/5, 2026.11.20 (one separator throughout)
  String.raw`(?<![A-Za-z0-9./\-])(?<y1>\d{4})(?<s1>[-/.])(?<m1>\d{1,2})\k<s1>(?<d1>\d{1,2})(?![\p{N}]|[-/.]\d)`,
  // 2026年11月20日, 2019年06月15日08:18
  String.raw`(?<![\p{N}])(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*[日号]`,
  // 11月20日 (not the tail of a full Chinese date, not 第3月…)
  String.raw`(?<![\p{N}年月第]\s*)(?<m3>\d{1,2})\s*月\s*(?<d3>\d{1,2})\s*[日号]`,
  // [11-20], (11-20), （03-15）, 【11/20】
  String.raw`[\[［(（【]\s*(?<m4>\d{2})[-/.](?<d4>\d{2})\s*[\]］)）】]`,
  // 11-20, 11/20 standing alone
  String.raw`(?<![\p{L}\p{N}./\-:])(?<m5>\d{2})[-/](?<d5>\d{2})(?=$|[\s\]］)）】»>,，。;；|丨、])`,
].join('|'), 'gu');

/** Text just before a date that makes it the page's clock, not an item date. */
const CLOCK_BEFORE = /(今天是|今天|今日是|今日|当前日期|当前时间|现在是|现在时间|系统时间)\s*[:：]?\s*$/;
/** A weekday right after a date (with an optional time): the header clock 2026年11月20日 星期五. */
const WEEKDAY_AFTER = /^\s*(\d{1,2}:\d{2}(:\d{2})?)?\s*[（(]?\s*(星期|周|礼拜)[一二三四五六日天]/;
/** Copyright and version marks shortly before a date on the same line. */
const COPYRIGHT_BEFORE = /(©|\(c\)|copyright|版权所有|版权)[^\n]{0,30}$/i;
const VERSION_BEFORE = /(版本|version|ver\.?|v)\s*[:：]?\s*$/i;

/** Whether the text around a match marks it as a clock, copyright or version number. */
function isLookAlike(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (CLOCK_BEFORE.test(before) || COPYRIGHT_BEFORE.test(before) || VERSION_BEFORE.test(before)) return true;
  return WEEKDAY_AFTER.test(text.slice(end, end + 16));
}

/** A found date with where it ends (for callers that need to know what else the text holds). */
export interface DateMatch extends FoundDate {
  end: number;
}

/** Every date of a text with its extent; see findDates. */
export function scanDates(text: string, asOf: string): DateMatch[] {
  const limit = dayNumber(asOf) + 1;
  const asOfYear = Number(asOf.slice(0, 4));
  const out: DateMatch[] = [];
  // Full-width digits and separators (２０２６－１１－２０) become ASCII, one character for one.
  const plain = text.replace(/[０-９－／．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/\d/.test(plain)) return out;
  for (const m of plain.matchAll(DATE_RE)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (isLookAlike(plain, start, end)) continue;
    const y = g['y1'] ?? g['y2'];
    const mo = Number(g['m1'] ?? g['m2'] ?? g['m3'] ?? g['m4'] ?? g['m5']);
    const d = Number(g['d1'] ?? g['d2'] ?? g['d3'] ?? g['d4'] ?? g['d5']);
    if (y !== undefined) {
      const year = Number(y);
      const date = year >= MIN_YEAR && year <= MAX_YEAR ? calendarDate(year, mo, d) : undefined;
      if (date) out.push({ date, index: start, end });
    } else {
      const date = mo >= 1 && mo <= 12 && d >= 1 ? inferYear(mo, d, asOfYear, limit) : undefined;
      if (date) out.push({ date, index: start, end, inferredYear: true });
    }
  }
  return out;
}

/**
 * All dates in a text, in order, skipping the header clock (今天是…, a date followed by 星期X),
 * copyright years, version numbers and numbers that only look like dates. Year-only and
 * year-month forms are not dates. Month-day forms get their year from asOf (see parseDate).
 */
export function findDates(text: string, asOf: string): FoundDate[] {
  return scanDates(text, asOf).map(({ end: _end, ...found }) => found);
}

/**
 * The one date of a short string (a date cell, a span, "[11-20]", "2026-11-20 09:30"), or
 * undefined when it holds none or several. A month-day date gets the most recent year that does
 * not put it after the day after asOf: [12-30] seen on 2026-11-20 is 2025-12-30.
 */
export function parseDate(s: string, asOf: string): { date: string; inferredYear?: true } | undefined {
  const found = findDates(s, asOf);
  if (found.length !== 1) return undefined;
  const { date, inferredYear } = found[0]!;
  return inferredYear ? { date, inferredYear } : { date };
}

/** Text that is a date and nothing else but a time, brackets or punctuation ("( 2022-04-26)", "2026-11-20 09:30"). */
export function isDateOnly(s: string, asOf: string): boolean {
  if (s.length > 60 || !/\d/.test(s)) return false;
  const found = scanDates(s, asOf);
  if (found.length !== 1) return false;
  const { index, end } = found[0]!;
  const rest = (s.slice(0, index) + s.slice(end)).replace(/\d{1,2}:\d{2}(:\d{2})?/g, '');
  return /^[\s\p{P}\p{S}]*$/u.test(rest);
}
