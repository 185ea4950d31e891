import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCalendar } from '../inspector/workdays.ts';
import { holidaysPath, loadHolidaysFile } from './holidays.ts';
import { InputError } from '../errors.ts';

const root = mkdtempSync(join(tmpdir(), 'holidays-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A content folder holding only this holidays.yaml (none when text is undefined). */
function folder(text?: string): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  if (text !== undefined) writeFileSync(holidaysPath(dir), text);
  return dir;
}

/** The message of the InputError loading throws. */
function problems(text: string): string {
  try {
    loadHolidaysFile(folder(text));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

// A made-up arrangement for tests, not the State Council's.
const GOOD = `# test arrangement
2027:
  source: 测试用安排（非官方）
  holidays:
    - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }
    - 2026-12-31
  workdays:
    - 2027-02-14
`;

describe('content/holidays.yaml', () => {
  test('no file, or a file of comments only, adds nothing', () => {
    expect(loadHolidaysFile(folder())).toEqual({});
    expect(loadHolidaysFile(folder('# nothing yet\n'))).toEqual({});
    expect(loadCalendar(folder()).covers('2027-01-15')).toBe(false);
  });

  test('a year in the file is covered', () => {
    const cal = loadCalendar(folder(GOOD));
    expect(cal.covers('2027-01-15')).toBe(true);
    expect(cal.isWorkingDay('2027-01-04')).toBe(true);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-14')).toBe(true);
  });

  test('the schema: a missing source, a bad date and an unknown field, each with its line and field', () => {
    const msg = problems(`2027:\n  holidays:\n    - 2027-13-01\n  workday: []\n`);
    expect(msg).toContain('holidays.yaml is not valid');
    expect(msg).toMatch(/holidays\.yaml:2: 2027\.source: /);
    expect(msg).toMatch(/holidays\.yaml:3: 2027\.holidays\[0\]: is not a day of the calendar/);
    expect(msg).toMatch(/holidays\.yaml:2: 2027: .*workday/);
  });

  test('a key that is not a year', () => {
    expect(problems(`next:\n  source: x\n  holidays: []\n`)).toMatch(/holidays\.yaml:2: next: must be a year, e\.g\. 2027/);
  });

  test('dates outside the year, a run ending before it starts, a weekday make-up day, a day both off and worked', () => {
    const msg = problems(
      [
        '2027:',
        '  source: 测试',
        '  holidays:',
        '    - 2028-01-01', // line 4: the next year
        '    - 2026-11-30', // line 5: the year before, not December
        '    - { from: 2027-05-05, to: 2027-05-01 }', // line 6
        '    - 2027-02-14', // line 7
        '  workdays:',
        '    - 2027-02-10', // line 9: a Wednesday
        '    - 2027-02-14', // line 10: also a day off
        '',
      ].join('\n'),
    );
    expect(msg).toContain(':4: 2027.holidays[0]: 2028-01-01 is not in 2027');
    expect(msg).toContain(':5: 2027.holidays[1]: 2026-11-30 is not in 2027');
    expect(msg).toContain(':6: 2027.holidays[2].to: 2027-05-01 is before from 2027-05-05');
    expect(msg).toContain(':9: 2027.workdays[0]: 2027-02-10 is a 星期三: make-up working days (调休上班) are Saturdays or Sundays');
    expect(msg).toContain(':10: 2027.workdays[1]: 2027-02-14 is listed both as a day off (holidays) and as a working day');
    expect(msg.split('\n')).toHaveLength(6);
  });

  test('a YAML syntax error names the line', () => {
    expect(() => loadHolidaysFile(folder('2027:\n  source: [\n'))).toThrow(/holidays\.yaml:\d+: /);
  });
});
