// A findings file's data is one function of its inputs: what the crawl concluded, the inspectors'
// records of the site, and the review, scored once. The crawl calls it with its rules' fresh
// outcomes; the workflow commands (record, review, publish, correct) with the crawl's conclusions
// read back from the file (crawlConclusions), so re-scoring never needs the network.
import { InputError } from '../../errors.ts';
import type { Finding, SiteQuarter } from '../../schemas/findings.ts';
import { isColumnEntity, type Site } from '../../schemas/registry.ts';
import type { ReviewFile } from '../../schemas/review.ts';
import type { RulesConfig } from '../../schemas/rules-config.ts';
import { indicator } from '../catalogue/index.ts';
import type { IndicatorFinding, IndicatorOutcome, IndicatorResult } from '../indicator.ts';
import { score, sortFindings } from '../scoring/score.ts';

/** The key a review decision or a reply names a finding by: site, indicator and target, never its position. */
export const findingKey = (site: string, indicator: string, target: string): string => `${site}\u0000${indicator}\u0000${target}`;

/** What the crawl concluded on one indicator of a site. */
export interface Conclusion {
  indicator: string;
  outcome: IndicatorOutcome;
}

/** Everything a findings file is made from. */
export interface SiteQuarterInputs {
  /** Who and when, and what the crawl saw: from the registry when crawled, from the file when re-scored. */
  head: Pick<SiteQuarter, 'site' | 'name' | 'url' | 'unit' | 'region' | 'column' | 'quarter' | 'asOf' | 'stats'>;
  /** The registry's entry: its kind and services decide the scoring method. */
  site: Pick<Site, 'kind' | 'services'>;
  /** The crawl's conclusions, one per indicator it judged (passes may be left out). */
  crawl: readonly Conclusion[];
  /** The site's manual records as findings (each with its clause, source: manual). */
  manual: readonly Finding[];
  /** The quarter's review: decisions on the crawl's findings and the site's replies, by key. */
  review: Pick<ReviewFile, 'decisions' | 'replies'>;
  config: RulesConfig;
  /** The file, for errors: findings/<quarter>/<site>.md. */
  file?: string;
}

/** Drop what the review adds to a crawl finding, leaving it as the crawl reported it. */
function asCrawled(f: IndicatorFinding): IndicatorFinding {
  const { review: _r, reply: _p, clause: _c, ...rest } = f as Finding;
  return rest;
}

/** The head of a findings file from the registry's entry of a site. */
export function headOf(site: Pick<Site, 'id' | 'name' | 'url' | 'unit' | 'region' | 'kind'>, quarter: string, asOf: string, stats: SiteQuarter['stats']): SiteQuarterInputs['head'] {
  return { site: site.id, name: site.name, url: site.url, unit: site.unit, ...(site.region ? { region: site.region } : {}), ...(isColumnEntity(site) ? { column: true as const } : {}), quarter, asOf, stats };
}

/**
 * The findings file's frontmatter: each crawl finding with its decision and reply by key (a
 * dismissed one is kept apart and does not count), the manual records, then the national scoring
 * over what counts. Applying it to its own output's conclusions gives the same file.
 */
