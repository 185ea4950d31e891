// A findings file = the crawl's findings + the quarter's manual records + the review. Both the
// crawl (as it writes each file) and the workflow commands (record, review, correct: without
// crawling again) go through applyWorkflow, so a file is always the same function of its inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import type { ReviewFile } from '../schemas/review.ts';
import type { Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import type { RuleRun } from '../inspector/engine/run-rules.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { InputError } from '../store/yaml-file.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { parseSiteQuarter, renderSiteQuarter } from '../inspector/report/site-quarter.ts';
import { summaryBody } from '../inspector/report/summary.ts';
import type { Rule } from '../inspector/rules/types.ts';
import { score, sortFindings } from '../inspector/scoring/score.ts';
import { loadMedia } from '../store/media.ts';
import { INDICATOR_TITLES, indicatorDef, loadRecords, recordFinding, type LoadedRecord, type RecordContext } from './records.ts';
import { quarterParts } from '../store/quarter-paths.ts';
import { findingKey, loadReview } from './review.ts';

/** What a quarter's findings files are made from besides the crawl. */
export interface QuarterWorkflow {
  records: LoadedRecord[];
  review: ReviewFile;
}

/** Drop what applyWorkflow adds, leaving the crawl's own finding. */
function crawlOnly(f: Finding): Finding {
  const { review: _r, reply: _p, ...rest } = f;
  return rest;
}

/** The scoring kind of a finding's indicator; an id no rule or manual item knows is a data error. */
function ruleOf(id: string, file: string): Rule {
  const def = indicatorDef(id);
  if (!def || def.subject !== 'site' || def.kind === 'problem') throw new InputError(`${file}: indicator ${id} is not a website indicator any rule or manual item knows`);
  return { id, title: def.title, clause: def.clause, kind: def.kind, points: [], run: () => ({ status: 'pass' }) };
}

/**
 * The findings file of one site as its inputs make it: the crawl's findings (whether counted or
 * dismissed before), each with its decision and reply by key; the site's manual records; then the
 * national scoring over what counts. Applying it twice gives the same result.
 */
export function applyWorkflow(stored: SiteQuarter, site: Pick<Site, 'kind' | 'services' | 'url'>, records: readonly LoadedRecord[], review: ReviewFile, config: RulesConfig, file = `findings/${stored.quarter}/${stored.site}.md`): SiteQuarter {
  const decisions = new Map(review.decisions.filter((d) => d.site === stored.site).map((d) => [findingKey(d.site, d.indicator, d.target), d]));
  const replies = new Map(review.replies.filter((r) => r.site === stored.site).map((r) => [findingKey(r.site, r.indicator, r.target), r]));
  const withReply = (f: Finding): Finding => {
    const r = replies.get(findingKey(stored.site, f.indicator, f.target));
    return r ? { ...f, reply: { text: r.text, date: r.date } } : f;
  };
  const counted: Finding[] = [];
  const dismissed: Finding[] = [];
  for (const f of [...stored.findings.filter((x) => x.source !== 'manual'), ...(stored.dismissed ?? [])].map(crawlOnly)) {
    const d = decisions.get(findingKey(stored.site, f.indicator, f.target));
    const g = withReply(d ? { ...f, review: { decision: d.decision, ...(d.reason ? { reason: d.reason } : {}), inspector: d.inspector, date: d.date } } : f);
    (d?.decision === 'dismissed' ? dismissed : counted).push(g);
  }
  counted.push(...records.filter((r) => r.data.site === stored.site).map((r) => withReply(recordFinding(r, site.url))));
  const byIndicator = new Map<string, Finding[]>();
  for (const f of counted) {
    const list = byIndicator.get(f.indicator);
    if (list) list.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  // A veto the crawl concluded without a finding to show still holds. One that had findings holds
  // only through them: dismissed, or a manual record since removed, it is gone.
  const hadFindings = new Set([...stored.findings, ...(stored.dismissed ?? [])].map((f) => f.indicator));
  for (const v of stored.vetoes) if (!hadFindings.has(v) && !byIndicator.has(v)) byIndicator.set(v, []);
  const runs: RuleRun[] = [...byIndicator].map(([id, findings]) => ({ rule: ruleOf(id, file), outcome: { status: 'fail', findings } }));
  for (const e of stored.errors ?? []) runs.push({ rule: ruleOf(e.indicator, file), outcome: { status: 'error', message: e.message } });
  for (const n of stored.notApplicable ?? []) if (!byIndicator.has(n.indicator)) runs.push({ rule: ruleOf(n.indicator, file), outcome: { status: 'not_applicable', reason: n.reason } });
  const s = score(runs, config, site);
  const { dismissed: _old, errors: _errors, bonus: _bonus, noServices: _ns, notApplicable: _na, ...rest } = stored;
  return {
    ...rest,
    verdict: s.verdict,
    score: s.score,
    ...(s.bonus > 0 ? { bonus: s.bonus } : {}),
    ...(s.noServices ? { noServices: true as const } : {}),
    vetoes: s.vetoes,
    findings: s.findings,
    ...(dismissed.length ? { dismissed: sortFindings(dismissed) } : {}),
    ...(s.errors.length ? { errors: s.errors } : {}),
    ...(s.notApplicable.length ? { notApplicable: s.notApplicable } : {}),
  };
}

/** The registry, rules, media and publicDir a content folder's records are checked against. */
export function recordContext(contentDir: string): RecordContext {
  const registry = loadRegistry(contentDir);
  const unitIds = new Set(registry.units.map((u) => u.id));
  return {
    sites: new Map(registry.sites.map((s) => [s.id, s])),
    unitIds,
    media: new Map(loadMedia(contentDir, unitIds).map((m) => [m.id, m])),
    config: loadRulesConfig(contentDir),
    // The portal's public/ folder sits beside the content folder (content/ and public/ in the repository).
    publicDir: join(dirname(resolve(contentDir)), 'public'),
  };
}

/** The quarter's records and review; none when the quarter has neither (no registry read then). */
export function loadWorkflow(contentDir: string, quarter: string, ctx?: RecordContext): QuarterWorkflow {
  const review = loadReview(contentDir, quarter);
  const hasRecords = existsSync(join(contentDir, quarterParts(quarter).manual));
  return { records: hasRecords ? loadRecords(contentDir, quarter, ctx ?? recordContext(contentDir)) : [], review };
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
  const ctx = recordContext(contentDir);
  const { records, review } = loadWorkflow(contentDir, quarter, ctx);
  const dir = join(contentDir, quarterParts(quarter).findings);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort() : [];
  const siteIds = new Set(names.map((n) => n.slice(0, -3)));
  const orphans = records.filter((r) => r.data.site !== undefined && !siteIds.has(r.data.site));
  if (orphans.length) {
    throw new InputError(
      `${orphans.length} record${orphans.length > 1 ? 's' : ''} of ${quarter} name${orphans.length > 1 ? '' : 's'} a site with no findings file that quarter (crawl it first: npm run crawl -- --quarter ${quarter} --only <site>):\n  ` +
        orphans.map((r) => `${r.file}: site ${r.data.site}`).join('\n  '),
    );
  }
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const name of only ? names.filter((n) => only.has(n.slice(0, -3))) : names) {
    const rel = `${quarterParts(quarter).findings}/${name}`;
    const path = join(contentDir, rel);
    const text = readFileSync(path, 'utf8');
    const { data } = parseSiteQuarter(text, path);
    const site = ctx.sites.get(data.site);
    if (!site) throw new InputError(`${path}: site ${data.site} is not in sites.yaml any more; it cannot be re-scored`);
    const next = applyWorkflow(data, site, records, review, ctx.config, rel);
    for (const f of [...next.findings, ...(next.dismissed ?? [])]) seen.add(findingKey(next.site, f.indicator, f.target));
    const out = renderSiteQuarter(next, summaryBody(next, INDICATOR_TITLES));
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
