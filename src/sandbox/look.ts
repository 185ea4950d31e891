// A site's look: the CMS template, the charset handling and the compression, rotated by site
// index so that a handful of consecutive sites covers every variant.
import { at, hashString } from './random.ts';
import type { SitePlan } from './types.ts';

/** CMS style: TRS-like <ul> lists, legacy <table> lists, or modern card <div>s. */
export type Template = 'ul' | 'table' | 'cards';
/**
 * How a page's bytes and charset declarations relate: UTF-8 declared in the header; GBK declared
 * in the header; GBK declared as gb2312 only in <meta>; UTF-8 bytes wrongly declared gb2312 in
 * <meta> (a real case); UTF-8 with no declaration at all.
 */
export type Encoding = 'utf8-header' | 'gbk-header' | 'gb2312-meta' | 'utf8-declared-gb2312' | 'utf8-undeclared';
/** Content-Encoding a site uses when the request allows it. */
export type Compression = 'none' | 'gzip' | 'br';

/** Rotated by site index (with a seed offset), so any 3 consecutive sites use all three. */
export const TEMPLATES: readonly Template[] = ['ul', 'table', 'cards'];
/** Rotated by site index, so any 5 consecutive sites use all five. */
export const ENCODINGS: readonly Encoding[] = ['utf8-header', 'gbk-header', 'gb2312-meta', 'utf8-declared-gb2312', 'utf8-undeclared'];
/** Rotated by site index. */
export const COMPRESSIONS: readonly Compression[] = ['gzip', 'none', 'br'];

/** How many items a list page shows. */
export const PAGE_SIZE: Record<Template, number> = { ul: 8, table: 10, cards: 6 };
/** How many items a home block shows. */
export const HOME_BLOCK: Record<Template, number> = { ul: 7, table: 6, cards: 5 };

/** A site's variant of xs: its index shifted by an offset hashed from (seed, key), so neighbours differ and no random stream is drawn. */
export function rot<T>(xs: readonly T[], plan: SitePlan, seed: number, key: string): T {
  return at(xs, (plan.index + (hashString(`${seed}:${key}`) % xs.length)) % xs.length);
}
