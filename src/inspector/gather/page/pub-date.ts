// An article's publication date as the page shows it: after a label (发布时间：), in its byline or
// in a date element, else in its PubDate meta. The dates of list items and menus are never its own.
import type { CheerioAPI } from 'cheerio';
import { isDateOnly, parseDate, scanDates } from '../dates.ts';
import { attr, isElement, textOf } from './node.ts';
import { pageOf } from './model.ts';
import { named } from './elements.ts';
import { ARTICLE_PROSE, insideItems, longestProse } from './prose.ts';

/** Labels of a publication date, strongest first; 时间 / 日期 alone only at the start of a phrase. */
const PUB_LABELS = [
  /(发布时间|发布日期|发文日期|公开日期|发表时间|发表日期|发稿时间|上传时间|信息时间|印发日期)\s*[:：]?\s*/g,
  /(成文日期|成文时间)\s*[:：]?\s*/g,
  /(?<![\p{Script=Han}])(时间|日期)\s*[:：]?\s*/gu,
];
/** After a date: the rest of an article's byline (2019年06月15日08:18 来源：人民网). */
const BYLINE_AFTER = /^\s*(\d{1,2}:\d{2}(:\d{2})?)?[\s\u00a0\u3000]*(来源|作者|浏览|点击|阅读|字号|编辑|责任编辑|【)/;
/** Class or id of an element that shows a date. */
const DATE_CLASS = /date|time|pubtime|fbsj|fbrq|riqi|shijian/i;

/** A full date (with its year) at the start of a text, allowing a bracket or a space before it. */
function dateAtStart(text: string, asOf: string): string | undefined {
  const d = scanDates(text.slice(0, 40), asOf)[0];
  if (!d || d.inferredYear || !/^[\s([（【]*$/.test(text.slice(0, d.index))) return undefined;
  return d.date;
}

/** An article's publication date as shown (labelled, in the byline or a date element), else its PubDate meta; YYYY-MM-DD. */
export function readPubDate($: CheerioAPI, asOf: string): string | undefined {
  const page = pageOf($, undefined, asOf);
  // A list page's items carry dates too (发布时间：… per item); they are not the page's own.
  const items = insideItems(page);
  const text = textOf(page.root, (x) => items.has(x) || page.info.get(x)?.navLike === true).replace(/[ \t\u00a0\u3000\r]+/g, ' ');
  // Weaker evidence (时间： alone, a byline, a date element) only on a page with an article's prose:
  // a home page's 在线访谈 box says 时间：2018年3月16日 too.
  const article = longestProse(page) >= ARTICLE_PROSE;
  for (const label of article ? PUB_LABELS : PUB_LABELS.slice(0, 2)) {
    for (const m of text.matchAll(label)) {
      const date = dateAtStart(text.slice(m.index + m[0].length), asOf);
      if (date) return date;
    }
  }
  for (const d of article ? scanDates(text, asOf) : []) {
    if (!d.inferredYear && BYLINE_AFTER.test(text.slice(d.end, d.end + 30))) return d.date;
  }
  for (const [el, info] of article ? page.info : []) {
    if (!isElement(el) || info.navLike || info.textLen > 40 || info.links > 0 || items.has(el)) continue;
    if (!DATE_CLASS.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`)) continue;
    const t = textOf(el);
    const d = isDateOnly(t, asOf) ? parseDate(t, asOf) : undefined;
    if (d && !d.inferredYear) return d.date;
  }
  const meta = named($, 'meta').find((el) => el.attribs.name?.trim().toLowerCase() === 'pubdate')?.attribs.content;
  const fromMeta = meta ? parseDate(meta, asOf) : undefined;
  return fromMeta && !fromMeta.inferredYear ? fromMeta.date : undefined;
}
