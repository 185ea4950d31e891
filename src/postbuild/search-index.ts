// Site-wide search for a static host: after the build (its own step of npm run build,
// scripts/index-search.ts, so that Astro's memory is freed before Pagefind's index grows), Pagefind indexes the HTML that was written
// and puts its search bundle (index shards, wasm, default UI) under <outDir>/pagefind/, next to the
// pages it serves. The search page (src/pages/search.astro) loads it from there. Files are read
// here and handed to Pagefind one by one (not addDirectory) so that Chinese is indexed character
// by character, as src/client/search.ts asks (src/lib/han-search.ts says why), and in an order
// that ranks exact searches.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { separateHanCharacters } from '../lib/han-search.ts';

/** The bundle's folder inside the build output; the search page's URLs (href('pagefind/…')) assume it. */
export const BUNDLE_FOLDER = 'pagefind';

/**
 * Every page is Chinese (Base.astro sets lang="zh-CN"). Forcing the language keeps one index even
 * if a page lacks the attribute; the browser side then reads queries as Chinese and the UI speaks it.
 */
export const SEARCH_LANGUAGE = 'zh-cn';

/** What one indexing run did. */
export interface IndexingReport {
  /** Absolute path of the folder that was indexed. */
  siteDir: string;
  /** Absolute path the bundle was written to. */
  bundleDir: string;
  /** Pages Pagefind read without error (a page whose content is all data-pagefind-ignore="all" counts, but has no record). */
  pages: number;
  /** Every error Pagefind reported, from creating the index to writing the files. */
  errors: string[];
  /** Wall time of the run. */
  milliseconds: number;
}

/** The build output folder as a path, from the `dir` URL Astro gives the build hooks (it follows --outDir). */
export function siteDirOf(dir: URL): string {
  if (dir.protocol !== 'file:') throw new Error(`pagefind: expected a file: URL for the build output, got ${dir.href}`);
  return fileURLToPath(dir);
}

/** Errors quoted in the build's failure message; a systematic failure over 20,000 pages needs no more. */
const ERRORS_SHOWN = 20;

/** Why the run must fail the build, or null when it went well. */
export function indexingProblem(report: Pick<IndexingReport, 'siteDir' | 'pages' | 'errors'>): string | null {
  if (report.errors.length > 0) {
    const shown = report.errors.slice(0, ERRORS_SHOWN);
    const more = report.errors.length - shown.length;
    return [
      `Pagefind reported ${report.errors.length} error(s) while indexing ${report.siteDir}; the search index would be incomplete:`,
      ...shown.map((e) => `  - ${e}`),
      ...(more > 0 ? [`  … and ${more} more`] : []),
    ].join('\n');
  }
  // A build always has at least the home page: none means the wrong folder, and a search that finds nothing.
  if (report.pages === 0) return `Pagefind found no HTML page to index in ${report.siteDir}: is it the build output?`;
  return null;
}

/** Pages with nothing to find: the not-found page GitHub Pages serves for a missing path. */
const NOT_INDEXED = new Set(['404.html']);

/**
 * The order pages are indexed in: those matching the first pattern, then the second…, then the
 * rest, each group by path. Pagefind (1.5.2) numbers pages in the order they arrive and lists the
 * results of an exact (quoted) search in that order, unscored: this is their ranking.
 */
export function indexingOrder(first: readonly RegExp[]): (a: string, b: string) => number {
  const group = (file: string) => {
    const i = first.findIndex((pattern) => pattern.test(file));
    return i === -1 ? first.length : i;
  };
  return (a, b) => group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The HTML files to index under siteDir, as '/'-separated paths relative to it (Pagefind makes the result URLs from them), in path order. */
export async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith(`${BUNDLE_FOLDER}/`) && !NOT_INDEXED.has(file))
    .sort();
}

/** Options of the integration. */
export interface PagefindOptions {
  /** Paths (relative to the output folder) of the pages an exact search lists first, in this order. */
  first?: readonly RegExp[];
}

/**
 * Index every HTML file under siteDir and write the bundle to siteDir/pagefind/, replacing an old
 * one. Each file is indexed with its Han characters as separate words (src/lib/han-search.ts).
 */
export async function indexSite(siteDir: string, options: PagefindOptions = {}): Promise<IndexingReport> {
  const started = performance.now();
  const bundleDir = path.join(siteDir, BUNDLE_FOLDER);
  // Index file names are content hashes: an old bundle would otherwise leave stale files behind.
  await rm(bundleDir, { recursive: true, force: true });
  const files = (await htmlFiles(siteDir)).sort(indexingOrder(options.first ?? []));
  const errors: string[] = [];
  let pages = 0;
  try {
    const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    errors.push(...created.errors);
    const { index } = created;
    if (index) {
      // One file at a time, so that pages are numbered in indexing order and the bundle is the same
      // on every build of the same pages (sending several at once was no faster).
      for (const file of files) {
        const html = await readFile(path.join(siteDir, file), 'utf8');
        const added = await index.addHTMLFile({ sourcePath: file, content: separateHanCharacters(html) });
        if (added.errors.length > 0) errors.push(...added.errors.map((e) => `${file}: ${e}`));
        else pages += 1;
      }
      if (errors.length === 0) {
        const written = await index.writeFiles({ outputPath: bundleDir });
        errors.push(...written.errors);
        // writeFiles can answer before every file has its bytes (seen under load: an empty
        // wasm.unknown.pagefind, which breaks search in the browser): wait for them before
        // closing Pagefind's process, and fail the build if one stays empty.
        if (written.errors.length === 0) errors.push(...(await settledBundle(bundleDir)).map((f) => `${f}: Pagefind left the file empty`));
      }
    } else if (created.errors.length === 0) {
      errors.push('createIndex returned no index');
    }
  } finally {
    // Pagefind runs as a child process; leaving it up would keep the command from exiting.
    await pagefind.close();
  }
  return { siteDir, bundleDir, pages, errors: errors.sort(), milliseconds: performance.now() - started };
}

/**
 * A Chinese query is an exact search, whose results come in indexing order: a site's and a unit's
 * own pages before the notices and lists that name every site.
 */
export const RESULT_ORDER: readonly RegExp[] = [/^sites\/[^/]+\//, /^units\/[^/]+\//];

/** Files of a folder (recursively, relative paths) that are empty. */
export async function emptyFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await stat(file)).size === 0) out.push(path.relative(dir, file));
  }
  return out.sort();
}

/** Wait (up to timeoutMs) until no file of the bundle is empty; returns those still empty. */
export async function settledBundle(dir: string, timeoutMs = 10_000): Promise<string[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const empty = await emptyFiles(dir);
    if (empty.length === 0 || performance.now() >= deadline) return empty;
    await sleep(50);
  }
}
