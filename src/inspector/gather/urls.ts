// Link URLs as the crawler reads them: resolved against the page, and compared by site.

const SKIP_SCHEME = /^(mailto|tel|javascript|data|about|sms|weixin|ftp|file|vbscript):/i;

/**
 * Links already resolved, by base and value: a page's readers resolve the same links (every link for
 * the crawl, then its hidden ones, its menu, its lists). Bounded: emptied when full.
 */
const MAX_RESOLVED = 20_000;
const resolved = new Map<string, string | null>();

/** Resolve an attribute value against the page; undefined for links that lead nowhere to check. */
export function resolveLink(raw: string | undefined, base: string): string | undefined {
  if (raw === undefined) return undefined;
  const key = `${base}\n${raw}`;
  const known = resolved.get(key);
  if (known !== undefined) return known ?? undefined;
  const url = resolveOnce(raw, base);
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(key, url ?? null);
  return url;
}

function resolveOnce(raw: string, base: string): string | undefined {
  const href = raw.trim();
  if (href === '' || href.startsWith('#') || SKIP_SCHEME.test(href)) return undefined;
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return withoutSession(u).href;
  } catch {
    return undefined;
  }
}

/** A host as sites compare it: lower case, without a leading www. */
const siteHost = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');

/** Same site: the same host, with or without a leading www. */
export function sameSite(a: string, b: string): boolean {
  return siteHost(new URL(a)) === siteHost(new URL(b));
}

/** A URL prefix (an entity's folder, from entityPrefix), parsed once to test many URLs against. */
export interface Prefix {
  host: string;
  path: string;
}

export function prefixOf(prefix: string): Prefix {
  const u = new URL(prefix);
  return { host: siteHost(u), path: u.pathname };
}

/** A URL under a prefix: the same site, and a path that starts with the prefix's. */
export function underPrefix(u: URL, p: Prefix): boolean {
  return siteHost(u) === p.host && u.pathname.startsWith(p.path);
}

/** Query parameters that carry a visitor's session, not a page: the same page under every value. */
const SESSION_PARAM = /^(?:jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|sid|cfid|cftoken|token)$/i;

/** A URL without its session: `;jsessionid=…` path parameters and session query parameters removed. */
export function withoutSession(u: URL): URL {
  if (/;jsessionid=/i.test(u.pathname)) u.pathname = u.pathname.replace(/;jsessionid=[^/;?]*/gi, '');
  // Most URLs have no query: their search parameters are not parsed.
  if (u.search !== '') for (const key of [...u.searchParams.keys()]) if (SESSION_PARAM.test(key)) u.searchParams.delete(key);
  if (u.search === '?') u.search = '';
  return u;
}

/**
 * The shape of a URL where it carries a date or a day count: the host, the path and the query keys
 * with every date (2026-11-21, 20261121, 2026/11/21) and the values of date-like keys (date, day,
 * year, month, ym, riqi) replaced. A calendar links endless URLs of one shape; undefined for a URL
 * with no date in it (articles and list pages keep their own budget: the page cap).
 */
export function dateShape(url: string): string | undefined {
  const u = new URL(url);
  const DATE = /(?:19|20)\d{2}[-/_.]?(?:0[1-9]|1[0-2])[-/_.]?(?:0[1-9]|[12]\d|3[01])/g;
  let dated = false;
  const path = u.pathname.replace(DATE, () => ((dated = true), '#date'));
  const keys = [...u.searchParams.entries()]
    .map(([k, v]) => {
      if (/^(?:date|day|d|year|y|month|m|ym|ymd|riqi|rq|time)$/i.test(k) || DATE.test(v)) {
        DATE.lastIndex = 0;
        dated = true;
        return `${k}=#`;
      }
      return `${k}=${v}`;
    })
    .sort();
  return dated ? `${u.host}${path}?${keys.join('&')}` : undefined;
}

/**
 * A path in which one segment occurs three times (/zwgk/zwgk/zwgk/, /a/b/a/b/a/): relative links on a
 * server that answers any path, each page linking one level deeper without end, in any order. Real
 * paths repeat a segment at most twice (/xxgk/xxgk/).
 */
export function repeatsItself(url: string): boolean {
  const seen = new Map<string, number>();
  for (const seg of new URL(url).pathname.split('/')) {
    if (seg === '') continue;
    const n = (seen.get(seg) ?? 0) + 1;
    if (n >= 3) return true;
    seen.set(seg, n);
  }
  return false;
}
