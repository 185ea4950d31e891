import { describe, expect, test } from 'vitest';
import { dayNumber, isoDay } from '../../dates.ts';
import { findDates, isDateOnly, parseDate } from './dates.ts';

const AS_OF = '2026-11-20';

describe('parseDate accepts', () => {
  // [input, expected date, year inferred]; every row checked by hand against AS_OF 2026-11-20.
  const rows: [string, string, boolean][] = [
    ['2026-11-20', '2026-11-20', false],
    ['2026/11/20', '2026-11-20', false],
    ['2026.11.20', '2026-11-20', false],
    ['2026年11月20日', '2026-11-20', false],
    ['2026 年 11 月 20 日', '2026-11-20', false],
    ['2026年1月5日', '2026-01-05', false],
    ['2026-1-5', '2026-01-05', false],
    ['2026/1/5', '2026-01-05', false],
    ['2026-11-20 09:30', '2026-11-20', false],
    ['2026-11-20 09:30:15', '2026-11-20', false],
    ['2019年06月15日08:18', '2019-06-15', false],
    ['[2018-03-22]', '2018-03-22', false],
    ['（2026-11-20）', '2026-11-20', false],
    ['( 2022-04-26)', '2022-04-26', false],
    ['发布时间：2026-11-20', '2026-11-20', false],
    ['2024-02-29', '2024-02-29', false],
    ['1998-07-01', '1998-07-01', false],
    ['２０２６－１１－２０', '2026-11-20', false],
    ['２０２６年１１月２０日', '2026-11-20', false],
    // A future date is still a date; judging it is the rules' business.
    ['2027-03-01', '2027-03-01', false],
    // Month-day: the most recent such day not after 2026-11-21.
    ['[11-20]', '2026-11-20', true],
    ['(11-20)', '2026-11-20', true],
    ['（03-15）', '2026-03-15', true],
    ['【11/20】', '2026-11-20', true],
    ['11-20', '2026-11-20', true],
    ['11/20', '2026-11-20', true],
    ['11月20日', '2026-11-20', true],
    ['1月5日', '2026-01-05', true],
    ['11-21', '2026-11-21', true], // asOf + 1 day is still this year
    ['11-22', '2025-11-22', true], // two days ahead: last year
    ['[12-30]', '2025-12-30', true],
    ['12月31日', '2025-12-31', true],
    ['01-01', '2026-01-01', true],
    ['02-29', '2024-02-29', true], // 2026 and 2025 have no 29 February
  ];
  test.each(rows)('%s → %s', (input, date, inferred) => {
    expect(parseDate(input, AS_OF)).toEqual(inferred ? { date, inferredYear: true } : { date });
  });

  test('asOf early in January puts December in the year before', () => {
    expect(parseDate('[12-28]', '2026-01-05')).toEqual({ date: '2025-12-28', inferredYear: true });
    expect(parseDate('[01-06]', '2026-01-05')).toEqual({ date: '2026-01-06', inferredYear: true });
    expect(parseDate('[01-07]', '2026-01-05')).toEqual({ date: '2025-01-07', inferredYear: true });
    expect(parseDate('12-31', '2025-12-31')).toEqual({ date: '2025-12-31', inferredYear: true });
    expect(parseDate('01-01', '2025-12-31')).toEqual({ date: '2026-01-01', inferredYear: true });
  });
});

