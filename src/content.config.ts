// The portal's collections, read with the writers' schemas (STYLE 4): the findings files, the
// office's quarter files and the registry's units.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir } from './lib/content-dir.ts';
import { siteQuarterSchema } from './schemas/findings.ts';
import { quarterFileSchema } from './schemas/quarter.ts';
import { unitSchema } from './schemas/registry.ts';

const dirUrl = (name: string) => pathToFileURL(`${join(contentDir(), name)}/`);

const findings = defineCollection({
  // Keep ids as written (2026-Q4/linhe); the default id slugifies and lower-cases the quarter.
  loader: glob({ pattern: '**/*.md', base: dirUrl('findings'), generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: siteQuarterSchema,
});

const quarters = defineCollection({
  loader: glob({ pattern: '*.md', base: dirUrl('quarters'), generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: quarterFileSchema,
});

const units = defineCollection({
  loader: file(join(contentDir(), 'units.yaml')),
  schema: unitSchema,
});

export const collections = { findings, quarters, units };
