// The findings file of one site for one quarter: validated, serialised with libraries, byte-stable.
import { join } from 'node:path';
import { siteQuarterSchema, type SiteQuarter } from '../../schemas/findings.ts';
import { writeFileAtomic } from '../../store/atomic.ts';
import { frontmatterData, renderFrontmatter } from '../../store/frontmatter.ts';

/** content/findings/<quarter>/<site>.md */
export function siteQuarterPath(contentDir: string, quarter: string, site: string): string {
  return join(contentDir, 'findings', quarter, `${site}.md`);
}

/** Markdown text of a findings file; throws if the frontmatter does not fit the schema (a bug, never data). */
export function renderSiteQuarter(data: SiteQuarter, body: string): string {
  return renderFrontmatter(siteQuarterSchema.parse(data), body.endsWith('\n') ? body : `${body}\n`);
}

/** Validate, serialise and write atomically; returns the path. */
export function writeSiteQuarter(contentDir: string, data: SiteQuarter, body: string): string {
  const path = siteQuarterPath(contentDir, data.quarter, data.site);
  writeFileAtomic(path, renderSiteQuarter(data, body));
  return path;
}

/** Read a findings file back (used by tests and tools; the portal reads through Astro's collection). */
export function parseSiteQuarter(text: string, file = '(text)'): { data: SiteQuarter; body: string } {
  const { data, body } = frontmatterData(file, text);
  const r = siteQuarterSchema.safeParse(data);
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { data: r.data, body };
}
