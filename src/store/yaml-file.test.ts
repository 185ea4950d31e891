import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { parseYaml } from './yaml-file.ts';

/** A registry-like list big enough to be parsed entry by entry (over 256 KB). */
function bigList(n = 3_000, extra = ''): string {
  let out = '# Registered sites.\n\n';
  for (let i = 0; i < n; i++) out += `- id: s${i}\n  name: 测试市第${i}局网站 # kept\n  url: http://s${i}.example.gov.cn/\n  services:\n    - 办事${i}\n  siteCode: "${1000000000 + i}"\n${i === 7 ? extra : ''}`;
  return out;
}

describe('parseYaml of a large top-level list, entry by entry', () => {
  test('gives the data the whole-document parse gives, and every line', () => {
    const text = bigList();
    expect(text.length).toBeGreaterThan(256 * 1024);
    const y = parseYaml('sites.yaml', text);
    expect(y.data).toEqual(YAML.parse(text));
    // Line 3 is the first entry; each entry is 6 lines.
    expect(y.lineOf([0])).toBe(3);
    expect(y.lineOf([100, 'url'])).toBe(3 + 100 * 6 + 2);
    expect(y.lineOf([2999, 'services', 0])).toBe(3 + 2999 * 6 + 4);
    expect(y.lineOf(['2999', 'siteCode'])).toBe(3 + 2999 * 6 + 5);
    // Frontmatter-style offsets carry through.
    expect(parseYaml('x.md', text, 2).lineOf([1, 'name'])).toBe(2 + 3 + 6 - 1 + 1);
    // The document is there for edits, parsed when asked for.
    expect(y.doc.getIn([5, 'id'])).toBe('s5');
  });

  test('a syntax error is reported with the line of the whole file', () => {
    const text = bigList().replace('  url: http://s2500.example.gov.cn/\n', '  url: [http://s2500.example.gov.cn/\n');
    // The library places it at the entry's url line or just after; the whole file's line either way.
    expect(() => parseYaml('sites.yaml', text)).toThrow(new RegExp(`^sites\\.yaml:(?:${3 + 2500 * 6 + 2}|${3 + 2500 * 6 + 3}): `));
  });

  test('an alias to another entry falls back to the whole document; an alias bomb is still refused', () => {
    const text = bigList(3_000, '- &shared\n  id: a\n- *shared\n');
    const y = parseYaml('sites.yaml', text);
    expect((y.data as unknown[]).length).toBe(3_002);
    expect(y.data).toEqual(YAML.parse(text));
    const bomb = `${bigList()}- &a [x, x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n- &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(() => parseYaml('bomb.yaml', bomb)).toThrow(/^bomb\.yaml: .*aliases expanded more than 1000 times/);
  });

  test('a mapping at the top level, or several documents, is parsed whole', () => {
    const mapping = `decisions:\n${bigList().replace(/^/gm, '  ')}`;
    expect(parseYaml('review.yaml', mapping).data).toEqual(YAML.parse(mapping));
    const docs = `${bigList()}---\n- id: x\n`;
    expect(() => parseYaml('two.yaml', docs)).toThrow(/^two\.yaml:/);
  });
});
