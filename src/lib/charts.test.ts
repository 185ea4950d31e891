import { describe, expect, it } from 'vitest';
import { finding, row } from './fixtures.test-helpers.ts';
import { NO_REGION, changeAxis, problemsChart, regionPassRates, scoreDistribution, trendCharts } from './charts.ts';
import { problemsByIndicator } from './problems.ts';
import { quarterName, summarizeQuarters } from './quarters.ts';

describe('trend charts', () => {
  it('run oldest to newest with one decimal', () => {
    const rows = [
      row({ site: 'a', name: 'A', score: 90, quarter: '2026-Q4' }),
      row({ site: 'b', name: 'B', score: 50, verdict: 'fail', quarter: '2026-Q4' }),
      row({ site: 'c', name: 'C', score: 50, verdict: 'fail', quarter: '2026-Q4' }),
      row({ site: 'a', name: 'A', score: 80.25, quarter: '2026-Q3', asOf: '2026-08-20' }),
    ];
    const { passRate, average } = trendCharts(summarizeQuarters(rows), quarterName);
    expect(passRate.labels).toEqual(['2026年第三季度', '2026年第四季度']);
    // Q4: 1 of 3 passed = 33.3 %; average (90 + 50 + 50) / 3 = 63.3.
    expect(passRate.series[0]!.values).toEqual([100, 33.3]);
    expect(average.series[0]!.values).toEqual([80.3, 63.3]);
    // 63.3 - 5 = 58.3, down to a multiple of five: the axis starts at 55, not 0.
    expect([average.min, average.max]).toEqual([55, 100]);
    expect(passRate.series[0]!.notes).toBeUndefined();
    // A draft quarter's points say so.
    const drafted = trendCharts(summarizeQuarters(rows), quarterName, (q) => q === '2026-Q4');
    expect(drafted.passRate.series[0]!.notes).toEqual([undefined, '草稿，复核中，尚未正式发布']);
    expect(drafted.average.series[0]!.notes).toEqual([undefined, '草稿，复核中，尚未正式发布']);
  });

  it('the average axis shows change: 96.9 to 94.8 on an axis from 85, not from 0', () => {
    expect(changeAxis([96.9, 94.8])).toEqual({ min: 85, max: 100 });
    expect(changeAxis([90])).toEqual({ min: 85, max: 100 });
    expect(changeAxis([3, 50])).toEqual({ min: 0, max: 100 });
    expect(changeAxis([99, 101.2])).toEqual({ min: 90, max: 102 });
    expect(changeAxis([])).toEqual({ min: 95, max: 100 });
  });
});

describe('score distribution', () => {
  it('puts each score in the band that includes its lower bound', () => {
    const scores = [12, 59.9, 60, 69.9, 79.9, 80, 95, 99.9, 100, 101.5];
    const spec = scoreDistribution(scores.map((score, i) => row({ site: `s${i}`, name: `S${i}`, score })));
    expect(spec.labels).toEqual(['60分以下', '60–69.9', '70–79.9', '80–89.9', '90–99.9', '100及以上']);
    expect(spec.series[0]!.values).toEqual([2, 2, 1, 1, 2, 2]);
  });
});

describe('pass rate by region', () => {
  it('counts per region, the office level first', () => {
    const rows = [
      row({ site: 'a', name: 'A', score: 90, region: '河西县' }),
      row({ site: 'b', name: 'B', score: 30, verdict: 'fail', region: '河西县' }),
      row({ site: 'c', name: 'C', score: 30, verdict: 'fail', region: '安平区' }),
      row({ site: 'd', name: 'D', score: 99 }),
    ];
    const { chart, rows: table } = regionPassRates(rows);
    expect(table).toEqual([
      { region: NO_REGION, sites: 1, passed: 1, rate: 100 },
      { region: '安平区', sites: 1, passed: 0, rate: 0 },
      { region: '河西县', sites: 2, passed: 1, rate: 50 },
    ]);
    expect(chart.labels).toEqual([NO_REGION, '安平区', '河西县']);
    expect(chart.series[0]!.values).toEqual([100, 0, 50]);
  });
});

describe('problems chart', () => {
  it('shows the indicators with most sites, as many as asked', () => {
    const rows = [
      row({ site: 'a', name: 'A', score: 99, findings: [finding('broken-link', 'x', 0.1), finding('typo', 'y', 0.1)] }),
      row({ site: 'b', name: 'B', score: 99, findings: [finding('broken-link', 'z', 0.1)] }),
    ];
    const spec = problemsChart(problemsByIndicator(rows), 1);
    expect(spec).toMatchObject({ type: 'bar', horizontal: true, labels: ['链接不可用'], series: [{ values: [2] }] });
  });
});
