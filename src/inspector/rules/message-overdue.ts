import { calendarDaysBetween } from '../workdays.ts';
import type { SeenMessage } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * 留言办理超期: a consultation answered more than 5 working days after it was asked (params.workdays),
 * or still waiting past them, among the messages the site publishes from the quarter before the
 * as-of date (params.lookbackDays: 92, the longest quarter). Published messages are the sampled
 * consultations of the national item; simulated ones are recorded by inspectors under the same id.
 * Working days follow the official holiday calendar, never plain weekdays. Only dates the page
 * shows are counted: a message without an answer date is judged only when its status says it is
 * still unanswered, and one answered without a date is not judged at all.
 */
export default defineRule({
  id: 'message-overdue',
  title: '留言办理超期',
  clause: '扣分：互动回应—模拟咨询或抽查留言 5 个工作日内未答复（每条 4 分，最多扣 7 分）',
  kind: 'deduction',
  points: ['each'],
  params: ['workdays', 'lookbackDays'],
  countsWorkdays: true,
  // 002: 1 条网民留言处理超期 -5 — each record of a late answer costs the unit in the assessment.
  assessment: 'overdueMessage',
  run(snapshot, { points, params, calendar }) {
    if (!snapshot.home.html) return { status: 'not_applicable', reason: '首页无法打开' };
    const asOf = snapshot.asOf;
    const limit = params['workdays']!;
    const lookback = params['lookbackDays']!;
    const messages = snapshot.messages.filter((m) => m.asked !== undefined && m.asked <= asOf && calendarDaysBetween(m.asked, asOf) <= lookback);
    if (messages.length === 0) return { status: 'not_applicable', reason: `未读到 ${lookback} 天内的公开留言` };

    const findings: RuleFinding[] = [];
    for (const m of messages) {
      const kind = m.statusKind;
      if (kind === 'invalid') continue;
      const answered = m.answered !== undefined && m.answered <= asOf ? m.answered : undefined;
      if (answered === undefined && kind !== 'unanswered') continue;
      const days = calendar.workdaysBetween(m.asked!, answered ?? asOf);
      if (days <= limit) continue;
      findings.push({
        indicator: 'message-overdue',
        target: targetOf(m),
        page: m.board,
        ...(m.where ? { where: m.where } : {}),
        points: points['each']!,
        detail: answered
          ? `《${m.title}》${m.asked} 留言，${answered} 答复，历时 ${days} 个工作日（超过 ${limit} 个工作日）`
          : `《${m.title}》${m.asked} 留言，至 ${asOf} 未答复，已 ${days} 个工作日（超过 ${limit} 个工作日）`,
      });
    }
    return findings.length > 0 ? { status: 'fail', findings } : { status: 'pass' };
  },
});

/** A message is named by its own page, or by its title and date when it has none (its board is the finding's page). */
function targetOf(m: SeenMessage): string {
  return m.url ?? `《${m.title}》${m.asked}`;
}
