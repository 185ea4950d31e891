import { describe, expect, it, test } from 'vitest';
import { finding, row } from './fixtures.test-helpers.ts';
import { bonusCounted, crawlStatsText, dismissedFindings, findingNotes, groupFindings, groupSummary, KIND_TAGS, notJudgedText, problemItems, problemsByIndicator, problemText, screenshotAlt, problemTargets, targetLabel, zeroPointReason } from './problems.ts';

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
  it('names identity marks (missing or malformed) and keeps other targets', () => {
    expect(targetLabel(finding('identity-mark-missing', 'icp'))).toBe('ICP备案编号');
    expect(targetLabel(finding('identity-mark-malformed', 'psb'))).toBe('公安机关备案标识');
    expect(targetLabel(finding('broken-link', 'http://www.linhe.gov.cn/a.html'))).toBe('http://www.linhe.gov.cn/a.html');
    expect(targetLabel(finding('column-stale', '工作动态'))).toBe('工作动态');
  });
});

describe('bonus that does not count', () => {
  const bonus = (over: { bonus?: number; score: number }) =>
    row({ site: 'linhe', name: '临河市人民政府', ...over, findings: [finding('bonus-smart-qa', '智能问答', 2), finding('data-release-updated', '数据发布', 1)] });

  it('counts only when the score includes bonus', () => {
    expect(bonusCounted(bonus({ score: 103, bonus: 3 }))).toBe(true);
    expect(bonusCounted(bonus({ score: 78, bonus: 0 }))).toBe(false);
    expect(bonusCounted(bonus({ score: 78 }))).toBe(false);
  });

  it('keeps the observed points and says they are not in the score', () => {
    const [counted] = groupFindings(bonus({ score: 103, bonus: 3 }));
    const [notCounted] = groupFindings(bonus({ score: 78 }));
    expect([counted!.kind, counted!.counted, counted!.points]).toEqual(['bonus', true, 2]);
    expect([notCounted!.kind, notCounted!.counted, notCounted!.points]).toEqual(['bonus', false, 2]);
    expect(groupSummary(counted!)).toBe('（2 分）');
    expect(groupSummary(notCounted!)).toBe('（1 处，2 分，未计入得分：加分仅计入得分高于加分线的门户网站）');
  });

  it('words the other kinds; vetoes and deductions count, advice never', () => {
    const groups = groupFindings(unreachable);
    expect(groups.map((g) => [g.kind, g.counted, groupSummary(g)])).toEqual([
      ['veto', true, '（1 处）'],
      ['deduction', true, '（3 处，计入 0.3 分）'],
      ['deduction', true, '（2 处，计入 1 分）'],
    ]);
    // With the item's cap: the sum, the cap and what is counted.
    const [, links, marks] = groups;
    expect(groupSummary(links!, 1)).toBe('（3 处，计入 0.3 分，本项上限 1 分）');
    expect(groupSummary(marks!, 0.5)).toBe('（2 处，合计 1 分，超过本项上限 0.5 分，计入 0.5 分）');
    expect(groupFindings(portal).find((g) => g.kind === 'advice')!.counted).toBe(false);
    expect(KIND_TAGS.problem).toBe('问题（不计分）');
  });

  it('says why a deduction finding costs 0, and nothing for a finding with points or of another kind', () => {
    expect(zeroPointReason({ kind: 'deduction', indicator: 'column-stale' }, { points: 0 })).toMatch(/只扣一次/);
    expect(zeroPointReason({ kind: 'deduction', indicator: 'meta-tags-missing' }, { points: 0 })).toMatch(/每个页面只扣一次/);
    expect(zeroPointReason({ kind: 'deduction', indicator: 'column-stale' }, { points: 5 })).toBeUndefined();
    expect(zeroPointReason({ kind: 'veto', indicator: 'severe-error' }, { points: 0 })).toBeUndefined();
  });

  it('lists the problem targets a search should find: words, names, link paths; no advice, each once, counted past the limit', () => {
    const r = row({
      site: 'a',
      name: 'A',
      score: 90,
      findings: [
        finding('typo', '攻府', 0.1),
        finding('typo', '攻府', 0.1),
        finding('broken-link', 'http://www.linhe.gov.cn/xxgk/a.html?id=3', 0.2),
        finding('identity-mark-missing', 'site-code', 0.5),
        finding('https-missing', 'http://www.linhe.gov.cn/', 0),
      ],
    });
    // Deduction groups in the file's order (typo, broken-link, identity-mark-missing); advice left out.
    expect(problemTargets(r)).toEqual({ shown: ['攻府', '/xxgk/a.html?id=3', '网站标识码'], more: 0 });
    expect(problemTargets(r, 2)).toEqual({ shown: ['攻府', '/xxgk/a.html?id=3'], more: 1 });
  });

  it('shows a new media or unit item found on a site after bonus, not dropped', () => {
    const r = row({ site: 'x', name: 'X', score: 100, findings: [finding('https-missing', 'http://x/'), finding('media-low-original', '转载')] });
    expect(groupFindings(r).map((g) => [g.indicator, g.kind, g.counted])).toEqual([
      ['media-low-original', 'problem', false],
      ['https-missing', 'advice', false],
    ]);
    expect(problemText(r)).toBe('无');
  });
});

