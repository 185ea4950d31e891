// The findings files as the portal reads them: every content/findings/<quarter>/<site>.md, frontmatter
// only, checked with the writers' schema (STYLE 4), read directly rather than through an Astro
// content collection. The content layer keeps every entry in its data store, writes the store to
// disk and reads it back for the pages: at 15,000 sites × 8 quarters (120,000 files, 460 MB) that
// was a 75 s sync and a build peak of 5.2 GB, the store and its copies beside the pages' own data.
// Here each file is parsed once into the one copy the pages use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { siteQuarterSchema, type SiteQuarter } from '../schemas/findings.ts';
import { frontmatterData, parseFrontmatter } from '../store/frontmatter.ts';
import { filesUnder } from '../store/quarter-paths.ts';

/** A findings file as the pages read it: its id as written (2026-Q4/linhe) and its data. */
export interface FindingsEntry {
  id: string;
  data: SiteQuarter;
}

/**
 * Every .md file under dir (the same list the publication manifests sign: quarter-paths.ts), in a
 * stable order. A file whose frontmatter the schema refuses is an InputError naming the file, the
 * line and the field, as a person fixing it needs.
 */
export function readFindingsFiles(dir: string): FindingsEntry[] {
  return filesUnder(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const r = siteQuarterSchema.safeParse(frontmatterData(path, text).data);
      if (r.success) return { id: f.slice(0, -3), data: r.data };
      // Only a refused file is parsed again, with line numbers.
      const { yaml } = parseFrontmatter(path, text);
      throw new InputError(r.error.issues.map((i) => `${path}:${yaml.lineOf(i.path)}: ${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('\n'));
    });
}
