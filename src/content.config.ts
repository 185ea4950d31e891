// The portal's collections, read with the writers' schemas (STYLE 4): the findings files, the
// office's quarter files and the registry's units.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir } from './lib/content-dir.ts';
import { frontmatterLoader } from './lib/frontmatter-loader.ts';
import { siteQuarterSchema } from './schemas/findings.ts';
import { quarterFileSchema } from './schemas/quarter.ts';
import { unitSchema } from './schemas/registry.ts';

const dirUrl = (name: string) => pathToFileURL(`${join(contentDir(), name)}/`);

const findings = defineCollection({
  // Frontmatter only (the bodies are never shown), ids as written: 2026-Q4/linhe.
  loader: frontmatterLoader(join(contentDir(), 'findings')),
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
