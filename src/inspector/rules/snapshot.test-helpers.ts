// Builders of in-memory snapshots for rule tests (STYLE 9: rules are tested on tables, not the network).
import { fileURLToPath } from 'node:url';
import type { Dictionary } from '../../schemas/dictionary.ts';
import type { Site } from '../../schemas/registry.ts';
import type { ColumnSnapshot, PageFacts, PageSnapshot, SiteLink, SiteSnapshot } from '../snapshot.ts';
import { loadDictionary } from '../../store/dictionary.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { collectMessages } from '../gather/messages.ts';
import type { Points, RuleContext } from './types.ts';
import { buildCalendar, type WorkCalendar } from '../workdays.ts';

export const HOME = 'http://www.linhe.gov.cn/';
/** The project's own content folder: rule tests run on the shipped national defaults. */
export const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));

/** Facts of a page that shows nothing in particular. */
export function facts(over: Partial<PageFacts> = {}): PageFacts {
  return {
    meta: {}, text: '', blocks: [], breadcrumb: [], nav: [], menu: [], channels: [], messages: [], search: [],
    errorReport: false, hiddenLinks: [], futureDates: [], header: '', ...over,
  };
}

/** A fetched same-site page. */
export function page(url: string, over: Partial<PageFacts> = {}, depth = 1): PageSnapshot {
  return { url, finalUrl: url, depth, status: 200, charset: 'utf-8', title: '', facts: facts(over) };
}

/** A snapshot of a reachable site with the given home HTML, links, pages and columns. */
export function snapshot(
  over: {
    html?: string;
    links?: Array<Partial<SiteLink> & { url: string }>;
    attempts?: SiteSnapshot['home']['attempts'];
    pages?: PageSnapshot[];
    columns?: ColumnSnapshot[];
    kind?: Site['kind'];
    url?: string;
    asOf?: string;
  } & Pick<Partial<SiteSnapshot>, 'probes' | 'dns' | 'ipv6' | 'accessibility' | 'monitored' | 'duty' | 'networkTrusted' | 'vantage' | 'collects'> = {},
): SiteSnapshot {
  const attempts = over.attempts ?? [{ ok: true, detail: 'HTTP 200', elapsedMs: 30 }];
  const reachable = attempts.some((a) => a.ok);
  const url = over.url ?? HOME;
  return {
    site: { id: 'linhe', name: '临河市人民政府', url, unit: 'linhe-office', kind: over.kind ?? 'portal', siteCode: '3713000001' },
    asOf: over.asOf ?? '2026-11-20',
    home: reachable ? { attempts, url, html: over.html ?? '<html><body></body></html>' } : { attempts },
    pages: over.pages ?? [],
    links: (over.links ?? []).map((l) => ({ verdict: 'ok', detail: 'HTTP 200', kind: 'page', referrers: [url], ...l })),
    robots: 'honoured',
    columns: over.columns ?? [],
    // The gatherer merges the pages' messages once; rule tests give pages and get the same merge.
    messages: collectMessages(over.pages ?? []),
    ...(over.probes ? { probes: over.probes } : {}),
    ...(over.dns ? { dns: over.dns } : {}),
    ...(over.ipv6 ? { ipv6: over.ipv6 } : {}),
    ...(over.accessibility ? { accessibility: over.accessibility } : {}),
    ...(over.networkTrusted === undefined ? {} : { networkTrusted: over.networkTrusted }),
    ...(over.vantage ? { vantage: over.vantage } : {}),
    ...(over.monitored ? { monitored: over.monitored } : {}),
    ...(over.duty ? { duty: over.duty } : {}),
    ...(over.collects ? { collects: over.collects } : {}),
  };
}

let shipped: { config: RuleContext['config']; dictionary: Dictionary; calendar: WorkCalendar } | undefined;

/**
 * A rule context with the shipped rules file and dictionary and the package's holiday calendar;
 * points and params default to the rule's own settings there.
 */
export function context(id: string, over: { points?: Points; params?: Points; dictionary?: Dictionary; calendar?: WorkCalendar } = {}): RuleContext {
  shipped ??= { config: loadRulesConfig(CONTENT), dictionary: loadDictionary(CONTENT), calendar: buildCalendar() };
  const own = shipped.config.indicators[id];
  return {
    points: over.points ?? own?.points ?? {},
    params: over.params ?? own?.params ?? {},
    config: shipped.config,
    dictionary: over.dictionary ?? shipped.dictionary,
    calendar: over.calendar ?? shipped.calendar,
  };
}