describe('parseDate rejects', () => {
  const rows: [string, string][] = [
    ['', 'empty'],
    ['2026-02-30', 'no 30 February'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-11-31', 'no 31 November'],
    ['2025-02-29', 'not a leap year'],
    ['[02-30]', 'no 30 February in any year'],
    ['13-05', 'month 13'],
    ['2026年13月1日', 'month 13'],
    ['26-11-20', 'two-digit year is ambiguous'],
    ['26/11/20', 'two-digit year is ambiguous'],
    ['2026-11', 'year-month'],
    ['2026年11月', 'year-month'],
    ['2026年', 'year only'],
    ['2026', 'year only'],
    ['2026年1-10月', 'month range'],
    ['1-2月份', 'month range'],
    ['2026-11/20', 'mixed separators'],
    ['2026.11-20', 'mixed separators'],
    ['1-5', 'one-digit month-day could be a range'],
    ['0539-8123456', 'phone number'],
    ['010-68576320', 'phone number'],
    ['11-2026', 'code, not month-day'],
    ['2018-0316001', 'document id'],
    ['V2018.03.16', 'version number'],
    ['版本 2018.03.16', 'version number'],
    ['121.43.68.40', 'IP address'],
    ['2026.11.20.1', 'version number'],
    ['ICP备05034670号', 'registration number'],
    ['京公网安备11010202007625号', 'registration number'],
    ['12-15岁', 'age range'],
    ['第11-20名', 'rank range'],
    ['1849-10-01', 'year out of range'],
    ['今天是2026年11月20日 星期五', 'header clock'],
    ['今天是：2026年11月20日', 'header clock'],
    ['当前日期：2026-11-20', 'header clock'],
    ['2026年11月20日 星期五', 'header clock'],
    ['2026-11-20 周五', 'header clock'],
    ['2026-11-20 09:30 星期五', 'header clock'],
    ['©2026', 'copyright year'],
    ['Copyright 2005-2026', 'copyright range'],
    ['版权所有 2026-11-20', 'copyright line'],
    ['2026-11-20 至 2026-12-01', 'two dates'],
    ['3月23日开始报名，4月1日截止', 'two dates'],
  ];
  test.each(rows)('%s (%s)', (input) => {
    expect(parseDate(input, AS_OF)).toBeUndefined();
  });

  test('an invalid as-of date is a programmer error', () => {
    expect(() => parseDate('11-20', '2026-11-31')).toThrow();
  });
});

describe('findDates', () => {
  test('finds every date with its index', () => {
    const text = '通知 2026-11-20 发布；会议于2026年12月1日召开，报名截至11月25日。';
    expect(findDates(text, AS_OF)).toEqual([
      { date: '2026-11-20', index: 3 },
      { date: '2026-12-01', index: 20 },
      { date: '2025-11-25', index: 37, inferredYear: true },
    ]);
  });

  test('skips the header clock, copyright, phone numbers, ids and ranges', () => {
    const text = [
      '今天是2026年11月20日 星期五',
      '今天是：2026年11月20日',
      '当前日期：2026-11-20',
      '©2026 版权所有：某某市人民政府 Copyright 2005-2026',
      '电话：0539-8123456 传真：010-68576320',
      '京ICP备05034670号 京公网安备11010202007625号 网站标识码3713000001',
      '2026年1-10月全市经济运行情况 2026年11月 统计公报',
      '编号 11-2026 版本V2018.03.16',
    ].join('\n');
    expect(findDates(text, AS_OF)).toEqual([]);
  });

  test('keeps item dates next to a clock', () => {
    const text = '今天是2026年11月20日 星期五\n通知公告 [11-18]\n要闻 2026-11-19';
    expect(findDates(text, AS_OF).map((d) => d.date)).toEqual(['2026-11-18', '2026-11-19']);
  });

  test('a full Chinese date is one date, not also a month-day', () => {
    expect(findDates('2026年11月20日', AS_OF)).toEqual([{ date: '2026-11-20', index: 0 }]);
  });
});

describe('isDateOnly', () => {
  test.each([
    ['2026-11-20', true],
    ['[11-20]', true],
    ['( 2022-04-26)', true],
    ['2026-11-20 09:30', true],
    ['发布时间：2026-11-20', false],
    ['关于2026年11月20日停电的通知', false],
    ['2026-11-20 2026-11-21', false],
  ])('%s → %s', (s, expected) => {
    expect(isDateOnly(s, AS_OF)).toBe(expected);
  });
});

test('dayNumber and isoDay are inverse', () => {
  expect(dayNumber('1970-01-02')).toBe(1);
  expect(isoDay(dayNumber('2026-11-20'))).toBe('2026-11-20');
  expect(() => dayNumber('2026-2-3')).toThrow();
});
