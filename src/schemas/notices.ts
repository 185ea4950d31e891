// Notices by other offices that named the office's units (content/notices.yaml): the State
// Council's, the province's, and the city's own from before this portal. They count towards each
// unit's yearly rating cap (seed 003); the portal's own published quarters are counted without
// being listed here.
import { z } from 'astro/zod';
import { isoDateSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** Who issued a notice, from the top. */
export const NOTICE_LEVELS = { 'state-council': '国务院办公厅', province: '省政府办公厅', city: '市政府办公室' } as const;

/** One notice (one entry of content/notices.yaml). */
export const externalNoticeSchema = z.strictObject({
  /** Stable ASCII id. */
  id: idSchema,
  /** The level of the office that issued it. */
  level: z.enum(['state-council', 'province', 'city']),
  /** Its title, e.g. 关于2026年第三季度全省政府网站抽查情况的通报. */
  title: z.string().trim().min(1),
  /** 成文日期; its year is the assessment year it counts in. */
  date: isoDateSchema,
  /** Where it is published, when online. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Ids of the office's units it named (content/units.yaml). */
  units: z.array(idSchema).min(1),
});
export type ExternalNotice = z.infer<typeof externalNoticeSchema>;
