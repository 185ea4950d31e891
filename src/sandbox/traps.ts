// The real web's traps the sandbox reproduces (issue 13), each a class of sites: the demo scores
// precision and recall on each class's sites apart, so that a trap the crawler falls into shows
// even when the whole web's figures hide it.
import type { SiteModel } from './model.ts';

/** A trap class and what it puts on a site. */
export const TRAP_CLASSES = {
  'tab-box': 'home-page columns in tab boxes (setTab ids, panes in order with one 更多, ARIA tabs); blank columns as empty panes',
  'headline-over-list': 'a headline item with a summary over the rest of each home block\'s list',
  'image-heading': 'home blocks whose heading is an image (with or without alt text)',
  'date-cell': 'list rows whose date sits in another cell than the title; blank lists empty, with no 暂无信息',
  'soft-404-own-host': 'a link answered 200 with a page saying it does not exist, on the site itself',
  'soft-404-other-host': 'links to another site\'s removed pages (200 with its own header and 抱歉，您访问的页面不存在或已被删除！; 200 with only the title saying 404; a deep link redirected to its home page), and to a short real page there, directly and by a redirect',
  'reformed-name': 'documents issued before their issuer was renamed, listed with their number and cited in a newer one',
  'odd-identity-mark': 'an ICP number without 备 and 号, a 公安备案 number split over elements',
  'endless-calendar': 'a 活动日历 on the home page whose every date is a page linking its month\'s dates and the next and last months, without end',
  'session-ids': 'every on-site link carries a ;jsessionid= that is new in each answer: endless distinct URLs of the same pages',
  'form-less-search': 'a search input with a link that runs a script, outside any form (in the page or written by script); a broken one found only by trying it in a browser',
} as const;

export type TrapClass = keyof typeof TRAP_CLASSES;

/** The trap classes a site carries (none on a site that is down). */
export function trapClassesOf(m: SiteModel): TrapClass[] {
  if (m.down) return [];
  const out: TrapClass[] = [];
  if (m.homeLayout === 'tabs') out.push('tab-box');
  if (m.homeLayout === 'headline') out.push('headline-over-list');
  if (m.homeLayout === 'image-heading') out.push('image-heading');
  if (m.homeLayout === 'date-cell') out.push('date-cell');
  if (m.soft404Path) out.push('soft-404-own-host');
  if (m.sister) out.push('soft-404-other-host');
  if (m.oldDocs.length > 0) out.push('reformed-name');
  if (m.footer.icp === 'bare' || m.footer.psb === 'split') out.push('odd-identity-mark');
  if (m.search && (m.scripted?.search === 'box' || m.search.box)) out.push('form-less-search');
  if (m.calendar) out.push('endless-calendar');
  if (m.sessions) out.push('session-ids');
  return out;
}
