// The content duty plan (内容保障方案, content/duty.yaml): which unit keeps which column of a site,
// and how often it must be updated. Seed 003 (临沂市政府网站内容保障工作方案) is one: the city
// portal's 民生 column is kept by 市政府研究室, 区划人口 by 市民政局; news the same day (by 9:00 the
// next morning at the latest), a topic's 工作动态 at least weekly, 公示公告 at once.
import { z } from 'astro/zod';
import { idSchema } from './registry.ts';

/**
 * How often a column must be updated:
 *   same-day  each working day's news is up by `by` the next morning: on a day's pass the newest item
 *             is dated on the previous working day or later (the pass runs after `by`);
 *   weekly    the newest item is at most rules.yaml's duty-column-late params.weekly days old;
 *   monthly   at most params.monthly days old;
 *   at-once   published as soon as it exists (第一时间): no age the monitor can judge, the plan only
 *             says who keeps the column (its problems are charged to that unit).
 */
export const DUTY_UPDATES = ['same-day', 'weekly', 'monthly', 'at-once'] as const;
export type DutyUpdate = (typeof DUTY_UPDATES)[number];

/** The update words of a plan column, as evidence and the unit pages say them. */
export function dutyUpdateText(c: { update: DutyUpdate; by?: string | undefined }): string {
  switch (c.update) {
    case 'same-day':
      return `当日更新（最迟次日 ${c.by ?? '09:00'} 前）`;
    case 'weekly':
      return '至少每周更新';
    case 'monthly':
      return '至少每月更新';
    case 'at-once':
      return '第一时间更新';
  }
}

/** Whether a column the site shows (its name, its list page) is a plan column: the same name, or a list page under its prefix. */
export function isDutyColumn(c: { column?: string | undefined; prefix?: string | undefined }, name: string, url: string): boolean {
  return (!c.column || c.column === name) && (!c.prefix || url.startsWith(c.prefix));
}

/** One column of the plan (one entry of content/duty.yaml). */
export const dutyColumnSchema = z
  .strictObject({
    /** The site's id in sites.yaml. */
    site: idSchema,
    /** The column's name as the site shows it (its menu entry or block heading), e.g. 民生. */
    column: z.string().trim().min(1).optional(),
    /** Or the URL prefix of its pages inside the site's host, e.g. http://www.example.gov.cn/zt/ms/. */
    prefix: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    /** The unit that keeps it, an id in units.yaml. */
    unit: idSchema,
    update: z.enum(DUTY_UPDATES),
    /** same-day only: the time the next morning by which a day's news must be up, HH:MM. */
    by: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM, e.g. 09:00').optional(),
    /** What the plan says besides (who supplies the content, who reviews it). */
    note: z.string().trim().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.column && !c.prefix) ctx.addIssue({ code: 'custom', path: ['column'], message: 'a column needs its name (column:) or its URL prefix (prefix:)' });
    if (c.by && c.update !== 'same-day') ctx.addIssue({ code: 'custom', path: ['by'], message: `only a same-day column has a time (this one is ${c.update})` });
  });
export type DutyColumn = z.infer<typeof dutyColumnSchema>;

/** A column of the site as the content duty plan gives it: who keeps it and how often it must be updated. */
export interface DutyAssignment {
  /** Its name as the site shows it, or the URL prefix of its pages (one at least). */
  column?: string;
  prefix?: string;
  /** The unit that keeps it: id and name. */
  unit: string;
  unitName: string;
  update: DutyUpdate;
  /** same-day: the time the next morning by which the day's news must be up. */
  by?: string;
}
