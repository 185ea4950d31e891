// Everything read out of one HTML page: its title and the links it makes. Pure; no I/O.
import * as cheerio from 'cheerio';
import { resolveLink } from './urls.ts';
import { emptyFacts, readHeader, readMeta, readVisibleText } from './facts.ts';
import { hasErrorReportEntry, readHiddenLinks, readSearchForms } from './features.ts';
import { readBlocks } from './page/blocks.ts';
import { readBreadcrumb } from './page/breadcrumb.ts';
import { readList } from './page/lists.ts';
import { readNav } from './page/nav.ts';
import { readPubDate } from './page/pub-date.ts';
import { readReportTables, readTables } from './page/tables.ts';
import { findPersonalData, type DocumentPart } from './personal-data.ts';
import type { Node } from './page/node.ts';
import { locator } from './page/where.ts';
import { baseHref, firstInside, forgetElements, named, textOf } from './page/elements.ts';
import { readChannels, readMessages } from './messages.ts';
import { readScripting, type Scripting } from './scripting.ts';
import type { LinkKind, PageFacts, Where } from '../snapshot.ts';

/** One link found on a page. */
export interface ExtractedLink {
  /** Absolute URL without fragment. */
  url: string;
  kind: LinkKind;
  /** Visible text or alt text, trimmed, for evidence. */
  text: string;
  /** Where the link is on the page, when it is in the page's body. */
  where?: Where;
}

export interface ExtractedPage {
  title: string;
  links: ExtractedLink[];
  /** The page's own text says it does not exist (a "soft 404"). */
  saysNotFound: boolean;
  /** What the rules read from the page. */
  facts: PageFacts;
  /** What its scripts may change of what it shows (whether `--render auto` renders it). */
  scripting: Scripting;
}

/** A run of 11 digits (ASCII or full-width): the shortest personal number, a mobile. */
const LONG_NUMBER = /[0-9０-９]{11}/;

const ATTACHMENT = /\.(pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|ofd|ceb)$/i;


/** Phrases a CMS prints on a "page not found" page that it serves with status 200. */
const NOT_FOUND_TITLE = /(^|\D)404(\D|$)|页面不存在|找不到页面|页面未找到|无法找到该页|not found/i;
const NOT_FOUND_TEXT = /(您|你)?(所)?(访问|请求|查找)的(页面|网页|文章|信息|内容)(不存在|已(被)?删除|已过期|找不到)|页面不存在|404 not found|页面未找到/i;

/** A soft 404: a short page whose title or text says the page does not exist. */
export function looksLikeNotFound(title: string, text: string): boolean {
  return notFoundEvidence(title, text) !== undefined;
}

/** What says a page does not exist, in words for the evidence (标题“404 Not Found”), or undefined. */
export function notFoundEvidence(title: string, text: string): string | undefined {
  if (NOT_FOUND_TITLE.test(title)) return `标题“${title.slice(0, 40)}”`;
  // Real articles can quote these phrases; only a short page that is mostly the message counts.
  const m = text.length < 1500 ? NOT_FOUND_TEXT.exec(text) : null;
  return m ? `正文“${m[0]}”` : undefined;
}

