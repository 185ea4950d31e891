// A site's look: the CMS template, the charset handling, the compression and the parts its
// scripts build, rotated by site index so that a handful of consecutive sites covers every variant.
import { at, hashString } from './random.ts';
import { ROLES } from './roles.ts';
import type { SitePlan } from './types.ts';

/** CMS style: TRS-like <ul> lists, legacy <table> lists, or modern card <div>s. */
export type Template = 'ul' | 'table' | 'cards';
/**
 * How a page's bytes and charset declarations relate: UTF-8 declared in the header; GBK declared
 * in the header; GBK declared as gb2312 only in <meta>; UTF-8 bytes wrongly declared gb2312 in
 * <meta> (a real case); UTF-8 with no declaration at all.
 */
export type Encoding = 'utf8-header' | 'gbk-header' | 'gb2312-meta' | 'utf8-declared-gb2312' | 'utf8-undeclared';
/** Content-Encoding a site uses when the request allows it. */
export type Compression = 'none' | 'gzip' | 'br';

/** Rotated by site index (with a seed offset), so any 3 consecutive sites use all three. */
export const TEMPLATES: readonly Template[] = ['ul', 'table', 'cards'];
/** Rotated by site index, so any 5 consecutive sites use all five. */
export const ENCODINGS: readonly Encoding[] = ['utf8-header', 'gbk-header', 'gb2312-meta', 'utf8-declared-gb2312', 'utf8-undeclared'];
/** Rotated by site index. */
export const COMPRESSIONS: readonly Compression[] = ['gzip', 'none', 'br'];

/** How many items a list page shows. */
export const PAGE_SIZE: Record<Template, number> = { ul: 8, table: 10, cards: 6 };
/** How many items a home block shows. */
export const HOME_BLOCK: Record<Template, number> = { ul: 7, table: 6, cards: 5 };

/** A site's variant of xs: its index shifted by an offset hashed from (seed, key), so neighbours differ and no random stream is drawn. */
export function rot<T>(xs: readonly T[], plan: SitePlan, seed: number, key: string): T {
  return at(xs, (plan.index + (hashString(`${seed}:${key}`) % xs.length)) % xs.length);
}

/**
 * How a script-built site writes its parts, each rotated among the script-built sites: what a
 * browser shows but a static HTML reader does not see (README: Script-built sites).
 */
export interface Scripted {
  /**
   * Column item lists: home blocks written by document.write from an inline array (list pages
   * static); home blocks filled from /api/column/<slug>.json by XHR and list pages from inline
   * data; or home blocks static and list pages from inline data.
   */
  lists: 'document-write' | 'xhr' | 'list-data';
  /** The footer's rows written by document.write: in an inline script, or by /js/common.js (a name that does not say footer). */
  footer: 'inline' | 'common-js';
  /** The header search, written by a script: a form submitted by an onclick link, an input with an onclick function and no form, or the static form. */
  search: 'form' | 'box' | 'static';
  /** The registered home URL: the home page itself, a frameset of top, main and bottom frames, or a page that only redirects to /index.html by script. */
  entry: 'page' | 'frameset' | 'script-redirect';
}

/**
 * Whether a site is script-built: every site of every other dozen, starting with the second
 * (sites 12–23, 36–47, …). Any 24 consecutive sites then carry every role (period 12) once
 * script-built and once static, and the first dozen, the small web most tests crawl with a static
 * reader, stays static.
 */
export function isScripted(plan: SitePlan): boolean {
  return Math.floor(plan.index / ROLES.length) % 2 === 1;
}

/**
 * The script-built parts of a site, or null for a static one. Each part rotates by site index
 * with its own period and a seed offset: the footer 2 (flipped every 24 sites, so that a role
 * meets both footers), the lists and the search 3 (shifted by ⌊index / 3⌋, by one and by two, so
 * that any 9 consecutive sites pair every lists variant with every search variant and every
 * template), the entry 5.
 */
export function scriptedOf(plan: SitePlan, seed: number): Scripted | null {
  if (plan.hostile || !isScripted(plan)) return null;
  const i = plan.index;
  const pick = <T>(xs: readonly T[], key: string, shift: number): T => at(xs, (i + shift + hashString(`${seed}:script:${key}`)) % xs.length);
  const third = Math.floor(i / 3);
  return {
    lists: pick(['document-write', 'xhr', 'list-data'] as const, 'lists', third),
    footer: pick(['inline', 'common-js'] as const, 'footer', Math.floor(i / (2 * ROLES.length))),
    search: pick(['form', 'box', 'static'] as const, 'search', 2 * third),
    entry: pick(['page', 'frameset', 'page', 'script-redirect', 'page'] as const, 'entry', 0),
  };
}

/**
 * How the home page lays out its column blocks, as real portals are built: one block per column;
 * tab boxes (several columns in one box, one pane shown at a time, in each template's CMS style);
 * a headline item over the rest of each block's list; headings that are images; rows whose date
 * sits in another cell than the title. Blank lists print 暂无信息 in the plain blocks and nothing
 * at all (an empty list) in the tab boxes and the date-cell rows.
 */
export type HomeLayout = 'blocks' | 'tabs' | 'headline' | 'image-heading' | 'date-cell';

/** Rotated by role and dozen (tabs twice: three CMS styles meet more roles). */
const HOME_LAYOUTS: readonly HomeLayout[] = ['blocks', 'tabs', 'headline', 'image-heading', 'date-cell', 'tabs'];

/**
 * A site's home layout: by role, shifted by one every dozen, so that each layout meets roles with
 * stale and blank columns in every dozen; 'blocks' where the home blocks' rows are written by
 * scripts (those sites test the scripts, not the layout), and instead of date-cell rows where a
 * script writes the list pages' rows from inline data.
 */
export function homeLayoutOf(plan: SitePlan, scripted: Scripted | null): HomeLayout {
  if (plan.hostile || (scripted !== null && scripted.lists !== 'list-data')) return 'blocks';
  const layout = at(HOME_LAYOUTS, layoutKey(plan) % HOME_LAYOUTS.length);
  // Rows a script writes from inline data keep the template's own row markup.
  return scripted !== null && layout === 'date-cell' ? 'blocks' : layout;
}

function layoutKey(plan: SitePlan): number {
  return (plan.role + Math.floor(plan.index / ROLES.length)) % ROLES.length;
}

/**
 * How a tab box maps its tabs to their panes: TRS-style setTab('one',2,3) handlers and
 * con_one_2 ids with a 更多 per pane; a strip of spans whose lists follow in order, with one 更多
 * for the whole box beside the strip; ARIA tabs (role="tab", aria-controls) with a 更多 per pane.
 */
export type TabStyle = 'set-tab' | 'in-order' | 'aria';

/** The tab style of a tabs-layout site: the four tab keys of a dozen (1, 5, 7, 11) meet all three. */
export function tabStyleOf(plan: SitePlan): TabStyle {
  const styles: Record<number, TabStyle> = { 1: 'set-tab', 5: 'in-order', 7: 'aria', 11: 'in-order' };
  return styles[layoutKey(plan)] ?? 'set-tab';
}
