// Rectification (整改) of a published notice's problems: content/rectification/<quarter>.csv holds
// every re-check of a problem the notice of <quarter> named (npm run rectify), one row per day,
// site, indicator and target. The verified state of each problem is folded from its re-checks and
// the notice's deadline (rectifyBy in content/quarters/<quarter>.md), never stored.
import { z } from 'astro/zod';
import { indicatorIdSchema, isoDateSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** What one re-check saw of a named problem: gone, still there, or not judged (the rule did not apply, erred, or the item is an inspector's). */
export const RECHECK_STATES = ['fixed', 'open', 'unjudged'] as const;
export type RecheckState = (typeof RECHECK_STATES)[number];

/** The columns of a rectification file, in order. */
export const RECHECK_COLUMNS = ['date', 'site', 'indicator', 'target', 'state', 'detail'] as const;

/** One row: a named problem re-checked on a day. */
export const recheckSchema = z.strictObject({
  /** The day of the re-check, Asia/Shanghai. */
  date: isoDateSchema,
  /** Registry id of the site (or 专栏) the notice named the problem on. */
  site: idSchema,
  /** The finding's indicator. */
  indicator: indicatorIdSchema,
  /** The finding's target exactly as the quarter's findings file writes it. */
  target: z.string().min(1),
  state: z.enum(RECHECK_STATES),
  /** open: the evidence seen again; unjudged: why it could not be judged; fixed: how the re-check saw it gone. */
  detail: z.string(),
});
export type Recheck = z.infer<typeof recheckSchema>;

/**
 * A named problem's verified state: fixed by the deadline, fixed after it, still not fixed, never
 * judged by a re-check on or after the deadline (unverified), or its deadline not reached (pending).
 */
export const RECTIFICATION_STATES = ['fixed', 'fixed-late', 'not-fixed', 'unverified', 'pending'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** How the notice and the pages word each state. */
export const RECTIFICATION_NAMES: Readonly<Record<RectificationState, string>> = {
  fixed: '已整改',
  'fixed-late': '逾期整改',
  'not-fixed': '未整改',
  unverified: '未能复核',
  pending: '整改期限未到',
};

/** The columns of a quarter's rectification replies, in order. */
export const RECTIFY_REPLY_COLUMNS = ['site', 'indicator', 'target', 'date', 'text'] as const;

/** A unit's reply to a problem a published notice named (review --reply after publication): "已整改" and how. */
export const rectifyReplySchema = z.strictObject({
  site: idSchema,
  indicator: indicatorIdSchema,
  target: z.string().min(1),
  /** When it was received. */
  date: isoDateSchema,
  /** The answer, as the unit gave it. */
  text: z.string().trim().min(1),
});
export type RectifyReply = z.infer<typeof rectifyReplySchema>;
