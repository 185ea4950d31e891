// An inspector's record of something a crawl cannot see (content/manual/<quarter>/<file>.md): the
// frontmatter says what and where, the Markdown body is the evidence in words.
import { z } from 'astro/zod';
import { indicatorIdSchema, isoDateSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** A screenshot's path under public/: relative, / separated, no way out of the folder. */
export const screenshotPathSchema = z
  .string()
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w\-./]+\.(?:png|jpe?g|webp|gif)$/i, 'must be a path under public/ to a .png, .jpg, .webp or .gif file, e.g. evidence/2026-Q4/linhe-message.png');

/** Frontmatter of a manual record. Exactly one of site, media and unit says what it is about. */
export const manualRecordSchema = z
  .strictObject({
    /** A registered website (content/sites.yaml). */
    site: idSchema.optional(),
    /** A registered new media account (content/media.yaml). */
    media: idSchema.optional(),
    /** A responsible unit (content/units.yaml), for items about the unit itself (self-inspection report). */
    unit: idSchema.optional(),
    /** Indicator id from ../shared/indicators.md or the manual indicators (src/inspector/catalogue/manual.ts). */
    indicator: indicatorIdSchema,
    /** What is wrong, in a few words: the message, the service, the account's post. */
    target: z.string().trim().min(1),
    /** Points for this one finding before the item's cap; absent: the rules file's default (points.each). Vetoes take 0. */
    points: z.number().min(0).optional(),
    /** The page where it was seen, when there is one. */
    page: z.string().trim().min(1).optional(),
    /** Screenshot under public/. */
    screenshot: screenshotPathSchema.optional(),
    /** Who recorded it. */
    inspector: z.string().trim().min(1),
    /** When it was observed. */
    date: isoDateSchema,
  })
  .superRefine((r, ctx) => {
    const subjects = (['site', 'media', 'unit'] as const).filter((k) => r[k] !== undefined);
    if (subjects.length !== 1) {
      ctx.addIssue({ code: 'custom', path: subjects.length ? [subjects[1] ?? subjects[0]!] : ['site'], message: subjects.length ? `give only one of site, media and unit (got ${subjects.join(', ')})` : 'give one of site, media or unit' });
    }
  });
export type ManualRecord = z.infer<typeof manualRecordSchema>;
