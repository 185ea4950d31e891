import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editQuarterFile, publishedQuarters, quarterFilePath, readQuarterFile } from './quarter-file.ts';
import { assertDraft } from '../workflow/draft.ts';
import { quarterFiles } from './quarter-paths.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function withQuarterFile(front: string): string {
  dir = mkdtempSync(join(tmpdir(), 'quarter-'));
  mkdirSync(join(dir, 'quarters'));
  writeFileSync(quarterFilePath(dir, '2026-Q4'), `---\n# 本季度通报的发文信息\n${front}---\n\n（一）工作要求。\n`);
  return dir;
}

describe('the quarter file', () => {
  test('an edit keeps the comment and the body, and the result is validated', () => {
    withQuarterFile('quarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府\n');
    editQuarterFile(dir, '2026-Q4', (doc) => doc.set('status', 'published'));
    const text = readFileSync(quarterFilePath(dir, '2026-Q4'), 'utf8');
    expect(text).toBe('---\n# 本季度通报的发文信息\nquarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府\nstatus: published\n---\n\n（一）工作要求。\n');
    expect(() => editQuarterFile(dir, '2026-Q4', (doc) => doc.set('status', 'final'))).toThrow();
    expect(readQuarterFile(dir, '2026-Q4')?.status).toBe('published');
  });

  test('errors name the file, the line and the field', () => {
    withQuarterFile('quarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府\nstatus: done\n');
    // Line 1 is ---, line 2 the comment, so status is on line 6.
    expect(() => readQuarterFile(dir, '2026-Q4')).toThrow(/quarters\/2026-Q4\.md:6: status: /);
  });

  test('publishedQuarters lists only the quarters whose file says published', () => {
    withQuarterFile('quarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府\n');
    expect(publishedQuarters(dir)).toEqual(new Set());
    writeFileSync(quarterFilePath(dir, '2026-Q3'), '---\nquarter: 2026-Q3\nissuer: 办公室\nto: 各部门\nstatus: published\npublished: 2026-10-15\n---\n');
    writeFileSync(join(dir, 'quarters', 'notes.md'), 'not a quarter\n');
    expect(publishedQuarters(dir)).toEqual(new Set(['2026-Q3']));
    expect(publishedQuarters(join(dir, 'nowhere'))).toEqual(new Set());
  });

  test('a published quarter refuses changes; a draft or missing file does not', () => {
    withQuarterFile('quarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府\nstatus: published\npublished: 2026-12-01\n');
    expect(() => assertDraft(dir, '2026-Q4', 'crawl')).toThrow(/2026-Q4 was published on 2026-12-01: crawl refuses to change it/);
    expect(() => assertDraft(dir, '2026-Q3', 'crawl')).not.toThrow();
  });

  test('the files of a quarter', () => {
    withQuarterFile('quarter: 2026-Q4\nissuer: x\nto: y\n');
    for (const f of ['findings/2026-Q4/b.md', 'findings/2026-Q4/a.md', 'findings/2026-Q3/a.md', 'manual/2026-Q4/r.md', 'review/2026-Q4.yaml', 'review/2026-Q3.yaml']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    expect(quarterFiles(dir, '2026-Q4')).toEqual(['findings/2026-Q4/a.md', 'findings/2026-Q4/b.md', 'manual/2026-Q4/r.md', 'quarters/2026-Q4.md', 'review/2026-Q4.yaml']);
  });
});
