import * as cheerio from 'cheerio';
import { homeNotAsShown } from './lib/pages.ts';
import type { SiteSnapshot } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** The six identity marks the national table requires in the footer, by id. */
export const MARKS = ['conac', 'site-code', 'icp', 'psb', 'sponsor', 'contact'] as const;
export type Mark = (typeof MARKS)[number];

/** Chinese names of the marks, as the national table writes them. */
export const MARK_NAMES: Readonly<Record<Mark, string>> = {
  conac: '党政机关网站标识',
  'site-code': '网站标识码',
  icp: 'ICP备案编号',
  psb: '公安机关备案标识',
  sponsor: '网站主办单位',
  contact: '联系方式',
};

// Patterns for the variants seen on real pages (../shared/real-pages/labels.json).
/** The conac badge: a bszs.conac.cn link or a dcs.conac.cn script or image, also when written by document.write(unescape(…)). */
const CONAC = /(?:bszs|dcs)\.conac\.cn/i;
/**
 * 网站标识码：3713000001 / 政府网站标识码:bm29000002 (colon optional, either width): ten letters or
 * digits, or, in a malformed code, digits (hyphens between them) of another length, read up to the
 * first letter so that a code run into the next element's text (3713000001ICP备…) reads as itself.
 */
const SITE_CODE = /标识码\s*[:：]?\s*([A-Za-z0-9]{10}(?![A-Za-z0-9])|(?:bm)?\d(?:[-－]?\d){3,})/gi;
/**
 * 京ICP备05034670号, 新ICP备15003890号-1, 京ICP证030173号; also printed without 备 and 号
 * (京ICP05034670): a number in a malformed form is still there, not missing. Group 1 is the
 * province's abbreviation, 2 or 3 the digits, 4 号; the -1 after it is read for the evidence.
 */
const ICP = /([\u4e00-\u9fa5])\s*ICP\s*(?:[备证]\s*(\d{4,})|[:：]?\s*(\d{6,}))(\s*号)?(?:\s*[-－]\s*\d+)?/gi;
/**
 * 京公网安备11010202007625号, 陕公网安备 61011102000072号, also malformed without 号, or its digits
 * split over elements. Groups: the character before (the province's abbreviation), the digits, 号.
 */
const PSB = /([\u4e00-\u9fa5])?公网安备\s*[:：]?\s*(\d(?:\s?\d){5,})(\s*号)?/g;
/** 主办单位：X, 主办：X, 网站主办：X, or X主办 with no colon. 承办 or 协办 alone is not a sponsor. */
const SPONSOR_LABELLED = /主办(?:单位|方)?\s*[:：]\s*[\u4e00-\u9fa5A-Za-z（(]/;
const SPONSOR_TRAILING = /[\u4e00-\u9fa5）)]{3,}\s*主办(?![单方\u4e00-\u9fa5])/;
/** 联系我们, a phone number (area code or 12345 hotline) or an e-mail address. */
const CONTACT = /联系我们|联系方式|(?:电话|热线|传真|Tel)\s*[:：]?\s*[（(]?\d{3,4}[）)]?[-\s]?\d{4,8}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;

/** Class or id names of footer containers on Chinese CMS templates. */
const FOOTER_SELECTOR = '[id*="foot" i], [class*="foot" i], [id*="bottom" i], [class*="bottom" i], [id*="copy" i], [class*="copy" i], [class*="banquan" i], [id*="banquan" i], footer';
/** Hidden boxes and pop-ups: what they hold is not shown in the footer. */
const HIDDEN_SELECTOR = '[style*="display:none" i], [style*="display: none" i], [hidden], [class*="alert" i], [class*="popup" i], [class*="modal" i], [class*="dialog" i]';

/** Elements a browser shows on a line of their own: their text is not run into the next element's. */
const BLOCK_SELECTOR = 'address, article, br, dd, div, dl, dt, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, nav, ol, p, section, table, td, th, tr, ul';

/** A page's text as the marks are read from it: the whole body's, the visible footer's, and the HTML without comments. */
function markTexts(html: string): { source: string; page: string; footer: string } {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, ' ');
  const $ = cheerio.load(withoutComments);
  $('script, style, noscript, template, title, head').remove();
  // Inline elements join (京公网安备<span>1101</span>…); a block ends its text, as on screen.
  $(BLOCK_SELECTOR).after(' ');
  const squash = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, ' ');
  const pageText = squash($('body').length ? $('body').text() : $.root().text());
  $(HIDDEN_SELECTOR).remove();
  const visibleText = squash($.root().text());
  const footerParts = $(FOOTER_SELECTOR)
    .toArray()
    .filter((el) => !$(el).parents(FOOTER_SELECTOR).length)
    .map((el) => $(el).text());
  // Footer containers are named in many ways; the end of the visible page always counts as footer too.
  const footerText = squash(footerParts.join(' ')) + ' ' + visibleText.slice(-1500);
  return { source: withoutComments, page: pageText, footer: footerText };
}

