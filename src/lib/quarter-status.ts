// What the quarter page says about the notice itself: draft or published (npm run publish), its
// corrections (npm run correct), and the spot-check sample it was drawn from (npm run sample).
import type { Erratum, QuarterFile, Sample } from '../schemas/quarter.ts';
import { formatDate, formatPercent } from './format.ts';

/** The banner of a notice not yet published. */
export const DRAFT_BANNER = '本通报为草稿，尚未正式发布';

/** The mark beside every result of a draft quarter, wherever it is shown (lists, tables, charts, search). */
export const DRAFT_MARK = '草稿·复核中';

/** A draft quarter's results where they stand alone (home page, a site's draft check). */
export const DRAFT_UNDER_REVIEW = '本季度通报为草稿，尚未正式发布，以下结果尚在复核中。';

/** What a draft's result is, in words: for a chart point's note. */
export const DRAFT_WORDS = '草稿，复核中，尚未正式发布';

/** The same for a sentence: 2026年第四季度（草稿，复核中，尚未正式发布）. */
export const DRAFT_NOTE = `（${DRAFT_WORDS}）`;

/** A quarter's publication state as the page shows it. */
export type QuarterStatus =
  | { state: 'draft' }
  | {
      state: 'published';
      /** 发布日期, when the file records it. */
      published?: string;
      /** 成文日期 printed under the issuer: the file's date, else the publication date. */
      signed?: string;
      /** Corrections, oldest first. */
      errata: Erratum[];
    };

/**
 * The state of a quarter. A quarter without a quarter file is a draft: npm run publish refuses one,
 * so it was never published. A draft has no 成文日期 even when the file already gives one: the
 * date is printed once the notice is issued.
 */
export function quarterStatus(file: QuarterFile | undefined): QuarterStatus {
  if (file?.status !== 'published') return { state: 'draft' };
  const signed = file.date ?? file.published;
  return {
    state: 'published',
    ...(file.published ? { published: file.published } : {}),
    ...(signed ? { signed } : {}),
    errata: file.errata,
  };
}

const STRATA: Readonly<Record<NonNullable<Sample['strata']>, string>> = { region: '按地区分层', unit: '按主管单位分层' };

/** 本季度随机抽查 7 个网站（抽取比例 30%，按地区分层，随机种子 20261001，2026年10月1日抽取）。 — for 一、总体情况; undefined when the quarter was not sampled. */
export function sampleSentence(sample: Sample | undefined): string | undefined {
  if (!sample) return undefined;
  const how = [`抽取比例 ${formatPercent(sample.ratio * 100)}%`, ...(sample.strata ? [STRATA[sample.strata]] : []), `随机种子 ${sample.seed}`, `${formatDate(sample.drawn)}抽取`];
  return `本季度随机抽查 ${sample.sites.length} 个网站（${how.join('，')}）。`;
}

/** The registry files pinned at publication, as a reader names them. */
const PINNED_NAMES: Readonly<Record<string, string>> = {
  'units.yaml': '单位名录',
  'sites.yaml': '网站名录',
  'media.yaml': '政务新媒体名录',
  'rules.yaml': '评分规则',
  'notices.yaml': '上级通报记录',
  'dictionary.yaml': '错敏字词典',
};

/**
 * A file an erratum changed, as a reader names it (门明县人民政府的检查结果, 本季度复核记录)
 * instead of its path in the repository; a path it does not know shows as itself.
 */
export function erratumFileName(path: string, siteName: (site: string) => string | undefined): string {
  const parts = path.split('/');
  const [top, , name] = parts;
  if (top === 'findings' && name?.endsWith('.md')) {
    const site = name.slice(0, -3);
    return `${siteName(site) ?? site}的检查结果`;
  }
  if (top === 'review') return '本季度复核记录';
  if (top === 'manual') return '人工检查记录';
  if (top === 'quarters') return '本通报的发文信息';
  if (top === 'pinned' && name && PINNED_NAMES[name]) return `${PINNED_NAMES[name]}（发布时存档）`;
  return path;
}
