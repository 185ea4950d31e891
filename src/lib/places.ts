// Where on a page a finding's element is, in the words a site's web editor uses: the part of the
// page, what the element shows, and the selector to paste into the browser's developer tools.
import type { Finding, PagePart } from '../schemas/findings.ts';

/** The parts of a page as a web editor names them. */
export const PART_NAMES: Readonly<Record<PagePart, string>> = {
  header: '页面顶部',
  nav: '导航栏',
  body: '页面主体',
  footer: '页面底部',
};

/** A finding's place, worded for the site page: "页面底部 · 链接文字「县政府信息公开」" and the selector apart (shown as code). */
export interface Place {
  /** The page (首页 or its address, when not the finding's own), the part and the text, joined by " · "; "" when none is known. */
  words: string;
  selector: string;
}

/** What an element of each indicator's findings shows, by what it is. */
function textLabel(f: Finding, tag: string): string {
  switch (f.indicator) {
    case 'typo':
      return '所在句子';
    // A forged date names the item showing it; a serious wording error, the sentence around it.
    case 'severe-error':
      return /^\d{4}-\d{2}-\d{2}$/.test(f.target) ? '信息标题' : '所在句子';
    case 'column-blank':
    case 'column-stale':
    case 'data-release-updated':
      return f.where?.part === 'nav' ? '导航栏目' : '栏目标题';
    case 'message-overdue':
    case 'messages-not-public':
    case 'interaction-unresponsive':
      return '留言标题';
    case 'search-missing':
      return '搜索框提示';
  }
  // A link target: a link's text or an image's alt text (the alt text of a link's image is its text too).
  if (f.indicator === 'broken-link' || f.indicator === 'hidden-link') return tag === 'img' ? '图片说明' : '链接文字';
  return '文字';
}

/** The tag of the element a selector ends at (a, img, li…); "" when its last step is an id. */
const lastTag = (selector: string) => /^[a-z][a-z0-9]*/i.exec(selector.split(/\s*>\s*|\s+/).at(-1) ?? '')?.[0].toLowerCase() ?? '';

/**
 * Where on its page a finding's element is, for the site page; undefined for a finding about
 * something missing, which has no element. `home` is the site's home page, named 首页.
 */
export function findingPlace(f: Finding, home: string): Place | undefined {
  const w = f.where;
  if (!w) return undefined;
  const words = [
    w.page !== undefined && w.page !== f.page ? (w.page === home ? '首页' : w.page) : undefined,
    w.part && PART_NAMES[w.part],
    w.text ? `${textLabel(f, lastTag(w.selector))}「${w.text}」` : undefined,
  ].filter((x): x is string => x !== undefined);
  return { words: words.join(' · '), selector: w.selector };
}
