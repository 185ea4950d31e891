// The portal's own link checker: every HTML file of a build, served as GitHub Pages serves it, and
// every internal reference in it (pages, assets, anchors) must resolve. External links are not
// fetched: they are the crawler's business, and a build check must not depend on the internet.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as cheerio from 'cheerio';
import pLimit from 'p-limit';
import { Pool } from 'undici';
import { wholeNumber } from '../cli/args.ts';
import { InputError } from '../store/yaml-file.ts';
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
// Extraction: pure, one parse per page.

/** Element → attributes holding one URL each. Fragments of the same page (href="#x") are references too. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);

/** What one HTML page references and which fragments it can be the target of. */
export interface PageReferences {
  /** The first <base href>, if any: relative references resolve against it. */
  baseHref?: string;
  /** Every URL as written, once each, in document order. */
  refs: string[];
  /** Every id, and every a[name]: what a fragment can point at. */
  ids: Set<string>;
}

/** The URLs of a srcset attribute, per the HTML candidate-list syntax (URLs may contain commas). */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]!) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !isSpace(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors ("2x", "480w") up to the next comma outside parentheses.
      let depth = 0;
      for (; i < value.length; i++) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** The URL of a <meta http-equiv="refresh"> content ("5; url='/x/'"), or undefined when it reloads itself. */
export function refreshUrl(content: string): string | undefined {
  const m = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  let url = (m?.[1] ?? '').trim();
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end < 0 ? url.slice(1) : url.slice(1, end);
  }
  return url || undefined;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;

/** The url(...) references of CSS text (a style attribute or a <style> element). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((u) => u !== '');
}

/** The parts of cheerio's parsed nodes (domhandler) that the walk reads. */
interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
}

/** Read the references and ids of one page in a single parse and a single walk. */
export function extractReferences(html: string): PageReferences {
  // htmlparser2 rather than parse5: about twice as fast on the 10 MB tables, and a built page is well-formed.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const refs = new Set<string>();
  const ids = new Set<string>();
  let baseHref: string | undefined;
  // A plain depth-first walk: a selector per kind would walk the 10 MB pages' trees a dozen times.
  const stack = [...(($.root()[0] as unknown as DomNode).children ?? [])].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { name, attribs: attrs, children } = node;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    if (!name || !attrs) continue;
    if (attrs.id) ids.add(attrs.id);
    if (name === 'a' && attrs.name) ids.add(attrs.name);
    if (name === 'base' && baseHref === undefined && attrs.href !== undefined) baseHref = attrs.href;
    for (const attr of URL_ATTRIBUTES[name] ?? []) {
      const v = attrs[attr];
      if (v !== undefined) refs.add(v.trim());
    }
    if (SRCSET_ELEMENTS.has(name) && attrs.srcset) for (const u of parseSrcset(attrs.srcset)) refs.add(u);
    if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh' && attrs.content) {
      const u = refreshUrl(attrs.content);
      if (u) refs.add(u);
    }
    if (attrs.style?.includes('url(')) for (const u of cssUrls(attrs.style)) refs.add(u);
    if (name === 'style') for (const u of cssUrls((children ?? []).map((c) => c.data ?? '').join(''))) refs.add(u);
  }
  return baseHref === undefined ? { refs: [...refs], ids } : { baseHref, refs: [...refs], ids };
}

