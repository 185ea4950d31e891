import { calendarDaysBetween } from '../workdays.ts';
import type { SeenMessage } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * A board page that says it has no message. Only words about messages: a bare 暂无数据 is also the
 * placeholder of lists that scripts fill in later.
 */
const EMPTY_BOARD = /(?:暂无|没有|尚无)(?:公开的?)?(?:留言|信件|来信|咨询|回复|答复)/;

/** The fields every published message must show (national table: 1 point for each kind missing). */
const FIELDS = [
  { key: 'asked', name: '留言时间' },
  { key: 'answered', name: '答复时间' },
  { key: 'replier', name: '答复单位' },
  { key: 'reply', name: '答复内容' },
] as const;

/**
 * The message has an answer, by its date, its text or its status. A replier alone is no answer: a
 * message is assigned to its 办理单位 before it is answered.
 */
function answered(m: SeenMessage): boolean {
  const kind = m.statusKind;
  if (kind === 'unanswered' || kind === 'invalid') return false;
  return m.answered !== undefined || m.replyShown || kind === 'answered';
}

/**
 * Whether `m` fails to show a field. Judged only where everything published about the message was
 * read: a list often leaves 答复单位 and 答复时间 to the message's own page. The reply text is judged
 * only on a message's own page, where it belongs; a list without links may open it in a pop-up.
 */
function lacks(m: SeenMessage, field: (typeof FIELDS)[number]['key']): boolean {
  if (m.statusKind === 'invalid' || !m.complete) return false;
  switch (field) {
    case 'asked':
      return m.asked === undefined;
    case 'answered':
      return answered(m) && m.answered === undefined;
    case 'replier':
      return answered(m) && m.replier === undefined;
    case 'reply':
      return m.ownPageRead && answered(m) && !m.replyShown;
  }
}

/**
 * 留言办理信息未公开: no message published in the 2 months before the as-of date (params.silentDays,
 * 61 calendar days, the longest two consecutive months); published messages that do not show
 * 留言时间, 答复时间, 答复单位 or 答复内容, one deduction per kind of field, not per message.
 */
export default defineRule({
  id: 'messages-not-public',
  title: '留言办理信息未公开',
  clause: '扣分：互动回应—留言办理信息未公开（2 个月内无公开留言扣 3 分；公开留言缺少留言时间、答复时间、答复单位、答复内容的，每缺一项扣 1 分；最多扣 6 分）',
  kind: 'deduction',
  points: ['silent', 'field'],
  params: ['silentDays'],
  run(snapshot, { points, params }) {
    if (!snapshot.home.html) return { status: 'not_applicable', reason: '首页无法打开' };
    const asOf = snapshot.asOf;
    const silentDays = params['silentDays']!;
    const messages = snapshot.messages;

    if (messages.length === 0) {
      // Fined only when a board page was read and shows it has nothing: never for a board the crawl did not reach.
      const channels = new Set(snapshot.pages.flatMap((p) => p.facts.channels.map((c) => c.url)));
      const empty = snapshot.pages.find((p) => (channels.has(p.url) || channels.has(p.finalUrl)) && (p.facts.list?.empty === true || EMPTY_BOARD.test(p.facts.text)));
      if (!empty) return { status: 'not_applicable', reason: '未读到公开留言的页面' };
      return { status: 'fail', findings: [{ indicator: 'messages-not-public', target: empty.url, page: empty.url, points: points['silent']!, detail: `留言页面无公开留言（${silentDays} 天内无公开留言）` }] };
    }

    const findings: RuleFinding[] = [];
    // The date a message was published by: asked, or answered when the page shows no asked date.
    const dated = messages
      .map((m) => ({ m, date: m.asked ?? m.answered }))
      .filter((d): d is { m: SeenMessage; date: string } => d.date !== undefined && d.date <= asOf)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    const newest = dated[0];
    if (newest) {
      const age = calendarDaysBetween(newest.date, asOf);
      if (age > silentDays) {
        findings.push({
          indicator: 'messages-not-public',
          target: newest.m.board,
          page: newest.m.board,
          ...(newest.m.where ? { where: newest.m.where } : {}),
          points: points['silent']!,
          detail: `最近一条公开留言为 ${newest.date}（《${newest.m.title}》），距监测时间点 ${age} 天，超过 ${silentDays} 天`,
        });
      }
    }
    for (const field of FIELDS) {
      const missing = messages.filter((m) => lacks(m, field.key));
      const first = missing[0];
      if (!first) continue;
      findings.push({
        indicator: 'messages-not-public',
        target: first.board,
        page: first.board,
        ...(first.where ? { where: first.where } : {}),
        points: points['field']!,
        detail: `${missing.length} 条公开留言未标明${field.name}，如《${first.title}》`,
      });
    }
    return findings.length > 0 ? { status: 'fail', findings } : { status: 'pass' };
  },
});
