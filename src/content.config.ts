// The portal's only collection: one findings file per site per quarter, read with the writer's schema (STYLE 4).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteQuarterSchema } from './schemas/findings.ts';

/** CONTENT_DIR points the portal at another content folder (tests, an office's private checkout). */
const findingsDir = process.env.CONTENT_DIR ? pathToFileURL(`${resolve(process.env.CONTENT_DIR, 'findings')}/`) : './content/findings';

const findings = defineCollection({
  // Keep ids as written (2026-Q4/linhe); the default id slugifies and lower-cases the quarter.
  loader: glob({ pattern: '**/*.md', base: findingsDir, generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: siteQuarterSchema,
});

export const collections = { findings };