export function assembleSiteQuarter(x: SiteQuarterInputs): SiteQuarter {
  const file = x.file ?? `findings/${x.head.quarter}/${x.head.site}.md`;
  const key = (f: { indicator: string; target: string }) => findingKey(x.head.site, f.indicator, f.target);
  const decisions = new Map(x.review.decisions.filter((d) => d.site === x.head.site).map((d) => [key(d), d]));
  const replies = new Map(x.review.replies.filter((r) => r.site === x.head.site).map((r) => [key(r), r]));
  const withReply = <F extends IndicatorFinding>(f: F): F => {
    const r = replies.get(key(f));
    return r ? { ...f, reply: { text: r.text, date: r.date } } : f;
  };

  const counted = new Map<string, IndicatorFinding[]>();
  const count = (id: string, fs: readonly IndicatorFinding[]) => counted.set(id, [...(counted.get(id) ?? []), ...fs]);
  const dismissed: IndicatorFinding[] = [];
  const others: IndicatorResult[] = [];
  const def = (id: string) => {
    const d = indicator(id);
    if (!d || d.subject !== 'site' || d.kind === 'problem') throw new InputError(`${file}: indicator ${id} is not a website indicator any rule or manual item knows`);
    return d;
  };
  for (const c of x.crawl) {
    if (c.outcome.status !== 'fail') {
      if (c.outcome.status !== 'pass') others.push({ indicator: def(c.indicator), outcome: c.outcome });
      continue;
    }
    // A veto concluded without a finding to show holds as it is; one with findings holds only through them.
    if (c.outcome.findings.length === 0) count(c.indicator, []);
    for (const f of c.outcome.findings.map(asCrawled)) {
      const d = decisions.get(key(f));
      const g = withReply(d ? { ...f, review: { decision: d.decision, ...(d.reason ? { reason: d.reason } : {}), inspector: d.inspector, date: d.date } } : f);
      if (d?.decision === 'dismissed') dismissed.push(g);
      else count(c.indicator, [g]);
    }
  }
  for (const f of x.manual) count(f.indicator, [withReply(f)]);

  const results: IndicatorResult[] = [...counted].map(([id, findings]) => ({ indicator: def(id), outcome: { status: 'fail', findings } }));
  // An indicator the crawl could not judge but an inspector recorded is judged: the record stands.
  for (const r of others) if (!(r.outcome.status === 'not_applicable' && counted.has(r.indicator.id))) results.push(r);
  const s = score(results, x.config, x.site);
  const dismissedWithClause = dismissed.map((f): Finding => ({ ...f, clause: def(f.indicator).clause }));
  return {
    ...x.head,
    verdict: s.verdict,
    score: s.score,
    ...(s.bonus > 0 ? { bonus: s.bonus } : {}),
    ...(s.noServices ? { noServices: true as const } : {}),
    vetoes: s.vetoes,
    findings: s.findings,
    ...(dismissed.length ? { dismissed: sortFindings(dismissedWithClause) } : {}),
    ...(s.errors.length ? { errors: s.errors } : {}),
    ...(s.notApplicable.length ? { notApplicable: s.notApplicable } : {}),
  };
}

/**
 * What the crawl concluded, read back from a findings file: its own findings (counted or
 * dismissed, without their decisions), the vetoes it concluded without a finding to show, the
 * rules that errored and those that did not apply. Manual findings are left out: the records are
 * read again.
 */
export function crawlConclusions(stored: SiteQuarter): Conclusion[] {
  const byIndicator = new Map<string, IndicatorFinding[]>();
  for (const f of [...stored.findings.filter((x) => x.source !== 'manual'), ...(stored.dismissed ?? [])]) byIndicator.set(f.indicator, [...(byIndicator.get(f.indicator) ?? []), asCrawled(f)]);
  const out: Conclusion[] = [...byIndicator].map(([id, findings]) => ({ indicator: id, outcome: { status: 'fail', findings } }));
  const hadFindings = new Set([...stored.findings, ...(stored.dismissed ?? [])].map((f) => f.indicator));
  for (const v of stored.vetoes) if (!hadFindings.has(v)) out.push({ indicator: v, outcome: { status: 'fail', findings: [] } });
  for (const e of stored.errors ?? []) out.push({ indicator: e.indicator, outcome: { status: 'error', message: e.message } });
  for (const n of stored.notApplicable ?? []) out.push({ indicator: n.indicator, outcome: { status: 'not_applicable', reason: n.reason } });
  return out;
}

/** The head of a findings file read back, to assemble it again. */
export function headOfFile(stored: SiteQuarter): SiteQuarterInputs['head'] {
  const { site, name, url, unit, region, column, quarter, asOf, stats } = stored;
  return { site, name, url, unit, ...(region !== undefined ? { region } : {}), ...(column ? { column } : {}), quarter, asOf, stats };
}
