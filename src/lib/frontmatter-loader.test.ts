import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteQuarter } from '../inspector/report/site-quarter.ts';
import { siteQuarterSchema } from '../schemas/findings.ts';
import { readFrontmatter } from './frontmatter-loader.ts';

describe('readFrontmatter', () => {
  it('reads a findings file to the same data as the writer’s own parser', () => {
    const path = new URL('../../tests/fixtures/pinned/kaisha-czj.md', import.meta.url);
    const text = readFileSync(path, 'utf8');
    expect(siteQuarterSchema.parse(readFrontmatter(text, 'kaisha-czj.md'))).toEqual(parseSiteQuarter(text, 'kaisha-czj.md').data);
  });
  it('ignores the body, even one with its own --- lines', () => {
    expect(readFrontmatter('---\nsite: linhe\n---\n正文\n\n---\n\nx: 1\n', 'f.md')).toEqual({ site: 'linhe' });
    expect(readFrontmatter('\uFEFF---\r\nsite: linhe\r\n---\r\n', 'f.md')).toEqual({ site: 'linhe' });
  });
  it('names the file when there is no frontmatter or it is broken', () => {
    expect(() => readFrontmatter('# 标题\n', 'content/findings/2026-Q4/x.md')).toThrow(/content\/findings\/2026-Q4\/x.md: no YAML frontmatter/);
    expect(() => readFrontmatter('---\nsite: [linhe\n---\n', 'x.md')).toThrow(/^x.md: /);
    expect(() => readFrontmatter('---\n- a\n---\n', 'x.md')).toThrow(/x.md: the frontmatter is not a mapping/);
  });
});
