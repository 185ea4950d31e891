import { describe, expect, test } from 'vitest';
import type { PageFacts, PublishedMessage } from '../snapshot.ts';
import rule from './messages-not-public.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const AS_OF = '2026-11-20';
const BOARD = 'http://www.linhe.gov.cn/hdjl/ldxx/index.html';
const ITEM = 'http://www.linhe.gov.cn/hdjl/ldxx/1.html';
const ctx = () => context('messages-not-public', { points: { silent: 3, field: 1 }, params: { silentDays: 61 } });
const home = page(HOME, { text: '临河市人民政府', channels: [{ name: '县长信箱', url: BOARD }] }, 0);
/** A complete answered message as a list without message pages shows it, less the fields named in `drop`. */
const ok = (asked: string, ...drop: Array<'asked' | 'answered' | 'replier'>): PublishedMessage => {
  const m: PublishedMessage = { title: `留言${asked}`, asked, answered: asked, replier: '临河市人民政府', replyShown: false, status: '已答复' };
  for (const k of drop) delete m[k];
  return m;
};
const run = (...pages: Array<ReturnType<typeof page>>) => rule.run(snapshot({ asOf: AS_OF, pages: [home, ...pages] }), ctx());
const board = (messages: PublishedMessage[], over: Partial<PageFacts> = {}) => page(BOARD, { messages, ...over });
const details = (out: ReturnType<typeof run>) => (out.status === 'fail' ? out.findings.map((f) => [f.target, f.points, f.detail]) : out.status);

// 09-20 → 11-20 is 10+31+20 = 61 days; 09-19 → 11-20 is 62.
describe('messages-not-public accepts', () => {
  test.each<[string, PublishedMessage[]]>([
    ['a message 61 days old as the newest', [ok('2026-09-20'), ok('2026-06-01')]],
    ['an unanswered message without answer fields', [{ title: '留言', asked: '2026-11-18', replyShown: false, status: '办理中' }]],
    ['a message assigned to its 办理单位 and not answered yet', [{ title: '留言', asked: '2026-11-18', replier: '城管局', replyShown: false, status: '办理中' }]],
    ['a listed message whose own page was not read: its page may show the replier', [{ title: 'a', url: ITEM, asked: '2026-11-01', replyShown: false, status: '已答复' }]],
    ['a list that shows no reply text: only a message page is judged on it', [ok('2026-11-01')]],
    ['an invalid message without fields', [ok('2026-11-01'), { title: '重复', replyShown: false, status: '重复留言' }]],
  ])('%s', (_name, messages) => {
    expect(run(board(messages))).toEqual({ status: 'pass' });
  });
});

describe('messages-not-public rejects', () => {
  test('no message in the 61 days before the as-of date: 3 points on the board', () => {
    expect(details(run(board([ok('2026-09-19'), ok('2026-05-02')])))).toEqual([
      [BOARD, 3, '最近一条公开留言为 2026-09-19（《留言2026-09-19》），距监测时间点 62 天，超过 61 天'],
    ]);
  });

  test('1 point per kind of missing field, not per message', () => {
    const messages = [
      ok('2026-11-01', 'replier'),
      ok('2026-11-02', 'replier'),
      ok('2026-11-03', 'answered'),
      { ...ok('2026-11-04', 'asked'), title: '无日期的留言' },
    ];
    expect(details(run(board(messages)))).toEqual([
      [BOARD, 1, '1 条公开留言未标明留言时间，如《无日期的留言》'],
      [BOARD, 1, '1 条公开留言未标明答复时间，如《留言2026-11-03》'],
      [BOARD, 1, '2 条公开留言未标明答复单位，如《留言2026-11-01》'],
    ]);
  });

  test("答复内容 is judged on a message's own page", () => {
    const out = run(
      board([{ title: '关于路灯', url: ITEM, asked: '2026-11-01', replyShown: false, status: '已答复' }]),
      page(ITEM, { messages: [{ title: '关于路灯不亮', url: ITEM, asked: '2026-11-01', answered: '2026-11-03', replier: '城管局', replyShown: false }] }, 2),
    );
    expect(details(out)).toEqual([[BOARD, 1, '1 条公开留言未标明答复内容，如《关于路灯不亮》']]);
  });

  test('silent and missing fields together', () => {
    expect(details(run(board([ok('2026-08-01', 'replier')])))).toEqual([
      [BOARD, 3, '最近一条公开留言为 2026-08-01（《留言2026-08-01》），距监测时间点 111 天，超过 61 天'],
      [BOARD, 1, '1 条公开留言未标明答复单位，如《留言2026-08-01》'],
    ]);
  });
});

describe('messages-not-public when no message was found', () => {
  test('a board page read that says it has no message: silent', () => {
    expect(details(run(page(BOARD, { text: '县长信箱\n暂无留言' })))).toEqual([[BOARD, 3, '留言页面无公开留言（61 天内无公开留言）']]);
    expect(details(run(page(BOARD, { list: { items: [], undated: 0, empty: true, pagination: [] } })))).toEqual([[BOARD, 3, '留言页面无公开留言（61 天内无公开留言）']]);
  });

  test('not applicable when the board was not reached, or its page does not say it is empty', () => {
    expect(run().status).toBe('not_applicable');
    expect(run(page(BOARD, { text: '县长信箱\n我要写信' })).status).toBe('not_applicable');
    // A bare 暂无数据 is what script-filled lists show before they load.
    expect(run(page(BOARD, { text: '县长信箱\n暂无数据' })).status).toBe('not_applicable');
    // 暂无留言 on a page that is no channel's target.
    expect(run(page(`${HOME}zwgk/`, { text: '暂无留言' })).status).toBe('not_applicable');
  });

  test('not applicable when the home page did not load', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx()).status).toBe('not_applicable');
  });
});
