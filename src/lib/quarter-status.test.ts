import { describe, expect, it } from 'vitest';
import { quarterFileSchema } from '../schemas/quarter.ts';
import { DRAFT_BANNER, erratumFileName, quarterStatus, sampleSentence } from './quarter-status.ts';

const file = (over: Record<string, unknown> = {}) => quarterFileSchema.parse({ quarter: '2026-Q4', issuer: '临河市人民政府办公室', to: '各县区人民政府', ...over });

const ERRATUM = { date: '2026-12-10', what: '删除临河市教育局网站一处误报的链接不可用', why: '复核确认该链接可以打开', files: ['findings/2026-Q4/linhe-edu.md', 'review/2026-Q4.yaml'] };

describe('quarterStatus', () => {
  it('a quarter without a file, or with status draft, is a draft without 成文日期, even when the file has a date', () => {
    expect(quarterStatus(undefined)).toEqual({ state: 'draft' });
    expect(quarterStatus(file())).toEqual({ state: 'draft' });
    expect(quarterStatus(file({ date: '2026-11-30' }))).toEqual({ state: 'draft' });
    expect(DRAFT_BANNER).toBe('本通报为草稿，尚未正式发布');
  });

  it('a published quarter has its 发布日期, its 成文日期 (the date, else the publication day) and its errata', () => {
    expect(quarterStatus(file({ status: 'published', published: '2026-12-01', date: '2026-11-30' }))).toEqual({ state: 'published', published: '2026-12-01', signed: '2026-11-30', errata: [] });
    expect(quarterStatus(file({ status: 'published', published: '2026-12-01', errata: [ERRATUM] }))).toEqual({ state: 'published', published: '2026-12-01', signed: '2026-12-01', errata: [ERRATUM] });
    expect(quarterStatus(file({ status: 'published' }))).toEqual({ state: 'published', errata: [] });
  });
});

describe('sampleSentence', () => {
  const sample = { seed: 20261001, ratio: 0.3, drawn: '2026-10-01', sites: ['a', 'b', 'c'] };
  it('says how many sites were drawn, at which ratio, with which seed', () => {
    expect(sampleSentence(sample)).toBe('本季度随机抽查 3 个网站（抽取比例 30%，随机种子 20261001，2026年10月1日抽取）。');
    expect(sampleSentence({ ...sample, ratio: 0.333, strata: 'region' })).toBe('本季度随机抽查 3 个网站（抽取比例 33.3%，按地区分层，随机种子 20261001，2026年10月1日抽取）。');
    expect(sampleSentence({ ...sample, strata: 'unit' })).toContain('按主管单位分层');
  });
  it('says nothing for a quarter that was not sampled', () => {
    expect(sampleSentence(undefined)).toBeUndefined();
  });
});

describe('erratumFileName', () => {
  it('names a changed file as a reader would, not by its repository path', () => {
    const names = (site: string) => ({ menming: '门明县人民政府' })[site];
    expect(erratumFileName('findings/2026-Q3/menming.md', names)).toBe('门明县人民政府的检查结果');
    expect(erratumFileName('findings/2026-Q3/gone.md', names)).toBe('gone的检查结果');
    expect(erratumFileName('review/2026-Q3.yaml', names)).toBe('本季度复核记录');
    expect(erratumFileName('manual/2026-Q3/x.md', names)).toBe('人工检查记录');
    expect(erratumFileName('pinned/2026-Q3/units.yaml', names)).toBe('单位名录（发布时存档）');
    expect(erratumFileName('other/thing.txt', names)).toBe('other/thing.txt');
  });
});
