// Screenshots as evidence (npm run crawl -- --screenshots): which findings of a failing site get
// one, what each file is called, and the findings file that names them. Notices, replies and
// reviews rest on screenshots (截图): the web editor sees where on the page the problem is.
// Pure but for writing and pruning the image files; the crawl (inspect.ts) takes the shots.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, SiteQuarter } from '../../schemas/findings.ts';
import { writeFileAtomic } from '../../store/atomic.ts';
import { evidenceSitePath } from '../../store/evidence.ts';
import { indicator } from '../catalogue/index.ts';

/**
 * Screenshots of one failing site at most. One of each failing indicator comes first (vetoes, then
 * the deductions that cost most), so the editor sees every kind of problem once before a second
 * broken link; a site with 200 broken links would otherwise cost 200 page loads and 20 MB.
 */
export const MAX_SHOTS_PER_SITE = 12;

/** Largest screenshot file: 150 KB (issue 12), small enough for a notice's attachment or a chat message. */
export const MAX_SHOT_BYTES = 150 * 1024;

/** A screenshot's file name: 16 hex digits and .jpg. Only such files in a site's folder are the crawl's own. */
const SHOT_FILE = /^[0-9a-f]{16}\.jpg$/;

/** One screenshot to take: the finding it belongs to, the page to open, the element to outline. */
export interface PlannedShot {
  /** The finding's index in the site's findings. */
  index: number;
  /** The page shown: where the element is (where.page), else the finding's page. */
  url: string;
  /** The element's CSS selector (where.selector), when the finding is about an element. */
  selector?: string;
  /** The file as the findings file names it, from the portal's root: evidence/<quarter>/<site>/<hash>.jpg. */
  path: string;
}

/**
 * A finding's screenshot file name, the same on every run: the hash of the site, indicator, target
 * and page (not of the image, which changes with the live page).
 */
export function shotName(site: string, f: Pick<Finding, 'indicator' | 'target' | 'page'>): string {
  return `${createHash('sha256').update(JSON.stringify([site, f.indicator, f.target, f.page])).digest('hex').slice(0, 16)}.jpg`;
}

const isWebPage = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * The screenshots of a site, in the order to take them: none when it passes; otherwise the crawl's
 * findings of its vetoes and deductions on a web page, one of each indicator in turn (vetoes
 * first, then by points lost, then by id), up to max. Manual findings keep the inspector's own
 * screenshot; advice and bonus items get none, nor does personal data exposed: a picture of the page
 * would publish the numbers the finding masks.
 */
/** Indicators whose evidence must not be pictured. */
const NEVER_SHOT: ReadonlySet<string> = new Set(['personal-data-exposed']);

export function planShots(result: SiteQuarter, max = MAX_SHOTS_PER_SITE): PlannedShot[] {
  if (result.verdict !== 'fail') return [];
  const queues = new Map<string, number[]>();
  result.findings.forEach((f, i) => {
    const veto = result.vetoes.includes(f.indicator);
    if (f.source === 'manual' || f.screenshot !== undefined || NEVER_SHOT.has(f.indicator) || !isWebPage(f.where?.page ?? f.page)) return;
    if (!veto && indicator(f.indicator)?.kind !== 'deduction') return;
    queues.set(f.indicator, [...(queues.get(f.indicator) ?? []), i]);
  });
  const lost = (id: string) => queues.get(id)!.reduce((s, i) => s + result.findings[i]!.points, 0);
  const order = [...queues.keys()].sort((a, b) => Number(result.vetoes.includes(b)) - Number(result.vetoes.includes(a)) || lost(b) - lost(a) || (a < b ? -1 : 1));
  const picked: number[] = [];
  for (let round = 0; picked.length < max; round++) {
    const row = order.map((id) => queues.get(id)![round]).filter((i) => i !== undefined);
    if (row.length === 0) break;
    picked.push(...row.slice(0, max - picked.length));
  }
  return picked.map((index) => {
    const f = result.findings[index]!;
    return { index, url: f.where?.page ?? f.page, ...(f.where?.selector ? { selector: f.where.selector } : {}), path: evidenceSitePath(result.quarter, result.site, shotName(result.site, f)) };
  });
}

/** The findings file with each screenshot taken named on its finding. */
export function withScreenshots(result: SiteQuarter, taken: ReadonlyArray<Pick<PlannedShot, 'index' | 'path'>>): SiteQuarter {
  if (taken.length === 0) return result;
  const byIndex = new Map(taken.map((t) => [t.index, t.path]));
  return { ...result, findings: result.findings.map((f, i) => (byIndex.has(i) ? { ...f, screenshot: byIndex.get(i)! } : f)) };
}

/** Write a site's screenshots, each atomically, into its folder (evidence/<quarter>/<site>/ on disk). */
export function saveShots(folder: string, shots: ReadonlyArray<{ name: string; jpeg: Uint8Array }>): void {
  for (const s of shots) writeFileAtomic(join(folder, s.name), s.jpeg);
}

/**
 * Remove the crawl's earlier screenshots in a site's folder that this run did not take again (a
 * fixed problem, a site that now passes); other files there, an inspector's own screenshots, are
 * left alone. Run after the findings file naming the new ones is written, so that a crawl killed in
 * between leaves no file naming a screenshot that is gone.
 */
export function pruneShots(folder: string, keep: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (SHOT_FILE.test(name) && !keep.has(name)) rmSync(join(folder, name), { force: true });
}
