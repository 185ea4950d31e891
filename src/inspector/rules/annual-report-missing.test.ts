import { describe, expect, test } from 'vitest';
import rule, { dueDate, reportYear, websiteReportYear } from './annual-report-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('annual-report-missing');
/** A site whose home page links these texts. */
const withLinks = (texts: string[], over: Parameters<typeof snapshot>[0] = {}) =>
  snapshot({ pages: [page(HOME, {}, 0)], links: texts.map((text, i) => ({ url: `${HOME}ndbb/${i}.pdf`, kind: 'attachment' as const, whereOn: { [HOME]: { selector: `a:nth-of-type(${i + 1})`, text } } })), ...over });

describe('annual-report-missing', () => {
  test.each([
    ['临河市人民政府网站2025年度工作报表', 2025],
    ['2025年度政府网站工作年度报表', 2025],
    ['临河市财政局网站 2024 年报', 2024],
    ['2025年政府信息公开工作年度报告', undefined],
    ['2025年度工作总结', undefined],
    ['网站年度报表', undefined],
  ])('%s → %s', (text, year) => {
    expect(websiteReportYear(text)).toBe(year);
  });

  test('the year judged: the latest whose 31 January has passed', () => {
    expect(reportYear('2026-11-20', '01-31')).toBe(2025);
    expect(reportYear('2026-01-31', '01-31')).toBe(2024);
    expect(reportYear('2026-02-01', '01-31')).toBe(2025);
    expect(dueDate(131)).toBe('01-31');
    expect(() => dueDate(230)).toThrow(/MMDD/);
  });

  test('the home page links the 2025 report: pass', () => {
    expect(rule.run(withLinks(['政务服务', '临河市人民政府网站2025年度工作报表']), ctx)).toEqual({ status: 'pass' });
  });

  test('only the 2024 report, or none: one finding that says which year is due and what the home page shows', () => {
    expect(rule.run(withLinks(['临河市人民政府网站2024年度工作报表']), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'annual-report-missing', target: 'website-report', page: HOME, points: 0, detail: '首页未见 2025 年度政府网站工作年度报表（应于 2026-01-31 前在首页显著位置发布，检查日期 2026-11-20）；首页最新为 2024 年度' }],
    });
    expect(rule.run(withLinks([]), ctx)).toMatchObject({ status: 'fail', findings: [{ detail: '首页未见 2025 年度政府网站工作年度报表（应于 2026-01-31 前在首页显著位置发布，检查日期 2026-11-20）' }] });
  });

  test("a link on a deeper page does not count (the home page is where it must be); a home frame's does", () => {
    const deep = snapshot({ pages: [page(HOME, {}, 0)], links: [{ url: `${HOME}x.pdf`, kind: 'attachment', whereOn: { [`${HOME}xxgk/`]: { selector: 'a', text: '网站2025年度工作报表' } } }] });
    expect(rule.run(deep, ctx).status).toBe('fail');
    const frame = `${HOME}main.html`;
    const framed = snapshot({ pages: [page(HOME, {}, 0)], links: [{ url: frame, kind: 'frame', referrers: [HOME] }, { url: `${HOME}x.pdf`, kind: 'attachment', referrers: [frame], whereOn: { [frame]: { selector: 'a', text: '网站2025年度工作报表' } } }] });
    expect(rule.run(framed, ctx)).toEqual({ status: 'pass' });
  });

  test('not judged: a home page scripts write that was not rendered, a 专栏, a site that did not open', () => {
    const scripted = snapshot({ pages: [{ ...page(HOME, {}, 0), rendering: { status: 'over-budget', reasons: ['home-marks'] } }] });
    expect(rule.run(scripted, ctx).status).toBe('not_applicable');
    expect(rule.run(withLinks([], { kind: 'column' }), ctx).status).toBe('not_applicable');
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx).status).toBe('not_applicable');
  });
});
