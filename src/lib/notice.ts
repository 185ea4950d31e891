// Wording of the quarterly notice (通报) that is not a figure: its title and how many sites a
// paragraph of 二、主要问题 names.
import { quarterName } from './quarters.ts';

/** 关于2026年第四季度政府网站检查情况的通报 */
export function noticeTitle(quarter: string): string {
  return `关于${quarterName(quarter)}政府网站检查情况的通报`;
}

/** （一）（二）… numbering of the notice's sub-items. */
export const CHINESE_ORDINALS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十'];

/** Sites a paragraph of 二、主要问题 names before 等 N 个网站: every site is in 附件1 or the score table. */
export const NAMED_SITES = 30;

/** The sites to name in the text and how many are left to "等". */
export function namedSites<T>(sites: readonly T[], limit = NAMED_SITES): { shown: T[]; more: number } {
  return { shown: sites.slice(0, limit), more: Math.max(0, sites.length - limit) };
}
