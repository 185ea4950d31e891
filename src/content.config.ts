// The portal's collections, read with the writers' schemas (STYLE 4): the office's quarter files,
// the registry (units, sites), manual records, new media accounts and other offices' notices. The
// findings files are read directly, with the same schema (src/lib/findings-files.ts): 120,000 of
// them at 15,000 sites × 8 quarters are too many for the content layer's store.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir } from './store/content-dir.ts';
import { frontmatterLoader, yamlListLoader } from './lib/frontmatter-loader.ts';
import { manualRecordSchema } from './schemas/manual.ts';
import { mediaAccountSchema } from './schemas/media.ts';
import { externalNoticeSchema } from './schemas/notices.ts';
import { quarterFileSchema } from './schemas/quarter.ts';
import { siteSchema, unitSchema } from './schemas/registry.ts';

const dirUrl = (name: string) => pathToFileURL(`${join(contentDir(), name)}/`);

const quarters = defineCollection({
  loader: glob({ pattern: '*.md', base: dirUrl('quarters'), generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: quarterFileSchema,
});

const units = defineCollection({
  loader: file(join(contentDir(), 'units.yaml')),
  schema: unitSchema,
});

const sites = defineCollection({
  loader: yamlListLoader(join(contentDir(), 'sites.yaml')),
  schema: siteSchema,
});

// Inspectors' records (content/manual/<quarter>/*.md), body = the evidence. Site records are
// also merged into the findings files; media and unit records are read only from here.
const manual = defineCollection({
  loader: frontmatterLoader(join(contentDir(), 'manual'), { body: true }),
  schema: manualRecordSchema,
});

const media = defineCollection({
  loader: yamlListLoader(join(contentDir(), 'media.yaml')),
  schema: mediaAccountSchema,
});

const notices = defineCollection({
  loader: yamlListLoader(join(contentDir(), 'notices.yaml')),
  schema: externalNoticeSchema,
});

export const collections = { quarters, units, sites, manual, media, notices };
