// Each site's and each unit's own JSON (src/pages/sites/[site]/data.json.ts, units/[unit]/data.json.ts):
// what a unit's web editor, or a tool of theirs, reads about its sites without downloading a
// quarter's whole open data. Built from the same rows and the same finding ids as the open data.
import type { SiteQuarter } from '../schemas/findings.ts';
import { checkFindingIds } from './finding-id.ts';
import { bySite } from './sites.ts';
import { DATA_SCHEMA_VERSION, jsonFinding, type JsonFinding, type NoticeStatus } from './open-data.ts';
import { absoluteUrl, paths } from './urls.ts';

/** Absolute URLs the files link to; the endpoints build them from Astro.site and the base. */
export interface OwnDataLinks {
  site: (site: string) => string;
  /** A site's check of a quarter: its section on the site page. */
  check: (site: string, quarter: string) => string;
  /** A finding's permalink (its row on the site page). */
  finding: (site: string, quarter: string, id: string) => string;
  siteFeed: (site: string) => string;
  siteData: (site: string) => string;
  unit: (unit: string) => string;
  unitFeed: (unit: string) => string;
  unitData: (unit: string) => string;
  /** A quarter's notice. */
  notice: (quarter: string) => string;
  /** A quarter's open data (data.json, with every check's findings). */
  quarterData: (quarter: string) => string;
}

/** The links under the configured site and base (astro.config's SITE_URL). */
export function ownDataLinks(site: URL | undefined): OwnDataLinks {
  const url = (path: string) => absoluteUrl(site, path);
  return {
    site: (s) => url(paths.site(s)),
    check: (s, q) => url(paths.site(s, q)),
    finding: (s, q, id) => url(paths.finding(s, q, id)),
    siteFeed: (s) => url(paths.siteFeed(s)),
    siteData: (s) => url(paths.siteData(s)),
    unit: (u) => url(paths.unit(u)),
    unitFeed: (u) => url(paths.unitFeed(u)),
    unitData: (u) => url(paths.unitData(u)),
    notice: (q) => url(paths.quarter(q)),
    quarterData: (q) => url(paths.dataFile(q, 'data.json')),
  };
}

/** One check as a site's file gives it; findings only for the checks that carry them (ownChecks). */
export interface OwnCheck {
  quarter: string;
  status: NoticeStatus;
  asOf: string;
  verdict: 'pass' | 'fail';
  score: number;
  bonus?: number;
  vetoes: string[];
  findingCount: number;
  notice: string;
  data: string;
  findings?: (JsonFinding & { permalink: string })[];
}

/** A check in a site's or a unit's file, with its findings when asked. */
function ownCheck(r: SiteQuarter, status: NoticeStatus, links: OwnDataLinks, withFindings: boolean): OwnCheck {
  const ids = checkFindingIds(r);
  return {
    quarter: r.quarter,
    status,
    asOf: r.asOf,
    verdict: r.verdict,
    score: r.score,
    ...(r.bonus === undefined ? {} : { bonus: r.bonus }),
    vetoes: [...r.vetoes],
    findingCount: r.findings.length,
    notice: links.notice(r.quarter),
    data: links.quarterData(r.quarter),
    ...(withFindings ? { findings: r.findings.map((f) => ({ ...jsonFinding(f, ids.get(f)!), permalink: links.finding(r.site, r.quarter, ids.get(f)!) })) } : {}),
  };
}

/**
 * The checks that carry their findings in a site's file: the latest, and the latest published when
 * the latest is a draft — what the unit must fix now and what the office has stated. Older checks
 * link to their quarter's open data instead, so the files of 15,000 sites do not repeat it.
 */
function withFindings(checks: readonly SiteQuarter[], isDraft: (quarter: string) => boolean): Set<string> {
  const latest = checks[0];
  const published = checks.find((c) => !isDraft(c.quarter));
  return new Set([latest?.quarter, published?.quarter].filter((q): q is string => q !== undefined));
}

const statusOf = (isDraft: (quarter: string) => boolean, quarter: string): NoticeStatus => (isDraft(quarter) ? 'draft' : 'published');

/** A site's file: who it is (as its latest check names it), then every check, newest first. */
export function siteJson(checks: readonly SiteQuarter[], isDraft: (quarter: string) => boolean, links: OwnDataLinks): string {
  const sorted = [...checks].sort((a, b) => (a.quarter < b.quarter ? 1 : -1));
  const latest = sorted[0];
  if (!latest) throw new Error('siteJson: a site page needs at least one check');
  const full = withFindings(sorted, isDraft);
  return `${JSON.stringify({
    schemaVersion: DATA_SCHEMA_VERSION,
    site: latest.site,
    name: latest.name,
    url: latest.url,
    unit: latest.unit,
    ...(latest.region === undefined ? {} : { region: latest.region }),
    page: links.site(latest.site),
    feed: links.siteFeed(latest.site),
    checks: sorted.map((c) => ownCheck(c, statusOf(isDraft, c.quarter), links, full.has(c.quarter))),
  })}\n`;
}

/** A unit as its file names it and the units under it that have pages. */
export interface OwnUnit {
  unit: string;
  name: string;
  parent?: { unit: string; name: string } | undefined;
  children: { unit: string; name: string }[];
}

/**
 * A unit's file: its own sites (those whose latest check names it), each with its latest check and
 * latest published one, and links to each site's file; the units under it by link, so a tool walks
 * the tree instead of one file repeating every site below a province.
 */
export function unitJson(unit: OwnUnit, rows: readonly SiteQuarter[], isDraft: (quarter: string) => boolean, links: OwnDataLinks): string {
  const sites = bySite(rows.map((r) => ({ id: `${r.quarter}/${r.site}`, data: r })))
    .map((h) => h.entries.map((e) => e.data))
    .filter((checks) => checks[0]!.unit === unit.unit)
    .map((checks) => {
      const latest = checks[0]!;
      const published = isDraft(latest.quarter) ? checks.find((c) => !isDraft(c.quarter)) : undefined;
      return {
        site: latest.site,
        name: latest.name,
        url: latest.url,
        page: links.site(latest.site),
        feed: links.siteFeed(latest.site),
        data: links.siteData(latest.site),
        latest: ownCheck(latest, statusOf(isDraft, latest.quarter), links, false),
        ...(published ? { latestPublished: ownCheck(published, 'published', links, false) } : {}),
      };
    });
  const ref = (u: { unit: string; name: string }) => ({ unit: u.unit, name: u.name, page: links.unit(u.unit), data: links.unitData(u.unit) });
  return `${JSON.stringify({
    schemaVersion: DATA_SCHEMA_VERSION,
    unit: unit.unit,
    name: unit.name,
    ...(unit.parent ? { parent: ref(unit.parent) } : {}),
    page: links.unit(unit.unit),
    feed: links.unitFeed(unit.unit),
    units: unit.children.map(ref),
    sites,
  })}\n`;
}
