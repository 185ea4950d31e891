// The portal's own link checker: every HTML file of a build, served as GitHub Pages serves it, and
// every internal reference in it (pages, assets, anchors) must resolve. External links are not
// fetched: they are the crawler's business, and a build check must not depend on the internet.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { Pool } from 'undici';
import { anchorExists, decodeFragment, extractReferences } from './references.ts';
import { normalizeBase, serveStatic } from './serve.ts';

export interface LinkCheckOptions {
  /** The built folder (dist/). */
  dir: string;
  /** The base path the build was made for, as BASE_PATH: '/' or '/gov-portal'. */
  base: string;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  /** Called as pages and link targets are done; the checker itself never prints. */
  onProgress?: (progress: LinkCheckProgress) => void;
}

export interface LinkCheckProgress {
  phase: 'pages' | 'targets';
  done: number;
  total: number;
}

/** Why a link is broken. */
export type BrokenReason =
  /** The target answered with a non-2xx status (after redirects within the site). */
  | { reason: 'status'; status: number }
  /** The link leaves the base path: on GitHub Pages that is another site (the owner's). */
  | { reason: 'outside-base' }
  /** The target page has no element with the fragment's id (nor an a[name]); anchor is percent-decoded. */
  | { reason: 'missing-anchor'; anchor: string }
  /** A redirect leaves the site, or redirects do not end. */
  | { reason: 'redirect'; detail: string }
  /** The link cannot be parsed as a URL. */
  | { reason: 'invalid-url' }
  /** The request itself failed (the server closed, a timeout). */
  | { reason: 'error'; message: string };

/** One broken reference on one page. */
export type BrokenLink = {
  /** The HTML file, relative to dir with '/': 'sites/linhe/index.html'. */
  page: string;
  /** The reference as written in the page ('' when the page itself could not be fetched). */
  link: string;
  /** Where it leads on the server, path and query and fragment: '/gov-portal/sites/linhe/#2026-Q4'. */
  resolved: string;
} & BrokenReason;

/** What one run found. Deterministic for one build: no ports, no times. */
export interface LinkReport {
  /** The normalised base path: '/gov-portal/'. */
  base: string;
  /** HTML files checked. */
  pages: number;
  /** Internal references checked, counted once per page and target. */
  links: number;
  /** Distinct internal URLs (without fragment) under the base that the pages reference. */
  urls: number;
  /** References to other origins, counted once per page: not fetched. */
  external: number;
  /** mailto:, tel:, javascript:, data: and other non-http references: not checked. */
  ignored: number;
  /** Sorted by page, link, resolved. */
  broken: BrokenLink[];
}

// ---------------------------------------------------------------------------------------------
// Checking: the server, the pages, then each distinct target once.

/** An internal reference of one page. */
interface Ref {
  raw: string;
  /** pathname + search on the server: the cache key of the target. */
  key: string;
  /** '' or the fragment without '#', as in the URL (percent-encoded). */
  fragment: string;
  hasFragment: boolean;
}

interface PageResult {
  file: string;
  refs: Ref[];
  /** References that cannot be resolved at all. */
  invalid: string[];
  /** The page could not be fetched: its own status or error. */
  failed?: BrokenReason;
}

type Target = { ok: true; finalPath: string; html: boolean; ids?: ReadonlySet<string> } | { ok: false; broken: BrokenReason };

const MAX_REDIRECTS = 10;

/** The HTML files under dir, sorted, '/'-separated; dot folders are left out as the server leaves them out. */
export function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.html?$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !/(^|\/)\./.test(f))
    .sort();
}

