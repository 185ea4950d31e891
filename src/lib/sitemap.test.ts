import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sitemapFilter } from './sitemap.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'quarters'));
writeFileSync(join(dir, 'quarters', '2026-Q3.md'), '---\nquarter: 2026-Q3\nissuer: 办公室\nto: 各部门\nstatus: published\npublished: 2026-10-15\n---\n');
writeFileSync(join(dir, 'quarters', '2026-Q4.md'), '---\nquarter: 2026-Q4\nissuer: 办公室\nto: 各部门\n---\n');

describe('sitemapFilter', () => {
  it('keeps published notices and every other page, leaves out drafts, quarters without a file and the search page', () => {
    const keep = sitemapFilter('/gov-portal', dir);
    const at = (path: string) => keep(`https://example.github.io/gov-portal/${path}`);
    expect(at('quarters/2026-Q3/')).toBe(true);
    expect(at('quarters/2026-Q4/')).toBe(false);
    expect(at('quarters/2027-Q1/')).toBe(false);
    expect(at('search/')).toBe(false);
    expect(at('sites/linhe/')).toBe(true);
    expect(at('')).toBe(true);
  });
});