describe('findingNotes (人工检查, 已复核, 网站答复)', () => {
  const base = finding('message-overdue', '咨询“社保卡补办”', 4);

  it('a crawled finding without review or reply has no notes', () => {
    expect(findingNotes(base, 'here')).toEqual({ lines: [] });
  });

  it('a manual finding says who recorded it and when, with its screenshot', () => {
    const f = { ...base, source: 'manual' as const, record: 'manual/2026-Q4/linhe-msg.md', inspector: '张三', date: '2026-11-03', screenshot: 'evidence/2026-Q4/linhe-msg.png' };
    expect(findingNotes(f, 'here')).toEqual({ lines: ['人工检查（张三，2026年11月3日）'], screenshot: { path: 'evidence/2026-Q4/linhe-msg.png', alt: `检查人截图：${f.page}` } });
    expect(findingNotes({ ...base, source: 'manual' }, 'here').lines).toEqual(['人工检查']);
  });

  it('a crawled screenshot says what it shows: the element framed in red, or the page top', () => {
    const page = 'http://www.linhe.gov.cn/xxgk/';
    const shot = { ...base, page, screenshot: 'evidence/2026-Q4/linhe/0123456789abcdef.jpg' };
    expect(findingNotes(shot, 'here').screenshot).toEqual({ path: shot.screenshot, alt: `页面截图（页面顶部）：${page}` });
    const where = { part: 'footer' as const, selector: '#footer > a', text: '网站地图' };
    expect(screenshotAlt({ ...shot, where })).toBe(`页面截图，红框标出问题所在位置（“网站地图”）：${page}`);
    expect(screenshotAlt({ ...shot, where: { ...where, text: '', page: 'http://www.linhe.gov.cn/' } })).toBe('页面截图，红框标出问题所在位置：http://www.linhe.gov.cn/');
    expect(screenshotAlt({ ...shot, where: { ...where, text: '字'.repeat(40) } })).toContain(`“${'字'.repeat(30)}…”`);
  });

  it('a confirmed review reads 已复核, and the reply is kept next to the finding', () => {
    const f = { ...base, review: { decision: 'confirmed' as const, inspector: '李四', date: '2026-11-20' }, reply: { text: '已整改', date: '2026-12-02' } };
    expect(findingNotes(f, 'here')).toEqual({ lines: ['已复核（李四，2026年11月20日）'], reply: { text: '已整改', date: '2026-12-02' } });
    const withReason = { ...base, review: { decision: 'confirmed' as const, reason: '复测仍无法打开', inspector: '李四', date: '2026-11-20' } };
    expect(findingNotes(withReason, 'here').lines).toEqual(['已复核（李四，2026年11月20日）：复测仍无法打开']);
  });

  it('a counted finding reviewed as dismissed is a writer bug and throws', () => {
    const f = { ...base, review: { decision: 'dismissed' as const, reason: '误报', inspector: '李四', date: '2026-11-20' } };
    expect(() => findingNotes(f, 'findings/2026-Q4/linhe.md')).toThrow(/^findings\/2026-Q4\/linhe\.md: finding message-overdue .* is dismissed by review/);
  });
});

