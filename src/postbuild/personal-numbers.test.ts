import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { fullNumbersIn } from './personal-numbers.ts';

const dir = mkdtempSync(join(tmpdir(), 'personal-numbers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('finds valid ID numbers and the known numbers in text files, masked, with file and line; masked and invalid ones are not', () => {
  mkdirSync(join(dir, 'data'));
  // 370102199001011231: check digit 1 (worked out by hand, see gather/personal-data.test.ts); …123X is wrong.
  writeFileSync(join(dir, 'page.html'), '<p>ok</p>\n<td>370102199001011231</td>\n<td>3701**********1231</td> <td>37010219900101123X</td>\n');
  writeFileSync(join(dir, 'data', 'all.csv'), 'site,detail\nx,电话 13812345678\n');
  writeFileSync(join(dir, 'logo.png'), '370102199001011231');
  // The open data's compressed files are read decompressed.
  writeFileSync(join(dir, 'data', 'findings.csv.gz'), gzipSync('site,detail\r\nx,"名单\n370102199001011231"\r\n'));
  expect(fullNumbersIn(dir, new Set(['13812345678']), '2026-12-05')).toEqual([
    { file: join('data', 'all.csv'), line: 2, masked: '138****5678' },
    { file: join('data', 'findings.csv.gz'), line: 3, masked: '3701**********1231' },
    { file: 'page.html', line: 2, masked: '3701**********1231' },
  ]);
  expect(fullNumbersIn(dir, new Set(), '2026-12-05')).toHaveLength(2);
});
