// What a column's name looks like. Headings, menu entries and breadcrumbs all offer text that may
// name a column; these say which text does, and which link targets are articles, not columns.
import { tidy } from './node.ts';
import { EMPTY_TEXT } from './model.ts';

/** Headings of link boxes that are never columns. */
const NOT_COLUMN = /^(友情链接|相关链接|网站导航|网站地图|快速通道|便民链接|政府网站|部门网站|相关网站|链接|关闭|设为首页|加入收藏|收藏本站|返回顶部|打印本页|关闭窗口|登录|注册|搜索)$/;
/** Link targets of single articles, never of a column (t20180316_123.html, content_5274393.htm). */
export const ARTICLE_URL = /\/t\d{8}_\d+|content_\d+|\/art\/\d{4}\/|[?&]articleid=|\/\d{4}-\d{2}\/\d{2}\/|\/\d{6}\/[^/]*\d{5,}[^/]*\.s?html?$/i;
/** Breadcrumb and menu entries that are not columns. */
export const NOT_CRUMB = /^(首页|网站首页|主页|home|正文|正文内容|内容|详情|详细内容|文章内容|浏览文章)$/i;

/** A heading's text without 更多, >>, MORE, brackets or spaces between Chinese characters. */
export function cleanName(s: string): string {
  return tidy(s)
    .replace(/[[【(（]?(查看)?更多(信息|内容|新闻|文章)?[>›»》+]*[\]】)）]?|\bmore\b\s*[>›»+]*/gi, ' ')
    .replace(/[>›»》]+|^\+|\+$/g, ' ')
    .replace(/^[\s|｜·•:：\-—]+|[\s|｜·•\-—]+$/g, '')
    .trim()
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
}

/** A plausible column name: short, not a date or a number, not a link box. */
export function isColumnName(name: string): boolean {
  if (name.length < 2 || name.length > 16) return false;
  // Headlines, not headings: a year, sentence punctuation, quotes or brackets.
  if (/^[\d\s\p{P}\p{S}]*$/u.test(name) || /\d{4}|[，。！？：:；、《》“”"「」[\]【】]/.test(name) || NOT_COLUMN.test(name) || EMPTY_TEXT.test(name)) return false;
  return name !== '首页' && name !== '网站首页';
}
