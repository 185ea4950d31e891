// Thirty days of the daily monitor against the simulated web as it changes (sandbox/daily.ts):
// every problem's opening and fixing day against the truth of each day, reminders against the
// rule, and a day run again changing nothing. Then the notice of the first day, re-checked on its
// deadline and ten days later (npm run rectify): each problem's 整改情况 against the truth of those days.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isoDay, dayNumber } from '../../sandbox/dates.ts';
import { truthOnDay, siteOnDay, DAILY_SPAN } from '../../sandbox/daily.ts';
import { buildSiteModel } from '../../sandbox/model.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import type { Site } from '../../schemas/registry.ts';
import type { MonitorConfig } from '../../schemas/monitor.ts';
import { loadDictionary } from '../../store/dictionary.ts';
import { readSiteEvents, readMonitorDays } from '../../store/monitor-records.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { resolveOptions } from '../../inspector/gather/options.ts';
import { loadCalendar } from '../../inspector/workdays.ts';
import { indicator as catalogued } from '../../inspector/catalogue/index.ts';
import remindersUnheeded from '../../inspector/rules/reminders-unheeded.ts';
import { context } from '../../inspector/rules/snapshot.test-helpers.ts';
import type { SiteSnapshot } from '../../inspector/snapshot.ts';
import { foldEvents, type Problem } from '../../store/monitor-state.ts';
import { monitorLives, truthLives } from '../../demo/month.ts';
import { openProblemsOn } from './state.ts';
import { articlesSince, dailyOptions, runMonitor } from './daily.ts';
import { inspect } from '../../inspector/inspect.ts';
import { byUnit, readRechecks, rectifications } from '../../store/rectification.ts';
import { publishedProblems, runRectify } from '../rectify.ts';
import { PAST_EVENTS } from '../rectification.ts';

const AS_OF = '2026-11-20';
const DAYS = DAILY_SPAN;
const MONITORED = ['broken-link', 'column-stale', 'homepage-not-updated', 'site-unreachable', 'typo'];
const monitor: MonitorConfig = { indicators: MONITORED, maxPages: 80, maxDepth: 3, articleDays: 7, reminders: { after: 2, every: 3, max: 5, indicators: { 'site-unreachable': { after: 1, every: 1 } } } };

const remindersCtx = context('reminders-unheeded', { points: { each: 1 }, params: { reminders: 3 } });
const indicatorTitle = (id: string) => catalogued(id)?.title ?? id;
const emptySnapshot = (site: Site): SiteSnapshot => ({ site, asOf: AS_OF, home: { attempts: [] }, pages: [], links: [], robots: 'honoured', columns: [], messages: [] });

let sandbox: RunningSandbox;
let dir: string;
let sites: Site[];

