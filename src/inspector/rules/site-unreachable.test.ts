import { describe, expect, test } from 'vitest';
import type { HomeAttempt, ProbeWindow } from '../snapshot.ts';
import rule from './site-unreachable.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('site-unreachable', { params: { minProbes: 100, failurePercent: 5 } });
const week = (tries: number, failures: number, days = 7): ProbeWindow => ({ from: '2026-11-13', to: '2026-11-19', days, tries, failures });
const loaded: HomeAttempt[] = [{ ok: true, detail: 'HTTP 200', elapsedMs: 40 }];
const allFailed: HomeAttempt[] = [
  { ok: false, detail: '连接被拒绝', elapsedMs: 3 },
  { ok: false, detail: 'HTTP 502', elapsedMs: 5 },
  { ok: false, detail: '连接被拒绝', elapsedMs: 3 },
];
const fail = (detail: string) => ({ status: 'fail', findings: [{ indicator: 'site-unreachable', target: HOME, page: HOME, points: 0, detail }] });

describe('site-unreachable with a week of probe records', () => {
  // Percentages checked by hand: 6/140 = 4.29 %, 7/141 = 4.96 %, 4/100 = 4 %.
  test.each([
    ['no failure in 140 probes', week(140, 0)],
    ['6 of 140 failed (4.3 %)', week(140, 6)],
    ['7 of 141 failed (4.96 %, just under the line)', week(141, 7)],
    ['4 of exactly minProbes (100) failed (4 %)', week(100, 4, 5)],
    ['a busy week: 20 of 480 failed (4.2 %)', week(480, 20)],
  ])('accepts: %s', (_n, probes) => {
    expect(rule.run(snapshot({ probes, attempts: loaded }), ctx)).toEqual({ status: 'pass' });
  });

  // 7/140 = 5 % exactly, 9/140 = 6.43 %, 5/100 = 5 %, 140/140 = 100 %.
  test.each([
    ['7 of 140 failed: exactly 5 %, the veto line itself', week(140, 7), '共探测 140 次，失败 7 次（5%）'],
    ['9 of 140 failed (6.4 %)', week(140, 9), '共探测 140 次，失败 9 次（6.4%）'],
    ['5 of exactly minProbes (100) failed (5 %)', week(100, 5, 5), '共探测 100 次，失败 5 次（5%）'],
    ['down all week', week(140, 140), '共探测 140 次，失败 140 次（100%）'],
  ])('rejects: %s', (_n, probes, counts) => {
    expect(rule.run(snapshot({ probes, attempts: loaded }), ctx)).toEqual(fail(`近 7 天（2026-11-13 至 2026-11-19）${counts}，达到 5% 的否决线`));
  });

  test('the week decides even when every try of this crawl failed: its record is the national method', () => {
    expect(rule.run(snapshot({ probes: week(140, 2), attempts: allFailed }), ctx)).toEqual({ status: 'pass' });
  });

  test('the veto line comes from the rules file', () => {
    const strict = context('site-unreachable', { params: { minProbes: 100, failurePercent: 2.5 } });
    expect(rule.run(snapshot({ probes: week(140, 3), attempts: loaded }), strict)).toEqual({ status: 'pass' }); // 2.14 %
    expect(rule.run(snapshot({ probes: week(140, 4), attempts: loaded }), strict)).toEqual(
      fail('近 7 天（2026-11-13 至 2026-11-19）共探测 140 次，失败 4 次（2.9%），达到 2.5% 的否决线'),
    );
  });
});

