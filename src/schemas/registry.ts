// Registry shapes: the sites an office supervises and the units responsible for them.
import { z } from 'astro/zod';

/** An ASCII id used in URLs and file names; Chinese names stay display text. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case ASCII letters, digits and single hyphens');

/** What an entry of content/sites.yaml is: a whole website, or a part of one inspected on its own. */
export const SITE_KINDS = ['portal', 'department', 'column'] as const;

/** One supervised website, or a 专栏 inside one (one entry of content/sites.yaml). */
export const siteSchema = z.strictObject({
  /** Stable id: used in URLs and findings file names; never change it once published. */
  id: idSchema,
  /** Display name, e.g. 临河市人民政府. */
  name: z.string().trim().min(1),
  /** Home page; the crawl starts here. A 专栏 (kind: column): its front page, whose folder is the prefix it is crawled within. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    // The registry is published (site pages, open data): a password in it would be too.
    .refine((u) => !URL.parse(u)?.username && !URL.parse(u)?.password, 'must not carry a user name or password (they would be published with the registry; configure access to a protected site apart from it)'),
  /** Id of the responsible unit in content/units.yaml. */
  unit: idSchema,
  /** Optional region (县区) used for grouping and filters. */
  region: z.string().trim().min(1).optional(),
  /**
   * A government portal (门户网站), a department site (部门网站), or a 专栏: a part of a site under a
   * URL prefix inspected as an entity of its own (seed 004's 信息公开专栏), crawled within its prefix,
   * judged only on the items rules.yaml lists under columnEntities, and counted apart from websites.
   */
  kind: z.enum(SITE_KINDS),
  /** false: a department site without public services, scored without the service items (out of 75, × 4/3). */
  services: z.boolean().optional(),
  /** 网站标识码: 10 characters, e.g. 3713000001 or bm29000002. Every website has one (the loader says so); a 专栏 has none of its own. */
  siteCode: z.string().regex(/^[A-Za-z0-9]{10}$/, 'must be the 10-character 网站标识码').optional(),
  /** The day the site was closed (关停), YYYY-MM-DD: a non-compliant check before it was published does not count against the unit (seed 002). */
  closed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional(),
  /**
   * true for a provincial portal or a ministry's site that keeps the column collecting the
   * 政府网站工作年度报表 of every website it oversees: here, every other website of the registry
   * still open (annual-report-missing's `website-report-collection`).
   */
  collectsReports: z.boolean().optional(),
});
export type Site = z.infer<typeof siteSchema>;

/** A website whose report a collecting portal lists: its id and its name as registered. */
export interface CollectedSite {
  id: string;
  name: string;
}

/** The websites whose 政府网站工作年度报表 a site must collect (collectsReports): every other website of the registry not closed by asOf; undefined for a site that collects none. */
export function collectedSites(site: Site, websites: readonly Site[], asOf: string): CollectedSite[] | undefined {
  if (!site.collectsReports) return undefined;
  return websites.filter((s) => s.id !== site.id && s.kind !== 'column' && !(s.closed !== undefined && s.closed <= asOf)).map((s) => ({ id: s.id, name: s.name }));
}

/** A 专栏 registered as an entity of its own (kind: column), not a whole website. */
export function isColumnEntity(site: Pick<Site, 'kind'>): boolean {
  return site.kind === 'column';
}

/** The URL prefix an entity is crawled within: a 专栏's folder (its url up to the last /), a website's origin. */
export function entityPrefix(site: Pick<Site, 'kind' | 'url'>): string {
  const u = new URL(site.url);
  return isColumnEntity(site) ? `${u.origin}${u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1)}` : `${u.origin}/`;
}

/** One responsible unit (one entry of content/units.yaml). */
export const unitSchema = z.strictObject({
  /** Stable ASCII id. */
  id: idSchema,
  /** Display name, e.g. 临河市人民政府办公室. */
  name: z.string().trim().min(1),
  /** Optional id of the unit above it. */
  parent: idSchema.optional(),
});
export type Unit = z.infer<typeof unitSchema>;