describe('dismissedFindings (经复核不予认定)', () => {
  const dismissed = { ...finding('broken-link', 'http://www.linhe.gov.cn/a.html', 0.2), review: { decision: 'dismissed' as const, reason: '链接可以打开，抓取时对方服务器临时故障', inspector: '李四', date: '2026-11-20' } };

  it('lists them with reason, inspector and date; they are never counted', () => {
    const r = row({ site: 'linhe', name: '临河市人民政府', score: 100, dismissed: [dismissed] });
    expect(dismissedFindings(r)).toEqual([{ finding: dismissed, title: '链接不可用', reason: '链接可以打开，抓取时对方服务器临时故障', inspector: '李四', date: '2026-11-20' }]);
    expect(groupFindings(r)).toEqual([]);
    expect(problemText(r)).toBe('无');
    expect(problemsByIndicator([r])).toEqual([]);
    expect(dismissedFindings(row({ site: 'hexi', name: '河西县人民政府', score: 100 }))).toEqual([]);
  });

  it('throws naming the file when one has no dismissal with a reason', () => {
    const noReview = row({ site: 'linhe', name: '临河市人民政府', score: 100, dismissed: [finding('broken-link', 'x')] });
    expect(() => dismissedFindings(noReview)).toThrow(/^findings\/2026-Q4\/linhe\.md: dismissed finding broken-link x has no dismissal/);
    const confirmed = row({ site: 'linhe', name: '临河市人民政府', score: 100, dismissed: [{ ...dismissed, review: { ...dismissed.review, decision: 'confirmed' } }] });
    expect(() => dismissedFindings(confirmed)).toThrow(/review: confirmed/);
    const { reason: _, ...noReasonReview } = dismissed.review;
    const noReason = row({ site: 'linhe', name: '临河市人民政府', score: 100, dismissed: [{ ...dismissed, review: noReasonReview }] });
    expect(() => dismissedFindings(noReason)).toThrow(/has no dismissal with a reason/);
  });
});

describe('notJudgedText (未评判的指标)', () => {
  it('groups the indicators by reason, in file order', () => {
    const r = row({
      site: 'linhe',
      name: '临河市人民政府',
      score: 100,
      notApplicable: [
        { indicator: 'data-release-updated', reason: '加分项仅适用于门户网站' },
        { indicator: 'message-overdue', reason: '2027 年节假日安排未录入，无法计算工作日' },
        { indicator: 'messages-not-public', reason: '加分项仅适用于门户网站' },
      ],
    });
    expect(notJudgedText(r)).toBe('加分项仅适用于门户网站：数据发布及时更新、留言办理信息未公开；2027 年节假日安排未录入，无法计算工作日：留言办理超期');
  });
  it('says nothing when every rule applied', () => {
    expect(notJudgedText(row({ site: 'linhe', name: '临河市人民政府', score: 100 }))).toBeUndefined();
  });
});

describe('crawlStatsText (抓取情况)', () => {
  test('pages and links; then rendered pages and why; then what a budget cut', () => {
    expect(crawlStatsText({ pages: 30, links: 46, inconclusive: 0 })).toBe('页面 30 个，链接 46 个，无法判断 0 个（未计入问题）');
    expect(
      crawlStatsText({
        pages: 39,
        links: 57,
        inconclusive: 1,
        rendered: { pages: 30, reasons: { list: 13, write: 28 }, overBudget: 8 },
        truncated: { reasons: ['time', 'dates'], pagesNotRead: 12, linksNotChecked: 40 },
      }),
    ).toBe(
      '页面 39 个，链接 57 个，无法判断 1 个（未计入问题）；其中 30 个页面按浏览器渲染后判断（脚本写入页面内容、列表由脚本填充），8 个未能渲染，按静态页面判断；' +
        '因超出每站检查时间、日期链接无穷无尽（日历等）未读完：未抓取页面 12 个，未检查链接 40 个',
    );
    const unreadable = [{ url: 'http://x/a.xlsx', detail: '解压后超过 100 MB（疑似压缩炸弹）' }, { url: 'http://x/b.doc', detail: '含宏代码（VBA），不打开' }];
    expect(crawlStatsText({ pages: 3, links: 4, inconclusive: 0, attachments: { read: 5, bytes: 9000, unreadable, notRead: 2 } })).toBe(
      '页面 3 个，链接 4 个，无法判断 0 个（未计入问题）；读取附件 5 个（查找个人信息），2 个无法读取（解压后超过 100 MB（疑似压缩炸弹）；含宏代码（VBA），不打开），另有 2 个超出每站上限未读取',
    );
  });
});
