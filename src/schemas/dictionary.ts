// The wording-error dictionary, content/dictionary.yaml: wrong forms an inspector looks for (错敏字).
import { z } from 'astro/zod';

/** Kinds of wording error, following the categories inspectors use in notices. */
export const typoCategorySchema = z.enum([
  /** A state or party leader's name or title. */
  'leader',
  /** The name of the state, the party or an institution. */
  'institution',
  /** A political term or slogan. */
  'political',
  /** An institution name abolished by the 2018 or 2023 reforms. */
  'reformed',
  /** A common typo. */
  'common',
]);

/** One entry: the wrong form and what it should be. */
export const typoEntrySchema = z.strictObject({
  /** The wrong text as it would appear on a page. */
  wrong: z.string().trim().min(2),
  /** The correct text to suggest. */
  right: z.string().trim().min(1),
  category: typoCategorySchema,
  /** serious: counts towards the severe-error veto (more than 3 ⇒ veto). */
  severity: z.enum(['serious', 'normal']),
  /** Correct words that contain the wrong form's characters, which must not be flagged (e.g. 国家发展和改革委员会 for 发改委). */
  allow: z.array(z.string().trim().min(2)).optional(),
  /** Why, or since when (e.g. the reform that renamed the institution). */
  note: z.string().optional(),
});

/** content/dictionary.yaml */
export const dictionarySchema = z
  .strictObject({
    /** Version of the dictionary, e.g. 2026.11; written into each typo finding's detail. */
    version: z.string().min(1),
    entries: z.array(typoEntrySchema),
  })
  // What would make the typo rule throw on every site is refused here, at load, with its line.
  .superRefine((d, ctx) => {
    const first = new Map<string, number>();
    d.entries.forEach((e, i) => {
      const before = first.get(e.wrong);
      if (before !== undefined) ctx.addIssue({ code: 'custom', path: ['entries', i, 'wrong'], message: `${e.wrong} is listed twice (first as entries[${before}])` });
      else first.set(e.wrong, i);
      (e.allow ?? []).forEach((word, j) => {
        if (!word.includes(e.wrong)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'allow', j], message: `the allowed word ${word} does not contain the wrong form ${e.wrong}` });
      });
    });
  });
export type Dictionary = z.infer<typeof dictionarySchema>;
export type TypoEntry = z.infer<typeof typoEntrySchema>;
