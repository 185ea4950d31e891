import { describe, expect, it } from 'vitest';
import { quarterName } from './quarters.ts';
import { rectificationSentence, shownStates, type QuarterRectification } from './rectification.ts';

const base = { site: 's', name: 'n', unit: 'a', indicator: 'typo', target: 't', page: 'p', source: 'crawl' as const };
const r: QuarterRectification = {
  quarter: '2026-Q3',
  deadline: '2026-11-05',
  asOf: '2026-12-05',
  lastCheck: '2026-11-20',
  list: [
    { ...base, state: 'fixed' },
    { ...base, state: 'not-fixed' },
    { ...base, state: 'not-fixed' },
    { ...base, state: 'unverified' },
  ],
  units: [{ unit: 'a', named: 4, counts: { fixed: 1, 'fixed-late': 0, 'not-fixed': 2, unverified: 1, pending: 0 } }],
};

describe('整改情况 in the notice', () => {
  it('names the deadline and the latest re-check, then every verified state, pending only when some problem is', () => {
    expect(rectificationSentence(r, quarterName)).toBe('2026年第三季度通报的 4 个问题（整改期限2026年11月5日，最近一次复核2026年11月20日）：已整改 1 个、逾期整改 0 个、未整改 2 个、未能复核 1 个。');
    const { lastCheck: _l, ...never } = r;
    expect(rectificationSentence({ ...never, list: [{ ...base, state: 'pending' }], units: [{ unit: 'a', named: 1, counts: { fixed: 0, 'fixed-late': 0, 'not-fixed': 0, unverified: 0, pending: 1 } }] }, quarterName)).toBe(
      '2026年第三季度通报的 1 个问题（整改期限2026年11月5日，尚未复核）：已整改 0 个、逾期整改 0 个、未整改 0 个、未能复核 0 个、整改期限未到 1 个。',
    );
    expect(shownStates(r.units)).toEqual(['fixed', 'fixed-late', 'not-fixed', 'unverified']);
  });
});
