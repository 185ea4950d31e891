import { isWorkday } from 'chinese-days';
import { afterEach, describe, expect, test } from 'vitest';
import type { HolidaysFile } from '../schemas/holidays.ts';
import { addDays, buildCalendar, CalendarGap, calendarDaysBetween } from './workdays.ts';

const cal = buildCalendar();

// Hand-checked against the State Council's 2026 arrangement (as in chinese-days 1.5.7):
// 春节 2026-02-15 (Sun) to 02-23 (Mon) off, make-up working Saturdays 02-14 and 02-28;
// 中秋 09-25 (Fri) to 09-27 off; 国庆 10-01 (Thu) to 10-07 off, make-up working 09-20 (Sun) and 10-10 (Sat).

describe('workdaysBetween counts days after `from` up to and including `to`', () => {
  test.each([
    ['an ordinary week', '2026-03-06', '2026-03-13', 5],
    ['the same day', '2026-03-06', '2026-03-06', 0],
    // 02-14 (make-up Saturday), then 02-24..27: 5, where plain weekdays would give 10.
    ['across the Spring Festival', '2026-02-13', '2026-02-27', 5],
    // 02-28 is a make-up Saturday, 03-01 a Sunday, 03-02 a Monday.
    ['over the make-up Saturday after it', '2026-02-27', '2026-03-02', 2],
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12.
    ['across National Day', '2026-09-30', '2026-10-12', 4],
    // 09-20 (make-up Sunday), 09-21..24, not 09-25 (中秋), 09-28..30.
    ['over the make-up Sunday and Mid-Autumn', '2026-09-18', '2026-09-30', 8],
    ['backwards is negative', '2026-02-27', '2026-02-13', -5],
  ])('%s: %s → %s is %i', (_name, from, to, n) => {
    expect(cal.workdaysBetween(from, to)).toBe(n);
  });
});

describe('addWorkdays', () => {
  test.each([
    ['the make-up Saturday before the Spring Festival is a working day', '2026-02-13', 1, '2026-02-14'],
    ['the festival is skipped', '2026-02-13', 2, '2026-02-24'],
    ['5 working days from Friday 02-13', '2026-02-13', 5, '2026-02-27'],
    ['the make-up Saturday 02-28', '2026-02-27', 1, '2026-02-28'],
    ['after it, Monday', '2026-02-28', 1, '2026-03-02'],
    ['National Day is skipped', '2026-09-30', 1, '2026-10-08'],
    ['the make-up Saturday 10-10', '2026-10-09', 1, '2026-10-10'],
    ['zero is the day itself, even on a holiday', '2026-10-03', 0, '2026-10-03'],
    ['backwards over National Day', '2026-10-08', -1, '2026-09-30'],
  ])('%s', (_name, date, n, want) => {
    expect(cal.addWorkdays(date, n)).toBe(want);
  });
});

describe('a year the calendar does not know', () => {
  test('the package covers 2004 to 2026; 2027 is not covered until the office adds it', () => {
    expect(cal.sources).toEqual({ package: { from: 2004, to: 2026 }, file: [] });
    expect(cal.covers('2026-12-31')).toBe(true);
    expect(cal.covers('2027-01-04')).toBe(false);
    expect(cal.covers('2003-12-31')).toBe(false);
  });

  test('a count that reaches into it throws CalendarGap naming the year, never counts plain weekdays', () => {
    const gap = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CalendarGap ? [e.year, e.date] : e;
      }
      return 'no error';
    };
    expect(gap(() => cal.workdaysBetween('2026-12-30', '2027-01-05'))).toEqual([2027, '2027-01-01']);
    expect(gap(() => cal.addWorkdays('2026-12-30', 5))).toEqual([2027, '2027-01-01']);
    expect(gap(() => cal.workdaysBetween('2004-01-05', '2003-12-20'))).toEqual([2003, '2003-12-21']);
    expect(gap(() => cal.isWorkingDay('2027-03-01'))).toEqual([2027, '2027-03-01']);
  });

  test('a malformed date is a programmer error', () => {
    expect(() => cal.workdaysBetween('2026-02-30', '2026-03-02')).toThrow(/not a YYYY-MM-DD date/);
  });
});

