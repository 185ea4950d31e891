import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finding, row } from '../lib/fixtures.test-helpers.ts';
import type { Finding } from '../schemas/findings.ts';
import type { ReviewFile } from '../schemas/review.ts';
import { rulesConfigSchema } from '../schemas/rules-config.ts';
import YAML from 'yaml';
import { reassemble } from './rescore.ts';
import type { LoadedRecord } from './records.ts';
import { indicator } from '../inspector/catalogue/index.ts';

// The repository's own rules file: message-overdue 4 each (cap 7), broken-link capped at 1.
const config = rulesConfigSchema.parse(YAML.parse(readFileSync(join(import.meta.dirname, '../../content/rules.yaml'), 'utf8')));
const portal = { kind: 'portal' as const, url: 'http://www.linhe.gov.cn/' };
const noReview: ReviewFile = { decisions: [], replies: [] };
const at = (f: Finding, points: number): Finding => ({ ...f, points });

function record(id: string, target: string, points: number): LoadedRecord {
  return {
    file: `manual/2026-Q4/linhe.${id}.${target}.md`,
    data: { site: 'linhe', indicator: id, target, inspector: '张三', date: '2026-11-20', points },
    evidence: '11 月 3 日提交咨询，至 11 月 20 日未答复。',
    def: indicator(id)!,
    points,
  };
}

// A crawl result: one broken link (0.2) and a veto (homepage-not-updated); score as the crawl wrote it.
const crawled = row({
  site: 'linhe',
  name: '临河市人民政府',
  score: 99.8,
  verdict: 'fail',
  vetoes: ['homepage-not-updated'],
  findings: [at(finding('broken-link', 'http://www.linhe.gov.cn/a.html'), 0.2), finding('homepage-not-updated', '首页')],
});