/** A fragment as a person reads it: percent-decoded when it decodes. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Whether a fragment ('' or 'top' scroll to the top; ':~:' starts a text directive) is satisfied by ids. */
export function anchorExists(fragment: string, ids: ReadonlySet<string>): boolean {
  const id = fragment.split(':~:')[0]!;
  if (id === '' || id.toLowerCase() === 'top') return true;
  return ids.has(id) || ids.has(decodeFragment(id));
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

/** Check every internal reference of every HTML file under dir, served under base. */
export async function checkLinks({ dir, base, concurrency = 16, onProgress }: LinkCheckOptions): Promise<LinkReport> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`checkLinks: concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const mountBase = normalizeBase(base);
  const mount = mountBase.slice(0, -1);
  const files = listHtmlFiles(dir);
  const server = await serveStatic({ dir, base: mountBase });
  const { origin } = server;
  const pool = new Pool(origin, { connections: concurrency, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const limit = pLimit(concurrency);
  try {
    // Pages reached by their canonical path, and what each serves: a known page needs no second request.
    const pageByPath = new Map<string, { ids?: ReadonlySet<string> }>();
    const canonicalOf = new Map<string, string>();
    for (const file of files) {
      const { canonical, aliases } = pagePaths(file, mountBase, origin);
      const entry = {};
      canonicalOf.set(file, canonical);
      for (const p of [canonical, ...aliases]) if (!pageByPath.has(p)) pageByPath.set(p, entry);
    }
    const targets = new Map<string, Promise<Target>>();
    const counts = { external: 0, ignored: 0 };
    const intern = interner();

    const get = async (path: string, method: 'GET' | 'HEAD') => pool.request({ path, method, headers: { 'user-agent': 'gov-portal-link-check' } });

    /** Fetch one target with HEAD, following redirects within the site; GET and parse an HTML target only when anchors need its ids. */
    const fetchTarget = async (key: string, wantIds: boolean): Promise<Target> => {
      let path = key;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        let res = await get(path, 'HEAD');
        if (res.statusCode === 405 || res.statusCode === 501) {
          await res.body.dump();
          res = await get(path, 'GET');
        }
        await res.body.dump();
        const location = res.headers.location;
        if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
          const next = URL.parse(location, origin + path);
          if (!next || next.origin !== origin) return { ok: false, broken: { reason: 'redirect', detail: `redirects off the site to ${location}` } };
          if (!isInside(next.pathname)) return { ok: false, broken: { reason: 'outside-base' } };
          path = next.pathname + next.search;
          continue;
        }
        if (res.statusCode < 200 || res.statusCode >= 300) return { ok: false, broken: { reason: 'status', status: res.statusCode } };
        const html = /^text\/html\b/i.test(String(res.headers['content-type'] ?? ''));
        if (!html || !wantIds || pageByPath.get(new URL(path, origin).pathname)?.ids) return { ok: true, finalPath: path, html };
        const page = await get(path, 'GET');
        if (page.statusCode !== 200) {
          await page.body.dump();
          return { ok: false, broken: { reason: 'status', status: page.statusCode } };
        }
        return { ok: true, finalPath: path, html, ids: extractReferences(await page.body.text()).ids };
      }
      return { ok: false, broken: { reason: 'redirect', detail: `more than ${MAX_REDIRECTS} redirects` } };
    };
    /** Whether a path (with or without its query) is under the base: /gov-portal redirects to /gov-portal/. */
    const isInside = (path: string) => path.startsWith(mountBase) || path === mount || path.startsWith(`${mount}?`);

    // 1. Every page, fetched through the server and parsed once.
    let done = 0;
    const pages = await Promise.all(
      files.map((file) =>
        limit(async (): Promise<PageResult> => {
          const canonical = canonicalOf.get(file)!;
          const result: PageResult = { file, refs: [], invalid: [] };
          try {
            const res = await get(canonical, 'GET');
            if (res.statusCode !== 200) {
              await res.body.dump();
              result.failed = { reason: 'status', status: res.statusCode };
              return result;
            }
            const extracted = extractReferences(await res.body.text());
            pageByPath.get(canonical)!.ids = new Set([...extracted.ids].map(intern));
            targets.set(canonical, Promise.resolve({ ok: true, finalPath: canonical, html: true }));
            const pageUrl = new URL(canonical, origin);
            const baseUrl = (extracted.baseHref !== undefined && URL.parse(extracted.baseHref, pageUrl)) || pageUrl;
            const seen = new Set<string>();
            for (const raw of extracted.refs) {
              const u = URL.parse(raw, baseUrl);
              if (!u) {
                result.invalid.push(intern(raw));
                continue;
              }
              if (u.protocol !== 'http:' && u.protocol !== 'https:') counts.ignored++;
              else if (u.origin !== origin) counts.external++;
              else {
                const key = intern(u.pathname + u.search);
                if (seen.has(key + u.hash)) continue;
                seen.add(key + u.hash);
                result.refs.push({ raw: intern(raw), key, fragment: u.hash.slice(1), hasFragment: u.hash !== '' || raw.endsWith('#') });
              }
            }
          } catch (e) {
            result.failed = { reason: 'error', message: (e as Error).message };
          } finally {
            onProgress?.({ phase: 'pages', done: ++done, total: files.length });
          }
          return result;
        }),
      ),
    );

    // 2. Each distinct target once. Anchors into a page the run has parsed use its ids; any other
    // HTML target that an anchor points into is fetched with GET and parsed for its ids.
    const wantIds = new Set<string>();
    const keys = new Set<string>();
    for (const p of pages) {
      for (const r of p.refs) {
        if (!isInside(r.key)) continue;
        keys.add(r.key);
        if (r.fragment) wantIds.add(r.key);
      }
    }
    const pending = [...keys].filter((k) => !targets.has(k));
    let targetsDone = 0;
    for (const key of pending) {
      targets.set(
        key,
        limit(async () => {
          try {
            return await fetchTarget(key, wantIds.has(key));
          } catch (e) {
            return { ok: false as const, broken: { reason: 'error' as const, message: (e as Error).message } };
          } finally {
            onProgress?.({ phase: 'targets', done: ++targetsDone, total: pending.length });
          }
        }),
      );
    }
    const results = new Map<string, Target>();
    await Promise.all([...targets].map(async ([k, t]) => results.set(k, await t)));

    // 3. The report.
    const broken: BrokenLink[] = [];
    let links = 0;
    for (const p of pages) {
      if (p.failed) broken.push({ page: p.file, link: '', resolved: canonicalOf.get(p.file)!, ...p.failed });
      for (const raw of p.invalid) broken.push({ page: p.file, link: raw, resolved: '', reason: 'invalid-url' });
      for (const r of p.refs) {
        links++;
        const resolved = r.key + (r.hasFragment ? `#${r.fragment}` : '');
        if (!isInside(r.key)) {
          broken.push({ page: p.file, link: r.raw, resolved, reason: 'outside-base' });
          continue;
        }
        const t = results.get(r.key)!;
        if (!t.ok) {
          broken.push({ page: p.file, link: r.raw, resolved, ...t.broken });
          continue;
        }
        if (!r.fragment || !t.html) continue;
        const ids = t.ids ?? pageByPath.get(new URL(t.finalPath, origin).pathname)?.ids;
        if (ids && !anchorExists(r.fragment, ids)) broken.push({ page: p.file, link: r.raw, resolved, reason: 'missing-anchor', anchor: decodeFragment(r.fragment) });
      }
    }
    broken.sort((a, b) => compare(a.page, b.page) || compare(a.link, b.link) || compare(a.resolved, b.resolved));
    return { base: mountBase, pages: files.length, links, urls: keys.size, external: counts.external, ignored: counts.ignored, broken };
  } finally {
    await pool.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The command line: npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]

