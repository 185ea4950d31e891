import { placed } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** 空白栏目: a column whose list page loaded and has nothing (暂无信息, an empty list). 2 each. */
export default defineRule({
  id: 'column-blank',
  title: '空白栏目',
  clause: '扣分：栏目无任何内容（空白栏目每个扣 2 分，最多扣 4 分）',
  kind: 'deduction',
  points: ['each'],
  run(snapshot, { points }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const findings: RuleFinding[] = snapshot.columns
      .filter((c) => c.blank)
      .map((c) => ({ indicator: 'column-blank', target: c.name, page: c.url, ...placed(c.where, c.url), points: points['each']!, detail: '栏目页无任何信息（显示“暂无信息”或列表为空）' }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
