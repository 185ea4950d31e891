import { describe, expect, it } from 'vitest';
import { row } from './fixtures.test-helpers.ts';
import { bySite, checkEntryIds } from './sites.ts';

const entry = (quarter: string, site: string, name = site) => ({ id: `${quarter}/${site}`, data: row({ site, name, score: 90, quarter }) });

describe('checkEntryIds', () => {
  it('accepts files in their place', () => {
    expect(() => checkEntryIds([entry('2026-Q4', 'linhe'), entry('2026-Q3', 'linhe')])).not.toThrow();
  });

  it('names a file whose folder or name disagrees with its frontmatter', () => {
    const moved = { ...entry('2026-Q4', 'linhe'), id: '2026-Q3/linhe' };
    const renamed = { ...entry('2026-Q4', 'hexi'), id: '2026-Q4/hexi-old' };
    expect(() => checkEntryIds([moved, renamed])).toThrow('2026-Q3/linhe.md says 2026-Q4/linhe; 2026-Q4/hexi-old.md says 2026-Q4/hexi');
  });
});

describe('bySite', () => {
  it('groups by site id, quarters newest first, under the latest name', () => {
    const sites = bySite([entry('2026-Q3', 'linhe', '临河县人民政府'), entry('2026-Q4', 'hexi'), entry('2026-Q4', 'linhe', '临河市人民政府'), entry('2025-Q4', 'linhe', '旧名')]);
    expect(sites.map((s) => [s.site, s.name, s.entries.map((e) => e.data.quarter)])).toEqual([
      ['hexi', 'hexi', ['2026-Q4']],
      ['linhe', '临河市人民政府', ['2026-Q4', '2026-Q3', '2025-Q4']],
    ]);
    expect(bySite([])).toEqual([]);
  });
});