/** The URL path a file is served at ('a/index.html' → '/base/a/') and every other path that serves it. */
function pagePaths(file: string, mountBase: string, origin: string): { canonical: string; aliases: string[] } {
  // Encoded as the URL parser encodes a link to the file written plainly, so the two forms meet.
  const path = (p: string) => new URL(mountBase + p.replace(/[%#?\\]/g, encodeURIComponent), origin).pathname;
  if (file === 'index.html' || file.endsWith('/index.html')) {
    const dirPath = file.slice(0, -'index.html'.length);
    return { canonical: path(dirPath), aliases: [path(file)] };
  }
  return { canonical: path(file), aliases: /\.html$/.test(file) ? [path(file.slice(0, -5))] : [] };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One shared, detached copy of each string kept past its page. The parser's strings are slices of
 * the page's HTML, and a slice holds the whole page alive: on 20,000 pages that is the whole site.
 */
function interner(): (s: string) => string {
  const table = new Map<string, string>();
  return (s) => {
    let v = table.get(s);
    if (v === undefined) {
      // Concatenating and slicing makes V8 copy the characters into a new string.
      v = (' ' + s).slice(1);
      table.set(v, v);
    }
    return v;
  };
}

/** The served build under check: where each page lives and what it serves, shared by the three steps. */
interface Served {
  /** The built site's folder. */
  dir: string;
  origin: string;
  /** The base with its trailing slash ('/gov-portal/'), and without ('/gov-portal'). */
  mountBase: string;
  mount: string;
  pool: Pool;
  limit: LimitFunction;
  /** Pages by every path that serves them; ids are filled in as each page is parsed. */
  pageByPath: Map<string, { ids?: ReadonlySet<string> }>;
  canonicalOf: Map<string, string>;
  intern: (s: string) => string;
  onProgress: ((progress: LinkCheckProgress) => void) | undefined;
}

const request = (s: Served, path: string, method: 'GET' | 'HEAD') => s.pool.request({ path, method, headers: { 'user-agent': 'gov-portal-link-check' } });

/** Whether a path (with or without its query) is under the base: /gov-portal redirects to /gov-portal/. */
const isInside = (s: Served, path: string) => path.startsWith(s.mountBase) || path === s.mount || path.startsWith(`${s.mount}?`);

/** Step 1: one page fetched through the server and parsed once: its references and its ids. */
async function readPage(s: Served, file: string, counts: { external: number; ignored: number }): Promise<PageResult> {
  const canonical = s.canonicalOf.get(file)!;
  const result: PageResult = { file, refs: [], invalid: [] };
  try {
    const res = await request(s, canonical, 'GET');
    if (res.statusCode !== 200) {
      await res.body.dump();
      result.failed = { reason: 'status', status: res.statusCode };
      return result;
    }
    const extracted = extractReferences(await res.body.text());
    s.pageByPath.get(canonical)!.ids = new Set([...extracted.ids].map(s.intern));
    const pageUrl = new URL(canonical, s.origin);
    const baseUrl = (extracted.baseHref !== undefined && URL.parse(extracted.baseHref, pageUrl)) || pageUrl;
    const seen = new Set<string>();
    for (const raw of extracted.refs) {
      const u = URL.parse(raw, baseUrl);
      if (!u) {
        result.invalid.push(s.intern(raw));
        continue;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') counts.ignored++;
      else if (u.origin !== s.origin) counts.external++;
      else {
        const key = s.intern(u.pathname + u.search);
        if (seen.has(key + u.hash)) continue;
        seen.add(key + u.hash);
        result.refs.push({ raw: s.intern(raw), key, fragment: u.hash.slice(1), hasFragment: u.hash !== '' || raw.endsWith('#') });
      }
    }
  } catch (e) {
    result.failed = { reason: 'error', message: (e as Error).message };
  }
  return result;
}

/** Step 2, one target: HEAD, following redirects within the site; GET and parse an HTML target only when anchors need its ids. */
async function fetchTarget(s: Served, key: string, wantIds: boolean): Promise<Target> {
  let path = key;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res = await request(s, path, 'HEAD');
    if (res.statusCode === 405 || res.statusCode === 501) {
      await res.body.dump();
      res = await request(s, path, 'GET');
    }
    await res.body.dump();
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      const next = URL.parse(location, s.origin + path);
      if (!next || next.origin !== s.origin) return { ok: false, broken: { reason: 'redirect', detail: `redirects off the site to ${location}` } };
      if (!isInside(s, next.pathname)) return { ok: false, broken: { reason: 'outside-base' } };
      path = next.pathname + next.search;
      continue;
    }
    if (res.statusCode < 200 || res.statusCode >= 300) return { ok: false, broken: { reason: 'status', status: res.statusCode } };
    const html = /^text\/html\b/i.test(String(res.headers['content-type'] ?? ''));
    if (!html || !wantIds || s.pageByPath.get(new URL(path, s.origin).pathname)?.ids) return { ok: true, finalPath: path, html };
    const page = await request(s, path, 'GET');
    if (page.statusCode !== 200) {
      await page.body.dump();
      return { ok: false, broken: { reason: 'status', status: page.statusCode } };
    }
    return { ok: true, finalPath: path, html, ids: extractReferences(await page.body.text()).ids };
  }
  return { ok: false, broken: { reason: 'redirect', detail: `more than ${MAX_REDIRECTS} redirects` } };
}

/** Whether a target under the base is a plain file of the built folder (not a page's folder, no query). */
function plainFile(s: Served, key: string): boolean {
  if (!key.startsWith(s.mountBase) || key.endsWith('/') || key.includes('?') || /\.html?$/i.test(key)) return false;
  let rel: string;
  try {
    rel = decodeURIComponent(key.slice(s.mountBase.length));
  } catch {
    return false;
  }
  if (rel.split('/').some((part) => part === '..' || part === '.' || part === '')) return false;
  return statSync(join(s.dir, ...rel.split('/')), { throwIfNoEntry: false })?.isFile() === true;
}

/**
 * Step 2: each distinct target under the base once. A page the run has read is known to open and
 * its ids are known; any other HTML target that an anchor points into is fetched and parsed.
 */
async function checkTargets(s: Served, pages: readonly PageResult[]): Promise<{ results: Map<string, Target>; urls: number }> {
  const wantIds = new Set<string>();
  const keys = new Set<string>();
  for (const p of pages) {
    for (const r of p.refs) {
      if (!isInside(s, r.key)) continue;
      keys.add(r.key);
      if (r.fragment) wantIds.add(r.key);
    }
  }
  const read = new Set(pages.filter((p) => !p.failed).map((p) => s.canonicalOf.get(p.file)!));
  const results = new Map<string, Target>([...read].map((k): [string, Target] => [k, { ok: true, finalPath: k, html: true }]));
  // A plain file (a feed, a JSON, a CSV: no query, no anchor wanted) that is in the folder is served as
  // it is, 200 with no redirect, by GitHub Pages and by serve.ts alike: its presence is its check,
  // which spares a request for each of a large portal's 30,000 feeds and data files.
  for (const k of keys) if (!read.has(k) && !wantIds.has(k) && plainFile(s, k)) results.set(k, { ok: true, finalPath: k, html: false });
  const pending = [...keys].filter((k) => !results.has(k));
  let done = 0;
  await Promise.all(
    pending.map((key) =>
      s.limit(async () => {
        try {
          results.set(key, await fetchTarget(s, key, wantIds.has(key)));
        } catch (e) {
          results.set(key, { ok: false, broken: { reason: 'error', message: (e as Error).message } });
        } finally {
          s.onProgress?.({ phase: 'targets', done: ++done, total: pending.length });
        }
      }),
    ),
  );
  return { results, urls: keys.size };
}

/** Step 3: every reference of every page against what its target turned out to be; sorted. */
function brokenLinks(s: Served, pages: readonly PageResult[], results: ReadonlyMap<string, Target>): { broken: BrokenLink[]; links: number } {
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const p of pages) {
    if (p.failed) broken.push({ page: p.file, link: '', resolved: s.canonicalOf.get(p.file)!, ...p.failed });
    for (const raw of p.invalid) broken.push({ page: p.file, link: raw, resolved: '', reason: 'invalid-url' });
    for (const r of p.refs) {
      links++;
      const resolved = r.key + (r.hasFragment ? `#${r.fragment}` : '');
      if (!isInside(s, r.key)) {
        broken.push({ page: p.file, link: r.raw, resolved, reason: 'outside-base' });
        continue;
      }
      const t = results.get(r.key)!;
      if (!t.ok) {
        broken.push({ page: p.file, link: r.raw, resolved, ...t.broken });
        continue;
      }
      if (!r.fragment || !t.html) continue;
      const ids = t.ids ?? s.pageByPath.get(new URL(t.finalPath, s.origin).pathname)?.ids;
      if (ids && !anchorExists(r.fragment, ids)) broken.push({ page: p.file, link: r.raw, resolved, reason: 'missing-anchor', anchor: decodeFragment(r.fragment) });
    }
  }
  broken.sort((a, b) => compare(a.page, b.page) || compare(a.link, b.link) || compare(a.resolved, b.resolved));
  return { broken, links };
}

/** Check every internal reference of every HTML file under dir, served under base. */
export async function checkLinks({ dir, base, concurrency = 16, onProgress }: LinkCheckOptions): Promise<LinkReport> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`checkLinks: concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const mountBase = normalizeBase(base);
  const files = listHtmlFiles(dir);
  const server = await serveStatic({ dir, base: mountBase });
  const { origin } = server;
  const s: Served = {
    dir,
    origin,
    mountBase,
    mount: mountBase.slice(0, -1),
    pool: new Pool(origin, { connections: concurrency, headersTimeout: 30_000, bodyTimeout: 30_000 }),
    limit: pLimit(concurrency),
    pageByPath: new Map(),
    canonicalOf: new Map(),
    intern: interner(),
    onProgress,
  };
  try {
    // Pages reached by their canonical path, and what each serves: a known page needs no second request.
    for (const file of files) {
      const { canonical, aliases } = pagePaths(file, mountBase, origin);
      const entry = {};
      s.canonicalOf.set(file, canonical);
      for (const p of [canonical, ...aliases]) if (!s.pageByPath.has(p)) s.pageByPath.set(p, entry);
    }
    const counts = { external: 0, ignored: 0 };
    let done = 0;
    const pages = await Promise.all(
      files.map((file) =>
        s.limit(async () => {
          const page = await readPage(s, file, counts);
          onProgress?.({ phase: 'pages', done: ++done, total: files.length });
          return page;
        }),
      ),
    );
    const { results, urls } = await checkTargets(s, pages);
    const { broken, links } = brokenLinks(s, pages, results);
    return { base: mountBase, pages: files.length, links, urls, external: counts.external, ignored: counts.ignored, broken };
  } finally {
    await s.pool.close();
    await server.close();
  }
}
