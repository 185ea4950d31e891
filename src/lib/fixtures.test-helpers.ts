// Builds SiteQuarter rows for tests: only what a test cares about is written out.
import { siteQuarterSchema, type Finding, type SiteQuarter } from '../schemas/findings.ts';

/** A valid row (checked with the shared schema) with the given fields replaced. */
export function row(over: Partial<SiteQuarter> & Pick<SiteQuarter, 'site' | 'name' | 'score'>): SiteQuarter {
  return siteQuarterSchema.parse({
    url: `http://${over.site}.gov.cn/`,
    unit: 'office',
    quarter: '2026-Q4',
    asOf: '2026-11-20',
    verdict: 'pass',
    vetoes: [],
    stats: { pages: 1, links: 1, inconclusive: 0 },
    findings: [],
    ...over,
  });
}

/** One finding of an indicator. */
export function finding(indicator: string, target: string, points = 0): Finding {
  return { indicator, target, page: 'http://www.linhe.gov.cn/', points, detail: '', clause: '测试条款' };
}
