import { classify } from './lib/columns.ts';
import { staleColumns } from './lib/columns.ts';
import { defineRule } from './types.ts';

const MAIN = new Set(['news', 'notice', 'policy', 'interpretation']);

/**
 * 栏目不更新 (veto): (a) ≥ params.staleMain (5) stale news, notice, policy or interpretation
 * columns; (b) ≥ params.staleAny (10) stale columns of any class; or (c) ≥ params.blank (5)
 * blank columns.
 */
export default defineRule({
  id: 'columns-not-updated',
  title: '栏目不更新',
  clause: '单项否决：栏目不更新—动态、通知公告、政策文件类栏目 5 个以上未按时更新，或应更新栏目 10 个以上未更新，或空白栏目 5 个以上',
  kind: 'veto',
  points: [],
  params: ['staleMain', 'staleAny', 'blank'],
  run(snapshot, { params, config }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const stale = staleColumns(snapshot, config);
    const main = stale.filter((s) => MAIN.has(s.cls));
    const blank = snapshot.columns.filter((c) => c.blank && classify(c.name, config.columns) !== 'topic');
    const reasons: string[] = [];
    const names = (xs: string[]) => xs.join('、');
    if (main.length >= params['staleMain']!) reasons.push(`动态、通知公告、政策类栏目 ${main.length} 个未按时更新（${names(main.map((s) => s.column.name))}）`);
    if (stale.length >= params['staleAny']!) reasons.push(`栏目 ${stale.length} 个未按时更新`);
    if (blank.length >= params['blank']!) reasons.push(`空白栏目 ${blank.length} 个（${names(blank.map((c) => c.name))}）`);
    if (reasons.length === 0) return { status: 'pass' };
    const page = snapshot.site.url;
    return { status: 'fail', findings: [{ indicator: 'columns-not-updated', target: page, page, points: 0, detail: reasons.join('；') }] };
  },
});
