import { CLASS_NAMES, staleColumns } from './lib/columns.ts';
import { placed } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * Which scored item a stale column falls under. 动态要闻, 通知公告/政策文件 and 政策解读 are
 * items worth 5 each, lost once whatever the number of stale columns; the other columns that
 * should be updated cost 1 each (../shared/indicators.md, column-stale).
 */
export const ITEM = { news: 'news', notice: 'policy', policy: 'policy', interpretation: 'interpretation', periodic: 'other', data: 'other', topic: 'other' } as const;

/** 栏目不更新: each classed column whose newest item is older than its class's window. */
export default defineRule({
  id: 'column-stale',
  title: '栏目更新不及时',
  clause: '扣分：信息发布—动态要闻 2 周、通知公告与政策文件及政策解读 6 个月、其他应更新栏目 1 年未更新（动态要闻、政策文件、政策解读各 5 分，其他栏目每个 1 分）',
  kind: 'deduction',
  points: ['news', 'policy', 'interpretation', 'other'],
  run(snapshot, { points, config }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const charged = new Set<string>();
    const findings: RuleFinding[] = staleColumns(snapshot, config).map((s) => {
      const item = ITEM[s.cls];
      const once = item !== 'other';
      const cost = once && charged.has(item) ? 0 : points[item]!;
      charged.add(item);
      return {
        indicator: 'column-stale',
        target: s.column.name,
        page: s.column.url,
        ...placed(s.column.where, s.column.url),
        points: cost,
        detail: `${CLASS_NAMES[s.cls]}栏目，最新信息 ${s.newest}，已 ${s.age} 天未更新（应 ${s.window} 天内更新）`,
      };
    });
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
