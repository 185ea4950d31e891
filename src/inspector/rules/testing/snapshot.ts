// Builders of in-memory snapshots for rule tests (STYLE 9: rules are tested on tables, not the network).
import type { SiteLink, SiteSnapshot } from '../../crawl/snapshot.ts';

export const HOME = 'http://www.linhe.gov.cn/';

/** A snapshot of a reachable site with the given home HTML and links. */
export function snapshot(over: { html?: string; links?: Array<Partial<SiteLink> & { url: string }>; attempts?: SiteSnapshot['home']['attempts'] } = {}): SiteSnapshot {
  const attempts = over.attempts ?? [{ ok: true, detail: 'HTTP 200', elapsedMs: 30 }];
  const reachable = attempts.some((a) => a.ok);
  return {
    site: { id: 'linhe', name: '临河市人民政府', url: HOME, unit: 'linhe-office', kind: 'portal', siteCode: '3713000001' },
    asOf: '2026-11-20',
    home: reachable ? { attempts, url: HOME, html: over.html ?? '<html><body></body></html>' } : { attempts },
    pages: [],
    links: (over.links ?? []).map((l) => ({ verdict: 'ok', detail: 'HTTP 200', kind: 'page', referrers: [HOME], ...l })),
    robots: 'honoured',
  };
}
