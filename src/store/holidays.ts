// content/holidays.yaml: the holiday arrangements the office adds each year, checked line by line.
// src/inspector/workdays.ts merges them over the chinese-days package into the working-day
// calendar. A missing file adds nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dayNumber, isoDay } from '../dates.ts';
import { holidaysFileSchema, type DayOrRange, type HolidaysFile } from '../schemas/holidays.ts';
import { InputError } from '../errors.ts';
import { describeIssues, readYaml, type YamlFile } from './yaml-file.ts';

/** The calendar file of a content folder. */
export const holidaysPath = (contentDir: string) => join(contentDir, 'holidays.yaml');

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Every date of a day or a run of days, in order. */
export function daysOf(d: DayOrRange): string[] {
  if (typeof d === 'string') return [d];
  const out: string[] = [];
  for (let n = dayNumber(d.from); n <= dayNumber(d.to); n++) out.push(isoDay(n));
  return out;
}

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * What the schema cannot see: every date in its year (or the December before, where a New Year
 * holiday or its make-up day falls), runs that end before they start, make-up working days that are
 * not weekend days, and a day listed both as off and as worked. One message per problem.
 */
function checkYears(y: YamlFile, file: HolidaysFile): string[] {
  const errors: string[] = [];
  for (const [year, entry] of Object.entries(file)) {
    const seen = new Map<string, { list: string; line: number }>();
    for (const list of ['holidays', 'workdays'] as const) {
      entry[list].forEach((d: DayOrRange, i) => {
        const path = [year, list, i];
        const at = (field?: 'from' | 'to') => `${y.file}:${y.lineOf(field ? [...path, field] : path)}: ${year}.${list}[${i}]${field ? `.${field}` : ''}`;
        if (typeof d !== 'string' && d.from > d.to) {
          errors.push(`${at('to')}: ${d.to} is before from ${d.from}`);
          return;
        }
        for (const [field, date] of typeof d === 'string' ? ([[undefined, d]] as const) : ([['from', d.from], ['to', d.to]] as const)) {
          const inYear = date.startsWith(`${year}-`) || date.startsWith(`${Number(year) - 1}-12-`);
          if (!inYear) errors.push(`${at(field)}: ${date} is not in ${year} (only its own days, and the December before for a New Year holiday, belong to ${year}'s notice)`);
        }
        for (const date of daysOf(d)) {
          if (list === 'workdays' && weekdayOf(date) % 6 !== 0) {
            errors.push(`${at()}: ${date} is a ${WEEKDAY_NAMES[weekdayOf(date)]}: make-up working days (调休上班) are Saturdays or Sundays`);
          }
          const other = seen.get(date);
          if (other && other.list !== list) errors.push(`${at()}: ${date} is listed both as a day off (holidays) and as a working day (workdays, line ${other.line})`);
          seen.set(date, { list, line: y.lineOf(path) });
        }
      });
    }
  }
  return errors;
}

/** The office's file, validated; {} when there is none. Every problem is reported at once, with file, line and field. */
export function loadHolidaysFile(contentDir: string): HolidaysFile {
  const path = holidaysPath(contentDir);
  if (!existsSync(path)) return {};
  const y = readYaml(path);
  const r = holidaysFileSchema.safeParse(y.data);
  const errors = r.success ? checkYears(y, r.data) : describeIssues(y, r.error.issues);
  if (errors.length || !r.success) throw new InputError(`${path} is not valid:\n  ${errors.join('\n  ')}`);
  return r.data;
}

