// What a published quarter is built from besides its own files: the registry (units, sites), the
// media registry, rules.yaml, other offices' notices and the dictionary, as they were on the day
// of publication. `publish` copies them to pinned/<quarter>/, the manifest signs the copies with the
// quarter's files, and the portal builds the published quarter's pages and its share of the
// assessment from them: a unit renamed or a rule changed today changes drafts and the future, never
// a published notice. To change a pinned copy, edit it and run npm run correct (an erratum).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import { quarterParts } from './quarter-paths.ts';

/** The content files a quarter's pages read, pinned at publication. */
export const PINNED_INPUTS = ['units.yaml', 'sites.yaml', 'media.yaml', 'rules.yaml', 'notices.yaml', 'dictionary.yaml'] as const;

/** The folder of a quarter's pinned inputs, absolute. */
export const pinnedDir = (contentDir: string, quarter: string) => join(contentDir, quarterParts(quarter).pinned);

/** Copy the content folder's inputs (those that exist) into the quarter's pinned folder; returns the files written, relative to the content folder. */
export function pinInputs(contentDir: string, quarter: string): string[] {
  const out: string[] = [];
  for (const name of PINNED_INPUTS) {
    const from = join(contentDir, name);
    if (!existsSync(from)) continue;
    writeFileAtomic(join(pinnedDir(contentDir, quarter), name), readFileSync(from));
    out.push(`${quarterParts(quarter).pinned}/${name}`);
  }
  return out;
}

/** Whether the quarter has pinned inputs (quarters published before pinning existed have none, and read the live files). */
export const hasPinnedInputs = (contentDir: string, quarter: string) => existsSync(join(pinnedDir(contentDir, quarter), 'units.yaml'));