/** Read the title, every checkable link and the rules' facts of a page, in one parse; scriptsRan for a rendered DOM (a list still empty is empty). */
export function extractPage(html: string, pageUrl: string, asOf: string, scriptsRan = false): ExtractedPage {
  const $ = cheerio.load(html);
  const href = baseHref($);
  const base = (href && resolveLink(href, pageUrl)) || pageUrl;
  // Built on the model the page readers share (they get the same base and as-of date below).
  const loc = locator($, base, asOf);
  const links: ExtractedLink[] = [];
  const add = (el: unknown, raw: string | undefined, kind: LinkKind, text: string) => {
    const url = resolveLink(raw, base);
    if (!url) return;
    const k = kind === 'page' && ATTACHMENT.test(new URL(url).pathname) ? 'attachment' : kind;
    const shown = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    const where = loc.where(el as Node, shown);
    links.push({ url, kind: k, text: shown, ...(where ? { where } : {}) });
  };
  for (const el of named($, 'a', 'area')) {
    const href = el.attribs.href;
    if (href !== undefined) add(el, href, 'page', textOf(el) || firstInside(el, 'img')?.attribs.alt || el.attribs.title || '');
  }
  for (const el of named($, 'img')) if (el.attribs.src !== undefined) add(el, el.attribs.src, 'image', el.attribs.alt ?? '');
  for (const el of named($, 'script')) if (el.attribs.src !== undefined) add(el, el.attribs.src, 'script', '');
  for (const el of named($, 'link')) {
    const href = el.attribs.href;
    if (href === undefined) continue;
    const rel = (el.attribs.rel ?? '').toLowerCase();
    if (rel.includes('stylesheet')) add(el, href, 'style', '');
    else if (rel.includes('icon')) add(el, href, 'image', '');
  }
  for (const el of named($, 'iframe', 'frame')) if (el.attribs.src !== undefined) add(el, el.attribs.src, 'frame', '');
  const firstTitle = named($, 'title')[0];
  const title = (firstTitle ? textOf(firstTitle) : '').replace(/\s+/g, ' ').trim();
  const facts = emptyFacts();
  facts.meta = readMeta($);
  facts.menu = [...new Set(links.filter((l) => l.kind === 'page' && l.text.length >= 2 && l.text.length <= 12).map((l) => l.text))];
  facts.search = readSearchForms($, base);
  facts.errorReport = hasErrorReportEntry($);
  facts.hiddenLinks = readHiddenLinks($, base);
  facts.channels = readChannels($, base);
  facts.messages = readMessages($, base, asOf);
  // Columns and dates: read before scripts go, as TRS pagination is written by createPageHTML().
  facts.blocks = readBlocks($, base, asOf);
  const list = readList($, base, asOf, scriptsRan);
  if (list) facts.list = list;
  const pubDate = readPubDate($, asOf);
  if (pubDate) facts.pubDate = pubDate;
  facts.breadcrumb = readBreadcrumb($);
  facts.nav = readNav($, base);
  facts.futureDates = futureItemDates(facts, asOf);
  const scripting = readScripting($);
  $(named($, 'script', 'style', 'noscript', 'template')).remove();
  forgetElements($);
  facts.header = readHeader($);
  const visible = readVisibleText($, loc);
  facts.text = visible.text;
  facts.textWhere = visible.runs;
  // Personal numbers are at least 11 digits: a page without such a run has none, and its tables are not read.
  if (LONG_NUMBER.test(facts.text)) {
    // Tables first, so that a number is placed in its table rather than in the text around it.
    const parts: DocumentPart[] = readTables($).map((t) => ({ kind: 'table', where: `表格 ${t.n}`, rows: t.rows }));
    parts.push({ kind: 'text', where: '正文', text: facts.text });
    const personal = findPersonalData(parts, asOf);
    if (personal) facts.personalData = personal;
  }
  if (facts.text.includes('本年新收')) {
    const tables = readReportTables($);
    if (tables.length) facts.reportTables = tables;
  }
  return { title, links, saysNotFound: looksLikeNotFound(title, facts.text.replace(/\s+/g, ' ')), facts, scripting };
}


/**
 * Item and publication dates after the as-of date: a forged or mistyped date. Dates in running
 * text (a deadline, a plan) are not item dates and are left out.
 */
function futureItemDates(facts: PageFacts, asOf: string): string[] {
  // A month-day date's year is inferred so that it is never far in the future: not evidence.
  const items = [...facts.blocks.flatMap((b) => b.items), ...(facts.list?.items ?? [])].filter((i) => !i.inferredYear);
  const dates = items.map((i) => i.date);
  if (facts.pubDate) dates.push(facts.pubDate);
  return [...new Set(dates.filter((d) => d > asOf))].sort();
}

