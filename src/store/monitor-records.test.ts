import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../schemas/monitor.ts';
import { addSeenColumns, eventFile, parseDaysCsv, parseEventCsv, parseSeenCsv, readSeenColumns, readSiteEvents, seenColumnsFile, serializeEventCsv, writeSiteEvents } from './monitor-records.ts';

const HEADER = 'date,problem,event,target,page,unit,detail\n';
const open: MonitorEvent = { date: '2026-12-01', problem: 'broken-link-fc9c2663', event: 'open', target: 'http://a.gov.cn/x.html', page: 'http://a.gov.cn/', unit: 'u1', detail: 'HTTP 404, "引号"' };
const remind: MonitorEvent = { date: '2026-12-03', problem: 'broken-link-fc9c2663', event: 'remind', target: '', page: '', unit: 'u1', detail: '第 1 次提醒' };

describe('event files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, byte-stable, quoting what needs it', () => {
    const text = serializeEventCsv([open, remind]);
    expect(text).toBe(`${HEADER}2026-12-01,broken-link-fc9c2663,open,http://a.gov.cn/x.html,http://a.gov.cn/,u1,"HTTP 404, ""引号"""\n2026-12-03,broken-link-fc9c2663,remind,,,u1,第 1 次提醒\n`);
    expect(parseEventCsv(text, 'x.csv')).toEqual([open, remind]);
    expect(writeSiteEvents(dir, 'a', '2026', [open, remind])).toBe(true);
    expect(writeSiteEvents(dir, 'a', '2026', [open, remind])).toBe(false);
    expect(readFileSync(eventFile(dir, 'a', 2026), 'utf8')).toBe(text);
    expect(readSiteEvents(dir, 'a')).toEqual([open, remind]);
    expect(readSiteEvents(dir, 'nobody')).toEqual([]);
  });

  it('names the file, line and field of each bad row', () => {
    const text = `${HEADER}2026-12-01,broken-link-fc9c2663,opened,x,p,u1,\n2026-12-01,broken-link-fc9c2663,open,,p,u1,\n2025-12-01,Broken,remind,,,u1,\n`;
    let message = '';
    try {
      parseEventCsv(text, 'content/monitor/a/2026.csv');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('content/monitor/a/2026.csv:2: event:');
    expect(message).toContain('content/monitor/a/2026.csv:3: target: is required on open');
    expect(message).toContain('content/monitor/a/2026.csv:4: problem:');
  });

  it('refuses rows out of order, and the same event twice', () => {
    const rows = (a: MonitorEvent, b: MonitorEvent) => serializeEventCsv([a]) + serializeEventCsv([b]).slice(HEADER.length);
    expect(() => parseEventCsv(rows(remind, open), 'f.csv')).toThrow('f.csv:3: date: comes before line 2');
    expect(() => parseEventCsv(rows(open, open), 'f.csv')).toThrow('f.csv:3: event: open of broken-link-fc9c2663 on 2026-12-01 repeats line 2');
    expect(() => serializeEventCsv([remind, open])).toThrow(/out of order/);
  });

  it('reads a days file and refuses a day twice', () => {
    const head = 'date,sites,checked,unreachable,not_checked,opened,reopened,fixed,reminded\n';
    expect(parseDaysCsv(`${head}2026-12-01,3,2,1,0,4,0,0,1\n`, 'd.csv')).toEqual([{ date: '2026-12-01', sites: 3, checked: 2, unreachable: 1, not_checked: 0, opened: 4, reopened: 0, fixed: 0, reminded: 1 }]);
    expect(() => parseDaysCsv(`${head}2026-12-01,3,2,1,0,4,0,0,1\n2026-12-01,3,2,1,0,4,0,0,1\n`, 'd.csv')).toThrow('d.csv:3: date: 2026-12-01 repeats line 2');
  });
});

describe('seen columns', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-seen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each name and list page once, with the day first seen, in order; the event reader ignores the file', () => {
    expect(readSeenColumns(dir, 'a')).toEqual([]);
    expect(addSeenColumns(dir, 'a', '2026-12-02', [{ column: '民生', url: 'http://a.gov.cn/zt/ms/' }, { column: '要闻', url: 'http://a.gov.cn/yw/' }])).toBe(true);
    expect(addSeenColumns(dir, 'a', '2026-12-03', [{ column: '要闻', url: 'http://a.gov.cn/yw/' }])).toBe(false);
    expect(addSeenColumns(dir, 'a', '2026-12-01', [{ column: '公告', url: 'http://a.gov.cn/gg/' }])).toBe(true);
    // Code-point order of day, then name: 民 (U+6C11) before 要 (U+8981).
    expect(readFileSync(seenColumnsFile(dir, 'a'), 'utf8')).toBe('column,url,first_seen\n公告,http://a.gov.cn/gg/,2026-12-01\n民生,http://a.gov.cn/zt/ms/,2026-12-02\n要闻,http://a.gov.cn/yw/,2026-12-02\n');
    expect(readSiteEvents(dir, 'a')).toEqual([]);
  });

  it('names the file, line and field of a bad or repeated row', () => {
    const text = 'column,url,first_seen\n要闻,http://a.gov.cn/yw/,2026-12-02\n要闻,http://a.gov.cn/yw/,2026-12-02\n,ftp://x/,2026-13-01\n';
    expect(() => parseSeenCsv(text, 'columns.csv')).toThrow(/columns\.csv:3: column: 要闻 at http:\/\/a\.gov\.cn\/yw\/ repeats line 2[\s\S]*columns\.csv:4: column: is required[\s\S]*columns\.csv:4: url: must be an http/);
  });
});