/** Which identity marks a page shows. Comments never count; sponsor and contact must be in the footer. */
export function findMarks(html: string): Record<Mark, boolean> {
  const t = markTexts(html);
  const numbers = readNumbers(t.page);
  return {
    conac: CONAC.test(t.source),
    'site-code': numbers['site-code'].length > 0,
    icp: numbers.icp.length > 0,
    psb: numbers.psb.length > 0,
    sponsor: SPONSOR_LABELLED.test(t.footer) || SPONSOR_TRAILING.test(t.footer),
    contact: CONTACT.test(t.footer),
  };
}

/** An ICP or 公安备案 number as printed. */
export interface FiledNumber {
  /** What the page shows, from the character before ICP or 公网安备 to 号 (and an ICP's -1). */
  text: string;
  /** The character before ICP or 公网安备, which should be a province's abbreviation; absent when there is none. */
  abbr?: string;
  /** That character begins a word, nothing Chinese before it (备案号：粤ICP备…), so it is not a label's last character (备案号ICP备…). */
  abbrStandsAlone: boolean;
  /** The number's digits, spaces dropped. */
  digits: string;
  /** It ends with 号. */
  hao: boolean;
}

/** The numbered marks a page prints, each as often as it is printed: site codes as read, ICP and 公安备案 numbers. */
export interface PrintedNumbers {
  'site-code': string[];
  icp: FiledNumber[];
  psb: FiledNumber[];
}

/** The 网站标识码, ICP and 公安备案 numbers in a page's text (markTexts().page). */
function readNumbers(text: string): PrintedNumbers {
  const standsAlone = (index: number) => !/[\u4e00-\u9fa5]/.test(text[index - 1] ?? '');
  const filed = (m: RegExpExecArray, abbr: string | undefined, digits: string, hao: string | undefined): FiledNumber => ({
    text: m[0].trim(),
    ...(abbr ? { abbr } : {}),
    abbrStandsAlone: abbr !== undefined && standsAlone(m.index),
    digits: digits.replace(/\s/g, ''),
    hao: hao !== undefined,
  });
  return {
    'site-code': [...text.matchAll(SITE_CODE)].map((m) => m[1]!),
    icp: [...text.matchAll(ICP)].map((m) => filed(m, m[1], m[2] ?? m[3]!, m[4])),
    psb: [...text.matchAll(PSB)].map((m) => filed(m, m[1], m[2]!, m[3])),
  };
}

/** The 网站标识码, ICP and 公安备案 numbers a page prints (comments aside), each as read. */
export function printedNumbers(html: string): PrintedNumbers {
  return readNumbers(markTexts(html).page);
}

/** The HTML of the home page and of the footers it loads from frames or writes with scripts, with where each is from. */
export function homeFooterSources(snapshot: SiteSnapshot): Array<{ from: string; html: string }> {
  if (!snapshot.home.html) return [];
  return [
    { from: snapshot.site.url, html: snapshot.home.html },
    ...(snapshot.home.footers ?? []).map((f) => ({ from: f.url, html: f.kind === 'frame' ? f.text : scriptHtml(f.text) })),
  ];
}

/**
 * The HTML a footer script writes: its string literals joined, with escapes and unescape()'s %XX
 * undone (document.write('<div class="foot">…') and document.write(unescape("%3Cspan…"))).
 */
export function scriptHtml(js: string): string {
  const parts: string[] = [];
  for (const m of js.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) parts.push(m[1] ?? m[2] ?? '');
  const joined = parts.join('').replace(/\\(["'\\/])/g, '$1');
  // unescape, not decodeURIComponent: the scripts use its %uXXXX form and single-byte %XX.
  return /%3C/i.test(joined) ? unescape(joined) : joined;
}

/** 网站标识缺失: each of the six footer marks the home page does not show. */
export default defineRule({
  id: 'identity-mark-missing',
  title: '网站标识缺失',
  clause: '扣分：网站标识—页面底部功能区缺少党政机关网站标识、网站标识码、ICP备案编号、公安机关备案标识、主办单位或联系方式（每项 0.5 分，最多扣 3 分）',
  kind: 'deduction',
  targetNames: MARK_NAMES,
  points: ['each'],
  run(snapshot, { points }) {
    const [home, ...footers] = homeFooterSources(snapshot);
    if (!home) return { status: 'not_applicable', reason: '首页无法打开' };
    const found = findMarks(home.html);
    // A footer the home page loads from a frame or writes with a script shows its marks too.
    for (const f of footers) {
      if (MARKS.every((m) => found[m])) break;
      const more = findMarks(f.html);
      for (const m of MARKS) found[m] ||= more[m];
    }
    // What a script writes into a home page that was not rendered is not seen: no mark is missing on that.
    const unseen = MARKS.some((m) => !found[m]) ? homeNotAsShown(snapshot) : undefined;
    if (unseen) return { status: 'not_applicable', reason: unseen };
    const findings: RuleFinding[] = MARKS.filter((m) => !found[m]).map((m) => ({
      indicator: 'identity-mark-missing',
      target: m,
      page: snapshot.site.url,
      points: points['each']!,
      detail: `首页底部未见${MARK_NAMES[m]}`,
    }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
