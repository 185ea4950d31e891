import { describe, expect, it } from 'vitest';
import { row } from './fixtures.test-helpers.ts';
import { quarterName } from './quarters.ts';
import { bySite, checkEntryIds, quartersInFull, scoreHistory } from './sites.ts';

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

describe('scoreHistory', () => {
  it('runs oldest to newest and makes room for a bonus above 100', () => {
    const spec = scoreHistory([row({ site: 'a', name: 'A', score: 101.25, quarter: '2026-Q4' }), row({ site: 'a', name: 'A', score: 57.46, quarter: '2026-Q3' })], quarterName);
    expect(spec.labels).toEqual(['2026年第三季度', '2026年第四季度']);
    expect(spec.series[0]!.values).toEqual([57.5, 101.3]);
    expect(spec.max).toBe(102);
    // Nothing to say about a pass of a published quarter: no notes at all.
    expect(spec.series[0]!.notes).toBeUndefined();
  });

  it('marks a fail with what decided it and a draft quarter as a draft, so 100 points never read as a good result', () => {
    const spec = scoreHistory(
      [
        row({ site: 'a', name: 'A', score: 100, verdict: 'fail', vetoes: ['site-unreachable'], quarter: '2026-Q4' }),
        row({ site: 'a', name: 'A', score: 55, verdict: 'fail', quarter: '2026-Q3' }),
        row({ site: 'a', name: 'A', score: 95, quarter: '2026-Q2' }),
      ],
      quarterName,
      (q) => q === '2026-Q4',
    );
    expect(spec.series[0]!.values).toEqual([95, 55, 100]);
    expect(spec.series[0]!.notes).toEqual([undefined, '不合格，得分低于合格分数线', '不合格，单项否决：站点无法访问；草稿，复核中']);
  });
});

describe('quartersInFull', () => {
  it('is the newest check, and the newest published one when the newest is a draft', () => {
    const qs = ['2026-Q1', '2026-Q4', '2026-Q2', '2026-Q3'];
    // 2026-Q4 a draft, the rest published.
    expect(quartersInFull(qs, (q) => q === '2026-Q4')).toEqual(new Set(['2026-Q4', '2026-Q3']));
    // Everything published: the newest alone.
    expect(quartersInFull(qs, () => false)).toEqual(new Set(['2026-Q4']));
    // Two drafts on top: the newest, and the published one under them.
    expect(quartersInFull(qs, (q) => q >= '2026-Q3')).toEqual(new Set(['2026-Q4', '2026-Q2']));
    // Nothing published yet: the newest draft alone.
    expect(quartersInFull(qs, () => true)).toEqual(new Set(['2026-Q4']));
    expect(quartersInFull([], () => true)).toEqual(new Set());
  });
});