// A made-up arrangement for tests, NOT the State Council's: 2027-01-01 (Fri) to 01-03 off; a run of
// days off from 02-06 (Sat) to 02-12 (Fri); make-up working Sunday 02-14; and 2026-12-31 (Thu) off,
// a New Year day off that the 2027 notice names in the December before.
const FILE: HolidaysFile = {
  '2027': {
    source: '测试用安排（非官方）',
    holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }, '2026-12-31', { from: '2027-02-06', to: '2027-02-12' }],
    workdays: ['2027-02-14'],
  },
};

describe('content/holidays.yaml over the package', () => {
  const withFile = buildCalendar(FILE);

  test('a year in the file is covered, and its arrangement counts', () => {
    expect(withFile.sources).toEqual({ package: { from: 2004, to: 2026 }, file: [2027] });
    expect(withFile.covers('2027-06-01')).toBe(true);
    // 01-04 (Mon) is the first working day; 02-13 (Sat) is off, 02-14 (Sun) worked, 02-15 (Mon).
    expect(withFile.addWorkdays('2026-12-30', 1)).toBe('2027-01-04');
    expect(withFile.workdaysBetween('2027-02-05', '2027-02-15')).toBe(2);
    // An ordinary 2027 week: plain weekdays where the notice names nothing.
    expect(withFile.workdaysBetween('2027-03-05', '2027-03-12')).toBe(5);
  });

  test('a date the file gives in the December before overrides the package there', () => {
    expect(cal.isWorkingDay('2026-12-31')).toBe(true);
    expect(withFile.isWorkingDay('2026-12-31')).toBe(false);
    expect(withFile.isWorkingDay('2026-12-30')).toBe(true);
  });

  test("a year in both is the file's: the package's data for it is not used", () => {
    const replaced = buildCalendar({ '2026': { source: '测试', holidays: ['2026-03-02'], workdays: [] } });
    // The package's Spring Festival (02-16 Monday off) and make-up Saturday 02-14 are gone.
    expect(replaced.isWorkingDay('2026-02-16')).toBe(true);
    expect(replaced.isWorkingDay('2026-02-14')).toBe(false);
    expect(replaced.isWorkingDay('2026-03-02')).toBe(false);
    // Other years still come from the package: 2025-10-01 is National Day.
    expect(replaced.isWorkingDay('2025-10-01')).toBe(false);
  });
});

// The package's functions are right only where local time is not behind UTC (they build their tables
// in local time); there they must agree with ours on every day of the calendar.
describe.runIf(new Date(2026, 0, 1).getTimezoneOffset() <= 0)('agrees with chinese-days isWorkday', () => {
  test('on every day from 2004 to 2026', () => {
    const differ: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (cal.isWorkingDay(d) !== isWorkday(d)) differ.push(d);
    expect(differ).toEqual([]);
  });
});

describe('the count does not depend on the machine time zone', () => {
  const tz = process.env['TZ'];
  afterEach(() => {
    if (tz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = tz;
  });
  test.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])('%s', (zone) => {
    process.env['TZ'] = zone;
    expect(buildCalendar().workdaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(buildCalendar().addWorkdays('2026-02-27', 1)).toBe('2026-02-28');
  });
});

describe('calendar days', () => {
  test.each([
    ['2026-08-20', '2026-11-20', 92],
    ['2025-11-20', '2026-11-20', 365],
    ['2026-11-20', '2026-09-20', -61],
  ])('%s → %s is %i', (from, to, n) => {
    expect(calendarDaysBetween(from, to)).toBe(n);
  });
  test('addDays', () => {
    expect(addDays('2026-11-20', -61)).toBe('2026-09-20');
  });
});
