import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { siteTruth } from '../../sandbox/ground-truth.ts';
import { buildSiteModel, urlOf } from '../../sandbox/model.ts';
import { renderBoard, renderHome } from '../../sandbox/render.ts';
import { generateWeb } from '../../sandbox/web.ts';
import { readChannels, readMessages } from '../gather/messages.ts';
import type { PublishedMessage } from '../snapshot.ts';
import rule from './interaction-unresponsive.ts';
import notPublic from './messages-not-public.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const AS_OF = '2026-11-20';
const BOARD = 'http://www.linhe.gov.cn/hdjl/ldxx/index.html';
const ctx = () => context('interaction-unresponsive', { points: {}, params: { lookbackDays: 365, unansweredDays: 92 } });
const HOME_TEXT = '临河市人民政府 首页 政务公开 '.repeat(20);
const home = (over: Parameters<typeof page>[1] = {}) => page(HOME, { text: HOME_TEXT, channels: [{ name: '县长信箱', url: BOARD }], ...over }, 0);
const msg = (asked: string, answered?: string, status?: string): PublishedMessage => ({
  title: `留言${asked}`, asked, ...(answered ? { answered } : {}), replyShown: false, ...(status ? { status } : {}),
});
const run = (messages: PublishedMessage[]) => rule.run(snapshot({ asOf: AS_OF, pages: [home(), page(BOARD, { messages })] }), ctx());

// Day counts checked by hand (2026 is not a leap year): 03-02 → 07-10 is 29+30+31+30+10 = 130;
// 06-01 → 09-01 is 30+31+31 = 92; 08-20 → 11-20 is 11+30+31+20 = 92; 2025-11-20 → 2026-11-20 is 365.
describe('interaction-unresponsive accepts', () => {
  test.each<[string, PublishedMessage[]]>([
    ['answers within days', [msg('2026-11-02', '2026-11-05', '已答复')]],
    ['an answer after exactly 92 days', [msg('2026-06-01', '2026-09-01')]],
    ['an unanswered message exactly 92 days old', [msg('2026-08-20', undefined, '未答复')]],
    ['a message in 办理中 for 5 days', [msg('2026-11-15', undefined, '办理中')]],
    ['no answer date and no status: the list may just not show answers', [msg('2026-01-05')]],
    ['a late answer to a message asked more than a year before (366 days)', [msg('2025-11-19', '2026-03-01')]],
    ['an invalid message never answered', [msg('2026-01-05', undefined, '不予受理')]],
    ['a date after the as-of date', [msg('2026-12-01', undefined, '未回复')]],
  ])('%s', (_name, messages) => {
    expect(run(messages)).toEqual({ status: 'pass' });
  });
});

describe('interaction-unresponsive rejects', () => {
  test.each<[string, PublishedMessage[], string]>([
    ['an answer after 130 days', [msg('2026-03-02', '2026-07-10', '已答复')], '《留言2026-03-02》2026-03-02 留言，2026-07-10 答复，历时 130 天（超过 92 天）'],
    ['an answer after 93 days', [msg('2026-06-01', '2026-09-02')], '《留言2026-06-01》2026-06-01 留言，2026-09-02 答复，历时 93 天（超过 92 天）'],
    ['未答复 for 93 days', [msg('2026-08-19', undefined, '未答复')], '《留言2026-08-19》2026-08-19 留言，至 2026-11-20 未答复，历时 93 天（超过 92 天）'],
    ['办理中 for 93 days', [msg('2026-08-19', undefined, '办理中')], '《留言2026-08-19》2026-08-19 留言，至 2026-11-20 未答复，历时 93 天（超过 92 天）'],
    ['asked exactly a year before, answered after 93 days', [msg('2025-11-20', '2026-02-21')], '《留言2025-11-20》2025-11-20 留言，2026-02-21 答复，历时 93 天（超过 92 天）'],
  ])('%s', (_name, messages, detail) => {
    expect(run(messages)).toEqual({ status: 'fail', findings: [{ indicator: 'interaction-unresponsive', target: BOARD, page: BOARD, points: 0, detail }] });
  });

  test('one finding per board page, naming the worst message and how many', () => {
    const other = 'http://www.linhe.gov.cn/hdjl/zxzx/index.html';
    const out = rule.run(snapshot({
      asOf: AS_OF,
      pages: [
        home(),
        page(BOARD, { messages: [msg('2026-06-01', '2026-09-02'), msg('2026-03-02', undefined, '未回复'), msg('2026-11-01', '2026-11-02')] }),
        page(other, { messages: [msg('2026-03-02', '2026-07-10')] }),
      ],
    }), ctx());
    expect(out.status === 'fail' && out.findings.map((f) => [f.target, f.detail])).toEqual([
      [BOARD, '《留言2026-03-02》2026-03-02 留言，至 2026-11-20 未答复，历时 263 天（超过 92 天）；本页共 2 条留言超过 92 天未答复'],
      [other, '《留言2026-03-02》2026-03-02 留言，2026-07-10 答复，历时 130 天（超过 92 天）'],
    ]);
  });

  test('a message listed on the board and answered late on its own page is reported once, on the board', () => {
    const item = 'http://www.linhe.gov.cn/hdjl/ldxx/1.html';
    const out = rule.run(snapshot({
      asOf: AS_OF,
      pages: [
        home(),
        page(BOARD, { messages: [{ title: '关于路灯', url: item, asked: '2026-03-02', replyShown: false }] }),
        page(item, { messages: [{ title: '关于路灯不亮', url: item, asked: '2026-03-02', answered: '2026-07-10', replyShown: true }] }, 2),
      ],
    }), ctx());
    expect(out.status === 'fail' && out.findings.map((f) => f.target)).toEqual([BOARD]);
  });
});

