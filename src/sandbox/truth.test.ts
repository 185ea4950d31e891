import { describe, expect, test } from 'vitest';
import { compareToTruth, formatScores, totals } from './truth.ts';
import type { TruthEntry } from './web.ts';

const entry = (site: string, indicator: string, target: string): TruthEntry => ({ site, indicator, target, page: 'http://x/', note: '' });

describe('compareToTruth', () => {
  const truth = [
    entry('a', 'broken-link', 'http://a/1'),
    entry('a', 'broken-link', 'http://a/2'),
    entry('b', 'broken-link', 'http://b/1'),
    entry('a', 'identity-mark-missing', 'icp'),
  ];

  test('counts matches on (site, indicator, target) and lists the misses', () => {
    const findings = [
      { site: 'a', indicator: 'broken-link', target: 'http://a/1' },
      { site: 'a', indicator: 'broken-link', target: 'http://a/1' }, // duplicate finding counts once
      { site: 'b', indicator: 'broken-link', target: 'http://a/2' }, // right target, wrong site
      { site: 'a', indicator: 'identity-mark-missing', target: 'psb' },
    ];
    const [links, marks] = compareToTruth(findings, truth, ['broken-link', 'identity-mark-missing']);
    expect(links).toMatchObject({ indicator: 'broken-link', tp: 1, fp: 1, fn: 2 });
    expect(links?.precision).toBeCloseTo(0.5);
    expect(links?.recall).toBeCloseTo(1 / 3);
    expect(links?.falsePositives).toEqual([{ site: 'b', target: 'http://a/2' }]);
    expect(links?.falseNegatives).toEqual([{ site: 'a', target: 'http://a/2' }, { site: 'b', target: 'http://b/1' }]);
    expect(marks).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
  });

  test('precision is 1 when nothing was reported, recall 1 when nothing was seeded', () => {
    const [none] = compareToTruth([], truth, ['broken-link']);
    expect(none).toMatchObject({ tp: 0, fp: 0, fn: 3, precision: 1, recall: 0 });
    const [unseeded] = compareToTruth([{ site: 'a', indicator: 'column-blank', target: '通知公告' }], truth, ['column-blank']);
    expect(unseeded).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: 1 });
    const [empty] = compareToTruth([], [], ['column-stale']);
    expect(empty).toMatchObject({ precision: 1, recall: 1 });
  });
});

test('formatScores prints an aligned table', () => {
  const text = formatScores(compareToTruth([{ site: 'a', indicator: 'broken-link', target: 'http://a/1' }], [entry('a', 'broken-link', 'http://a/1')], ['broken-link', 'identity-mark-missing']));
  expect(text).toBe([
    'indicator              TP  FP  FN  precision  recall',
    '---------------------  --  --  --  ---------  ------',
    'broken-link             1   0   0       1.00    1.00',
    'identity-mark-missing   0   0   0       1.00    1.00',
    '',
  ].join('\n'));
});

test('totals sum the indicators: each seeded defect and each finding counts once', () => {
  const truth = [entry('a', 'broken-link', 'http://a/1'), entry('a', 'broken-link', 'http://a/2'), entry('a', 'identity-mark-missing', 'icp')];
  const findings = [
    { site: 'a', indicator: 'broken-link', target: 'http://a/1' },
    { site: 'a', indicator: 'identity-mark-missing', target: 'icp' },
    { site: 'a', indicator: 'identity-mark-missing', target: 'psb' },
  ];
  expect(totals(compareToTruth(findings, truth, ['broken-link', 'identity-mark-missing']))).toEqual({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
  expect(totals([])).toEqual({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
});
