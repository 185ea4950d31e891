// Link URLs as the crawler reads them: resolved against the page, and compared by site.

const SKIP_SCHEME = /^(mailto|tel|javascript|data|about|sms|weixin|ftp|file|vbscript):/i;

/** Resolve an attribute value against the page; undefined for links that lead nowhere to check. */
export function resolveLink(raw: string | undefined, base: string): string | undefined {
  if (raw === undefined) return undefined;
  const href = raw.trim();
  if (href === '' || href.startsWith('#') || SKIP_SCHEME.test(href)) return undefined;
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** Same site: the same host, with or without a leading www. */
export function sameSite(a: string, b: string): boolean {
  const host = (u: string) => new URL(u).hostname.toLowerCase().replace(/^www\./, '');
  return host(a) === host(b);
}
