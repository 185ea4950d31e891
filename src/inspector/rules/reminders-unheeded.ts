import { defineRule, type RuleFinding } from './types.ts';

/**
 * 经提醒仍未整改 (a local deduction, not in the 2019 national table): a problem the daily monitor
 * (npm run monitor, content/monitor) found, reminded the unit of at least params.reminders times
 * in its current spell, and still had open on the as-of date. Seed 004 (临沧市 2019 年第二季度通报)
 * names sites "连续 2 周工作动态类栏目无信息更新，且提醒三次以上". Without monitor records of the
 * site the rule does not judge it: a missing daily loop is no evidence against a site. A problem the
 * content duty plan gives another unit (a column it keeps on this site) was reminded to that unit,
 * not to the site's: it does not count against the site.
 */
export default defineRule({
  id: 'reminders-unheeded',
  title: '经提醒仍未整改',
  clause: '扣分（本地规则）：日常监测发现的问题经多次提醒仍未整改（临沧市通报：“连续 2 周……无信息更新，且提醒三次以上”），每个问题扣分',
  kind: 'deduction',
  points: ['each'],
  params: ['reminders'],
  unseeded: 'it comes from the daily monitor’s records, not from one crawl: the 30-day monitor test (src/workflow/monitor/daily.test.ts) checks it against the sandbox by day',
  run(snapshot, { points, params }) {
    if (!snapshot.monitored) return { status: 'not_applicable', reason: '没有本站的日常监测记录' };
    const at = params['reminders']!;
    const findings: RuleFinding[] = snapshot.monitored
      .filter((p) => p.reminders >= at && (p.unit === undefined || p.unit === snapshot.site.unit))
      .map((p) => ({
        indicator: 'reminders-unheeded',
        target: p.target,
        page: p.page,
        points: points['each']!,
        detail: `日常监测 ${p.since} 起发现“${p.title}”问题，已提醒 ${p.reminders} 次（最近一次 ${p.lastReminder}），至监测时间点仍未整改（问题编号 ${p.id}）`,
      }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
