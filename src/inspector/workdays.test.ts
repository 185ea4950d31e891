import { isWorkday } from 'chinese-days';
import { afterEach, describe, expect, test } from 'vitest';
import { addDays, addWorkdays, assertCalendarCovers, calendarDaysBetween, calendarRange, isWorkingDay, workdaysBetween } from './workdays.ts';

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
    expect(workdaysBetween(from, to)).toBe(n);
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
    expect(addWorkdays(date, n)).toBe(want);
  });
});

describe('the calendar refuses dates it has no data for', () => {
  test('covers 2004 to 2026, read from the package data', () => {
    expect(calendarRange()).toEqual({ from: '2004-01-01', to: '2026-12-31' });
    expect(() => assertCalendarCovers('2026-12-31')).not.toThrow();
  });

  test('a 2027 as-of date is refused with the date and the covered range named', () => {
    expect(() => assertCalendarCovers('2027-01-04')).toThrow(/2027-01-04.*2004-01-01 to 2026-12-31/);
  });

  test('counts that reach into 2027 are refused, never done on plain weekdays', () => {
    expect(() => workdaysBetween('2026-12-30', '2027-01-05')).toThrow(/2027-01-05/);
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(/2027-01-01/);
    expect(() => workdaysBetween('2003-12-31', '2004-01-05')).toThrow(/2003-12-31/);
  });

  test('a malformed date is a programmer error', () => {
    expect(() => workdaysBetween('2026-02-30', '2026-03-02')).toThrow(/not a YYYY-MM-DD date/);
  });
});

// The package's functions are right only where local time is not behind UTC (they build their tables
// in local time); there they must agree with ours on every day of the calendar.
describe.runIf(new Date(2026, 0, 1).getTimezoneOffset() <= 0)('agrees with chinese-days isWorkday', () => {
  test('on every day from 2004 to 2026', () => {
    const differ: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (isWorkingDay(d) !== isWorkday(d)) differ.push(d);
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
    expect(workdaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(addWorkdays('2026-02-27', 1)).toBe('2026-02-28');
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
