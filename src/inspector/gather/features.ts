// Site features the national checklist asks for, read from one page: the site search, the
// 我为政府网站找错 entry, and links hidden from visitors. Pure over the loaded document; no mutation.
import type { CheerioAPI } from 'cheerio';
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
  const describe = (el: Parameters<CheerioAPI>[0]) => {
    const $el = $(el);
    return ['name', 'id', 'class', 'placeholder', 'title', 'value'].map((a) => $el.attr(a) ?? '').join(' ');
  };
  // Where: the search box, with its prompt (placeholder or title) as its text.
  const add = (action: string, method: 'get' | 'post', field: string, box: Parameters<CheerioAPI>[0], script?: SearchForm['script']) => {
    const key = `${method} ${action} ${field}`;
    if (seen.has(key)) return;
    seen.add(key);
    const $box = $(box);
    const where = loc.where(box as unknown as Node, ($box.attr('placeholder') || $box.attr('title') || '').replace(/\s+/g, ' ').trim());
    out.push({ action, method, field, ...(where ? { where } : {}), ...(script ? { script } : {}) });
  };
  $('form').each((_, form) => {
    const $form = $(form);
    if ($form.find('input[type="password" i]').length) return;
    const inputs = $form.find(TEXT_INPUTS).toArray();
    // A look-up form with several text fields (title, document number, date) is not a site search.
    if (inputs.length === 0 || inputs.length > 2) return;
    const formWords = `${$form.attr('action') ?? ''} ${$form.attr('id') ?? ''} ${$form.attr('name') ?? ''}`;
    const field = inputs.find((i) => SEARCHY.test(describe(i))) ?? (SEARCHY.test(formWords) ? inputs[0] : undefined);
    if (!field || NOT_SEARCH.test(formWords)) return;
    const action = resolveLink($form.attr('action') || pageUrl, pageUrl) ?? pageUrl;
    add(action, ($form.attr('method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get', $(field).attr('name') ?? '', field);
  });
  // Search boxes driven by a script, outside any form (bjft.gov.cn, moe.gov.cn): named so, or an
  // input beside a button, link or image that says search or calls a search function.
  // Where it goes is known only by trying it in a browser: its input's and its trigger's positions
  // among the page's text inputs and controls tell the renderer what to type into and click.
  const inputs = $(TEXT_INPUTS).toArray();
  inputs.forEach((el, input) => {
    if ($(el).closest('form').length) return;
    const words = describe(el);
    if (NOT_SEARCH.test(words)) return;
    const trigger = searchTrigger($, el);
    if (!SEARCHY.test(words) && !trigger) return;
    const at = trigger ? $(TRIGGERS).toArray().indexOf(trigger) : -1;
    add(pageUrl, 'get', $(el).attr('name') ?? '', el, { input, ...(at >= 0 ? { trigger: at } : {}) });
  });
  return out;
}

/** The text fields a search box may be (the renderer counts them the same way). */
export const TEXT_INPUTS = 'input:not([type]), input[type="text" i], input[type="search" i]';

/** A control that starts a search: its text, alt, title, value, class, id, image or script says so. */
const TRIGGER = /搜索|检索|搜\s*索|查询|search|sousuo|jiansuo|dosearch|gosearch|query/i;
/** An element of a loaded page. */
type El = ReturnType<ReturnType<CheerioAPI['root']>['children']>[number];

/** Controls that may start a search (the renderer counts them the same way). */
export const TRIGGERS = 'a, button, input[type="button" i], input[type="submit" i], input[type="image" i], img, span[onclick], div[onclick], i[onclick]';

/**
 * A text input standing next to its search button (returned): a control within the input's box (its parent,
 * or the parent's parent when that box holds only this one text field) that says search. A box
 * with several text fields is a look-up form, not a site search.
 */
function searchTrigger($: CheerioAPI, input: El): El | undefined {
  for (let box = $(input).parent(), level = 0; box.length && level < 2 && !box.is('body, html'); box = box.parent(), level++) {
    if (box.find(TEXT_INPUTS).length > 1) return undefined;
    const found = box
      .find(TRIGGERS)
      .toArray()
      .find((el) => {
        const $el = $(el);
        const said = [$el.text(), ...['alt', 'title', 'value', 'class', 'id', 'src', 'href', 'onclick'].map((a) => $el.attr(a) ?? '')].join(' ');
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
  if ($('script#_jiucuo_, span#_jiucuo_').length) return true;
  let found = false;
  $('a[href], script[src], img[src], iframe[src]').each((_, el) => {
    const url = $(el).attr('href') ?? $(el).attr('src') ?? '';
    if (ERROR_REPORT_URL.test(url)) found = true;
    return !found;
  });
  if (found) return true;
  // The entry written by a script: document.write('<script id="_jiucuo_" …') or an inline loader.
  return $('script:not([src])')
    .toArray()
    .some((el) => /_jiucuo_|zfwzgl\.www\.gov\.cn|exposure\/jiucuo/.test($(el).text()));
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
  $('a[href]').each((_, el) => {
    const url = resolveLink($(el).attr('href'), pageUrl);
    if (!url || sameSite(url, pageUrl)) return;
    const host = new URL(url).hostname;
    const text = $(el).text().replace(/\s+/g, ' ').trim().slice(0, 80);
    if (TRUSTED_HOST.test(host) || !(SPAM.test(text) || SPAM.test(host))) return;
    const how = hiddenBy($, el);
    if (!how) return;
    const where = loc.where(el as unknown as Node, text);
    out.push({ url, text, how, ...(where ? { where } : {}) });
  });
  return out;
}

/** How an element or one of its ancestors is hidden by inline style or the hidden attribute, if it is. */
function hiddenBy($: CheerioAPI, el: Parameters<CheerioAPI>[0]): string | undefined {
  for (let node = $(el); node.length && node[0]!.type === 'tag'; node = node.parent()) {
    if (node.attr('hidden') !== undefined) return 'hidden 属性';
    const style = node.attr('style');
    if (style) for (const [re, name] of HIDING) if (re.test(style)) return name;
  }
  return undefined;
}
