// Site features the national checklist asks for, read from one page: the site search, the
// 我为政府网站找错 entry, and links hidden from visitors. Pure over the loaded document; no mutation.
import type { CheerioAPI } from 'cheerio';
import type { Element, ParentNode } from 'domhandler';
import { closest, elementsOf, inside, named, textOf } from './page/elements.ts';
import { resolveLink, sameSite } from './urls.ts';
import type { Node } from './page/node.ts';
import { locator } from './page/where.ts';
import type { HiddenLink, SearchForm } from '../snapshot.ts';

/** Words in a search field's name, id, placeholder, title or value, or in the form's action, id or name. */
const SEARCHY = /search|sousuo|keyword|searchword|query|kwd?\b|\bq\b|\bwd\b|jrobot|was5|qwjs|检索|搜索|关键字|关键词/i;
/** Forms that are something else: log-ins, mail, project or case look-ups with several fields. */
const NOT_SEARCH = /login|mail|password|passwd|登录|邮箱/i;

/** Site search forms (and script-driven search boxes, whose action is the page itself). */
export function readSearchForms($: CheerioAPI, pageUrl: string): SearchForm[] {
  const loc = locator($);
  const out: SearchForm[] = [];
  const seen = new Set<string>();
  const describe = (el: Element) => ['name', 'id', 'class', 'placeholder', 'title', 'value'].map((a) => el.attribs[a] ?? '').join(' ');
  // Where: the search box, with its prompt (placeholder or title) as its text.
  const add = (action: string, method: 'get' | 'post', field: string, box: Element, script?: SearchForm['script']) => {
    const key = `${method} ${action} ${field}`;
    if (seen.has(key)) return;
    seen.add(key);
    const where = loc.where(box as unknown as Node, (box.attribs.placeholder || box.attribs.title || '').replace(/\s+/g, ' ').trim());
    out.push({ action, method, field, ...(where ? { where } : {}), ...(script ? { script } : {}) });
  };
  for (const form of named($, 'form')) {
    if (inside(form, (el) => el.name === 'input' && el.attribs.type?.toLowerCase() === 'password').length) continue;
    const inputs = inside(form, isTextInput);
    // A look-up form with several text fields (title, document number, date) is not a site search.
    if (inputs.length === 0 || inputs.length > 2) continue;
    const formWords = `${form.attribs.action ?? ''} ${form.attribs.id ?? ''} ${form.attribs.name ?? ''}`;
    const field = inputs.find((i) => SEARCHY.test(describe(i))) ?? (SEARCHY.test(formWords) ? inputs[0] : undefined);
    if (!field || NOT_SEARCH.test(formWords)) continue;
    const action = resolveLink(form.attribs.action || pageUrl, pageUrl) ?? pageUrl;
    add(action, (form.attribs.method ?? 'get').toLowerCase() === 'post' ? 'post' : 'get', field.attribs.name ?? '', field);
  }
  // Search boxes driven by a script, outside any form (bjft.gov.cn, moe.gov.cn): named so, or an
  // input beside a button, link or image that says search or calls a search function.
  // Where it goes is known only by trying it in a browser: its input's and its trigger's positions
  // among the page's text inputs and controls tell the renderer what to type into and click.
  named($, 'input')
    .filter(isTextInput)
    .forEach((el, input) => {
      if (closest(el, (f) => f.name === 'form')) return;
      const words = describe(el);
      if (NOT_SEARCH.test(words)) return;
      const trigger = searchTrigger(el);
      if (!SEARCHY.test(words) && !trigger) return;
      const at = trigger ? elementsOf($).all.filter(isTrigger).indexOf(trigger) : -1;
      add(pageUrl, 'get', el.attribs.name ?? '', el, { input, ...(at >= 0 ? { trigger: at } : {}) });
    });
  return out;
}

/** The text fields a search box may be (the renderer counts them the same way). */
export const TEXT_INPUTS = 'input:not([type]), input[type="text" i], input[type="search" i]';
/** An element TEXT_INPUTS selects. */
export function isTextInput(el: Element): boolean {
  if (el.name !== 'input') return false;
  const type = el.attribs.type?.toLowerCase();
  return type === undefined || type === 'text' || type === 'search';
}

/** A control that starts a search: its text, alt, title, value, class, id, image or script says so. */
const TRIGGER = /搜索|检索|搜\s*索|查询|search|sousuo|jiansuo|dosearch|gosearch|query/i;
/** Controls that may start a search (the renderer counts them the same way). */
export const TRIGGERS = 'a, button, input[type="button" i], input[type="submit" i], input[type="image" i], img, span[onclick], div[onclick], i[onclick]';
const BUTTON_INPUTS = new Set(['button', 'submit', 'image']);
/** An element TRIGGERS selects. */
export function isTrigger(el: Element): boolean {
  switch (el.name) {
    case 'a':
    case 'button':
    case 'img':
      return true;
    case 'input':
      return BUTTON_INPUTS.has(el.attribs.type?.toLowerCase() ?? '');
    case 'span':
    case 'div':
    case 'i':
      return el.attribs.onclick !== undefined;
    default:
      return false;
  }
}

/**
 * A text input standing next to its search button (returned): a control within the input's box (its parent,
 * or the parent's parent when that box holds only this one text field) that says search. A box
 * with several text fields is a look-up form, not a site search.
 */
