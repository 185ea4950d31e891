// robots.txt of the portal: every page may be crawled, and the sitemap index is named with its
// absolute URL, as the Sitemap line requires.
import { joinBase } from './urls.ts';

/** The file @astrojs/sitemap writes at the base: it lists the numbered sitemap-N.xml files. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** The sitemap index's absolute URL for a configured site (an origin; any path on it is replaced by the base) and base. */
export function sitemapUrl(site: URL | undefined, base: string): string {
  // Astro.site is optional in the types; astro.config.mjs always sets it, so its absence is a configuration error.
  if (!site) throw new Error('robots.txt: `site` is not configured (SITE_URL), so the Sitemap URL cannot be absolute');
  return new URL(joinBase(base, SITEMAP_INDEX), site).href;
}

/** The text of robots.txt, with LF line ends and a trailing newline. */
export function robotsTxt(site: URL | undefined, base: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl(site, base)}`, ''].join('\n');
}
