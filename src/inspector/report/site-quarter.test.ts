import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { finding, row } from '../../lib/fixtures.test-helpers.ts';
import { splitFrontmatter } from '../../store/frontmatter.ts';
import { parseSiteQuarter, renderSiteQuarter } from './site-quarter.ts';

describe('findings files', () => {
  // A YAML 1.1 reader (Astro's own loaders, many tools) takes an unquoted 2026-12-05 for a date and yes for a boolean.
  const data = row({ site: 'linhe', name: '临河市人民政府', score: 100, findings: [finding('severe-error', '2026-12-05'), finding('typo', 'yes'), finding('typo', '3713000001')] });

  test('targets that look like dates, booleans or numbers stay strings for a YAML 1.1 reader', () => {
    const text = renderSiteQuarter(data, '正文');
    const asAstroReadsIt = YAML.parse(splitFrontmatter('x.md', text).yaml, { version: '1.1' }) as typeof data;
    expect(asAstroReadsIt.findings.map((f) => f.target)).toEqual(['2026-12-05', 'yes', '3713000001']);
    expect(asAstroReadsIt.asOf).toBe('2026-11-20');
  });

  test('what is written reads back the same', () => {
    expect(parseSiteQuarter(renderSiteQuarter(data, '正文')).data).toEqual(data);
  });
});
