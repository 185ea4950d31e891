import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tally } from './build.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('tally counts the files and bytes under a folder, and names its largest file, the one GitHub’s 100 MB limit is about', () => {
  mkdirSync(join(dir, 'data', '2026-Q4'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), 'x'.repeat(10));
  writeFileSync(join(dir, 'data', '2026-Q4', 'findings.csv.gz'), 'y'.repeat(300));
  writeFileSync(join(dir, 'data', '2026-Q4', 'sites.csv'), 'z'.repeat(200));
  expect(tally(dir)).toEqual({ files: 3, bytes: 510, largest: { path: join('data', '2026-Q4', 'findings.csv.gz'), bytes: 300 } });
  expect(tally(dir, (n) => n.endsWith('.html'))).toEqual({ files: 1, bytes: 10, largest: { path: 'index.html', bytes: 10 } });
});