export const CHECK_LINKS_USAGE = `Usage: npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]
Checks every internal link, asset and anchor of every HTML file of a built portal, served under its
base path as GitHub Pages serves it. --base defaults to BASE_PATH, else '/', as in astro.config.mjs.
Exit status: 0 no broken link, 1 broken links, 2 bad arguments.`;

/** The checker's options from the command line; undefined for --help. Bad arguments throw an InputError. */
export function parseCheckLinksArgs(argv: string[], env: Record<string, string | undefined>): LinkCheckOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${CHECK_LINKS_USAGE}`);
  }
  if (values.help) return undefined;
  const base = values.base ?? env.BASE_PATH ?? '/';
  try {
    normalizeBase(base);
  } catch (e) {
    throw new InputError(`--base: ${(e as Error).message}`);
  }
  if (!statSync(values.dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`--dir ${values.dir}: no such folder. Build the portal first (npm run build), or pass --dir.`);
  }
  const concurrency = wholeNumber('concurrency', values.concurrency, 1);
  return concurrency === undefined ? { dir: values.dir, base } : { dir: values.dir, base, concurrency };
}

/** Why one link is broken, in words. */
export function describeBroken(b: BrokenLink, base: string): string {
  switch (b.reason) {
    case 'status':
      return `HTTP ${b.status}`;
    case 'outside-base':
      return `outside the base path ${base} (on GitHub Pages that is another site)`;
    case 'missing-anchor':
      return `no element with id "${b.anchor}" on the target page`;
    case 'redirect':
      return b.detail;
    case 'invalid-url':
      return 'not a valid URL';
    case 'error':
      return `request failed: ${b.message}`;
  }
}

/** The summary and one line per broken link, for the terminal. */
export function formatLinkReport(r: LinkReport): string {
  const lines = [
    `Checked ${r.pages} pages under ${r.base}: ${r.links} internal links to ${r.urls} URLs; ${r.external} external links not fetched.`,
    r.broken.length ? `${r.broken.length} broken:` : 'No broken links.',
  ];
  for (const b of r.broken) {
    const link = b.link === '' ? '(the page itself)' : b.link;
    const where = b.resolved && b.resolved !== b.link ? ` (${b.resolved})` : '';
    lines.push(`  ${b.page} → ${link}${where}: ${describeBroken(b, r.base)}`);
  }
  return `${lines.join('\n')}\n`;
}
