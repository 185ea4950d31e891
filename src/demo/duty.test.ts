import { describe, expect, test } from 'vitest';
import { generateWeb } from '../sandbox/web.ts';
import { buildSiteModel } from '../sandbox/model.ts';
import { sandboxDutyPlan } from '../sandbox/duty.ts';
import { checkDutyPlan } from '../store/duty.ts';
import { parseYaml } from '../store/yaml-file.ts';
import { registryYaml } from '../workflow/sites-import.ts';

describe('the demo city portal\'s duty plan (after seed 003)', () => {
  const web = generateWeb({ sites: 24, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' });
  const { units, plan } = sandboxDutyPlan(web);

  test('names only columns the portal has, each once, kept by units of the registry', () => {
    const index = web.sites.findIndex((s) => s.id === plan[0]!.site);
    const names = new Set(buildSiteModel(web, index).columns.map((c) => c.name));
    expect(plan.every((c) => names.has(c.column!))).toBe(true);
    const registry = { sites: web.sites, units: [...web.units, ...units] } as Parameters<typeof checkDutyPlan>[1];
    expect(checkDutyPlan(parseYaml('duty.yaml', registryYaml('plan', plan)), registry).entries).toHaveLength(plan.length);
  });

  test('news the same day by 09:00, topics weekly by the research office, the rest at once', () => {
    expect(plan.map((c) => [c.column, c.unit, c.update, c.by])).toEqual([
      ['要闻动态', 'yishi-bgs', 'same-day', '09:00'],
      ['通知公告', 'yishi-bgs', 'at-once', undefined],
      ['政策文件', 'yishi-bgs', 'at-once', undefined],
      ['政策解读', 'yishi-bgs', 'at-once', undefined],
      ['领导信息', 'yishi-bgs', 'at-once', undefined],
      ['专题专栏', 'yishi-yjs', 'weekly', undefined],
      ['数据发布', 'yishi-tjj', 'at-once', undefined],
    ]);
    expect(units.map((u) => u.name)).toEqual(['沂石市人民政府研究室', '沂石市统计局']);
  });
});
