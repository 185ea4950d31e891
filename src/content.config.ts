// The portal's only collection: one findings file per site per quarter, read with the writer's schema (STYLE 4).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { siteQuarterSchema } from './schemas/findings.ts';

const findings = defineCollection({
  // Keep ids as written (2026-Q4/linhe); the default id slugifies and lower-cases the quarter.
  loader: glob({ pattern: '**/*.md', base: './content/findings', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: siteQuarterSchema,
});

export const collections = { findings };
