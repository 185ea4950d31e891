import { describe, expect, it } from 'vitest';
import { finding, row } from './fixtures.test-helpers.ts';
import { groupFindings, problemItems, problemsByIndicator, problemText, targetLabel } from './problems.ts';

const unreachable = row({
  site: 'linhe-edu',
  name: '临河市教育局',
  score: 98.7,
  verdict: 'fail',
  vetoes: ['site-unreachable'],
  findings: [
    finding('broken-link', 'http://jyj.linhe.gov.cn/a.html', 0.1),
    finding('broken-link', 'http://jyj.linhe.gov.cn/b.html', 0.1),
    finding('broken-link', 'http://jyj.linhe.gov.cn/c.html', 0.1),
    finding('identity-mark-missing', 'psb', 0.5),
    finding('identity-mark-missing', 'site-code', 0.5),
    finding('site-unreachable', 'http://jyj.linhe.gov.cn/'),
  ],
});

const lowScore = row({
  site: 'linhe-water',
  name: '临河市水务局',
  score: 57.5,
  verdict: 'fail',
  findings: [
    finding('broken-link', 'http://slj.linhe.gov.cn/old/', 0.2),
    finding('column-stale', '工作动态', 5),
    finding('column-stale', '政策文件', 5),
    finding('identity-mark-missing', 'conac', 0.5),
  ],
});

describe('problemText (检查发现的问题)', () => {
  it('vetoes first, then counts per indicator, identity marks by name in the national order', () => {
    expect(problemText(unreachable)).toBe('站点无法访问（单项否决）；链接不可用 3 个；网站标识缺失：网站标识码、公安机关备案标识');
  });

  it('says a fail without veto is a score under the pass line', () => {
    expect(problemItems(lowScore)).toEqual(['得分低于合格分数线（57.5 分）', '链接不可用 1 个', '栏目更新不及时 2 个', '网站标识缺失：党政机关网站标识']);
  });

  it('lists problems of a site that passed, and 无 when there are none', () => {
    const ok = row({ site: 'linhe', name: '临河市人民政府', score: 99.8, findings: [finding('broken-link', 'http://x.gov.cn/', 0.2)] });
    expect(problemText(ok)).toBe('链接不可用 1 个');
    expect(problemText(row({ site: 'hexi', name: '河西县人民政府', score: 100 }))).toBe('无');
  });

  it('names a veto that has no finding of its own, and an unknown indicator by its id', () => {
    const r = row({ site: 'x', name: 'X', score: 100, verdict: 'fail', vetoes: ['homepage-not-updated'], findings: [finding('new-rule', 't')] });
    expect(problemText(r)).toBe('首页不更新（单项否决）；new-rule 1 个');
  });
});

const portal = row({
  site: 'linhe',
  name: '临河市人民政府',
  score: 99.7,
  findings: [
    finding('broken-link', 'http://www.linhe.gov.cn/x.html', 0.1),
    finding('data-release-updated', '数据发布', 1),
    finding('https-missing', 'http://www.linhe.gov.cn/'),
    finding('typo', '既使', 0.1),
  ],
});

describe('bonus and advice items', () => {
  it('are not problems of the notice', () => {
    expect(problemText(portal)).toBe('链接不可用 1 个；错别字 1 个');
  });
  it('come after deductions on the site page: bonus, then advice', () => {
    expect(groupFindings(portal).map((g) => [g.indicator, g.kind])).toEqual([
      ['broken-link', 'deduction'],
      ['typo', 'deduction'],
      ['data-release-updated', 'bonus'],
      ['https-missing', 'advice'],
    ]);
  });
});

describe('problemsByIndicator (二、主要问题)', () => {
  it('counts sites and findings per indicator, vetoes first, then by number of sites', () => {
    const all = problemsByIndicator([unreachable, lowScore, portal]);
    // broken-link: 3 on linhe-edu, 1 on linhe-water, 1 on linhe = 3 sites, 5 findings.
    expect(all.map((p) => [p.indicator, p.veto, p.sites.length, p.findings])).toEqual([
      ['site-unreachable', true, 1, 1],
      ['broken-link', false, 3, 5],
      ['identity-mark-missing', false, 2, 3],
      ['column-stale', false, 1, 2],
      ['typo', false, 1, 1],
    ]);
    // Most findings first, then by name.
    expect(all[1]!.sites.map((s) => [s.name, s.count])).toEqual([['临河市教育局', 3], ['临河市人民政府', 1], ['临河市水务局', 1]]);
  });
  it('is empty for a quarter without problems', () => {
    expect(problemsByIndicator([row({ site: 'hexi', name: '河西县人民政府', score: 100 })])).toEqual([]);
  });
});

describe('groupFindings', () => {
  it('puts veto groups first and sums points before the cap', () => {
    const groups = groupFindings(unreachable);
    expect(groups.map((g) => [g.indicator, g.title, g.veto, g.findings.length, g.points])).toEqual([
      ['site-unreachable', '站点无法访问', true, 1, 0],
      ['broken-link', '链接不可用', false, 3, 0.3],
      ['identity-mark-missing', '网站标识缺失', false, 2, 1],
    ]);
  });

  it('keeps the file order of deduction groups', () => {
    expect(groupFindings(lowScore).map((g) => [g.indicator, g.points])).toEqual([
      ['broken-link', 0.2],
      ['column-stale', 10],
      ['identity-mark-missing', 0.5],
    ]);
    expect(groupFindings(row({ site: 'hexi', name: '河西县人民政府', score: 100 }))).toEqual([]);
  });
});

describe('targetLabel', () => {
  it('names identity marks and keeps other targets', () => {
    expect(targetLabel(finding('identity-mark-missing', 'icp'))).toBe('ICP备案编号');
    expect(targetLabel(finding('broken-link', 'http://www.linhe.gov.cn/a.html'))).toBe('http://www.linhe.gov.cn/a.html');
    expect(targetLabel(finding('column-stale', '工作动态'))).toBe('工作动态');
  });
});
