import { calendarDaysBetween } from '../workdays.ts';
import type { SeenMessage } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A home page with less visible text than this and no other page read was drawn by scripts: its links cannot be judged. */
const MIN_HOME_TEXT = 200;

/** How long a valid message waited for its answer, in calendar days; undefined when the page does not tell. */
function waitingDays(m: SeenMessage, asOf: string): number | undefined {
  if (!m.asked) return undefined;
  const kind = m.statusKind;
  if (kind === 'invalid') return undefined;
  if (m.answered) return calendarDaysBetween(m.asked, m.answered);
  // Only a page that says so makes a message unanswered: a list may simply not show answer dates.
  return kind === 'unanswered' ? calendarDaysBetween(m.asked, asOf) : undefined;
}

/**
 * 互动回应差 (veto): the site offers no consultation channel on any page the crawl read (or every
 * one it offers is broken); or a message asked in the year before the as-of date waited more than
 * 3 months for its answer, or is still waiting. "3 months" is calendar time: params.unansweredDays
 * (92, the longest three consecutive months) rather than working days, which the national rule
 * uses only for its 5-day and 3-day deadlines.
 */
export default defineRule({
  id: 'interaction-unresponsive',
  title: '互动回应差',
  clause: '单项否决：互动回应差—无可用的咨询渠道，或一年内有效留言超过 3 个月未回复',
  kind: 'veto',
  points: [],
  params: ['lookbackDays', 'unansweredDays'],
  run(snapshot, { params }) {
    const home = snapshot.site.url;
    if (!snapshot.home.html) return { status: 'not_applicable', reason: '首页无法打开' };
    const lookback = params['lookbackDays']!;
    const limit = params['unansweredDays']!;
    const asOf = snapshot.asOf;

    const messages = snapshot.messages;
    const late = new Map<string, Array<{ m: SeenMessage; days: number }>>();
    for (const m of messages) {
      const days = waitingDays(m, asOf);
      if (days === undefined || days <= limit) continue;
      const age = calendarDaysBetween(m.asked!, asOf);
      if (age < 0 || age > lookback) continue;
      late.set(m.board, [...(late.get(m.board) ?? []), { m, days }]);
    }
    if (late.size > 0) {
      const findings: RuleFinding[] = [...late].map(([board, list]) => {
        const worst = [...list].sort((a, b) => b.days - a.days || cmp(a.m.asked!, b.m.asked!) || cmp(a.m.title, b.m.title))[0]!;
        const answer = worst.m.answered ? `${worst.m.answered} 答复` : `至 ${asOf} 未答复`;
        const more = list.length > 1 ? `；本页共 ${list.length} 条留言超过 ${limit} 天未答复` : '';
        return {
          indicator: 'interaction-unresponsive',
          target: board,
          page: board,
          ...(worst.m.where ? { where: worst.m.where } : {}),
          points: 0,
          detail: `《${worst.m.title}》${worst.m.asked} 留言，${answer}，历时 ${worst.days} 天（超过 ${limit} 天）${more}`,
        };
      });
      return { status: 'fail', findings };
    }
    // A board with published messages is a channel, whatever its link is called.
    if (messages.length > 0) return { status: 'pass' };

    const channels = new Map<string, string>();
    for (const p of snapshot.pages) for (const c of p.facts.channels) if (!channels.has(c.url)) channels.set(c.url, c.name);
    if (channels.size === 0) {
      const homePage = snapshot.pages.find((p) => p.depth === 0);
      if (!homePage || (homePage.facts.text.length < MIN_HOME_TEXT && snapshot.pages.length <= 1)) {
        return { status: 'not_applicable', reason: '首页内容未能读取（可能由脚本生成），无法判断互动渠道' };
      }
      return { status: 'fail', findings: [{ indicator: 'interaction-unresponsive', target: home, page: home, points: 0, detail: '未发现领导信箱、咨询或留言等互动渠道' }] };
    }
    // A channel counts unless its link is known not to open; a link that could not be judged gets the benefit of the doubt.
    const verdicts = new Map(snapshot.links.map((l) => [l.url, l]));
    const broken = [...channels].filter(([url]) => verdicts.get(url)?.verdict === 'broken');
    if (broken.length === channels.size) {
      const list = broken.map(([url, name]) => `${name}（${verdicts.get(url)!.detail}）`).join('、');
      return { status: 'fail', findings: [{ indicator: 'interaction-unresponsive', target: home, page: home, points: 0, detail: `互动渠道均无法打开：${list}` }] };
    }
    return { status: 'pass' };
  },
});