describe('interaction-unresponsive: channels', () => {
  test('no consultation channel on any page read fails on the home page', () => {
    const out = rule.run(snapshot({ pages: [home({ channels: [] }), page(`${HOME}zwgk/`, { text: '政务公开' })] }), ctx());
    expect(out).toEqual({ status: 'fail', findings: [{ indicator: 'interaction-unresponsive', target: HOME, page: HOME, points: 0, detail: '未发现领导信箱、咨询或留言等互动渠道' }] });
  });

  test('a channel on a deeper page is enough', () => {
    expect(rule.run(snapshot({ pages: [home({ channels: [] }), page(`${HOME}zwgk/`, { channels: [{ name: '在线咨询', url: `${HOME}zxzx/` }] })] }), ctx())).toEqual({ status: 'pass' });
  });

  test('every channel broken fails; one that could not be judged counts as working', () => {
    const two = [{ name: '县长信箱', url: BOARD }, { name: '在线咨询', url: `${HOME}zxzx/` }];
    const broken = rule.run(snapshot({
      pages: [home({ channels: two })],
      links: [{ url: BOARD, verdict: 'broken', detail: 'HTTP 404' }, { url: `${HOME}zxzx/`, verdict: 'broken', detail: '连接超时' }],
    }), ctx());
    expect(broken.status === 'fail' && broken.findings[0]?.detail).toBe('互动渠道均无法打开：县长信箱（HTTP 404）、在线咨询（连接超时）');
    const unsure = rule.run(snapshot({
      pages: [home({ channels: two })],
      links: [{ url: BOARD, verdict: 'broken', detail: 'HTTP 404' }, { url: `${HOME}zxzx/`, verdict: 'inconclusive', detail: 'HTTP 403' }],
    }), ctx());
    expect(unsure).toEqual({ status: 'pass' });
  });

  test('not applicable when the home page did not load, or was drawn by scripts and nothing else was read', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx()).status).toBe('not_applicable');
    expect(rule.run(snapshot({ pages: [home({ channels: [], text: '加载中' })] }), ctx()).status).toBe('not_applicable');
  });
});

describe('on the sandbox, the two rules report what the model seeded', () => {
  const web = generateWeb({ sites: 12, pagesPerSite: 40, seed: 5, asOf: AS_OF });
  const models = web.sites.map((_, i) => buildSiteModel(web, i)).filter((m) => !m.down);
  const indicators = ['interaction-unresponsive', 'messages-not-public'];

  test('the seeded boards cover late, unanswered and silent', () => {
    const truth = models.flatMap((m) => siteTruth(m)).filter((t) => indicators.includes(t.indicator));
    expect(new Set(truth.map((t) => t.indicator))).toEqual(new Set(indicators));
  });

  test.each(models.map((m) => [m.site.id, m] as const))('%s', (_id, m) => {
    const board = urlOf(m, m.board.path);
    const homeHtml = renderHome(m);
    const $home = cheerio.load(homeHtml);
    const snap = snapshot({
      url: m.home,
      asOf: AS_OF,
      html: homeHtml,
      pages: [
        page(m.home, { text: $home('body').text(), channels: readChannels($home, m.home) }, 0),
        page(board, { messages: readMessages(cheerio.load(renderBoard(m)), board, AS_OF) }),
      ],
    });
    const found = [
      ...[rule.run(snap, ctx())],
      ...[notPublic.run(snap, context('messages-not-public', { points: { silent: 3, field: 1 }, params: { silentDays: 61 } }))],
    ].flatMap((o) => (o.status === 'fail' ? o.findings.map((f) => `${f.indicator} ${f.target}`) : []));
    const truth = siteTruth(m).filter((t) => indicators.includes(t.indicator)).map((t) => `${t.indicator} ${t.target}`);
    expect(found).toEqual(truth);
  });
});
