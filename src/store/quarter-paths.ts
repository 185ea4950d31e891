// Which files make up a quarter: what a publication manifest signs.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
});

/** Every file of the quarter that exists, relative to the content folder with / separators, sorted. */
export function quarterFiles(contentDir: string, quarter: string): string[] {
  const parts = quarterParts(quarter);
  const out: string[] = [];
  for (const f of [parts.quarterFile, parts.review]) if (existsSync(join(contentDir, f))) out.push(f);
  for (const dir of [parts.findings, parts.manual]) {
    if (!existsSync(join(contentDir, dir))) continue;
    for (const name of readdirSync(join(contentDir, dir))) if (name.endsWith('.md') && !name.startsWith('.')) out.push(`${dir}/${name}`);
  }
  return out.sort();
}
