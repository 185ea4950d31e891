import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addRecords } from './record-write.ts';
import { loadReview } from './review.ts';
import { reviewFinding, reviewList, reviewListText, reviewResultText, type ReviewRequest } from './review-list.ts';
import { makeFixture, PUBLISHED_QUARTER, QUARTER, type Fixture, refusal } from './fixture.test-helpers.ts';

let fx: Fixture;
beforeEach(() => (fx = makeFixture()));
afterEach(() => fx.remove());

const dismissVeto: ReviewRequest = { site: 'linhe-czj', indicator: 'severe-error', target: '国务院总里', action: { decision: 'dismissed', reason: '引用的是网民原话，非本站表述' }, inspector: '李四', date: '2026-11-21' };
const review = (req: Partial<ReviewRequest> = {}) => reviewFinding(fx.content, QUARTER, { ...dismissVeto, ...req });

describe('reviewFinding', () => {
  test('dismissing the only veto finding turns 不合格 into 合格', () => {
    // linhe-czj: the severe-error veto rests on one finding. Dismissed, no veto holds (the stored
    // veto is dropped because its findings were dismissed); the typo at 0.1 leaves 100 − 0.1 = 99.9 ≥ 60 ⇒ 合格.
    const done = review();
    expect(done.change).toEqual({ site: 'linhe-czj', name: '临河市财政局', before: { verdict: 'fail', score: 99.9 }, after: { verdict: 'pass', score: 99.9 } });
    expect(done.rescored).toEqual({ changed: ['findings/2026-Q4/linhe-czj.md'], unmatched: [] });
    const sq = fx.site('linhe-czj');
    expect(sq.vetoes).toEqual([]);
    expect(sq.findings.map((f) => f.indicator)).toEqual(['typo']);
    expect(sq.dismissed).toEqual([expect.objectContaining({ indicator: 'severe-error', target: '国务院总里', review: { decision: 'dismissed', reason: '引用的是网民原话，非本站表述', inspector: '李四', date: '2026-11-21' } })]);
    expect(loadReview(fx.content, QUARTER).decisions).toEqual([{ site: 'linhe-czj', indicator: 'severe-error', target: '国务院总里', decision: 'dismissed', reason: '引用的是网民原话，非本站表述', inspector: '李四', date: '2026-11-21' }]);
    expect(reviewResultText(done)).toBe('linhe-czj severe-error 国务院总里：已排除：引用的是网民原话，非本站表述（李四 2026-11-21）\n临河市财政局（linhe-czj）：不合格 99.9 分 → 合格 99.9 分');
  });

  test('confirming a dismissed finding again replaces the decision and brings the veto back', () => {
    review();
    const done = review({ action: { decision: 'confirmed' }, inspector: '王五', date: '2026-11-22' });
    expect(done.previous).toMatchObject({ decision: 'dismissed', inspector: '李四' });
    expect(done.change).toMatchObject({ before: { verdict: 'pass', score: 99.9 }, after: { verdict: 'fail', score: 99.9 } });
    expect(loadReview(fx.content, QUARTER).decisions).toEqual([{ site: 'linhe-czj', indicator: 'severe-error', target: '国务院总里', decision: 'confirmed', inspector: '王五', date: '2026-11-22' }]);
    expect(reviewResultText(done)).toBe('linhe-czj severe-error 国务院总里：已确认（王五 2026-11-22），替换了此前的记录\n临河市财政局（linhe-czj）：合格 99.9 分 → 不合格 99.9 分');
  });

  test('dismissing a deduction raises the score: linhe without its stale column is 100', () => {
    // linhe: 100 − column-stale 5 = 95; dismissed, nothing is deducted.
    const done = review({ site: 'linhe', indicator: 'column-stale', target: '工作动态', action: { decision: 'dismissed', reason: '栏目已于 9 月归并' } });
    expect(done.change.after).toEqual({ verdict: 'pass', score: 100 });
  });

  test('a reply is saved and shown next to the finding; the score does not change', () => {
    const done = review({ site: 'linhe', indicator: 'column-stale', target: '工作动态', action: { reply: '已于 11 月 25 日更新' }, date: '2026-11-25' });
    expect(done.change).toMatchObject({ before: { score: 95 }, after: { score: 95 } });
    expect(fx.site('linhe').findings[0]!.reply).toEqual({ text: '已于 11 月 25 日更新', date: '2026-11-25' });
    expect(reviewResultText(done)).toBe('linhe column-stale 工作动态：已记录回复（2026-11-25）\n临河市人民政府（linhe）：合格 95.0 分，不变');
  });

  test('a finding that does not exist is refused, listing the site’s findings of that indicator to copy', () => {
    expect(refusal(() => review({ target: '国务院总理' }))).toBe('linhe-czj (2026-Q4) has no automated finding severe-error with target "国务院总理". Its severe-error findings (copy the target exactly):\n  国务院总里');
    expect(refusal(() => review({ indicator: 'broken-link', target: 'x' }))).toBe(
      'linhe-czj (2026-Q4) has no automated finding broken-link with target "x", nor any of indicator broken-link. Its findings: severe-error (1), typo (1); list them with npm run review -- --quarter 2026-Q4 --list --site linhe-czj',
    );
    expect(existsSync(join(fx.content, 'review'))).toBe(false);
  });

  test('a decision on an inspector’s record is refused (change the record); a reply to it is kept', () => {
    addRecords(fx.content, QUARTER, [{ data: { site: 'linhe', indicator: 'message-overdue', target: '咨询 A', points: 4, inspector: '张三', date: '2026-11-12' }, evidence: '未答复。' }]);
    expect(refusal(() => review({ site: 'linhe', indicator: 'message-overdue', target: '咨询 A' }))).toMatch(/^linhe message-overdue "咨询 A" is an inspector's record \(manual\/2026-Q4\/linhe\.message-overdue\.[0-9a-f]{8}\.md\), not an automated finding/);
    review({ site: 'linhe', indicator: 'message-overdue', target: '咨询 A', action: { reply: '已补答复' } });
    expect(fx.site('linhe').findings.find((f) => f.source === 'manual')?.reply).toEqual({ text: '已补答复', date: '2026-11-21' });
  });

  test('a site not crawled this quarter, and a published quarter, are refused', () => {
    expect(refusal(() => review({ site: 'linhe-jtj' }))).toBe('findings/2026-Q4/linhe-jtj.md: no findings file: site linhe-jtj was not crawled in 2026-Q4 (or the id is wrong)');
    fx.write(`quarters/${QUARTER}.md`, PUBLISHED_QUARTER);
    expect(refusal(() => review())).toMatch(/^2026-Q4 was published on 2026-12-01: review refuses to change it/);
    expect(existsSync(join(fx.content, 'review'))).toBe(false);
  });

  test('when the re-score fails the decision is taken back', () => {
    fx.write('manual/2026-Q4/broken.md', '---\nsite: linhe\n---\n\nx\n');
    const before = fx.read('findings/2026-Q4/linhe-czj.md');
    expect(() => review()).toThrow(/broken\.md/);
    expect(existsSync(join(fx.content, 'review', `${QUARTER}.yaml`))).toBe(false);
    expect(fx.read('findings/2026-Q4/linhe-czj.md')).toBe(before);
  });
});

describe('reviewList', () => {
  test('the automated findings of every site with their status and replies; manual records are left out', () => {
    addRecords(fx.content, QUARTER, [{ data: { site: 'linhe', indicator: 'message-overdue', target: '咨询 A', inspector: '张三', date: '2026-11-12' }, evidence: '未答复。' }]);
    review();
    review({ indicator: 'typo', target: '觉的', action: { decision: 'confirmed' } });
    review({ site: 'linhe', indicator: 'column-stale', target: '工作动态', action: { reply: '已更新' }, date: '2026-11-25' });
    const list = reviewList(fx.content, QUARTER);
    expect(list.map((s) => [s.site, s.items.map((i) => i.finding.indicator)])).toEqual([
      ['linhe', ['column-stale']],
      ['linhe-czj', ['severe-error', 'typo']],
    ]);
    // linhe: 100 − column-stale 5 − message-overdue 4 = 91.
    expect(reviewListText(list, QUARTER)).toBe(
      [
        '2026-Q4 自动检查发现的问题 3 项：未复核 1，已确认 1，已排除 1。',
        '',
        'linhe 临河市人民政府（合格 91.0 分）',
        '  [未复核] column-stale 工作动态 — 最近更新 2026-10-01',
        '    回复（2026-11-25）：已更新',
        '',
        'linhe-czj 临河市财政局（合格 99.9 分）',
        '  [已排除：引用的是网民原话，非本站表述（李四 2026-11-21）] severe-error 国务院总里 — 领导人职务错误',
        '  [已确认（李四 2026-11-21）] typo 觉的 — 应为“觉得”',
        '',
        '复核一项：npm run review -- --quarter 2026-Q4 --site <id> --indicator <id> --target "<问题>" --confirm | --dismiss --reason "…" --inspector 姓名',
      ].join('\n'),
    );
  });

  test('one site; a site not crawled and a quarter without findings are refused', () => {
    expect(reviewList(fx.content, QUARTER, 'linhe-czj').map((s) => s.site)).toEqual(['linhe-czj']);
    expect(refusal(() => reviewList(fx.content, QUARTER, 'linhe-jtj'))).toMatch(/linhe-jtj was not crawled in 2026-Q4/);
    expect(refusal(() => reviewList(fx.content, '2027-Q1'))).toMatch(/^findings\/2027-Q1\/: no findings files for 2027-Q1; crawl first/);
  });

  test("a finding's place on the page is shown, and kept when the review rewrites the file", () => {
    fx.write('findings/2026-Q4/linhe.md', fx.read('findings/2026-Q4/linhe.md').replace(
      '    page: http://www.linhe.gov.cn/\n',
      '    page: http://www.linhe.gov.cn/\n    where:\n      part: body\n      selector: div.lm-hd > h3\n      text: 工作动态\n',
    ));
    review({ site: 'linhe', indicator: 'column-stale', target: '工作动态', action: { decision: 'confirmed' } });
    expect(fx.site('linhe').findings[0]!.where).toEqual({ part: 'body', selector: 'div.lm-hd > h3', text: '工作动态' });
    expect(reviewListText(reviewList(fx.content, QUARTER, 'linhe'), QUARTER)).toContain('  [已确认（李四 2026-11-21）] column-stale 工作动态 — 最近更新 2026-10-01\n    位置：div.lm-hd > h3「工作动态」');
  });

  test('a veto with no finding behind it is shown as such', () => {
    fx.write('findings/2026-Q4/linhe.md', fx.read('findings/2026-Q4/linhe.md').replace('vetoes: []', 'vetoes:\n  - site-unreachable').replace('verdict: pass', 'verdict: fail'));
    const [linhe] = reviewList(fx.content, QUARTER, 'linhe');
    expect(linhe!.bareVetoes).toEqual(['site-unreachable']);
    expect(reviewListText([linhe!], QUARTER)).toContain('\n  单项否决 site-unreachable：没有可逐条复核的问题。');
  });
});
