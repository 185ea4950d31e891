// The office's own file for a quarter, content/quarters/<quarter>.md: who issues the notice and
// to whom (frontmatter), and 三、工作要求 (the Markdown body), written by people, never by the crawl.
import { z } from 'astro/zod';
import { isoDateSchema, quarterSchema } from './findings.ts';

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
});
export type QuarterFile = z.infer<typeof quarterFileSchema>;