describe('reassemble', () => {
  test('without records or review the crawl result is unchanged', () => {
    const r = reassemble(crawled, portal, [], noReview, config);
    expect(r).toMatchObject({ verdict: 'fail', score: 99.8, vetoes: ['homepage-not-updated'] });
    expect(r.findings).toEqual(crawled.findings.map((f) => ({ ...f, clause: expect.any(String) })));
  });

  test('dismissing the only veto finding turns 不合格 into 合格; the finding moves to dismissed with its reason', () => {
    const review: ReviewFile = { decisions: [{ site: 'linhe', indicator: 'homepage-not-updated', target: '首页', decision: 'dismissed', reason: '首页动态由脚本加载，人工核实 11 月 18 日有更新', inspector: '李四', date: '2026-11-21' }], replies: [] };
    const r = reassemble(crawled, portal, [], review, config);
    // 100 − 0.2 (one broken link on the home page) = 99.8, no veto left.
    expect(r).toMatchObject({ verdict: 'pass', score: 99.8, vetoes: [] });
    expect(r.findings.map((f) => f.indicator)).toEqual(['broken-link']);
    expect(r.dismissed).toEqual([expect.objectContaining({ indicator: 'homepage-not-updated', review: { decision: 'dismissed', reason: '首页动态由脚本加载，人工核实 11 月 18 日有更新', inspector: '李四', date: '2026-11-21' } })]);
  });

  test('a dismissal survives a re-crawl: the new crawl result gets the same decision by site, indicator and target', () => {
    const review: ReviewFile = { decisions: [{ site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', decision: 'dismissed', reason: '内网地址', inspector: '李四', date: '2026-11-21' }], replies: [] };
    const once = reassemble(crawled, portal, [], review, config);
    // A re-crawl writes the crawl's own findings again, the dismissed one among them.
    const recrawled = reassemble({ ...crawled }, portal, [], review, config);
    expect(recrawled).toEqual(once);
    expect(once.score).toBe(100);
  });

  test('manual records are scored with the crawl: two overdue messages at 4 are capped at 7', () => {
    // 100 − 0.2 (broken link) − min(7, 4 + 4) = 92.8; the veto still fails the site.
    const r = reassemble(crawled, portal, [record('message-overdue', '咨询一', 4), record('message-overdue', '咨询二', 4)], noReview, config);
    expect(r.score).toBe(92.8);
    expect(r.verdict).toBe('fail');
    expect(r.findings.filter((f) => f.source === 'manual').map((f) => [f.target, f.points, f.inspector, f.record])).toEqual([
      ['咨询一', 4, '张三', 'manual/2026-Q4/linhe.message-overdue.咨询一.md'],
      ['咨询二', 4, '张三', 'manual/2026-Q4/linhe.message-overdue.咨询二.md'],
    ]);
  });

  test('a manual veto fails a site the crawl passed; removing the record passes it again', () => {
    const clean = row({ site: 'linhe', name: '临河市人民政府', score: 100 });
    const failed = reassemble(clean, portal, [record('service-unusable', '办事指南', 0)], noReview, config);
    expect(failed).toMatchObject({ verdict: 'fail', vetoes: ['service-unusable'] });
    expect(reassemble(failed, portal, [], noReview, config)).toMatchObject({ verdict: 'pass', vetoes: [], score: 100 });
  });

  test('applying twice gives the same file (records, decisions and replies are not doubled)', () => {
    const review: ReviewFile = {
      decisions: [{ site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', decision: 'confirmed', inspector: '李四', date: '2026-11-21' }],
      replies: [{ site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', text: '已修复', date: '2026-11-25' }],
    };
    const once = reassemble(crawled, portal, [record('message-overdue', '咨询一', 4)], review, config);
    expect(reassemble(once, portal, [record('message-overdue', '咨询一', 4)], review, config)).toEqual(once);
    expect(once.findings.find((f) => f.indicator === 'broken-link')).toMatchObject({ review: { decision: 'confirmed' }, reply: { text: '已修复', date: '2026-11-25' } });
  });

  test("another site's decisions do not apply", () => {
    const review: ReviewFile = { decisions: [{ site: 'other', indicator: 'homepage-not-updated', target: '首页', decision: 'dismissed', reason: 'x', inspector: '李四', date: '2026-11-21' }], replies: [] };
    expect(reassemble(crawled, portal, [], review, config).verdict).toBe('fail');
  });

  test('a bonus that did not count keeps its points and counts once a dismissal lifts the score above 80', () => {
    const bonus = at(finding('data-release-updated', '数据发布'), 2);
    const low = row({ site: 'linhe', name: '临河市人民政府', score: 79, findings: [at(finding('column-blank', '栏目甲'), 2), at(finding('column-blank', '栏目乙'), 2), at(finding('messages-not-public', '留言'), 6), at(finding('search-missing', '搜索'), 4), bonus, at(finding('meta-tags-missing', 'p'), 1), at(finding('identity-mark-missing', 'icp'), 0.5), at(finding('identity-mark-missing', 'psb'), 0.5), at(finding('identity-mark-missing', 'conac'), 0.5), at(finding('identity-mark-missing', 'sponsor'), 0.5), at(finding('identity-mark-missing', 'contact'), 0.5), at(finding('identity-mark-missing', 'site-code'), 0.5), at(finding('domain-nonstandard', 'a'), 1), at(finding('domain-nonstandard', 'b'), 1), at(finding('domain-nonstandard', 'c'), 1)] });
    // Deductions: column-blank 4, messages-not-public 6, search-missing 4, meta-tags 1, marks 3, domain 3 = 21 → 79: no bonus.
    const before = reassemble(low, portal, [], noReview, config);
    expect(before).toMatchObject({ score: 79 });
    expect(before.bonus).toBeUndefined();
    const review: ReviewFile = { decisions: [{ site: 'linhe', indicator: 'search-missing', target: '搜索', decision: 'dismissed', reason: '搜索可用', inspector: '李四', date: '2026-11-21' }], replies: [] };
    // Without search-missing: 100 − 17 = 83 > 80, so the 2 bonus points count: 85.
    expect(reassemble(before, portal, [], review, config)).toMatchObject({ score: 85, bonus: 2 });
  });
});