function searchTrigger(input: Element): Element | undefined {
  let box = input.parent;
  for (let level = 0; box && box.type !== 'root' && level < 2; box = box.parent, level++) {
    const el = box as Element;
    if (el.name === 'body' || el.name === 'html') return undefined;
    if (inside(el, isTextInput).length > 1) return undefined;
    const found = inside(el, isTrigger).find((c) => {
      const said = [textOf(c), ...['alt', 'title', 'value', 'class', 'id', 'src', 'href', 'onclick'].map((a) => c.attribs[a] ?? '')].join(' ');
      return TRIGGER.test(said) && !NOT_SEARCH.test(said);
    });
    if (found) return found;
  }
  return undefined;
}

/** The national error-report platform, its pucha.kaipuyun.cn mirror, or the same path on a raw IP. */
const ERROR_REPORT_URL = /zfwzgl\.www\.gov\.cn|\/exposure\/jiucuo/i;

/** A 我为政府网站找错 entry: the _jiucuo_ script, or a link or script to the error-report platform. */
export function hasErrorReportEntry($: CheerioAPI): boolean {
  if (named($, 'script', 'span').some((el) => el.attribs.id === '_jiucuo_')) return true;
  const linked = named($, 'a', 'script', 'img', 'iframe').some((el) => {
    if (el.name === 'a' ? el.attribs.href === undefined : el.attribs.src === undefined) return false;
    return ERROR_REPORT_URL.test(el.attribs.href ?? el.attribs.src ?? '');
  });
  if (linked) return true;
  // The entry written by a script: document.write('<script id="_jiucuo_" …') or an inline loader.
  return named($, 'script').some((el) => el.attribs.src === undefined && /_jiucuo_|zfwzgl\.www\.gov\.cn|exposure\/jiucuo/.test(textOf(el)));
}

/** Inline styles that make an element invisible, with a short name for the evidence. */
const HIDING: ReadonlyArray<readonly [RegExp, string]> = [
  [/display\s*:\s*none/i, 'display:none'],
  [/visibility\s*:\s*hidden/i, 'visibility:hidden'],
  [/font-size\s*:\s*0(?![.\d])/i, 'font-size:0'],
  [/(?:left|top)\s*:\s*-\s*\d{3,}px/i, '移出可视区域'],
  [/(?:height|width)\s*:\s*0(?:px)?\s*;[^"]*overflow\s*:\s*hidden|overflow\s*:\s*hidden\s*;[^"]*(?:height|width)\s*:\s*0(?![.\d])/i, '尺寸为 0'],
];

/**
 * Hosts whose links are routinely hidden in pop-ups and drop-downs of government pages (friendly
 * links, the error-report and conac badges, ICP records): government and public-service domains,
 * and raw IPs (the error-report platform's mirror). A hidden link elsewhere is what black-hat SEO
 * injects (gambling, pharmacy), which the checklist names under 安全、泄密等严重问题.
 */
const TRUSTED_HOST = /(?:^|\.)(?:gov\.cn|gov|conac\.cn|beian\.gov\.cn|miit\.gov\.cn|kaipuyun\.cn|12377\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|cctv\.com|cntv\.cn|qstheory\.cn|gmw\.cn|chinadaily\.com\.cn|cpc\.people\.com\.cn|12371\.cn|creditchina\.gov\.cn)$|^\d{1,3}(?:\.\d{1,3}){3}$/i;

/**
 * What injected links advertise: gambling, lotteries, sex, fake invoices and certificates, game
 * private servers. Hidden tabs, drop-downs and share widgets hide ordinary off-site links on most
 * real pages (see the real-page test), so hiding alone is no evidence; hiding plus this is.
 */
const SPAM = /博彩|赌|投注|下注|娱乐城|百家乐|时时彩|六合彩|棋牌|老虎机|真人视讯|葡京|威尼斯人|代孕|代开发票|发票代开|假证|私服|外挂|色情|\b(?:av\d|casino|bet\d*|poker|baccarat|lottery|porn|sex|viagra|pharmacy)|touzhu|bocai|duchang|baijiale/i;

/**
 * Off-site links a visitor cannot see that advertise spam (SPAM), to hosts outside government and
 * public-service domains: what black-hat SEO injects into hacked sites.
 */
export function readHiddenLinks($: CheerioAPI, pageUrl: string): HiddenLink[] {
  const loc = locator($);
  const out: HiddenLink[] = [];
  for (const el of named($, 'a')) {
    const href = el.attribs.href;
    const url = href === undefined ? undefined : resolveLink(href, pageUrl);
    if (!url || sameSite(url, pageUrl)) continue;
    const host = new URL(url).hostname;
    const text = textOf(el).replace(/\s+/g, ' ').trim().slice(0, 80);
    if (TRUSTED_HOST.test(host) || !(SPAM.test(text) || SPAM.test(host))) continue;
    const how = hiddenBy(el);
    if (!how) continue;
    const where = loc.where(el as unknown as Node, text);
    out.push({ url, text, how, ...(where ? { where } : {}) });
  }
  return out;
}

/** How an element or one of its ancestors is hidden by inline style or the hidden attribute, if it is. */
function hiddenBy(el: Element): string | undefined {
  for (let node: ParentNode | null = el; node && node.type === 'tag'; node = node.parent) {
    const e = node as Element;
    if (e.attribs.hidden !== undefined) return 'hidden 属性';
    const style = e.attribs.style;
    if (style) for (const [re, name] of HIDING) if (re.test(style)) return name;
  }
  return undefined;
}
