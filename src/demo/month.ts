// A simulated month of the daily monitor (point 9 of the daily loop): the sandbox's web day after
// day (sandbox/daily.ts), the monitor's pass each day, and what it recorded against the truth of each
// day: every problem's spells (opened, fixed), matched within a day, and the reminders sent.
import { dayNumber, isoDay } from '../sandbox/dates.ts';
import { siteOnDay, truthOnDay } from '../sandbox/daily.ts';
import { buildSiteModel } from '../sandbox/model.ts';
import type { RunningSandbox } from '../sandbox/server.ts';
import type { SandboxWeb } from '../sandbox/types.ts';
import type { Site } from '../schemas/registry.ts';
import { readSiteEvents } from '../store/monitor-records.ts';
import { foldEvents } from '../store/monitor-state.ts';
import { runMonitor, type MonitorInput } from '../workflow/monitor/daily.ts';

/** Problem lives as "site indicator target" → each spell's first and last-plus-one day after the as-of date (undefined: still open). */
export type Lives = Map<string, Array<[number, number | undefined]>>;

/**
 * The truth's lives over `days` days: a problem is present on the days the day's truth lists it;
 * the days its site is down say nothing of its other problems (the monitor cannot look).
 */
export function truthLives(web: SandboxWeb, sites: readonly Site[], asOf: string, days: number, indicators: readonly string[]): Lives {
  const lives: Lives = new Map();
  const ids = new Set(sites.map((s) => s.id));
  const down = (site: string, d: number) => siteOnDay(buildSiteModel(web, web.sites.findIndex((s) => s.id === site)), isoDay(dayNumber(asOf) + d)).down;
  const present: Array<Set<string>> = [];
  for (let d = 0; d < days; d++) {
    present.push(new Set(truthOnDay(web, isoDay(dayNumber(asOf) + d)).filter((t) => ids.has(t.site) && indicators.includes(t.indicator)).map((t) => `${t.site} ${t.indicator} ${t.target}`)));
  }
  for (const key of new Set(present.flatMap((s) => [...s]))) {
    const [site, indicator] = key.split(' ') as [string, string];
    const spells: Array<[number, number | undefined]> = [];
    for (let d = 0; d < days; d++) {
      if (indicator !== 'site-unreachable' && down(site, d)) continue;
      const open = spells.at(-1);
      const on = present[d]!.has(key);
      if (on && (!open || open[1] !== undefined)) spells.push([d, undefined]);
      if (!on && open && open[1] === undefined) open[1] = d;
    }
    if (spells.length) lives.set(key, spells);
  }
  return lives;
}

/** The monitor's lives, from the events it wrote for the given sites and indicators. */
export function monitorLives(contentDir: string, sites: readonly Site[], asOf: string, indicators: readonly string[]): Lives {
  const lives: Lives = new Map();
  for (const s of sites) {
    const events = readSiteEvents(contentDir, s.id);
    for (const p of foldEvents(events).values()) {
      if (!indicators.includes(p.indicator)) continue;
      const spells: Array<[number, number | undefined]> = [];
      for (const e of events.filter((x) => x.problem === p.id)) {
        const d = dayNumber(e.date) - dayNumber(asOf);
        if (e.event === 'open' || e.event === 'reopen') spells.push([d, undefined]);
        if (e.event === 'fixed') spells.at(-1)![1] = d;
      }
      lives.set(`${s.id} ${p.indicator} ${p.target}`, spells);
    }
  }
  return lives;
}

/** Matches of one kind of event (openings or fixes): the monitor's, the truth's, and those within a day of each other. */
export interface EventScore {
  seen: number;
  truth: number;
  matched: number;
}

/** Openings and fixes of the monitor against the truth: spell by spell, each within a day. */
export function compareLives(truth: Lives, seen: Lives): { openings: EventScore; fixes: EventScore } {
  const openings = { seen: 0, truth: 0, matched: 0 };
  const fixes = { seen: 0, truth: 0, matched: 0 };
  const near = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1;
  for (const spells of seen.values()) {
    openings.seen += spells.length;
    fixes.seen += spells.filter(([, f]) => f !== undefined).length;
  }
  for (const [key, spells] of truth) {
    openings.truth += spells.length;
    fixes.truth += spells.filter(([, f]) => f !== undefined).length;
    const got = seen.get(key) ?? [];
    spells.forEach(([o, f], i) => {
      const g = got[i];
      if (g && near(g[0], o)) openings.matched++;
      if (g && f !== undefined && near(g[1], f)) fixes.matched++;
    });
  }
  return { openings, fixes };
}

/** Precision and recall of one kind of event (1 when there is nothing to find or nothing found). */
export function precisionRecall(s: EventScore): { precision: number; recall: number } {
  return { precision: s.seen ? s.matched / s.seen : 1, recall: s.truth ? s.matched / s.truth : 1 };
}

export interface MonthResult {
  days: number;
  /** Sites monitored, and those compared with the truth. */
  sites: number;
  compared: number;
  openings: EventScore;
  fixes: EventScore;
  /** Reminders recorded over the month, and the units they went to. */
  reminders: number;
  units: number;
  /** Sites whose pass hit a bug on some day. */
  internalErrors: Array<{ date: string; site: string; message: string }>;
}

/**
 * Run the monitor for `days` days from the as-of date on the sandbox, into the input's content
 * folder, then compare the `compared` sites' openings and fixes of `indicators` with the truth.
 */
export async function simulateMonth(sandbox: RunningSandbox, input: Omit<MonitorInput, 'date'>, asOf: string, days: number, compared: readonly Site[], indicators: readonly string[]): Promise<MonthResult> {
  const internalErrors: MonthResult['internalErrors'] = [];
  for (let d = 0; d < days; d++) {
    const date = isoDay(dayNumber(asOf) + d);
    sandbox.setDay(date);
    const s = await runMonitor({ ...input, date });
    internalErrors.push(...s.internalErrors.map((e) => ({ date, ...e })));
  }
  sandbox.setDay(asOf);
  const { openings, fixes } = compareLives(truthLives(sandbox.web, compared, asOf, days, indicators), monitorLives(input.contentDir, compared, asOf, indicators));
  const reminded = input.sites.flatMap((s) => readSiteEvents(input.contentDir, s.id).filter((e) => e.event === 'remind'));
  return { days, sites: input.sites.length, compared: compared.length, openings, fixes, reminders: reminded.length, units: new Set(reminded.map((e) => e.unit)).size, internalErrors };
}

/** The demo's lines about the month. */
export function formatMonth(m: MonthResult, indicators: readonly string[]): string {
  const pct = (x: number) => x.toFixed(2);
  const line = (name: string, s: EventScore) => {
    const { precision, recall } = precisionRecall(s);
    return `  ${name}：记录 ${s.seen} 个，真值 ${s.truth} 个，相差不超过 1 天的 ${s.matched} 个，精确率 ${pct(precision)}，召回率 ${pct(recall)}`;
  };
  return [
    `模拟一个月的日常监测：${m.days} 天，监测网站 ${m.sites} 个，与真值比对 ${m.compared} 个（${indicators.join('、')}）`,
    line('问题出现', m.openings),
    line('问题整改', m.fixes),
    `  提醒 ${m.reminders} 次，涉及单位 ${m.units} 个${m.internalErrors.length ? `；内部错误 ${m.internalErrors.length} 次` : ''}`,
  ].join('\n');
}
