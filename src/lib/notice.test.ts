import { describe, expect, it } from 'vitest';
import { manualRecordSchema, type ManualRecord } from '../schemas/manual.ts';
import type { RecordRef } from './media.ts';
import { CHINESE_ORDINALS, namedSites, noticeTitle, problemParagraph, unitProblemSentence, unitProblems } from './notice.ts';
import type { IndicatorProblems } from './problems.ts';
import { unitTree } from './units.ts';

describe('notice wording', () => {
  it('titles the notice as the offices do', () => {
    expect(noticeTitle('2026-Q4')).toBe('关于2026年第四季度政府网站检查情况的通报');
  });
  it('numbers sub-items in Chinese', () => {
    expect([CHINESE_ORDINALS[0], CHINESE_ORDINALS[9], CHINESE_ORDINALS[10], CHINESE_ORDINALS[19], CHINESE_ORDINALS[20]]).toEqual(['一', '十', '十一', '二十', '二十一']);
  });
  it('names at most the limit and counts the rest', () => {
    expect(namedSites(['a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1 });
    expect(namedSites(['a'], 2)).toEqual({ shown: ['a'], more: 0 });
  });
});

const units = unitTree([
  { id: 'linhe-bgs', name: '临河市人民政府办公室' },
  { id: 'hexi-jyj', name: '河西县教育局' },
  { id: 'hexi-mzj', name: '河西县民政局' },
]);
const rec = (file: string, over: Partial<ManualRecord>): RecordRef => ({
  file,
  data: manualRecordSchema.parse({ indicator: 'self-inspection-missing', target: '第四季度自查报告', inspector: '张三', date: '2026-11-18', ...over }),
});

describe('unit items of 二、主要问题', () => {
  it('names each unit once, in pinyin order, and leaves site and media records alone', () => {
    const problems = unitProblems(
      [
        rec('manual/2026-Q4/a.md', { unit: 'linhe-bgs' }),
        rec('manual/2026-Q4/b.md', { unit: 'hexi-mzj' }),
        rec('manual/2026-Q4/c.md', { unit: 'linhe-bgs', target: '第三季度自查报告' }),
        rec('manual/2026-Q4/d.md', { media: 'linhe-wx', indicator: 'media-not-updated' }),
        rec('manual/2026-Q4/e.md', { site: 'linhe', indicator: 'message-overdue' }),
      ],
      units,
    );
    expect(problems).toEqual([
      {
        indicator: 'self-inspection-missing',
        title: '未报送自查报告',
        wording: '未按要求报送网站自查报告',
        units: [
          { unit: 'hexi-mzj', name: '河西县民政局' },
          { unit: 'linhe-bgs', name: '临河市人民政府办公室' },
        ],
      },
    ]);
    expect(unitProblemSentence(problems[0]!)).toBe('河西县民政局、临河市人民政府办公室等单位未按要求报送网站自查报告');
  });

  it('one unit is named alone; past the limit the rest are counted', () => {
    const p = { indicator: 'self-inspection-missing', title: '未报送自查报告', wording: '未按要求报送网站自查报告', units: [{ unit: 'a', name: '甲局' }] };
    expect(unitProblemSentence(p)).toBe('甲局未按要求报送网站自查报告');
    const three = { ...p, units: [...p.units, { unit: 'b', name: '乙局' }, { unit: 'c', name: '丙局' }] };
    expect(unitProblemSentence(three, 2)).toBe('甲局、乙局等 3 个单位未按要求报送网站自查报告');
  });

  it('nothing recorded, nothing said', () => {
    expect(unitProblems([], units)).toEqual([]);
  });

  it('throws naming the file for a unit not in the registry, and for an item that is not about a unit', () => {
    expect(() => unitProblems([rec('manual/2026-Q4/x.md', { unit: 'gone' })], units)).toThrow('manual/2026-Q4/x.md: unit gone is not in units.yaml');
    expect(() => unitProblems([rec('manual/2026-Q4/y.md', { unit: 'hexi-jyj', indicator: 'broken-link' })], units)).toThrow(/^manual\/2026-Q4\/y\.md: broken-link is not an item about a unit/);
  });
});

describe('a paragraph of 二 in the office form', () => {
  const p: IndicatorProblems = {
    indicator: 'broken-link',
    title: '链接不可用',
    veto: false,
    findings: 9,
    sites: [
      { site: 'a', name: '甲', count: 4 },
      { site: 'b', name: '乙', count: 3 },
      { site: 'c', name: '丙', count: 2 },
    ],
  };
  it('summary names only the non-compliant sites, and says how many of the sites with the problem they are', () => {
    const para = problemParagraph(p, 'summary', new Set(['b', 'x']));
    expect(para.head).toBe('链接不可用：涉及网站 3 个，共 9 处，其中不合格网站 1 个');
    expect(para.named.map((s) => s.name)).toEqual(['乙']);
    expect(problemParagraph(p, 'summary', new Set()).named).toEqual([]);
    expect(problemParagraph(p, 'summary', new Set()).head).toBe('链接不可用：涉及网站 3 个，共 9 处');
    expect(problemParagraph(p, 'summary', new Set(['a', 'b', 'c'])).head).toBe('链接不可用：涉及网站 3 个，共 9 处，均为不合格网站');
    expect(problemParagraph({ ...p, veto: true, sites: p.sites.slice(0, 1), findings: 4 }, 'summary', new Set(['a'])).head).toBe('链接不可用（单项否决）：涉及网站 1 个，共 4 处，为不合格网站');
  });

  it('counts websites and 专栏 apart (seed 004: 问题网站、问题专栏), and says what the 等 counts', () => {
    const mixed: IndicatorProblems = { ...p, sites: [...p.sites, { site: 'd', name: '丁专栏', count: 1, column: true }, { site: 'e', name: '戊专栏', count: 1, column: true }], findings: 11 };
    expect(problemParagraph(mixed, 'by-site', new Set(), 2)).toMatchObject({ head: '链接不可用：涉及网站 3 个、专栏 2 个，共 11 处', total: 5, noun: '网站和专栏' });
    expect(problemParagraph(mixed, 'summary', new Set(['a', 'd'])).head).toBe('链接不可用：涉及网站 3 个、专栏 2 个，共 11 处，其中不合格网站 1 个、专栏 1 个');
    expect(problemParagraph(mixed, 'summary', new Set(['d', 'e']))).toMatchObject({ head: '链接不可用：涉及网站 3 个、专栏 2 个，共 11 处，其中不合格专栏 2 个', noun: '专栏' });
    const columnsOnly = { ...mixed, sites: mixed.sites.slice(3), findings: 2 };
    expect(problemParagraph(columnsOnly, 'summary', new Set(['d', 'e'])).head).toBe('链接不可用：涉及专栏 2 个，共 2 处，均为不合格专栏');
  });

  it('by-site names every site with the problem, up to the limit', () => {
    const para = problemParagraph(p, 'by-site', new Set(['b']), 2);
    expect(para.head).toBe('链接不可用：涉及网站 3 个，共 9 处');
    expect(para.named.map((s) => s.name)).toEqual(['甲', '乙']);
    expect([para.more, para.total]).toEqual([1, 3]);
  });

  it('summary counts 等 N over the non-compliant sites only', () => {
    const para = problemParagraph(p, 'summary', new Set(['a', 'b', 'c']), 1);
    expect([para.named.length, para.more, para.total]).toEqual([1, 2, 3]);
  });
});
