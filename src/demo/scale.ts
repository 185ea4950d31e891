// Findings at scale without crawling: the sandbox's seeded defects (its ground truth) for N sites over
// Q quarters, turned into rule findings, scored and written by the real scoring and writer, so the
// portal build can be measured on 15,000 sites × 8 quarters (a crawl of that many is far too slow).
// The truth is exactly what a perfect crawl reports (the demo's precision and recall are 1.00).
import { checkRulesConfig, type RuleRun } from '../inspector/engine/run-rules.ts';
import { assembleSiteQuarter, headOf } from '../inspector/report/assemble.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { writeSiteQuarter } from '../inspector/report/site-quarter.ts';
import { summaryBody } from '../inspector/report/summary.ts';
import { ITEM as STALE_ITEM } from '../inspector/rules/column-stale.ts';
import { RULES } from '../inspector/rules/index.ts';
import type { Points, Rule, RuleFinding } from '../inspector/rules/types.ts';
import { removeStaleFindings, writeDemoRegistry } from './demo.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { rng } from '../sandbox/random.ts';
import { generateWeb, type TruthEntry } from '../sandbox/web.ts';
import { truthDetail } from './truth-detail.ts';

/** What to generate. */
export interface ScaleOptions {
  /** The content folder to fill (registry, rules, dictionary, findings). */
  contentDir: string;
  sites: number;
  quarters: number;
  /** The last quarter, e.g. 2026-Q4. */
  until: string;
  /** Any integer; the same seed and sizes give the same bytes. */
  seed: number;
  /** Upper bound on pages per sandbox site; it decides which required columns a site has (default 40). */
  pagesPerSite?: number;
  onEvent?: (e: ScaleEvent) => void;
}

/** Progress, as typed events: the core never prints. */
export type ScaleEvent =
  | { type: 'registry'; sites: number; units: number; ms: number }
  | { type: 'quarter'; quarter: string; asOf: string; files: number; failing: number; findings: number; ms: number };

/** What a run wrote. */
export interface ScaleSummary {
  quarters: string[];
  files: number;
  ms: number;
}

/** Share of a site's seeded problems (per indicator family) still there in a given quarter. */
const KEEP = 0.7;

/**
 * Indicators that stand or fall together, so a quarter never keeps a veto without the problems
 * behind it (columns-not-updated without its stale columns, severe-error without its typos).
 */
const FAMILY: Readonly<Record<string, string>> = {
  'columns-not-updated': 'column-stale',
  'homepage-not-updated': 'column-stale',
  'severe-error': 'typo',
};

/** Every reachable sandbox site is plain HTTP in every quarter. */
const ALWAYS = new Set(['https-missing']);

/** Page-tag order of the meta-tags-missing rule: a page is charged under the first tag it lacks. */
const TAG_ORDER = ['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ArticleTitle', 'PubDate'];

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The `count` consecutive quarters ending with `until`, oldest first: (2026-Q2, 3) → 2025-Q4, 2026-Q1, 2026-Q2. */
export function quartersEnding(until: string, count: number): string[] {
  const m = QUARTER.exec(until);
  if (!m) throw new Error(`not a quarter like 2026-Q4: ${until}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`quarters must be a whole number ≥ 1, got ${count}`);
  const last = Number(m[1]) * 4 + Number(m[2]) - 1;
  return Array.from({ length: count }, (_, k) => {
    const n = last - (count - 1) + k;
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}

/** The quarter's 监测时间点: the 20th of its middle month, as the demo's 2026-11-20 for 2026-Q4. */
export function asOfOf(quarter: string): string {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter like 2026-Q4: ${quarter}`);
  return `${m[1]}-${String(Number(m[2]) * 3 - 1).padStart(2, '0')}-20`;
}

/**
 * The seeded problems a site still has in a quarter: a deterministic choice per (seed, quarter,
 * site, family), and per link for broken links, so scores, verdicts and histories move between quarters.
 */
