// Re-scoring a quarter without crawling again: each findings file is assembled anew from the crawl's
// conclusions it holds, the quarter's records and the review, by the same function the crawl uses
// (assembleSiteQuarter), so a file is always the same function of its inputs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { ReviewFile } from '../schemas/review.ts';
import type { Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { InputError } from '../errors.ts';
import { assembleSiteQuarter, crawlConclusions, findingKey, headOfFile } from '../inspector/report/assemble.ts';
import { parseSiteQuarter, renderSiteQuarter } from '../inspector/report/site-quarter.ts';
import { summaryBody } from '../inspector/report/summary.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { publicDirOf, screenshotFile } from '../store/evidence.ts';
import { loadMedia } from '../store/media.ts';
import { hasPinnedInputs, pinnedDir } from '../store/pinned.ts';
import { quarterParts, sitesChecked } from '../store/quarter-paths.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { indexRecords, recordFinding, type LoadedRecord, type RecordContext, type RecordIndex } from './records.ts';
import { loadReview } from './review.ts';

/** What a quarter's findings files are made from besides the crawl. */
export interface QuarterWorkflow {
  /** The site records, checked, read one site at a time. */
  records: RecordIndex;
  review: ReviewFile;
}

/** The manual findings of one site from the quarter's records. */
export function siteRecords(records: readonly LoadedRecord[], site: Pick<Site, 'id' | 'url'>): SiteQuarter['findings'] {
  return records.filter((r) => r.data.site === site.id).map((r) => recordFinding(r, site.url));
}

/**
 * A findings file assembled again from what it holds of the crawl, the site's records and the
 * review: what record, review, publish and correct write. Applying it twice gives the same result.
 */
export function reassemble(stored: SiteQuarter, site: Pick<Site, 'kind' | 'services' | 'url'>, records: readonly LoadedRecord[], review: ReviewFile, config: RulesConfig, file = `findings/${stored.quarter}/${stored.site}.md`): SiteQuarter {
  return assembleSiteQuarter({
    head: headOfFile(stored),
    site,
    crawl: crawlConclusions(stored),
    manual: siteRecords(records, { id: stored.site, url: site.url }),
    review,
    config,
    file,
  });
}

/**
 * The registry, rules, media and publicDir a content folder's records are checked against: for a
 * quarter published with pinned inputs, the registry, media and rules pinned then (pinned.ts), so
 * that a correction re-scores it by the rules it was published under.
 */
export function recordContext(contentDir: string, quarter?: string): RecordContext {
  const inputs = quarter !== undefined && hasPinnedInputs(contentDir, quarter) ? pinnedDir(contentDir, quarter) : contentDir;
  const registry = loadRegistry(inputs);
  const unitIds = new Set(registry.units.map((u) => u.id));
  return {
    sites: new Map(registry.sites.map((s) => [s.id, s])),
    unitIds,
    media: new Map(loadMedia(inputs, unitIds).map((m) => [m.id, m])),
    config: loadRulesConfig(inputs),
    // The portal's public/ folder sits beside the content folder (content/ and public/ in the repository).
    publicDir: publicDirOf(contentDir),
    screenshotFile: (path) => screenshotFile(contentDir, path),
  };
}

const NO_RECORDS: RecordIndex = { files: new Map(), of: () => [] };

/** The quarter's records and review; none when the quarter has neither (no registry read then). */
export function loadWorkflow(contentDir: string, quarter: string, ctx?: RecordContext): QuarterWorkflow {
  const review = loadReview(contentDir, quarter);
  const hasRecords = existsSync(join(contentDir, quarterParts(quarter).manual));
  return { records: hasRecords ? indexRecords(contentDir, quarter, ctx ?? recordContext(contentDir, quarter)) : NO_RECORDS, review };
}

/** What rescoreQuarter did. */
export interface RescoreResult {
  /** Findings files rewritten, relative to the content folder. */
  changed: string[];
  /** Review entries that match no finding of the quarter (the crawl no longer sees it, or a typo in the target). */
  unmatched: Array<{ list: 'decisions' | 'replies'; site: string; indicator: string; target: string }>;
}

/**
 * Re-apply the quarter's records and review to every findings file of the quarter (or only to the
 * sites in `only`: a command that changed one site's inputs need not rewrite 15,000 files), writing
 * only files whose bytes change. A site record for a site with no findings file that quarter is an
 * InputError: the site has not been inspected, and its record would otherwise be lost.
 */
export function rescoreQuarter(contentDir: string, quarter: string, only?: ReadonlySet<string>): RescoreResult {
  const ctx = recordContext(contentDir, quarter);
  const { records, review } = loadWorkflow(contentDir, quarter, ctx);
  const checked = sitesChecked(contentDir, quarter);
  const siteIds = new Set(checked);
  const orphans = [...records.files].filter(([site]) => !siteIds.has(site)).flatMap(([site, files]) => files.map((file) => `${file}: site ${site}`));
  if (orphans.length) {
    throw new InputError(
      `${orphans.length} record${orphans.length > 1 ? 's' : ''} of ${quarter} name${orphans.length > 1 ? '' : 's'} a site with no findings file that quarter (crawl it first: npm run crawl -- --quarter ${quarter} --only <site>):\n  ` +
        orphans.sort().join('\n  '),
    );
  }
  const changed: string[] = [];
  // The review entries' keys that some finding matches (only those are kept: a quarter may hold millions of findings).
  const reviewed = new Set([...review.decisions, ...review.replies].map((e) => findingKey(e.site, e.indicator, e.target)));
  const seen = new Set<string>();
  for (const id of only ? checked.filter((s) => only.has(s)) : checked) {
    const rel = `${quarterParts(quarter).findings}/${id}.md`;
    const path = join(contentDir, rel);
    const text = readFileSync(path, 'utf8');
    const { data } = parseSiteQuarter(text, path);
    const site = ctx.sites.get(data.site);
    if (!site) throw new InputError(`${path}: site ${data.site} is not in sites.yaml any more; it cannot be re-scored`);
    const next = reassemble(data, site, records.of(data.site), review, ctx.config, rel);
    for (const f of [...next.findings, ...(next.dismissed ?? [])]) {
      const key = findingKey(next.site, f.indicator, f.target);
      if (reviewed.has(key)) seen.add(key);
    }
    const out = renderSiteQuarter(next, summaryBody(next));
    if (out !== text) {
      writeFileAtomic(path, out);
      changed.push(rel);
    }
  }
  const unmatched: RescoreResult['unmatched'] = [];
  for (const list of ['decisions', 'replies'] as const) {
    for (const e of review[list]) if ((!only || only.has(e.site)) && !seen.has(findingKey(e.site, e.indicator, e.target))) unmatched.push({ list, site: e.site, indicator: e.indicator, target: e.target });
  }
  return { changed, unmatched };
}
