import { describe, expect, test } from 'vitest';
import { loadRulesConfig } from '../store/rules-config.ts';
import { DEFAULT_MONITOR } from '../workflow/monitor/daily.ts';
import { monitorSummaryTable, parseMonitorArgs } from './monitor.ts';

describe('npm run monitor arguments', () => {
  test('the day defaults to today; the network switches are the crawl’s', () => {
    expect(parseMonitorArgs([], '2026-12-05')).toEqual({ contentDir: 'content', date: '2026-12-05', options: {} });
    expect(parseMonitorArgs(['--date', '2026-12-01', '--only', 'a, b', '--per-host', '1', '--render', 'never', '--timeout', '10'], '2026-12-05')).toEqual({
      contentDir: 'content', date: '2026-12-01', only: ['a', 'b'], options: { perHost: 1, render: 'never', timeoutMs: 10_000 },
    });
    expect(parseMonitorArgs(['--help'])).toBeUndefined();
  });
  test('--shard i/n is the crawl’s shard; with --only it is refused', () => {
    expect(parseMonitorArgs(['--shard', '2/16'], '2026-12-05')?.shard).toEqual({ index: 2, count: 16 });
    expect(() => parseMonitorArgs(['--shard', '2/16', '--only', 'a'], '2026-12-05')).toThrow(/--shard and --only/);
    expect(() => parseMonitorArgs(['--shard', '17/16'], '2026-12-05')).toThrow(/--shard/);
  });
  test('bad values are refused with the switch named', () => {
    expect(() => parseMonitorArgs(['--date', '2026-13-01'])).toThrow('--date must be a date YYYY-MM-DD, got "2026-13-01"');
    expect(() => parseMonitorArgs(['--render', 'sometimes'])).toThrow('--render must be one of never, auto, always');
    expect(() => parseMonitorArgs(['--max-pages', '5'])).toThrow(/max-pages/);
  });
});

test('the shipped rules.yaml monitor block is the default a rules file without one gets, but for its reports: this office publishes them, an office that has not chosen does not', () => {
  const { reports, ...shipped } = loadRulesConfig('content').monitor!;
  expect(shipped).toEqual(DEFAULT_MONITOR);
  expect(reports).toBe('public');
  expect(DEFAULT_MONITOR.reports).toBeUndefined();
});

test('the summary table names the day and its counts', () => {
  const table = monitorSummaryTable({ day: { date: '2026-12-05', sites: 3, checked: 2, unreachable: 1, not_checked: 0, opened: 4, reopened: 1, fixed: 2, reminded: 5 }, internalErrors: [], requests: 90, pages: 40, olderNotRead: 7, elapsedMs: 12_345, planErrors: [] });
  expect(table.split('\n')[1]).toMatch(/^2026-12-05\s+3\s+2\s+1\s+0\s+4\s+1\s+2\s+5\s+40\s+7\s+90\s+12\.3 s$/);
});