describe('site-unreachable and probes from a vantage rules.yaml does not trust', () => {
  // The window counts trusted probes in tries/failures and holds the others apart (probe-window.ts).
  const abroadWeek = (trusted: number, trustedFailures: number): ProbeWindow => ({
    ...week(trusted, trustedFailures, trusted ? 2 : 0),
    untrusted: { vantages: ['', 'github-hosted'], tries: 140, failures: 140 },
  });
  const NOTE = '不在可信列表的检查地点“未设置、github-hosted”探测 140 次、失败 140 次，不作认定';

  test('a week of failures seen only from there never fails a site that this crawl reached', () => {
    expect(rule.run(snapshot({ probes: abroadWeek(0, 0), attempts: loaded }), ctx)).toEqual({ status: 'pass' });
  });

  test('from an untrusted crawl too, it is not applicable, and the reason shows those probes for what they are', () => {
    const abroad = { ...snapshot({ probes: abroadWeek(0, 0), attempts: allFailed }), vantage: { name: 'github-hosted', trusted: false }, networkTrusted: false };
    expect(rule.run(abroad, ctx)).toEqual({
      status: 'not_applicable',
      reason: `探测记录不足，本次检查地点“github-hosted”不在可信列表（rules.yaml 的 trustedVantages），首页访问失败不作认定；另有${NOTE}`,
    });
  });

  test('a trusted crawl whose every try failed still decides, on its own tries, and names the untrusted probes as set aside', () => {
    expect(rule.run(snapshot({ probes: abroadWeek(0, 0), attempts: allFailed }), ctx)).toEqual(
      fail(`无可信检查地点的探测记录（${NOTE}），依据本次检查间隔 3 次访问首页均失败：连接被拒绝；HTTP 502`),
    );
    expect(rule.run(snapshot({ probes: abroadWeek(40, 0), attempts: allFailed }), ctx)).toEqual(
      fail(`探测记录不足（40 次，少于 100 次；另有${NOTE}），依据本次检查间隔 3 次访问首页均失败：连接被拒绝；HTTP 502`),
    );
  });

  test('the trusted probes alone decide the week: 7 of 140 vetoes, 6 of 140 passes, whatever came from elsewhere', () => {
    expect(rule.run(snapshot({ probes: { ...week(140, 7), untrusted: { vantages: ['github-hosted'], tries: 140, failures: 0 } }, attempts: loaded }), ctx)).toEqual(
      fail('近 7 天（2026-11-13 至 2026-11-19）共探测 140 次，失败 7 次（5%），达到 5% 的否决线'),
    );
    expect(rule.run(snapshot({ probes: { ...week(140, 6), untrusted: { vantages: ['github-hosted'], tries: 140, failures: 140 } }, attempts: loaded }), ctx)).toEqual({ status: 'pass' });
  });
});

describe('site-unreachable without enough probe records: the crawl’s own spaced tries', () => {
  test.each([
    ['no records, loaded at the first try', undefined, loaded],
    ['no records, failed once, then loaded', undefined, [{ ok: false, detail: '连接超时', elapsedMs: 15000 }, ...loaded]],
    ['99 probes, all failed, but this crawl loaded the home page', week(99, 99), loaded],
  ])('accepts: %s', (_n, probes, attempts) => {
    expect(rule.run(snapshot({ ...(probes ? { probes } : {}), attempts }), ctx)).toEqual({ status: 'pass' });
  });

  test('rejects a home page that failed every try when there are no records, with the reasons', () => {
    expect(rule.run(snapshot({ attempts: allFailed }), ctx)).toEqual(fail('无探测记录，依据本次检查间隔 3 次访问首页均失败：连接被拒绝；HTTP 502'));
  });

  test('rejects a home page that failed every try when the records are too few, and says how few', () => {
    expect(rule.run(snapshot({ probes: week(40, 0, 2), attempts: allFailed }), ctx)).toEqual(
      fail('探测记录不足（40 次，少于 100 次），依据本次检查间隔 3 次访问首页均失败：连接被拒绝；HTTP 502'),
    );
  });

  test('failed tries seen only from an untrusted vantage name no site; a week of records still decides', () => {
    const abroad = { ...snapshot({ attempts: allFailed }), vantage: { name: 'github-hosted', trusted: false }, networkTrusted: false };
    expect(rule.run(abroad, ctx)).toEqual({
      status: 'not_applicable',
      reason: '探测记录不足，本次检查地点“github-hosted”不在可信列表（rules.yaml 的 trustedVantages），首页访问失败不作认定',
    });
    expect(rule.run({ ...abroad, probes: week(140, 7) }, ctx).status).toBe('fail');
  });

  test('one slow answer is not enough to name a site', () => {
    const slow: HomeAttempt[] = [{ ok: false, detail: '连接超时（15 秒内未完成）', elapsedMs: 15000 }];
    const outcome = rule.run(snapshot({ attempts: [...slow, ...loaded, ...loaded] }), ctx);
    expect(outcome).toEqual({ status: 'pass' });
  });

  test('not applicable when there are neither records nor tries', () => {
    expect(rule.run(snapshot({ attempts: [] }), ctx).status).toBe('not_applicable');
  });
});