export function truthInQuarter(entries: readonly TruthEntry[], seed: number, quarter: string): TruthEntry[] {
  const kept = new Map<string, boolean>();
  return entries.filter((e) => {
    if (ALWAYS.has(e.indicator)) return true;
    const family = FAMILY[e.indicator] ?? e.indicator;
    let keep = kept.get(family);
    if (keep === undefined) {
      keep = rng(seed, 'scale', quarter, e.site, family).chance(KEEP);
      kept.set(family, keep);
    }
    if (keep && e.indicator === 'broken-link') return rng(seed, 'scale', quarter, e.site, e.target).chance(KEEP);
    return keep;
  });
}

/** What the crawl would have seen of a site: pages and links (none when it is down). */
export function crawlStats(seed: number, quarter: string, siteId: string, down: boolean, pagesPerSite: number): SiteQuarter['stats'] {
  if (down) return { pages: 0, links: 0, inconclusive: 0 };
  const r = rng(seed, 'scale-stats', quarter, siteId);
  const pages = r.int(Math.min(20, pagesPerSite), pagesPerSite);
  return { pages, links: r.int(pages, pages * 3), inconclusive: r.chance(0.3) ? r.int(1, 3) : 0 };
}

const roundPoints = (p: number) => Math.round(p * 100) / 100;

/**
 * The rule's findings for its seeded entries, with the points the rule would give from the rules
 * file (home or other page, column class lost once, missing column by id, silent board or field,
 * bonus by age, one charge per page for page tags). Vetoes and advice carry 0, as scoring writes them.
 */
export function findingsOf(rule: Rule, entries: readonly TruthEntry[], points: Points, site: Pick<Site, 'url'>, sampledPages: number, detail: (e: TruthEntry) => string = (e) => e.note): RuleFinding[] {
  const need = (name: string): number => {
    const p = points[name];
    if (p === undefined) throw new Error(`indicators.${rule.id}.points.${name} is missing in the rules file`);
    return p;
  };
  // meta-tags-missing: every page, or every article page (a subset), charged once under its first missing tag.
  const tagCharge = new Map<string, number>();
  if (rule.id === 'meta-tags-missing') {
    let charged = 0;
    const order = (t: string) => (TAG_ORDER.indexOf(t) + 1 || TAG_ORDER.length + 1);
    for (const e of [...entries].sort((a, b) => order(a.target) - order(b.target))) {
      const pages = /article/.test(e.note) ? Math.ceil(sampledPages * 0.6) : sampledPages;
      tagCharge.set(e.target, roundPoints(Math.max(0, pages - charged) * need('page')));
      charged = Math.max(charged, pages);
    }
  }
  const staleCharged = new Set<string>();
  const pointsOf = (e: TruthEntry): number => {
    if (rule.kind === 'veto' || rule.kind === 'advice') return 0;
    switch (rule.id) {
      case 'broken-link':
      case 'error-report-entry-missing':
        return e.page === site.url ? need('home') : need('other');
      case 'column-missing':
        return need(e.target);
      case 'column-stale': {
        // The note starts with the column's class ("news column, newest item …").
        const cls = e.note.split(' ')[0] as keyof typeof STALE_ITEM;
        const item = STALE_ITEM[cls];
        if (!item) throw new Error(`column-stale truth note without a column class: ${e.note}`);
        const once = item !== 'other' && staleCharged.has(item);
        staleCharged.add(item);
        return once ? 0 : need(item);
      }
      case 'messages-not-public':
        return /no published message/.test(e.note) ? need('silent') : need('field');
      case 'data-release-updated':
        return /bonus 1/.test(e.note) ? need('older') : need('recent');
      case 'meta-tags-missing':
        return tagCharge.get(e.target) ?? 0;
      default: {
        const [only, ...more] = rule.points;
        if (only === undefined || more.length) throw new Error(`no point mapping for ${rule.id} (points: ${rule.points.join(', ')})`);
        return need(only);
      }
    }
  };
  return entries.map((e) => ({ indicator: rule.id, target: e.target, page: e.page, points: pointsOf(e), detail: detail(e) }));
}

/**
 * A run per enabled rule, as the engine gives: fail with the site's entries for it, else pass; each
 * finding's evidence worded in Chinese as the rules word it (truth-detail.ts).
 */
