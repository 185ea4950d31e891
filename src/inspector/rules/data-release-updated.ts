import { classify, newest } from './lib/columns.ts';
import { dayNumber } from '../../dates.ts';
import type { Where } from '../snapshot.ts';
import { placed } from './lib/pages.ts';
import { defineRule } from './types.ts';

/**
 * 加分：数据发布 updated within params.recentDays (3 months) earns points.recent (2), within
 * params.olderDays (6 months) points.older (1). Portals only; counted when the score is above the
 * bonus line (scoring applies both).
 */
export default defineRule({
  id: 'data-release-updated',
  title: '数据发布及时更新',
  clause: '加分：数据发布栏目 3 个月内更新（加 2 分）或 3 至 6 个月内更新（加 1 分）',
  kind: 'bonus',
  points: ['recent', 'older'],
  params: ['recentDays', 'olderDays'],
  run(snapshot, { points, params, config }) {
    if (snapshot.site.kind !== 'portal') return { status: 'not_applicable', reason: '加分项仅适用于门户网站' };
    let best: { name: string; url: string; where?: Where | undefined; date: string; age: number } | undefined;
    for (const c of snapshot.columns) {
      if (classify(c.name, config.columns) !== 'data') continue;
      const date = newest(c);
      if (!date || date > snapshot.asOf) continue;
      const age = dayNumber(snapshot.asOf) - dayNumber(date);
      if (!best || age < best.age) best = { name: c.name, url: c.url, where: c.where, date, age };
    }
    if (!best || best.age > params['olderDays']!) return { status: 'pass' };
    const recent = best.age <= params['recentDays']!;
    return {
      status: 'fail',
      findings: [{
        indicator: 'data-release-updated',
        target: best.name,
        page: best.url,
        ...placed(best.where, best.url),
        points: recent ? points['recent']! : points['older']!,
        detail: `数据发布栏目最新信息 ${best.date}（${best.age} 天前），${recent ? '3 个月内' : '3 至 6 个月内'}有更新`,
      }],
    };
  },
});
