// The office's own file for a quarter, content/quarters/<quarter>.md: who issues the notice and
// to whom, the spot-check sample, the publication state and its errata (frontmatter), and
// 三、工作要求 (the Markdown body). Written by people and by the workflow commands (sample,
// publish, correct), never by the crawl.
import { z } from 'astro/zod';
import { isoDateSchema, quarterSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** The quarter's spot-check sample (抽查), drawn by npm run sample. */
export const sampleSchema = z.strictObject({
  /** Seed of the draw: the same seed, ratio, strata and registry give the same sample on any machine. */
  seed: z.number().int().min(0),
  /** Share of the registered sites drawn, e.g. 0.3 (30 % is a common floor, seed 002). */
  ratio: z.number().gt(0).max(1),
  /** Drawn separately within each region or each top unit, when set. */
  strata: z.enum(['region', 'unit']).optional(),
  /** The day it was drawn. */
  drawn: isoDateSchema,
  /** Ids of the sites drawn, sorted. */
  sites: z.array(idSchema).min(1),
});
export type Sample = z.infer<typeof sampleSchema>;

/** One correction of a published quarter (勘误), shown on the quarter page. */
export const erratumSchema = z.strictObject({
  /** The day the correction was made. */
  date: isoDateSchema,
  /** What changed, in words for the public. */
  what: z.string().trim().min(1),
  /** Why it changed. */
  why: z.string().trim().min(1),
  /** The quarter's files that changed, relative to the content folder. */
  files: z.array(z.string().min(1)),
});
export type Erratum = z.infer<typeof erratumSchema>;

/** Frontmatter of content/quarters/<quarter>.md. */
export const quarterFileSchema = z.strictObject({
  /** The quarter; must match the file name. */
  quarter: quarterSchema,
  /** 发文单位, printed above the title, e.g. 临河市人民政府办公室. */
  issuer: z.string().trim().min(1),
  /** 主送单位, the salutation line, e.g. 各县区人民政府，市政府各部门. */
  to: z.string().trim().min(1),
  /** 成文日期, printed at the end; absent while the notice is a draft. */
  date: isoDateSchema.optional(),
  /** draft until npm run publish; a published quarter changes only through npm run correct. */
  status: z.enum(['draft', 'published']).default('draft'),
  /** The day it was published. */
  published: isoDateSchema.optional(),
  /** 整改期限: the day by which units fix the problems the notice names (npm run rectify re-checks them then); absent: rules.yaml rectification.workdays after publication. */
  rectifyBy: isoDateSchema.optional(),
  /** The spot-check sample, when the quarter is a sampled one. */
  sample: sampleSchema.optional(),
  /** Corrections made after publication, oldest first. */
  errata: z.array(erratumSchema).default([]),
});
export type QuarterFile = z.infer<typeof quarterFileSchema>;
