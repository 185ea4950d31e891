// A deliberately simple reference crawler, used by the sandbox's own tests to prove that the
// ground truth matches what the served web really does. Not the product's crawler. It reads pages
// as a browser shows them, running the sandbox's own scripts (reference-browser.ts).
import * as cheerio from 'cheerio';
import { ProxyAgent, request } from 'undici';
import { decodeHtml, showPage, type Resource, type Shown } from './reference-browser.ts';
import { withoutSessionIds } from './respond.ts';

export { decodeHtml } from './reference-browser.ts';

/** A browser User-Agent (the ua-403 page only refuses the inspector's). */
export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request through the sandbox proxy; network failures and timeouts come back as strings. */
export async function fetchVia(
  agent: ProxyAgent,
  url: string,
  opts: { method?: 'GET' | 'HEAD'; ua?: string; timeoutMs?: number } = {},
): Promise<Fetched | string> {
  const timeoutMs = opts.timeoutMs ?? 1500;
  try {
    const res = await request(url, {
      dispatcher: agent,
      method: opts.method ?? 'GET',
      headers: { 'user-agent': opts.ua ?? BROWSER_UA },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs * 2),
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    return { status: res.statusCode, headers, body };
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

/**
 * A page as a browser shows it (showPage), reading through the proxy: the synchronous reference
 * browser runs against a cache, and what it missed is fetched before it runs again. `fetched` is
 * the page's response when the caller has it; `cache` may be shared by the pages of a site (its
 * scripts and JSON files are read once).
 */
export async function showPageVia(
  agent: ProxyAgent,
  url: string,
  fetched?: Fetched,
  cache = new Map<string, Resource | undefined>(),
): Promise<Shown | undefined> {
  if (fetched) cache.set(url, resource(fetched));
  for (let round = 0; round < 8; round++) {
    const missing = new Set<string>();
    const shown = showPage(url, (u) => {
      if (cache.has(u)) return cache.get(u);
      missing.add(u);
      return undefined;
    });
    if (missing.size === 0) return shown;
    await Promise.all([...missing].map(async (u) => {
      const res = await fetchVia(agent, u);
      cache.set(u, typeof res === 'string' ? undefined : resource(res));
    }));
  }
  throw new Error(`${url}: still reading new resources after 8 rounds`);
}

function resource(f: Fetched): Resource {
  return { status: f.status, contentType: f.headers['content-type'] ?? '', body: f.body };
}

/** 'ok' or why the link is broken, following redirects and retrying 503/429 once. */
export async function checkLink(agent: ProxyAgent, url: string, ua = BROWSER_UA): Promise<string> {
  let current = url;
  const seen = new Set([url]);
  let retried = false;
  for (let hop = 0; hop < 8; hop++) {
    const res = await fetchVia(agent, current, { ua });
    if (typeof res === 'string') return res;
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      const from = new URL(current);
      current = new URL(res.headers.location, current).href;
      // A deep link sent to its site's home page: the page it named is gone.
      if (from.pathname !== '/' && new URL(current).pathname === '/' && new URL(current).host === from.host) return 'redirected home';
      if (seen.has(current)) return 'redirect loop';
      seen.add(current);
      continue;
    }
    if ((res.status === 503 || res.status === 429) && !retried) {
      retried = true;
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers['retry-after'] ?? 1)));
      hop--;
      continue;
    }
    if (res.status >= 400) return `HTTP ${res.status}`;
    if ((res.headers['content-type'] ?? '').startsWith('text/html')) {
      const $ = cheerio.load(decodeHtml(res.body, res.headers['content-type'] ?? ''));
      if (/^404\b/.test($('title').text().trim()) || $('body').text().includes('页面不存在')) return 'soft 404';
    }
    return 'ok';
  }
  return 'too many redirects';
}

/** Links of a page: a[href], img[src], link[href], script[src]; absolute, without fragment. */
export function linksOf(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  const out: string[] = [];
  $('a[href], link[href]').each((_, el) => {
    out.push($(el).attr('href') ?? '');
  });
  $('img[src], script[src], iframe[src]').each((_, el) => {
    out.push($(el).attr('src') ?? '');
  });
  const abs: string[] = [];
  for (const raw of out) {
    const href = raw.trim();
    if (href === '' || /^(mailto|javascript|tel|data):/i.test(href)) continue;
    let u: URL;
    try {
      u = new URL(href, pageUrl);
    } catch {
      continue;
    }
    u.hash = '';
    // A session id makes every answer's links new URLs of the same pages: read without it.
    abs.push(withoutSessionIds(u.href));
  }
  return abs;
}

/** What a crawl of one site saw. */
export interface ProbeResult {
  pages: string[];
  /** Every distinct link → the first page that referred to it (breadth-first from the home page). */
  links: Map<string, string>;
  /** Links skipped because robots.txt disallows them. */
  disallowed: string[];
}

/** Breadth-first crawl of one site's HTML pages (same host, robots.txt respected). */
export async function probeSite(agent: ProxyAgent, home: string, maxPages = 200): Promise<ProbeResult> {
  const origin = new URL(home).origin;
  const robots = await fetchVia(agent, `${origin}/robots.txt`);
  const disallow = typeof robots === 'string'
    ? []
    : robots.body.toString('utf8').split('\n').filter((l) => /^disallow:\s*\S/i.test(l)).map((l) => l.replace(/^disallow:\s*/i, '').trim());
  const blocked = (u: string): boolean => {
    const p = decodeURIComponent(new URL(u).pathname);
    return disallow.some((d) => p.startsWith(d));
  };
  const links = new Map<string, string>();
  const pages: string[] = [];
  const disallowed = new Set<string>();
  const queue = [home];
  const queued = new Set(queue);
  const resources = new Map<string, Resource | undefined>();
  while (queue.length > 0 && pages.length < maxPages) {
    const page = queue.shift() as string;
    const res = await fetchVia(agent, page);
    if (typeof res === 'string' || res.status !== 200 || !(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
    // What a browser shows: scripts run, frames and a script redirect's target are this page.
    const shown = await showPageVia(agent, page, res, resources);
    if (!shown) continue;
    for (const u of shown.read) queued.add(u);
    const html = shown.html;
    if (cheerio.load(html)('title').text().trim() === '404') continue;
    pages.push(page);
    for (const link of linksOf(html, shown.url)) {
      if (!links.has(link)) links.set(link, page);
      if (!link.startsWith(`${origin}/`) || queued.has(link)) continue;
      if (blocked(link)) {
        disallowed.add(link);
        continue;
      }
      if (!/(\/|\.html?|\.shtml)$/.test(new URL(link).pathname)) continue;
      queued.add(link);
      queue.push(link);
    }
  }
  return { pages, links, disallowed: [...disallowed] };
}
