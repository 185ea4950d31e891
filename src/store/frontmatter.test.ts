import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { frontmatterData, parseFrontmatter, renderFrontmatter, splitFrontmatter } from './frontmatter.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Every Markdown file the project holds: the demo's content (findings, records, quarter files) and the test fixtures. */
const FILES = ['content', 'tests/fixtures'].flatMap((d) =>
  (readdirSync(join(ROOT, d), { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md')).map((f) => relative(ROOT, join(ROOT, d, f))),
);

describe('the two ways of reading a frontmatter', () => {
  test('the portal’s bulk reader and the line-numbered reader give the same data on every content file', () => {
    expect(FILES.length).toBeGreaterThan(100);
    const differ = FILES.filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return JSON.stringify(frontmatterData(f, text).data) !== JSON.stringify(parseFrontmatter(f, text).yaml.data);
    });
    expect(differ).toEqual([]);
  });

  // Hand-written frontmatter: YAML 1.2 core types in both; what YAML 1.1 would turn into dates,
  // booleans or sexagesimal numbers stays text.
  test.each([
    ['date: 2026-11-20', { date: '2026-11-20' }],
    ['ok: yes', { ok: 'yes' }],
    ['n: 0o17\nm: 0x1f\nf: 1.5e3\nt: true\nz: ~', { n: 15, m: 31, f: 1500, t: true, z: null }],
    ['code: 3713000001\ntime: 12:30', { code: 3713000001, time: '12:30' }],
    ['list: [a, "b: c"]\nmap: { x: 1 }', { list: ['a', 'b: c'], map: { x: 1 } }],
    ['target: "《关于…》2026-10-02"', { target: '《关于…》2026-10-02' }],
  ])('%j', (yaml, want) => {
    const text = `---\n${yaml}\n---\n正文\n`;
    expect(frontmatterData('x.md', text).data).toEqual(want);
    expect(parseFrontmatter('x.md', text).yaml.data).toEqual(want);
  });
});

describe('splitting, errors and writing', () => {
  test('the body after the closing ---, a BOM and CRLF allowed, and where the body starts', () => {
    expect(splitFrontmatter('f.md', '\uFEFF---\r\nsite: linhe\r\n---\r\n正文\n')).toEqual({ yaml: 'site: linhe', body: '正文\n', bodyLine: 4 });
    expect(() => splitFrontmatter('f.md', '# 标题\n')).toThrow(InputError);
  });

  test('a broken frontmatter names the file and its line, in both readers', () => {
    const text = '---\nsite: linhe\nname: [临河\n---\n';
    expect(() => frontmatterData('x.md', text)).toThrow(/^x\.md:\d+: /);
    expect(() => parseFrontmatter('x.md', text)).toThrow(/^x\.md:\d+: /);
  });

  test('written as YAML 1.1 would not misread, and read back the same', () => {
    const data = { target: '2026-12-05', word: 'yes', code: '3713000001', count: 3 };
    const text = renderFrontmatter(data, '正文\n');
    expect(text).toBe('---\ntarget: "2026-12-05"\nword: "yes"\ncode: "3713000001"\ncount: 3\n---\n正文\n');
    expect(frontmatterData('x.md', text).data).toEqual(data);
  });
});