export function runsFromTruth(entries: readonly TruthEntry[], site: Pick<Site, 'url'>, rules: readonly Rule[], config: RulesConfig, sampledPages: number, asOf: string): RuleRun[] {
  const detail = (e: TruthEntry) => truthDetail(e, { asOf, columns: config.columns, sampledPages });
  const byRule = new Map<string, TruthEntry[]>();
  for (const e of entries) {
    if (!rules.some((r) => r.id === e.indicator)) throw new Error(`truth names indicator ${e.indicator}, which no rule has`);
    const list = byRule.get(e.indicator);
    if (list) list.push(e);
    else byRule.set(e.indicator, [e]);
  }
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    const c = config.indicators[rule.id];
    if (!c?.enabled) continue;
    const mine = byRule.get(rule.id);
    runs.push({ indicator: rule, outcome: mine ? { status: 'fail', findings: findingsOf(rule, mine, c.points, site, sampledPages, detail) } : { status: 'pass' } });
  }
  return runs;
}

/**
 * Fill contentDir with the registry, rules, dictionary and one findings file per site per quarter.
 * Quarter by quarter, file by file: only one quarter's truth is in memory at a time.
 */
export function generateScale(o: ScaleOptions): ScaleSummary {
  const started = performance.now();
  const emit = o.onEvent ?? (() => {});
  const pagesPerSite = o.pagesPerSite ?? 40;
  const quarters = quartersEnding(o.until, o.quarters);
  const rules = RULES;

  // The registry depends on the seed only; each quarter's web differs by its as-of date (dates in targets and notes).
  let web = generateWeb({ sites: o.sites, pagesPerSite, seed: o.seed, asOf: asOfOf(quarters[0]!) });
  writeDemoRegistry(o.contentDir, web);
  const registry = loadRegistry(o.contentDir);
  const config = loadRulesConfig(o.contentDir);
  checkRulesConfig(rules, config);
  emit({ type: 'registry', sites: registry.sites.length, units: registry.units.length, ms: Math.round(performance.now() - started) });

  let files = 0;
  for (const [k, quarter] of quarters.entries()) {
    const t0 = performance.now();
    const asOf = asOfOf(quarter);
    if (k > 0) web = generateWeb({ sites: o.sites, pagesPerSite, seed: o.seed, asOf });
    if (web.sites.length !== registry.sites.length || web.sites.some((s, i) => s.id !== registry.sites[i]?.id)) {
      throw new Error(`the sandbox registry of ${quarter} differs from the first quarter's`);
    }
    const truthBySite = new Map<string, TruthEntry[]>();
    for (const e of web.truth) {
      const list = truthBySite.get(e.site);
      if (list) list.push(e);
      else truthBySite.set(e.site, [e]);
    }
    removeStaleFindings(o.contentDir, quarter, new Set(registry.sites.map((s) => s.id)));
    let failing = 0;
    let findings = 0;
    for (const site of registry.sites) {
      const entries = truthInQuarter(truthBySite.get(site.id) ?? [], o.seed, quarter);
      const stats = crawlStats(o.seed, quarter, site.id, entries.some((e) => e.indicator === 'site-unreachable'), pagesPerSite);
      // Page tags are judged on the column and content pages read: all but the home page and the board.
      const crawl = runsFromTruth(entries, site, rules, config, Math.max(1, stats.pages - 2), asOf).map((r) => ({ indicator: r.indicator.id, outcome: r.outcome }));
      const result = assembleSiteQuarter({ head: headOf(site, quarter, asOf, stats), site, crawl, manual: [], review: { decisions: [], replies: [] }, config });
      writeSiteQuarter(o.contentDir, result, summaryBody(result));
      files++;
      findings += result.findings.length;
      if (result.verdict === 'fail') failing++;
    }
    emit({ type: 'quarter', quarter, asOf, files: registry.sites.length, failing, findings, ms: Math.round(performance.now() - t0) });
  }
  return { quarters, files, ms: Math.round(performance.now() - started) };
}
