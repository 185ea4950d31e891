// The other pages of a column list: the links of its pagers, and the pages a pager script names
// (TRS createPageHTML, a jQuery pager's totalPage).
import { resolveLink } from '../urls.ts';
import { attr, escapeRe, isElement, linksIn, textOf, tidy, words, type Node } from './node.ts';
import { scriptsText, type Info, type Page } from './model.ts';

/** Text of a pager link: 下一页, 尾页, 2, ». */
const PAGER_TEXT = /^(\d{1,4}|下一页|下页|上一页|上页|首页|尾页|末页|最后一页|第一页|next|prev|previous|last|first|[»«›‹>]{1,2}|<{1,2})$/i;
/** A pager link target: index_2.html, list_3.shtml, ?page=2. */
const PAGER_HREF = /(^|\/)(index|list|default|more)_\d+\.\w+$|[?&](page|pageno|pageindex|p|pn|curpage|currentpage|cpage|pagenum|pagenumber)=\d+/i;
/** Class or id words of a pager. */
const PAGER_WORDS = new Set(['page', 'pages', 'pager', 'pagination', 'paging', 'fenye', 'pagebar', 'pagenav', 'pagelist', 'turnpage', 'fy']);

/** A pager is small: a wrapper of the whole page classed "page" holds the menu's 首页 too. */
const isSmall = (info: Info | undefined) => !!info && info.links <= 40 && info.textLen <= 400;

/** The links of the pagers: containers whose class or id says so, or that hold a 下一页 / 尾页 link. */
function pagerLinks(page: Page): Node[] {
  const out: Node[] = [];
  const containers = new Set<Node>();
  for (const [el, info] of page.info) {
    if (!isElement(el) || info.links === 0 || info.navLike) continue;
    if (isSmall(info) && words(el).some((w) => PAGER_WORDS.has(w))) containers.add(el);
    if (el.name === 'a' && el.parent && /^(下一页|下页|尾页|末页|最后一页)$/.test(tidy(textOf(el)))) {
      // The link may sit alone in a <span> or <li>: its container is then one level up.
      const up = page.info.get(el.parent)!.links < 2 && el.parent.parent ? el.parent.parent : el.parent;
      if (isSmall(page.info.get(up))) containers.add(up);
    }
  }
  for (const c of containers) {
    for (const a of linksIn(c)) {
      const text = tidy(textOf(a)).replace(/[\s[\]]/g, '');
      const href = (attr(a, 'href') ?? '').trim();
      if (PAGER_TEXT.test(text) || PAGER_HREF.test(href.split('#')[0] ?? '')) out.push(a);
    }
  }
  return out;
}

/** The resolved value of a number or of a `var name = number` in the scripts. */
function scriptNumber(token: string, scripts: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const m = new RegExp(`\\b${escapeRe(token)}\\s*=\\s*(\\d+)`).exec(scripts);
  return m ? Number(m[1]) : undefined;
}

/** Most list pages a script pager can name; beyond this the crawler would never read them anyway. */
const MAX_SCRIPT_PAGES = 1000;

/**
 * List pages named only by script: the TRS createPageHTML(count, current, "index", "html") makes
 * index.html, index_1.html … index_{count-1}.html; the jQuery pager of wsjkw.sh.gov.cn
 * (totalPage: 54, location.href = 'index_' + i + '.html', page 1 being index.html) makes
 * index_2.html … index_54.html.
 */
function scriptPages(page: Page): string[] {
  const scripts = scriptsText(page);
  const out: string[] = [];
  const trs = /createPageHTML\(\s*([\w.]+)\s*,\s*([\w.]+)\s*,\s*["']([\w.-]+)["']\s*,\s*["'](\w+)["']/.exec(scripts);
  if (trs) {
    const count = Math.min(scriptNumber(trs[1]!, scripts) ?? 0, MAX_SCRIPT_PAGES);
    const current = scriptNumber(trs[2]!, scripts);
    for (let k = 0; k < count; k++) {
      if (k !== current) out.push(`${trs[3]}${k === 0 ? '' : `_${k}`}.${trs[4]}`);
    }
  }
  const total = /totalPage\s*:\s*(\d+)/.exec(scripts);
  const template = /['"]([\w-]+)_['"]\s*\+\s*\w+\s*\+\s*['"](\.\w+)['"]/.exec(scripts);
  if (total && template) {
    const count = Math.min(Number(total[1]), MAX_SCRIPT_PAGES);
    for (let i = 2; i <= count; i++) out.push(`${template[1]}_${i}${template[2]}`);
  }
  return out;
}

/** Absolute URLs of the other pages of a list, in page order, without the page itself. */
export function pagination(page: Page, pageUrl: string): string[] {
  const self = new Set([pageUrl, resolveLink(pageUrl, pageUrl) ?? pageUrl]);
  if (pageUrl.endsWith('/')) for (const ext of ['html', 'htm', 'shtml']) self.add(`${pageUrl}index.${ext}`);
  const out: string[] = [];
  const add = (href: string | undefined) => {
    const url = resolveLink(href, page.base);
    if (url && !self.has(url) && !out.includes(url)) out.push(url);
  };
  for (const a of pagerLinks(page)) add(attr(a, 'href'));
  for (const p of scriptPages(page)) add(p);
  return out;
}
