// Inspectors' review of a quarter's automated findings, and the sites' answers
// (content/review/<quarter>.yaml). Entries name a finding by site, indicator and target, never by
// position, so they hold across re-crawls: a dismissed false finding stays dismissed.
import { z } from 'astro/zod';
import { indicatorIdSchema, replySchema, reviewDecisionSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** Which finding an entry is about. */
const findingKey = {
  /** Registry id of the site. */
  site: idSchema,
  /** The finding's indicator id. */
  indicator: indicatorIdSchema,
  /** The finding's target exactly as the findings file writes it. */
  target: z.string().min(1),
};

/** A decision on one finding (every finding of the site with this indicator and target). */
export const reviewEntrySchema = z.strictObject({ ...findingKey, ...reviewDecisionSchema.shape }).superRefine((e, ctx) => {
  if (e.decision === 'dismissed' && !e.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a dismissal needs a reason: it is shown next to the dismissed finding' });
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

/** A site's answer to one finding. */
export const replyEntrySchema = z.strictObject({ ...findingKey, ...replySchema.shape });
export type ReplyEntry = z.infer<typeof replyEntrySchema>;

/** content/review/<quarter>.yaml */
export const reviewFileSchema = z.strictObject({
  /** Inspectors' decisions. */
  decisions: z.array(reviewEntrySchema).default([]),
  /** Sites' replies. */
  replies: z.array(replyEntrySchema).default([]),
});
export type ReviewFile = z.infer<typeof reviewFileSchema>;
