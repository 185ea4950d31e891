import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteQuarter } from '../inspector/report/site-quarter.ts';
import { siteQuarterSchema } from '../schemas/findings.ts';
import { frontmatterData } from '../store/frontmatter.ts';

// The portal's loader reads with the store's frontmatterData: the same data as the writer's own parser.
describe('frontmatterData', () => {
  it('reads a findings file to the same data as the writer’s own parser', () => {
    const path = new URL('../../tests/fixtures/pinned/kaisha-czj.md', import.meta.url);
    const text = readFileSync(path, 'utf8');
    expect(siteQuarterSchema.parse(frontmatterData('kaisha-czj.md', text).data)).toEqual(parseSiteQuarter(text, 'kaisha-czj.md').data);
  });
  it('ignores the body, even one with its own --- lines', () => {
    expect(frontmatterData('f.md', '---\nsite: linhe\n---\n正文\n\n---\n\nx: 1\n')).toEqual({ data: { site: 'linhe' }, body: '正文\n\n---\n\nx: 1\n', bodyLine: 4 });
    expect(frontmatterData('f.md', '\uFEFF---\r\nsite: linhe\r\n---\r\n').data).toEqual({ site: 'linhe' });
  });
  it('names the file (and the line) when there is no frontmatter or it is broken', () => {
    expect(() => frontmatterData('content/findings/2026-Q4/x.md', '# 标题\n')).toThrow(/content\/findings\/2026-Q4\/x.md:1: must start with a YAML frontmatter block/);
    expect(() => frontmatterData('x.md', '---\nsite: linhe\nname: [临河\n---\n')).toThrow(/^x.md:\d+: /);
    expect(() => frontmatterData('x.md', '---\n- a\n---\n')).toThrow(/x.md: the frontmatter is not a mapping/);
  });
});
