// Which pages the sitemap lists (astro.config.mjs): not the search page, which has no content of
// its own, and not the notice of a quarter that is not published (its page also says noindex).
import { contentDir } from '../store/content-dir.ts';
import { publishedQuarters } from '../store/quarter-file.ts';
import { joinBase, paths } from './urls.ts';

/** The filter @astrojs/sitemap calls with each page's absolute URL; reads the content folder's quarter files once. */
export function sitemapFilter(base: string, dir: string = contentDir()): (page: string) => boolean {
  const published = publishedQuarters(dir);
  const search = joinBase(base, paths.search());
  const quarters = joinBase(base, 'quarters/');
  return (page) => {
    const path = new URL(page).pathname;
    if (path === search) return false;
    if (!path.startsWith(quarters)) return true;
    const quarter = path.slice(quarters.length).split('/')[0];
    return !quarter || published.has(quarter);
  };
}
