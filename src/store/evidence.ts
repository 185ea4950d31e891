// Where evidence images are. A findings file names a screenshot by its path from the portal's root,
// evidence/<quarter>/<site>/<hash>.jpg, and that never changes; on disk it is under public/ beside
// the content folder (the portal serves it), or, for an office whose screenshots outgrow its
// portal's host, under an evidence folder of its own: EVIDENCE_DIR stands for evidence/ then, and
// EVIDENCE_URL says where the pages link (README, "Screenshots").
import { dirname, join, resolve } from 'node:path';

/** The folder every screenshot path of the crawl starts with, from the portal's root. */
export const EVIDENCE = 'evidence';

/** evidence/<quarter>/<site>/<name>, as a findings file names the screenshot. */
export function evidenceSitePath(quarter: string, site: string, name: string): string {
  return `${EVIDENCE}/${quarter}/${site}/${name}`;
}

/** The portal's public/ folder: beside the content folder. */
export function publicDirOf(contentDir: string): string {
  return join(dirname(resolve(contentDir)), 'public');
}

/** The folder on disk that evidence/ stands for: EVIDENCE_DIR, else public/evidence beside the content folder. */
export function evidenceDirOf(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['EVIDENCE_DIR'];
  return dir ? resolve(dir) : join(publicDirOf(contentDir), EVIDENCE);
}

/** The file on disk of a screenshot path as a findings file or a manual record names it. */
export function screenshotFile(contentDir: string, path: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.startsWith(`${EVIDENCE}/`) ? join(evidenceDirOf(contentDir, env), path.slice(EVIDENCE.length + 1)) : join(publicDirOf(contentDir), path);
}
