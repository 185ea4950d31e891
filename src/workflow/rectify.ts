// npm run rectify: the problems a published notice named, re-checked on one day by the crawl's own
// machinery and rules (each named site crawled, the pages of its named problems read too), written
// to content/rectification/<quarter>.csv. Re-running a day replaces that day's rows of the sites it
// re-checked.
import { InputError } from '../errors.ts';
import { runRules, type RuleRun } from '../inspector/engine/run-rules.ts';
import type { CrawlOptions } from '../inspector/gather/options.ts';
import { crawlSite } from '../inspector/gather/site.ts';
import { noteRendering, openCrawl, siteAdmission } from '../inspector/inspect.ts';
import { RULES } from '../inspector/rules/index.ts';
import type { Rule, RunContext } from '../inspector/rules/types.ts';
import type { DnsResolver, DutyAssignment, MonitoredProblem } from '../inspector/snapshot.ts';
import type { Sleeper } from '../inspector/gather/http.ts';
import type { WorkCalendar } from '../inspector/workdays.ts';
import type { Dictionary } from '../schemas/dictionary.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { Recheck } from '../schemas/rectification.ts';
import { isColumnEntity, type Site } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { readQuarterFile } from '../store/quarter-file.ts';
import { sitesChecked } from '../store/quarter-paths.ts';
import { saveRectifyReply, writeRechecks } from '../store/rectification.ts';
import type { RectifyReply } from '../schemas/rectification.ts';
import { readSiteQuarter } from './record-write.ts';
import { problemsNamed, recheck } from './rectification.ts';
import { recheckerOf } from './monitor/daily.ts';
import type { NamedProblem } from '../store/rectification.ts';

/** Every findings file of a quarter, in site order. */
export function quarterRows(contentDir: string, quarter: string): SiteQuarter[] {
  return sitesChecked(contentDir, quarter).map((id) => readSiteQuarter(contentDir, quarter, id)!);
}

/** The problems the published notice of a quarter named; refused while the quarter is a draft. */
export function publishedProblems(contentDir: string, quarter: string): NamedProblem[] {
  const file = readQuarterFile(contentDir, quarter);
  if (file?.status !== 'published') throw new InputError(`${quarter}: the notice is not published (content/quarters/${quarter}.md status: ${file?.status ?? 'no file'}); only the problems of a published notice are re-checked`);
  return problemsNamed(quarterRows(contentDir, quarter));
}

export interface RectifyInput {
  contentDir: string;
  quarter: string;
  /** The day of the re-check, Asia/Shanghai: every window is measured from it. */
  date: string;
  /** The registry: a named site no longer in it cannot be re-checked (it is reported). */
  sites: readonly Site[];
  only?: readonly string[];
  options: CrawlOptions;
  rulesConfig: RulesConfig;
  dictionary: Dictionary;
  calendar: WorkCalendar;
  rules?: readonly Rule[];
  /** Answers the IPv6 checks' DNS queries (AAAA, NS); without it IPv6 is not re-checked. */
  resolver?: DnsResolver;
  monitored?: (site: Site) => MonitoredProblem[] | undefined;
  duty?: (site: Site) => DutyAssignment[] | undefined;
  sleeper?: Sleeper;
}

export interface RectifySummary {
  rows: Recheck[];
  /** Named sites the registry no longer has: their problems stay as their last re-check left them. */
  missing: string[];
  /** Sites whose re-check hit a bug: no rows for them this day. */
  internalErrors: Array<{ site: string; message: string }>;
  file: string;
}

/** Re-check a published notice's problems on one day and record what each re-check saw. */
export async function runRectify(input: RectifyInput): Promise<RectifySummary> {
  const named = publishedProblems(input.contentDir, input.quarter).filter((p) => !input.only || input.only.includes(p.site));
  const bySite = new Map<string, NamedProblem[]>();
  for (const p of named) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
  const registry = new Map(input.sites.map((s) => [s.id, s]));
  const missing = [...bySite.keys()].filter((id) => !registry.has(id));
  const rules = input.rules ?? RULES;
  const ctx: RunContext = { config: input.rulesConfig, dictionary: input.dictionary, calendar: input.calendar };
  const { gather, close } = await openCrawl({
    options: input.options,
    rulesConfig: input.rulesConfig,
    asOf: input.date,
    columnEntities: input.sites.filter(isColumnEntity),
    ...(input.resolver ? { resolver: input.resolver } : {}),
    ...(input.monitored ? { monitored: input.monitored } : {}),
    ...(input.duty ? { duty: input.duty } : {}),
    ...(input.sleeper ? { sleeper: input.sleeper } : {}),
  });
  const rows: Recheck[] = [];
  const done = new Set<string>();
  const internalErrors: RectifySummary['internalErrors'] = [];
  const admission = siteAdmission(gather);
  try {
    await Promise.all(
      [...bySite].filter(([id]) => registry.has(id)).map(([id, problems]) =>
        admission.run(async (slot) => {
          const site = registry.get(id)!;
          try {
            const pages = [...new Set(problems.filter((p) => p.source === 'crawl').map((p) => p.page))];
            // An inspector's items only: nothing for a crawl to see.
            if (pages.length === 0) {
              rows.push(...problems.map((p) => recheck(p, [], input.date, () => undefined)));
              done.add(id);
              return;
            }
            const snapshot = await crawlSite(site, input.date, gather, { revisit: pages, idle: slot.idle });
            const runs = noteRendering(runRules(snapshot, rules, ctx), snapshot, rules) as RuleRun[];
            const looked = recheckerOf(snapshot, runs, input.rulesConfig, input.calendar);
            rows.push(...problems.map((p) => recheck(p, runs, input.date, looked)));
            done.add(id);
          } catch (e) {
            internalErrors.push({ site: id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
          }
        }),
      ),
    );
  } finally {
    admission.close();
    await close();
  }
  const file = writeRechecks(input.contentDir, input.quarter, input.date, done, rows);
  return { rows, missing, internalErrors: internalErrors.sort((a, b) => (a.site < b.site ? -1 : 1)), file };
}

/** Record a unit's reply to a problem the published notice named; a reply to anything else is refused. */
export function saveRectifyAnswer(contentDir: string, quarter: string, reply: RectifyReply): string {
  const named = publishedProblems(contentDir, quarter);
  if (!named.some((p) => p.site === reply.site && p.indicator === reply.indicator && p.target === reply.target)) {
    const ofSite = named.filter((p) => p.site === reply.site).map((p) => `${p.indicator} ${p.target}`);
    throw new InputError(`${quarter}: the notice named no problem ${reply.indicator} "${reply.target}" on ${reply.site}${ofSite.length ? `; it named there: ${ofSite.slice(0, 10).join('; ')}${ofSite.length > 10 ? ' …' : ''}` : ' (none on that site)'}`);
  }
  return saveRectifyReply(contentDir, quarter, reply);
}
