import { describe, expect, it } from 'vitest';
import type { MonitorConfig, MonitorEvent } from '../../schemas/monitor.ts';
import { dayEvents, problemId, type DayCheck, type Observation } from './lifecycle.ts';
import { foldEvents } from '../../store/monitor-state.ts';

const config: MonitorConfig = {
  indicators: ['broken-link'],
  maxPages: 10,
  maxDepth: 2,
  reminders: { after: 2, every: 3, max: 3, indicators: { 'site-unreachable': { after: 1, every: 1 } } },
};

const link: Observation = { indicator: 'broken-link', target: 'http://a.gov.cn/x.html', page: 'http://a.gov.cn/', detail: 'HTTP 404', unit: 'u1' };
// sha256("http://a.gov.cn/x.html"), first 8 hex digits, worked out with `printf %s … | sha256sum`.
const LINK_ID = `broken-link-${'fc9c2663'}`;

/** Runs days in order over one site: each day's observations, and whether unseen problems were looked at. */
function run(days: Array<{ date: string; seen: Observation[]; looked?: boolean }>): MonitorEvent[] {
  const events: MonitorEvent[] = [];
  for (const d of days) {
    const check: DayCheck = { date: d.date, observed: d.seen, recheck: () => (d.looked === false ? undefined : '复查未见') };
    events.push(...dayEvents(foldEvents(events), check, config));
  }
  return events;
}

describe('problemId', () => {
  it('is the indicator and 8 hex digits of the target', () => {
    expect(problemId('broken-link', link.target, new Map())).toBe(LINK_ID);
  });
  it('takes more digits when another target holds the 8', () => {
    const id = problemId('broken-link', link.target, new Map([[LINK_ID, 'http://other/']]));
    expect(id).toMatch(/^broken-link-fc9c2663[0-9a-f]{4}$/);
    expect(problemId('broken-link', link.target, new Map([[LINK_ID, link.target]]))).toBe(LINK_ID);
  });
});

describe('dayEvents', () => {
  it('opens, reminds after 2 days and every 3, fixes when the re-check looks, reopens', () => {
    const events = run([
      { date: '2026-12-01', seen: [link] },
      { date: '2026-12-02', seen: [link] },
      { date: '2026-12-03', seen: [link] }, // 2 days old: first reminder
      { date: '2026-12-04', seen: [], looked: false }, // not looked at: still open, no reminder (1 day since)
      { date: '2026-12-06', seen: [link] }, // 3 days since the first: second reminder
      { date: '2026-12-07', seen: [] }, // looked, not seen: fixed
      { date: '2026-12-08', seen: [] },
      { date: '2026-12-09', seen: [{ ...link, page: 'http://a.gov.cn/b.html' }] }, // seen again: reopened, reminders afresh
      { date: '2026-12-11', seen: [link] },
    ]);
    expect(events.map((e) => `${e.date} ${e.event}${e.detail && e.event === 'remind' ? ` ${e.detail}` : ''}`)).toEqual([
      '2026-12-01 open',
      '2026-12-03 remind 第 1 次提醒',
      '2026-12-06 remind 第 2 次提醒',
      '2026-12-07 fixed',
      '2026-12-09 reopen',
      '2026-12-11 remind 第 1 次提醒',
    ]);
    expect(events.every((e) => e.problem === LINK_ID)).toBe(true);
    const p = foldEvents(events).get(LINK_ID)!;
    expect(p).toMatchObject({ opened: '2026-12-01', since: '2026-12-09', status: 'open', reminders: 1, spells: 2, page: 'http://a.gov.cn/b.html' });
  });

  it('stops reminding a spell after max reminders', () => {
    const days = Array.from({ length: 20 }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, seen: [link] }));
    expect(run(days).filter((e) => e.event === 'remind').map((e) => e.date)).toEqual(['2026-12-03', '2026-12-06', '2026-12-09']);
  });

  it('uses an indicator’s own reminder rule', () => {
    const down: Observation = { indicator: 'site-unreachable', target: 'http://a.gov.cn/', page: 'http://a.gov.cn/', detail: '连接被拒绝', unit: 'u1' };
    const events = run([{ date: '2026-12-01', seen: [down] }, { date: '2026-12-02', seen: [down] }, { date: '2026-12-03', seen: [down] }]);
    expect(events.filter((e) => e.event === 'remind').map((e) => e.date)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('gives the same rows when a day is run again from the same state: the state is not changed', () => {
    const problems = foldEvents(run([{ date: '2026-12-01', seen: [link] }]));
    const check: DayCheck = { date: '2026-12-05', observed: [link], recheck: () => undefined };
    const first = dayEvents(problems, check, config);
    expect(first.map((e) => e.event)).toEqual(['remind']);
    expect(dayEvents(problems, check, config)).toEqual(first);
  });

  it('refuses a day before the site’s last record', () => {
    const events = run([{ date: '2026-12-05', seen: [link] }]);
    expect(() => dayEvents(foldEvents(events), { date: '2026-12-04', observed: [], recheck: () => undefined }, config)).toThrow(/already reach 2026-12-05/);
  });
});

describe('foldEvents', () => {
  it('names an event that does not fit its problem', () => {
    const fixed: MonitorEvent = { date: '2026-12-02', problem: LINK_ID, event: 'fixed', target: '', page: link.page, unit: '', detail: '' };
    expect(() => foldEvents([fixed], 'content/monitor/a/2026.csv')).toThrow(`content/monitor/a/2026.csv: 2026-12-02 fixed of ${LINK_ID}: no such problem was opened`);
  });
});
