// Which files make up a quarter: what a publication manifest signs.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders and files of a quarter, relative to the content folder. */
export const quarterParts = (quarter: string) => ({
  /** The office's file: issuer, sample, status, errata, 工作要求. */
  quarterFile: `quarters/${quarter}.md`,
  /** One findings file per site checked (the crawl, re-scored by record and review). */
  findings: `findings/${quarter}`,
  /** Inspectors' manual records (npm run record). */
  manual: `manual/${quarter}`,
  /** Inspectors' decisions on automated findings and the sites' replies (npm run review). */
  review: `review/${quarter}.yaml`,
  /** Copies of the registry, rules and notices taken at publication, which its pages are built from (pinned.ts). */
  pinned: `pinned/${quarter}`,
});

/**
 * Every file of the quarter that exists, relative to the content folder with / separators, sorted:
 * whatever is under its findings, manual and pinned folders, whatever its name (a record saved as .x.md is
 * read by the portal, so it is signed too).
 */
export function quarterFiles(contentDir: string, quarter: string): string[] {
  const parts = quarterParts(quarter);
  const out: string[] = [];
  for (const f of [parts.quarterFile, parts.review]) if (existsSync(join(contentDir, f))) out.push(f);
  for (const dir of [parts.findings, parts.manual, parts.pinned]) out.push(...filesUnder(join(contentDir, dir)).map((f) => `${dir}/${f}`));
  return out.sort();
}

/**
 * Every file under a folder, at any depth and whatever its name (dot files and links too: only
 * folders are left out), relative to it with / separators, sorted; [] when it does not exist. The
 * portal's loaders read their Markdown from this list and the manifests sign it, so that no file can
 * be read without being signed.
 */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** The ids of the sites a quarter has a findings file for (findings/<quarter>/<site>.md, dot files left out), sorted. */
export function sitesChecked(contentDir: string, quarter: string): string[] {
  const dir = join(contentDir, quarterParts(quarter).findings);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort().map((n) => n.slice(0, -3)) : [];
}
