// The findings file of one site for one quarter: validated, serialised with libraries, byte-stable.
import { join } from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { siteQuarterSchema, type SiteQuarter } from '../../schemas/findings.ts';
import { writeFileAtomic } from '../../store/atomic.ts';

/** gray-matter with the same YAML library everywhere; long lines are never folded, so bytes stay stable. */
export const MATTER_OPTIONS = {
  engines: {
    yaml: {
      parse: (s: string) => YAML.parse(s) as object,
      // Written as YAML 1.1, which quotes what a 1.1 reader would take for another type: Astro
      // reads frontmatter as 1.1, where a target 2026-12-05 would become a Date and yes a boolean.
      stringify: (d: object) => YAML.stringify(d, { lineWidth: 0, version: '1.1' }),
    },
  },
};

/** content/findings/<quarter>/<site>.md */
export function siteQuarterPath(contentDir: string, quarter: string, site: string): string {
  return join(contentDir, 'findings', quarter, `${site}.md`);
}

/** Markdown text of a findings file; throws if the frontmatter does not fit the schema (a bug, never data). */
export function renderSiteQuarter(data: SiteQuarter, body: string): string {
  const valid = siteQuarterSchema.parse(data);
  return matter.stringify(body.endsWith('\n') ? body : `${body}\n`, valid, MATTER_OPTIONS);
}

/** Validate, serialise and write atomically; returns the path. */
export function writeSiteQuarter(contentDir: string, data: SiteQuarter, body: string): string {
  const path = siteQuarterPath(contentDir, data.quarter, data.site);
  writeFileAtomic(path, renderSiteQuarter(data, body));
  return path;
}

/** Read a findings file back (used by tests and tools; the portal reads through Astro's collection). */
export function parseSiteQuarter(text: string, file = '(text)'): { data: SiteQuarter; body: string } {
  const parsed = matter(text, MATTER_OPTIONS);
  const r = siteQuarterSchema.safeParse(parsed.data);
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { data: r.data, body: parsed.content };
}
