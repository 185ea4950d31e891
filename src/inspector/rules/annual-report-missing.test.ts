import { describe, expect, test } from 'vitest';
import type { ColumnSnapshot } from '../snapshot.ts';
import rule, { dueDate, openReportYear, reportYear, websiteReportYear } from './annual-report-missing.ts';
import { GOOD, grid, withTotal } from './lib/open-report-table.test-helpers.ts';
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

  test('the report in the site’s own 年度报表 column counts; in a collecting portal’s, only an entry that names the portal itself', () => {
    const column = (titles: string[]): ColumnSnapshot => ({ name: '网站年度报表', source: 'nav', url: `${HOME}ndbb/`, homeItems: [], pagesRead: 1, complete: true, blank: false, items: titles.map((title) => ({ title, date: '2026-01-20' })) });
    expect(rule.run(withLinks([], { columns: [column(['2025年度政府网站工作年度报表'])] }), ctx)).toEqual({ status: 'pass' });
    expect(rule.run(withLinks([], { columns: [column(['2024年度政府网站工作年度报表'])] }), ctx).status).toBe('fail');
    const others = column(['临河市财政局网站2025年度工作报表']);
    const targets = (s: ReturnType<typeof snapshot>) => { const o = rule.run(s, ctx); return o.status === 'fail' ? o.findings.map((f) => f.target) : o.status; };
    expect(targets(withLinks([], { columns: [others], collects: [{ id: 'linhe-czj', name: '临河市财政局' }] }))).toEqual(['website-report']);
    expect(targets(withLinks([], { columns: [column(['临河市财政局网站2025年度工作报表', '临河市人民政府门户网站2025年度工作报表'])], collects: [{ id: 'linhe-czj', name: '临河市财政局' }] }))).toBe('pass');
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

  describe('the 政府信息公开工作年度报告', () => {
    const LIST = `${HOME}zwgk/xxgknb/index.html`;
    /** The site's 信息公开年报 list as the crawl read it, with reports of these years. */
    const list = (years: number[], over: Partial<ColumnSnapshot> = {}): ColumnSnapshot => ({
      name: '政府信息公开年报', source: 'nav', url: LIST, homeItems: [], pagesRead: 1, blank: false,
      items: years.map((y, i) => ({ title: `临河市人民政府${y}年政府信息公开工作年度报告`, url: `${HOME}zwgk/xxgknb/t${i}.html`, date: `${y + 1}-03-10` })),
      ...over,
    });
    /** A home page that links the website report due, so that only the open report is judged. */
    const site = (over: Parameters<typeof snapshot>[0] = {}) => withLinks(['临河市人民政府网站2025年度工作报表'], over);
    const openFindings = (s: ReturnType<typeof snapshot>) => {
      const out = rule.run(s, ctx);
      return out.status === 'fail' ? out.findings.map((f) => [f.target, f.page, f.detail]) : out.status;
    };

    test.each([
      ['临河市人民政府2025年政府信息公开工作年度报告', 2025],
      ['临河市财政局2024年度政府信息公开工作年度报告', 2024],
      ['2023年政府信息公开年报', 2023],
      ['图解《2016年教育部政府信息公开工作年度报告》', 2016],
      ['临河市人民政府网站2025年度工作报表', undefined],
      ['政府信息公开工作年度报告', undefined],
      ['2025年政府信息公开指南', undefined],
    ])('%s → %s', (text, year) => {
      expect(openReportYear(text)).toBe(year);
    });

    test('the year due by kind: a local government by 31 March, a department by 31 January', () => {
      const due = (kind: 'portal' | 'department', asOf: string) => {
        const out = rule.run(site({ kind, asOf, columns: [list([2023])] }), ctx);
        return out.status === 'fail' ? out.findings.find((f) => f.target === 'open-report')?.detail.match(/未见 (\d{4}) 年/)?.[1] : out.status;
      };
      expect(due('portal', '2026-03-31')).toBe('2024');
      expect(due('portal', '2026-04-01')).toBe('2025');
      expect(due('department', '2026-01-31')).toBe('2024');
      expect(due('department', '2026-02-01')).toBe('2025');
    });

    test('the site’s 年报 list read without the year due: a finding on the list, naming the newest', () => {
      expect(openFindings(site({ columns: [list([2024, 2023])] }))).toEqual([[
        'open-report', LIST, '“政府信息公开年报”栏目未见 2025 年政府信息公开工作年度报告（地方人民政府应于 2026-03-31 前向社会公布，检查日期 2026-11-20）；栏目最新为 2024 年',
      ]]);
    });

    test('the year due in the list, or named anywhere the crawl read (a link, a page title): pass', () => {
      expect(rule.run(site({ columns: [list([2025, 2024])] }), ctx)).toEqual({ status: 'pass' });
      const linked = snapshot({
        pages: [page(HOME, {}, 0)], columns: [list([2024])],
        links: [
          { url: `${HOME}ndbb/0.pdf`, kind: 'attachment', whereOn: { [HOME]: { selector: 'a', text: '临河市人民政府网站2025年度工作报表' } } },
          { url: `${HOME}xxgk/2025.pdf`, kind: 'attachment', whereOn: { [`${HOME}xxgk/`]: { selector: 'a', text: '2025年政府信息公开工作年度报告' } } },
        ],
      });
      expect(rule.run(linked, ctx)).toEqual({ status: 'pass' });
      const titled = site({ columns: [list([2024])], pages: [page(HOME, {}, 0), { ...page(`${HOME}nb.html`), title: '临河市2025年政府信息公开工作年度报告_临河市人民政府' }] });
      expect(rule.run(titled, ctx)).toEqual({ status: 'pass' });
    });

    test('not judged: no 年报 list on the site (it may be on the province’s platform), a list not read, titles without years', () => {
      const reason = (s: ReturnType<typeof snapshot>) => {
        const out = rule.run(withLinks([], s === undefined ? {} : { columns: s.columns }), ctx);
        return out.status === 'fail' ? out.findings.map((f) => f.target) : out;
      };
      // The website report's finding stands alone.
      expect(reason(snapshot({}))).toEqual(['website-report']);
      const none = rule.run(snapshot({ pages: [{ ...page(HOME, {}, 0), rendering: { status: 'over-budget', reasons: ['home-marks'] } }] }), ctx);
      expect(none).toMatchObject({ status: 'not_applicable', reason: expect.stringContaining('未在本站找到信息公开年报栏目') });
      const unread = rule.run(site({ columns: [list([], { pagesRead: 0, unread: '未读取栏目页' })] }), ctx);
      expect(unread).toEqual({ status: 'pass' });
      const undated = rule.run(site({ columns: [{ ...list([]), items: [{ title: '政府信息公开工作年度报告', date: '2026-03-10' }] }] }), ctx);
      expect(undated).toEqual({ status: 'pass' });
      // A column named for the website's own reports is not the open reports' list.
      expect(openFindings(site({ columns: [{ ...list([2024]), name: '网站年度报表及信息公开年报' }] }))).toBe('pass');
    });

    describe('its application table', () => {
      const REPORT = `${HOME}zwgk/xxgknb/202603/t20260310_1.html`;
      const report = (tables: string[][][], year = 2025) => ({ ...page(REPORT, { meta: { ArticleTitle: `临河市人民政府${year}年政府信息公开工作年度报告` }, reportTables: tables }, 2) });

      test('the newest report read with a table whose sums do not add up: a finding on its page, with the sums in words', () => {
        const bad = grid({ ...GOOD, out: withTotal([3, 0, 0, 0, 0, 0]) });
        expect(openFindings(site({ columns: [list([2025])], pages: [page(HOME, {}, 0), report([bad])] }))).toEqual([[
          'open-report-table', REPORT,
          '2025 年政府信息公开工作年度报告“收到和处理政府信息公开申请情况”表格有 2 处数字不能对应：“自然人”列“本年新收”加“上年结转”为 12，“（七）总计”加“结转下年度继续办理”为 13；“总计”列“本年新收”加“上年结转”为 15，“（七）总计”加“结转下年度继续办理”为 16',
        ]]);
      });

      test('an older report’s errors are not judged when a newer one was read; a good table passes', () => {
        const bad = grid({ ...GOOD, out: withTotal([3, 0, 0, 0, 0, 0]) });
        const older = { ...report([bad], 2024), url: `${HOME}old.html`, finalUrl: `${HOME}old.html` };
        expect(rule.run(site({ columns: [list([2025, 2024])], pages: [page(HOME, {}, 0), report([grid(GOOD)]), older] }), ctx)).toEqual({ status: 'pass' });
      });

      test('a table in another form is not judged', () => {
        const other = grid(GOOD).map((r) => r.slice(0, -1));
        expect(rule.run(site({ columns: [list([2025])], pages: [page(HOME, {}, 0), report([other])] }), ctx)).toEqual({ status: 'pass' });
        const alone = rule.run(snapshot({ pages: [{ ...page(HOME, {}, 0), rendering: { status: 'failed', reasons: ['home-marks'], detail: '渲染超时' } }, report([other])] }), ctx);
        expect(alone).toMatchObject({ status: 'pass' });
      });
    });
  });

  describe('the column collecting the 政府网站工作年度报表 of the websites a portal oversees', () => {
    const COL = `${HOME}ndbb/index.html`;
    const SITES = [{ id: 'linhe', name: '临河市人民政府' }, { id: 'linhe-czj', name: '临河市财政局' }, { id: 'linhe-jtj', name: '临河市交通运输局' }];
    const collection = (titles: string[], over: Partial<ColumnSnapshot> = {}): ColumnSnapshot => ({
      name: '政府网站年度报表专栏', source: 'nav', url: COL, homeItems: [], pagesRead: 2, complete: true, blank: false,
      items: titles.map((title, i) => ({ title, url: `${HOME}ndbb/${i}.pdf`, date: '2026-01-20' })),
      ...over,
    });
    const province = (col: ColumnSnapshot) => withLinks(['临河省人民政府网站2025年度工作报表'], { columns: [col], collects: SITES });

    test('a website whose report of the year due is not listed, by the name registered: one finding on the column, naming it', () => {
      const col = collection(['临河市人民政府门户网站2025年度工作报表', '临河市财政局网站2025年度工作报表', '临河市交通运输局网站2024年度工作报表']);
      const out = rule.run(province(col), ctx);
      expect(out).toEqual({
        status: 'fail',
        findings: [{
          indicator: 'annual-report-missing', target: 'website-report-collection', page: COL, points: 0,
          detail: '“政府网站年度报表专栏”栏目（读取 2 页）未见本平台登记的 1 个网站的 2025 年度政府网站工作年度报表：临河市交通运输局（应于 2026-01-31 前集中发布，共应 3 个）',
        }],
      });
    });

    test('beside the portal’s own reports’ column, the collecting column is the one that lists more', () => {
      const own: ColumnSnapshot = { ...collection(['临河省人民政府网站2025年度工作报表']), name: '本网站年度报表', url: `${HOME}bwndbb/` };
      const all = collection(['临河市人民政府网站2025年度工作报表', '临河市财政局网站2025年度工作报表', '临河市交通运输局网站2025年度工作报表']);
      expect(rule.run(province(own), ctx).status).toBe('fail');
      expect(rule.run(withLinks(['临河省人民政府网站2025年度工作报表'], { columns: [own, all], collects: SITES }), ctx)).toEqual({ status: 'pass' });
    });

    test('every website listed: pass; a portal the registry does not mark collects nothing', () => {
      const all = collection(['临河市人民政府网站2025年度工作报表', '临河市财政局网站2025年度工作报表', '临河市交通运输局网站 2025 年度工作报表']);
      expect(rule.run(province(all), ctx)).toEqual({ status: 'pass' });
      expect(rule.run(withLinks(['临河省人民政府网站2025年度工作报表'], { columns: [collection([])] }), ctx)).toEqual({ status: 'pass' });
    });

    test('not judged: no such column, one not read to its last page, one with undated entries', () => {
      const reason = (col?: ColumnSnapshot) => {
        const out = rule.run(withLinks([], { columns: col ? [col] : [], collects: SITES }), ctx);
        return out.status === 'fail' ? out.findings.map((f) => f.target) : out.status;
      };
      expect(reason()).toEqual(['website-report']);
      const { complete: _read, ...incomplete } = collection([]);
      expect(reason(incomplete)).toEqual(['website-report']);
      expect(reason(collection(['临河市财政局网站2025年度工作报表'], { undated: 2 }))).toEqual(['website-report']);
      expect(reason(collection(['临河市财政局网站2025年度工作报表']))).toEqual(['website-report', 'website-report-collection']);
    });
  });
});
