// Read-side helpers the rules share over a snapshot's pages.
import { ALSO_ON_LISTED, type AlsoOn } from '../../../schemas/findings.ts';
import type { PageSnapshot, SiteSnapshot, Where } from '../../snapshot.ts';

/** The home page as read, when it loaded. */
export function homePage(s: SiteSnapshot): PageSnapshot | undefined {
  return s.pages.find((p) => p.depth === 0);
}

/** The home page and the same-site frames it is made of (chinatax.gov.cn is three iframes). */
export function homeParts(s: SiteSnapshot): PageSnapshot[] {
  const home = homePage(s);
  if (!home) return [];
  const frames = new Set(s.links.filter((l) => l.kind === 'frame' && l.referrers.includes(home.url)).map((l) => l.url));
  return [home, ...s.pages.filter((p) => p.depth > 0 && frames.has(p.url))];
}

/**
 * Why the home page's static reading is no evidence of what it lacks (its marks, its 找错 entry,
 * its search): it needed a browser and was not rendered. Undefined when it was read as shown.
 */
export function homeNotAsShown(s: SiteSnapshot): string | undefined {
  const r = homeParts(s).find((p) => !readAsShown(p))?.rendering;
  if (!r || r.status === 'rendered') return undefined;
  const why = r.status === 'failed' ? '渲染未成功' : r.status === 'over-budget' ? '超出每站渲染页数（栏目页优先）' : '本次检查未用浏览器（--render never）';
  return `首页内容由脚本生成，${why}，无法判断`;
}

/** The URL findings about the whole site point at: the home page as registered. */
export const siteTarget = (s: SiteSnapshot) => s.site.url;

/**
 * The page was read as a browser shows it: rendered, or its static HTML was enough. A page that
 * needed rendering but was read statically (a failure, the site's budget spent) may lack what its
 * scripts write, so what it does not show is no evidence.
 */
export const readAsShown = (p: PageSnapshot): boolean => p.rendering === undefined || p.rendering.status === 'rendered';

/**
 * A finding's place on its page, to spread into it: the place without its `page` when that is the
 * finding's own page; nothing when there is no place.
 */
export function placed(where: Where | undefined, page: string): { where?: Where } {
  if (!where) return {};
  if (where.page !== page) return { where };
  const { page: _same, ...rest } = where;
  return { where: rest };
}

/**
 * The sentence around text[index, index + length): from the sentence end (or line end) before it
 * to the one after it, with its end mark; cut to SENTENCE_SIDE characters either side, … where cut.
 */
export function sentenceAt(text: string, index: number, length: number): string {
  const end = index + length;
  let from = index;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  const headFrom = index - from > SENTENCE_SIDE ? unsplit(text, index - SENTENCE_SIDE) : from;
  const tailTo = to - end > SENTENCE_SIDE ? unsplit(text, end + SENTENCE_SIDE) : to;
  const sentence = `${headFrom > from ? '…' : ''}${text.slice(headFrom, tailTo)}${tailTo < to ? '…' : ''}`;
  return sentence.replace(/\s+/g, ' ').trim();
}

/** An offset moved off the second half of a character written as a surrogate pair. */
const unsplit = (text: string, i: number) => (i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff ? i + 1 : i);

/** Ends of a sentence, and the line ends between the blocks of a page's text. */
const SENTENCE_END = /[。！？；!?;\n]/;
/** Characters of a sentence kept either side of the words found in it. */
const SENTENCE_SIDE = 40;

/** The place on a page of the text at an offset of its visible text, with the sentence around it as its text. */
export function textWhere(page: PageSnapshot, index: number, length: number): Where | undefined {
  const runs = page.facts.textWhere;
  if (!runs || runs.length === 0 || runs[0]!.at > index) return undefined;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.at <= index) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo]!;
  return { ...(run.part ? { part: run.part } : {}), selector: run.selector, text: sentenceAt(page.facts.text, index, length) };
}

/**
 * A finding's other pages, to spread into it: every page of `pages` but the finding's own, in
 * order, the first ALSO_ON_LISTED listed and the rest counted; nothing when there is no other.
 */
export function alsoOn(pages: readonly string[], page: string): { alsoOn?: AlsoOn } {
  const others = [...new Set(pages)].filter((p) => p !== page);
  if (others.length === 0) return {};
  return { alsoOn: { pages: others.slice(0, ALSO_ON_LISTED), more: Math.max(0, others.length - ALSO_ON_LISTED) } };
}
