// What the inspectors' workflow decides before a quarter is crawled: that the quarter is still a
// draft, which sites to inspect (all, the drawn sample, or some ids), and the records and review
// each findings file is assembled with. Everything is read and validated before any request.
import { InputError } from '../errors.ts';
import type { Finding } from '../schemas/findings.ts';
import type { Site } from '../schemas/registry.ts';
import type { ReviewFile } from '../schemas/review.ts';
import { readQuarterFile } from '../store/quarter-file.ts';
import { loadRegistry } from '../store/registry.ts';
import { assertDraft } from './draft.ts';
import { loadWorkflow, siteRecords } from './rescore.ts';
import { sampledSites } from './sample.ts';

/** A quarter's crawl, planned. */
export interface CrawlPlan {
  sites: Site[];
  /** Sites in the registry. */
  registered: number;
  /** The quarter has a drawn sample the crawl was not asked to keep to (publish will take only the sample's files). */
  unsampledDraw?: number;
  /** The site's manual records of the quarter, as findings. */
  manual: (site: Site) => Finding[];
  review: ReviewFile;
}

/** Plan a crawl of `quarter`: refuses a published quarter, an unknown id and a bad record or review entry. */
export function planCrawl(contentDir: string, quarter: string, o: { sample: boolean; only?: readonly string[] | undefined }): CrawlPlan {
  // A published notice is a public record: the crawl never rewrites it (corrections: npm run correct).
  assertDraft(contentDir, quarter, 'crawl');
  const registry = loadRegistry(contentDir);
  const drawn = readQuarterFile(contentDir, quarter)?.sample;
  let sites = registry.sites;
  if (o.sample) sites = sampledSites(sites, drawn, quarter, o.only);
  else if (o.only) {
    const unknown = o.only.filter((id) => !sites.some((s) => s.id === id));
    if (unknown.length) throw new InputError(`--only: no site with id ${unknown.join(', ')} in ${contentDir}/sites.yaml`);
    sites = sites.filter((s) => o.only!.includes(s.id));
  }
  const { records, review } = loadWorkflow(contentDir, quarter);
  return {
    sites,
    registered: registry.sites.length,
    ...(drawn && !o.sample ? { unsampledDraw: drawn.sites.length } : {}),
    manual: (site) => siteRecords(records.of(site.id), site),
    review,
  };
}
