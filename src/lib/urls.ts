// The one place internal URLs are built: every page link goes through href() so a GitHub Pages
// project base (/repo-name/) works everywhere.
import type { OpenDataFile } from './open-data.ts';

/** Join a configured base ('/', '/repo', '/repo/') and a path inside the portal with exactly one slash between them. */
export function joinBase(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) throw new Error(`joinBase: expected a path inside the portal, got ${path}`);
  const b = base.replace(/^\/+|\/+$/g, '');
  const p = path.replace(/^\/+/, '');
  return b ? `/${b}/${p}` : `/${p}`;
}

/** Paths of the portal's pages, relative to the base. Ids are ASCII by schema, so they need no encoding. */
export const paths = {
  home: (): string => '',
  quarter: (quarter: string): string => `quarters/${quarter}/`,
  site: (site: string, quarter?: string): string => `sites/${site}/${quarter ? `#${quarter}` : ''}`,
  /** One finding's permalink: its row on the site page, by the finding's id (src/lib/finding-id.ts). */
  finding: (site: string, quarter: string, id: string): string => `sites/${site}/#${findingAnchor(quarter, id)}`,
  unit: (unit: string): string => `units/${unit}/`,
  /** A site's or a unit's own Atom feed and JSON: its published checks, for its web editor. */
  siteFeed: (site: string): string => `sites/${site}/feed.xml`,
  siteData: (site: string): string => `sites/${site}/data.json`,
  unitFeed: (unit: string): string => `units/${unit}/feed.xml`,
  unitData: (unit: string): string => `units/${unit}/data.json`,
  /** Every site, with its latest result. */
  sites: (): string => 'sites/',
  /** Every unit, with the half-year table of points lost. */
  units: (): string => 'units/',
  /** The annual assessment of the units: the list of years. */
  assessments: (): string => 'assessment/',
  /** The annual assessment of one year, e.g. assessment/2026/. */
  assessment: (year: string): string => `assessment/${year}/`,
  /** The open-data page: downloads and their schema. */
  data: (): string => 'data/',
  /** An open-data file of one quarter as published: data/2026-Q4/sites.csv, data/2026-Q4/findings.csv.gz (the all-quarters ones: allQuartersDataHref). */
  dataFile: (quarter: string, file: OpenDataFile): string => `data/${quarter}/${QUARTER_DATA_NAMES[file]}`,
  feed: (): string => 'feed.xml',
  /** Every indicator, and one indicator's page: what it checks, how, how to pass and fix it. */
  indicators: (): string => 'indicators/',
  indicator: (id: string): string => `indicators/${id}/`,
  search: (): string => 'search/',
  /** The daily monitor: its days, and one day's report (每日监测报告) when the office makes them public. */
  monitor: (): string => 'monitor/',
  monitorDay: (date: string): string => `monitor/${date}/`,
};

/**
 * What a quarter's folder publishes each file as: sites.csv as it is, the two large files
 * gzip-compressed (at 15,000 sites a quarter's findings.csv is 54 MB and its data.json 58 MB;
 * compressed, 5 MB each). A portal keeps the same names whatever its size, so a program reading
 * them never has to follow a switch.
 */
export const QUARTER_DATA_NAMES: Readonly<Record<OpenDataFile, string>> = { 'sites.csv': 'sites.csv', 'findings.csv': 'findings.csv.gz', 'data.json': 'data.json.gz' };

/** The all-quarters files (src/postbuild/pack-open-data.ts), every one compressed. */
export const ALL_QUARTERS_DATA_NAMES: Readonly<Record<OpenDataFile, string>> = { 'sites.csv': 'sites.csv.gz', 'findings.csv': 'findings.csv.gz', 'data.json': 'data.json.gz' };

/**
 * Where an all-quarters file is: under OPEN_DATA_ALL_URL when it is set (the deploy workflow
 * attaches them to a release of the repository: GitHub Pages publishes 1 GB a site at most), else
 * the portal's own data/all/.
 */
export function allQuartersDataHref(file: OpenDataFile, allUrl: string | undefined = process.env['OPEN_DATA_ALL_URL']): string {
  if (!allUrl) return href(`data/all/${ALL_QUARTERS_DATA_NAMES[file]}`);
  httpUrl('OPEN_DATA_ALL_URL', allUrl);
  return `${allUrl.replace(/\/+$/, '')}/${ALL_QUARTERS_DATA_NAMES[file]}`;
}

/** A setting that must be an absolute http(s) URL, parsed; anything else throws naming the setting. */
function httpUrl(name: string, value: string): URL {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Error(`${name} must be an http(s) URL, got ${value}`);
  return url;
}

/** A finding's anchor on its site page: the quarter, then the finding's id (a site page holds every quarter's checks). */
export function findingAnchor(quarter: string, id: string): string {
  return `${quarter}-${id}`;
}

/** An absolute URL of a portal path, for feeds and data files read off the site; `site` is astro.config's SITE_URL. */
export function absoluteUrl(site: URL | undefined, path: string): string {
  if (!site) throw new Error(`${path} needs \`site\` in astro.config.mjs (SITE_URL): feeds and data files link with absolute URLs`);
  return new URL(href(path), site).href;
}

/** An internal URL under the configured base, e.g. href(paths.quarter('2026-Q4')) → /repo/quarters/2026-Q4/. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Where a screenshot path starts: the portal's evidence folder. */
const EVIDENCE = 'evidence/';

/**
 * A screenshot's URL. Paths under evidence/ go to EVIDENCE_URL when it is set (an office whose
 * screenshots outgrow its portal's host keeps them on another: README, "Screenshots"), else they
 * are the portal's own files, like any other path under public/.
 */
export function evidenceHref(path: string, evidenceUrl: string | undefined = process.env['EVIDENCE_URL']): string {
  return evidenceUrl && path.startsWith(EVIDENCE) ? `${evidenceUrl.replace(/\/+$/, '')}/${path.slice(EVIDENCE.length)}` : href(path);
}

/** The origin of EVIDENCE_URL, which the pages' Content-Security-Policy must allow images from; undefined when unset. */
export function evidenceOrigin(evidenceUrl: string | undefined = process.env['EVIDENCE_URL']): string | undefined {
  return evidenceUrl ? httpUrl('EVIDENCE_URL', evidenceUrl).origin : undefined;
}

/** The URL itself when it is an absolute http(s) URL, safe to put in an href; otherwise null (show it as text). */
export function externalHref(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:' ? url : null;
}
