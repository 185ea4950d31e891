import { defineRule, type RuleFinding } from './types.ts';
import { dutyUpdateText } from '../../schemas/duty.ts';
import { dutyScopes, dutyWindows, judgeDuty } from './lib/duty.ts';

/**
 * 栏目未按内容保障方案更新 (a local item, not in the 2019 national table; advice, no points): a column
 * the office's content duty plan (content/duty.yaml) gives to a unit with an update window, whose
 * newest item is older than the window on the as-of date. Seed 003 (临沂市政府网站内容保障工作方案):
 * news the same day, by 9:00 the next morning at the latest; a topic's 工作动态 at least weekly. The
 * unit the plan names is charged (the monitor reminds it), not the site. Columns updated "at once",
 * and columns not found, not read, blank or undated are not judged.
 */
export default defineRule({
  id: 'duty-column-late',
  title: '栏目未按保障方案更新',
  clause: '建议（本地规则）：栏目未按内容保障方案规定的时限更新，由方案指定的负责单位整改（临沂市政府网站内容保障工作方案）',
  kind: 'advice',
  points: [],
  params: ['weekly', 'monthly'],
  countsWorkdays: true,
  run(snapshot, { params, calendar }) {
    if (!snapshot.duty?.length) return { status: 'not_applicable', reason: '内容保障方案未列本站栏目' };
    const windows = dutyWindows(params);
    const findings: RuleFinding[] = [];
    let judged = 0;
    for (const { assignment: a, column } of dutyScopes(snapshot)) {
      const j = judgeDuty(a, column, snapshot.asOf, calendar, windows);
      if (j.state === 'unknown' || !column) continue;
      judged++;
      if (j.state === 'ok') continue;
      findings.push({
        indicator: 'duty-column-late',
        target: column.name,
        page: column.url,
        ...(column.where ? { where: column.where } : {}),
        points: 0,
        detail: `按内容保障方案，“${column.name}”栏目由${a.unitName}负责，${dutyUpdateText(a)}；最新信息 ${j.newest}（${j.age} 天前），应不早于 ${j.due}`,
      });
    }
    if (findings.length) return { status: 'fail', findings };
    return judged ? { status: 'pass' } : { status: 'not_applicable', reason: '方案所列栏目均无可判断的更新时限（第一时间更新，或未读到栏目及其日期）' };
  },
});
