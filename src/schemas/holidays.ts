// content/holidays.yaml: the State Council's holiday arrangements (节假日安排) an office adds each
// year, for the rules that count working days. A year here replaces the chinese-days package's data.
import { z } from 'astro/zod';
import { isoDateSchema } from './findings.ts';

/** A day, or a run of days given by its first and last day (both included). */
export const dayOrRangeSchema = z.union([
  isoDateSchema,
  z.strictObject({
    /** The holiday's name as the notice gives it, e.g. 春节. */
    name: z.string().trim().min(1).optional(),
    /** First day, YYYY-MM-DD. */
    from: isoDateSchema,
    /** Last day, YYYY-MM-DD, not before `from`. */
    to: isoDateSchema,
  }),
]);
export type DayOrRange = z.infer<typeof dayOrRangeSchema>;

/** One year's arrangement, as one notice of the State Council's General Office publishes it. */
export const holidayYearSchema = z.strictObject({
  /** The notice the dates come from, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  source: z.string().trim().min(1),
  /** Days off (放假): single days or runs; weekend days inside a run may be listed or not. */
  holidays: z.array(dayOrRangeSchema),
  /** Make-up working days (调休上班): weekend days that are working days. */
  workdays: z.array(dayOrRangeSchema).default([]),
});
export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** content/holidays.yaml: arrangements by year (2027: …). An empty file adds nothing. */
export const holidaysFileSchema = z.preprocess(
  (v) => v ?? {},
  z.record(z.string(), holidayYearSchema).superRefine((years, ctx) => {
    for (const key of Object.keys(years)) if (!/^\d{4}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'must be a year, e.g. 2027' });
  }),
);
export type HolidaysFile = z.infer<typeof holidaysFileSchema>;
