import { describe, expect, test } from 'vitest';
import type { PublishedMessage } from '../snapshot.ts';
import { runRules } from '../engine/run-rules.ts';
import { buildCalendar } from '../workdays.ts';
import rule from './message-overdue.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const AS_OF = '2026-11-20';
const BOARD = 'http://www.linhe.gov.cn/hdjl/ldxx/index.html';
const ctx = () => context('message-overdue', { points: { each: 4 }, params: { workdays: 5, lookbackDays: 92 } });
const msg = (asked: string, answered?: string, status?: string, title = `留言${asked}`): PublishedMessage => ({
  title, asked, ...(answered ? { answered } : {}), replyShown: false, ...(status ? { status } : {}),
});
const site = (messages: PublishedMessage[], asOf = AS_OF) => snapshot({ asOf, pages: [page(HOME, {}, 0), page(BOARD, { messages })] });
const run = (messages: PublishedMessage[]) => rule.run(site(messages), ctx());

// Working days counted by hand on the State Council's 2026 arrangement: 中秋 09-25 to 09-27 off with
// make-up Sunday 09-20; 国庆 10-01 to 10-07 off with make-up Saturday 10-10. A count is the working
// days after the day asked, up to and including the day answered (or the as-of date, Friday 11-20).
describe('message-overdue accepts', () => {
  test.each<[string, PublishedMessage[]]>([
    // 11-03..06 and 11-09: 5.
    ['an answer on the fifth working day', [msg('2026-11-02', '2026-11-09', '已答复')]],
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12: 4, though 12 calendar days.
    ['twelve calendar days over National Day are 4 working days', [msg('2026-09-30', '2026-10-12')]],
    // 11-16..20: 5.
    ['办理中 for 5 working days', [msg('2026-11-13', undefined, '办理中')]],
    ['no answer date and no status: the list may just not show answers', [msg('2026-09-01')]],
    ['answered, by its status, without an answer date: not judged', [msg('2026-09-01', undefined, '已答复')]],
    ['an invalid message never answered', [msg('2026-09-01', undefined, '不予受理')]],
    // 08-19 is 93 days before 11-20: outside the quarter judged.
    ['a late answer before the quarter judged', [msg('2026-08-19', '2026-10-30'), msg('2026-11-02', '2026-11-03')]],
    ['a message dated after the as-of date', [msg('2026-11-02', '2026-11-03'), msg('2026-11-23', undefined, '未回复')]],
  ])('%s', (_name, messages) => {
    expect(run(messages)).toEqual({ status: 'pass' });
  });

  test('no published message of the quarter: not applicable, nothing to judge', () => {
    expect(run([msg('2026-05-01', '2026-05-02')])).toEqual({ status: 'not_applicable', reason: '未读到 92 天内的公开留言' });
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15_000 }] }), ctx())).toEqual({ status: 'not_applicable', reason: '首页无法打开' });
  });
});

describe('message-overdue rejects', () => {
  test.each<[string, PublishedMessage, string]>([
    // 11-03..06, 11-09, 11-10: 6.
    ['an answer on the sixth working day', msg('2026-11-02', '2026-11-10', '已答复'), '《留言2026-11-02》2026-11-02 留言，2026-11-10 答复，历时 6 个工作日（超过 5 个工作日）'],
    // 09-20 (make-up Sunday), 09-21..24, 09-28: 6, though 中秋 takes 09-25.
    ['over the make-up Sunday and Mid-Autumn', msg('2026-09-18', '2026-09-28'), '《留言2026-09-18》2026-09-18 留言，2026-09-28 答复，历时 6 个工作日（超过 5 个工作日）'],
    // 11-13, 11-16..20: 6.
    ['未答复 for 6 working days', msg('2026-11-12', undefined, '未答复'), '《留言2026-11-12》2026-11-12 留言，至 2026-11-20 未答复，已 6 个工作日（超过 5 个工作日）'],
  ])('%s', (_name, m, detail) => {
    expect(run([m])).toEqual({ status: 'fail', findings: [{ indicator: 'message-overdue', target: `《${m.title}》${m.asked}`, page: BOARD, points: 4, detail }] });
  });

  test("says where the message's row is on its board", () => {
    const where = { part: 'body', selector: '#xxlb > li:nth-of-type(3)', text: '留言2026-11-02' } as const;
    expect(run([{ ...msg('2026-11-02', '2026-11-10'), where }])).toMatchObject({ status: 'fail', findings: [{ page: BOARD, where }] });
  });

  test('one finding per late message, each named by its own page when it has one', () => {
    const own = 'http://www.linhe.gov.cn/hdjl/ldxx/202611/t20261102_1.html';
    const out = run([{ ...msg('2026-11-02', '2026-11-10'), url: own }, msg('2026-11-12', undefined, '未答复'), msg('2026-11-16', '2026-11-17')]);
    expect(out.status === 'fail' && out.findings.map((f) => [f.target, f.points])).toEqual([
      [own, 4],
      ['《留言2026-11-12》2026-11-12', 4],
    ]);
  });
});

// A made-up 2027 arrangement for the test, not the State Council's: 2027-01-01 (Fri) to 01-03 off.
const WITH_2027 = buildCalendar({ '2027': { source: '测试用安排（非官方）', holidays: [{ from: '2027-01-01', to: '2027-01-03' }], workdays: [] } });

describe('a year the holiday calendar lacks', () => {
  const late = site([msg('2026-12-28', '2027-01-12', '已答复')], '2027-01-15');

  test('the runner makes the rule not applicable and says which year to add', () => {
    const [run2027] = runRules(late, [rule], ctx());
    expect(run2027?.outcome).toEqual({ status: 'not_applicable', reason: '2027 年节假日安排未录入，无法计算工作日' });
  });

  test('with the year added, it applies: 12-29..31, 01-04..08, 01-11, 01-12 are 10 working days', () => {
    const [run2027] = runRules(late, [rule], { ...ctx(), calendar: WITH_2027 });
    expect(run2027?.outcome).toEqual({
      status: 'fail',
      findings: [{ indicator: 'message-overdue', target: '《留言2026-12-28》2026-12-28', page: BOARD, points: 4, detail: '《留言2026-12-28》2026-12-28 留言，2027-01-12 答复，历时 10 个工作日（超过 5 个工作日）' }],
    });
  });

  test('a message reaching back into a year the calendar lacks makes it not applicable too', () => {
    const old = site([msg('2003-12-20', '2004-01-05')], '2004-01-10');
    const [r] = runRules(old, [rule], ctx());
    expect(r?.outcome).toEqual({ status: 'not_applicable', reason: '2003 年节假日安排未录入，无法计算工作日' });
  });
});