beforeAll(async () => {
  sandbox = await startSandbox({ sites: 24, pagesPerSite: 30, seed: 5, asOf: AS_OF });
  dir = mkdtempSync(join(tmpdir(), 'monitor-30-'));
  for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join('content', f), join(dir, f));
  // Sites that write their lists and footers by script need Chromium; the daily loop is about days, not rendering.
  sites = sandbox.web.sites.filter((s) => !sandbox.web.scripted.has(s.id)).map((s) => ({ ...s }) as Site);
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const truthLivesHere = () => truthLives(sandbox.web, sites, AS_OF, DAYS, MONITORED);
const monitorLivesHere = () => monitorLives(dir, sites, AS_OF, MONITORED);

describe('thirty days of monitoring', () => {
  test('every problem opens and is fixed within a day of the truth; reminders follow the rule; a day run again changes nothing', { timeout: 600_000 }, async () => {
    const rulesConfig = { ...loadRulesConfig(dir), monitor };
    const input = {
      sites,
      contentDir: dir,
      options: resolveOptions({ proxy: { http: sandbox.proxyUrl }, timeoutMs: 1_500, backoffMs: 20, homeAttemptGapMs: 20, hostDelayMs: 0, render: 'never', siteConcurrency: 8, concurrency: 32 }),
      rulesConfig,
      dictionary: loadDictionary(dir),
      calendar: loadCalendar(dir),
    };
    for (let d = 0; d < DAYS; d++) {
      const date = isoDay(dayNumber(AS_OF) + d);
      sandbox.setDay(date);
      const summary = await runMonitor({ ...input, date });
      expect(summary.internalErrors).toEqual([]);
    }

    const truth = truthLivesHere();
    const seen = monitorLivesHere();
    const misses: string[] = [];
    for (const [key, spells] of truth) {
      const got = seen.get(key);
      if (!got) misses.push(`${key}: never seen (truth ${JSON.stringify(spells)})`);
      else if (got.length !== spells.length || got.some(([o, f], i) => Math.abs(o - spells[i]![0]) > 1 || (f === undefined) !== (spells[i]![1] === undefined) || (f !== undefined && Math.abs(f - spells[i]![1]!) > 1))) {
        misses.push(`${key}: seen ${JSON.stringify(got)}, truth ${JSON.stringify(spells)}`);
      }
    }
    const falses = [...seen.keys()].filter((k) => !truth.has(k)).map((k) => `${k}: seen ${JSON.stringify(seen.get(k))}, not in the truth`);
    expect(misses).toEqual([]);
    expect(falses).toEqual([]);
    // The simulation moves: problems open after day 0 and others are fixed.
    const spells = [...truth.values()].flat();
    expect(spells.filter(([o]) => o > 0).length).toBeGreaterThan(3);
    expect(spells.filter(([, f]) => f !== undefined).length).toBeGreaterThan(3);

    // Reminders: after 2 days, then every 3 (site-unreachable: every day from the next), 5 at most, counted afresh on reopening.
    for (const s of sites) {
      const events = readSiteEvents(dir, s.id);
      for (const p of foldEvents(events).values()) {
        const rule = monitor.reminders.indicators[p.indicator] ?? monitor.reminders;
        const mine = events.filter((e) => e.problem === p.id);
        let since = -1;
        let last: number | undefined;
        let open = false;
        const expected: number[] = [];
        let remindedBefore = 0;
        for (let d = 0; d < DAYS; d++) {
          const today = mine.filter((e) => dayNumber(e.date) - dayNumber(AS_OF) === d);
          if (today.some((e) => e.event === 'open' || e.event === 'reopen')) [since, last, open, remindedBefore] = [d, undefined, true, expected.length];
          if (today.some((e) => e.event === 'fixed')) open = false;
          if (open && expected.length - remindedBefore < monitor.reminders.max && d - since >= rule.after && (last === undefined || d - last >= rule.every)) {
            expected.push(d);
            last = d;
          }
        }
        expect(mine.filter((e) => e.event === 'remind').map((e) => dayNumber(e.date) - dayNumber(AS_OF)), p.id).toEqual(expected);
      }
    }

    // 提醒三次以上: on the last day, the quarter's rule names exactly the problems the truth has open
    // long enough for three reminders (first after 2 days, then every 3: open at least 8 days).
    const lastDay = DAYS - 1;
    const open = openProblemsOn(dir, sites, isoDay(dayNumber(AS_OF) + lastDay));
    const named = new Set<string>();
    for (const s of sites) {
      const r = remindersUnheeded.run({ ...emptySnapshot(s), monitored: open.get(s.id)! }, remindersCtx);
      if (r.status === 'fail') for (const f of r.findings) named.add(`${s.id} ${/“(.+)”问题/.exec(f.detail)![1]} ${f.target}`);
    }
    const expectedNamed = new Set<string>();
    const borderline = new Set<string>();
    for (const [key, spells] of truth) {
      const [site, indicator, ...target] = key.split(' ');
      const last = spells.at(-1)!;
      if (last[1] !== undefined) continue;
      const rule = monitor.reminders.indicators[indicator!] ?? monitor.reminders;
      const count = (since: number) => (lastDay - since < rule.after ? 0 : Math.floor((lastDay - since - rule.after) / rule.every) + 1);
      const k = `${site} ${indicatorTitle(indicator!)} ${target.join(' ')}`;
      if (count(last[0]) >= 3) expectedNamed.add(k);
      if ((count(last[0] - 1) >= 3) !== (count(last[0] + 1) >= 3)) borderline.add(k);
    }
    const differ = [...new Set([...named, ...expectedNamed])].filter((k) => named.has(k) !== expectedNamed.has(k) && !borderline.has(k));
    expect(differ).toEqual([]);
    expect(expectedNamed.size).toBeGreaterThan(3);

    // The last day once more: the same bytes.
    const files = (): Record<string, string> => Object.fromEntries(readdirSync(join(dir, 'monitor'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, 'monitor', f), 'utf8')]));
    const before = files();
    await runMonitor({ ...input, date: isoDay(dayNumber(AS_OF) + DAYS - 1) });
    expect(files()).toEqual(before);
    expect(readMonitorDays(dir).map((d) => d.date)).toEqual(Array.from({ length: DAYS }, (_, d) => isoDay(dayNumber(AS_OF) + d)));
  });

  test('整改: the notice of the as-of day, re-checked on its deadline (day 10) and on day 20; each problem\u2019s 整改情况 matches the truth of those days', { timeout: 600_000 }, async () => {
    const content = mkdtempSync(join(tmpdir(), 'rectify-30-'));
    try {
      for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join('content', f), join(content, f));
      const rulesConfig = loadRulesConfig(content);
      const options = resolveOptions({ proxy: { http: sandbox.proxyUrl }, timeoutMs: 1_500, backoffMs: 20, homeAttemptGapMs: 20, hostDelayMs: 0, render: 'never', siteConcurrency: 8, concurrency: 32 });
      const common = { contentDir: content, options, rulesConfig, dictionary: loadDictionary(content), calendar: loadCalendar(content) };
      sandbox.setDay(AS_OF);
      const crawled = await inspect({ ...common, sites, quarter: '2026-Q4', asOf: AS_OF });
      expect(crawled.internalErrors).toEqual([]);
      const day = (d: number) => isoDay(dayNumber(AS_OF) + d);
      const [deadline, later] = [day(10), day(20)];
      mkdirSync(join(content, 'quarters'), { recursive: true });
      writeFileSync(join(content, 'quarters', '2026-Q4.md'), `---\nquarter: 2026-Q4\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府，市政府各部门\nstatus: published\npublished: ${AS_OF}\nrectifyBy: ${deadline}\n---\n`);
      for (const date of [deadline, later]) {
        sandbox.setDay(date);
        const s = await runRectify({ ...common, quarter: '2026-Q4', date, sites });
        expect(s.internalErrors).toEqual([]);
      }
      const named = publishedProblems(content, '2026-Q4');
      const list = rectifications(named, readRechecks(content, '2026-Q4'), [], deadline, later);

      // The truth: present on a day when that day's truth lists it; a site down that day says nothing.
      const present = (date: string) => new Set(truthOnDay(sandbox.web, date).map((t) => `${t.site} ${t.indicator} ${t.target}`));
      const [atDeadline, atLater] = [present(deadline), present(later)];
      const down = (site: string, date: string) => siteOnDay(buildSiteModel(sandbox.web, sandbox.web.sites.findIndex((x) => x.id === site)), date).down;
      const expectedState = (p: (typeof named)[number]) => {
        // A message answered late cannot be undone: never re-checked.
        if (PAST_EVENTS.has(p.indicator)) return 'unverified';
        const key = `${p.site} ${p.indicator} ${p.target}`;
        const checks = [
          { date: deadline, on: atDeadline.has(key) },
          { date: later, on: atLater.has(key) },
        ].filter((c) => p.indicator === 'site-unreachable' || !down(p.site, c.date));
        const first = checks[0];
        if (!first) return 'unverified';
        if (!first.on) return 'fixed';
        return checks.at(-1)!.on ? 'not-fixed' : 'fixed-late';
      };
      const wrong = list.filter((r) => r.source === 'crawl' && r.state !== expectedState(r)).map((r) => `${r.site} ${r.indicator} ${r.target}: ${r.state}, truth ${expectedState(r)}`);
      expect(wrong).toEqual([]);
      // The simulation moves: some problems fixed by the deadline, some only after it, some never.
      const states = list.map((r) => r.state);
      expect(states.filter((x) => x === 'fixed').length).toBeGreaterThan(0);
      expect(states.filter((x) => x === 'fixed-late').length).toBeGreaterThan(0);
      expect(states.filter((x) => x === 'not-fixed').length).toBeGreaterThan(0);
      // Per unit, the counts are those of its problems (the notice's table).
      const units = byUnit(list);
      expect(units.reduce((n, u) => n + u.named, 0)).toBe(named.length);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});

describe('the articles a day\'s pass reads', () => {
  const seen = (first_seen: string) => [{ column: '新闻动态', url: 'http://www.linhe.gov.cn/xwzx/', first_seen }];
  const config = { ...monitor, articleDays: 7 };
  const unreachable = (since: string, status: 'open' | 'fixed') => new Map([['p', { id: 'p', indicator: 'site-unreachable', target: 'http://www.linhe.gov.cn/', page: 'http://www.linhe.gov.cn/', detail: '', unit: 'linhe', opened: since, since, status, reminders: 0, spells: 1 } satisfies Problem]]);

  test('a site\'s first pass reads every page: no column seen before the day (a re-run of the first day included)', () => {
    expect(articlesSince(config, '2026-11-20', { seen: [], problems: new Map() })).toBeUndefined();
    expect(articlesSince(config, '2026-11-20', { seen: seen('2026-11-20'), problems: new Map() })).toBeUndefined();
  });
  test('later passes read what is dated within articleDays, or since the previous pass or the start of an outage when earlier', () => {
    expect(articlesSince(config, '2026-11-20', { previousPass: '2026-11-19', seen: seen('2026-11-01'), problems: new Map() })).toBe('2026-11-13');
    expect(articlesSince(config, '2026-11-20', { previousPass: '2026-11-02', seen: seen('2026-11-01'), problems: new Map() })).toBe('2026-11-02');
    expect(articlesSince(config, '2026-11-20', { previousPass: '2026-11-19', seen: seen('2026-11-01'), problems: unreachable('2026-11-09', 'open') })).toBe('2026-11-09');
    expect(articlesSince(config, '2026-11-20', { previousPass: '2026-11-19', seen: seen('2026-11-01'), problems: unreachable('2026-11-09', 'fixed') })).toBe('2026-11-13');
  });
  test('without the setting, every pass reads every page', () => {
    const { articleDays: _, ...without } = config;
    expect(articlesSince(without, '2026-11-20', { previousPass: '2026-11-19', seen: seen('2026-11-01'), problems: new Map() })).toBeUndefined();
  });
});

test('a daily pass renders at most the monitor\'s budget of pages a site, or the run\'s when that is smaller', () => {
  const run = resolveOptions({});
  expect(dailyOptions(run, { ...monitor, maxRendered: 8 })).toMatchObject({ maxRendered: 8, maxPages: 80, maxDepth: 3 });
  expect(dailyOptions({ ...run, maxRendered: 5 }, { ...monitor, maxRendered: 8 }).maxRendered).toBe(5);
  expect(dailyOptions(run, monitor).maxRendered).toBe(run.maxRendered);
});
