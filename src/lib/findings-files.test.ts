import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSiteQuarter } from '../inspector/report/site-quarter.ts';
import { row } from './fixtures.test-helpers.ts';
import { readFindingsFiles } from './findings-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'findings-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(dir: string, rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

describe('readFindingsFiles', () => {
  it('reads every quarter’s files as the crawl wrote them, ids as written, in a stable order, bodies left out', () => {
    const dir = join(tmp, 'ok');
    const linhe = row({ site: 'linhe', name: '临河市人民政府', score: 97.5, findings: [{ indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a', page: 'http://www.linhe.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: '扣分' }] });
    const hexi = row({ site: 'hexi', name: '河西县人民政府', score: 100, quarter: '2026-Q3', asOf: '2026-08-20' });
    write(dir, '2026-Q4/linhe.md', renderSiteQuarter(linhe, '正文不读\n'));
    write(dir, '2026-Q3/hexi.md', renderSiteQuarter(hexi, ''));
    // Not a findings file: left out.
    write(dir, '2026-Q4/README.txt', 'notes');
    expect(readFindingsFiles(dir)).toEqual([
      { id: '2026-Q3/hexi', data: hexi },
      { id: '2026-Q4/linhe', data: linhe },
    ]);
    expect(readFindingsFiles(join(tmp, 'none'))).toEqual([]);
  });

  it('names the file, the line and the field the schema refuses', () => {
    const dir = join(tmp, 'bad');
    const text = renderSiteQuarter(row({ site: 'linhe', name: '临河市人民政府', score: 97.5 }), '').replace(/^score: 97\.5$/m, 'score: 九十七');
    write(dir, '2026-Q4/linhe.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('score:')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(() => readFindingsFiles(dir)).toThrow(`${join(dir, '2026-Q4', 'linhe.md')}:${line}: score:`);
  });
});
