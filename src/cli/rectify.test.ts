import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dueQuarters, parseRectifyArgs } from './rectify.ts';
import { tempFolders } from '../workflow/fixture.test-helpers.ts';

const tempFolder = tempFolders('due');

describe('npm run rectify', () => {
  test('--quarter or --due, one of them; a bad quarter or date is refused', () => {
    expect(parseRectifyArgs(['--quarter', '2026-Q3', '--date', '2026-11-05'])).toMatchObject({ quarter: '2026-Q3', date: '2026-11-05', contentDir: 'content' });
    expect(parseRectifyArgs(['--due'], '2026-11-05')).toMatchObject({ quarter: 'due', date: '2026-11-05' });
    expect(() => parseRectifyArgs([])).toThrow(/give one of --quarter and --due/);
    expect(() => parseRectifyArgs(['--due', '--quarter', '2026-Q3'])).toThrow(/give one of --quarter and --due/);
    expect(() => parseRectifyArgs(['--quarter', '2026Q3'])).toThrow(/--quarter must look like 2026-Q4/);
    expect(() => parseRectifyArgs(['--due', '--date', '2026-13-01'])).toThrow(/--date must be a date/);
  });

  test('--due: published quarters whose deadline is the day, or a week, two, three or four weeks before it', () => {
    const dir = tempFolder();
    mkdirSync(join(dir, 'quarters'));
    const quarter = (q: string, extra: string) => writeFileSync(join(dir, 'quarters', `${q}.md`), `---\nquarter: ${q}\nissuer: 办公室\nto: 各单位\n${extra}---\n`);
    quarter('2026-Q2', 'status: published\npublished: 2026-07-15\nrectifyBy: 2026-08-05\n');
    quarter('2026-Q3', 'status: published\npublished: 2026-10-15\nrectifyBy: 2026-11-05\n');
    quarter('2026-Q4', 'rectifyBy: 2026-11-05\n');
    expect(dueQuarters(dir, '2026-11-05')).toEqual(['2026-Q3']);
    expect(dueQuarters(dir, '2026-11-12')).toEqual(['2026-Q3']);
    expect(dueQuarters(dir, '2026-12-03')).toEqual(['2026-Q3']);
    expect(dueQuarters(dir, '2026-12-10')).toEqual([]);
    expect(dueQuarters(dir, '2026-11-06')).toEqual([]);
    // 08-05 + 28 = 09-02.
    expect(dueQuarters(dir, '2026-09-02')).toEqual(['2026-Q2']);
  });
});
