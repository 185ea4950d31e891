import { homeNotAsShown, homePage } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * 栏目缺失: a required column (概况信息, 机构职能, 领导信息, 动态要闻, 政策文件, 政策解读) that no
 * column, menu entry or link text of any page read shows. Points per item from the rules file.
 */
export default defineRule({
  id: 'column-missing',
  title: '必设栏目缺失',
  clause: '扣分：未开设概况信息、机构职能、领导信息（各 2 分）或动态要闻、政策文件、政策解读（各 5 分）栏目',
  kind: 'deduction',
  points: [],
  // The national table's six required columns; an office's own additions in rules.yaml show by their name there.
  targetNames: { overview: '概况信息', functions: '机构职能', leaders: '领导信息', news: '动态要闻', policy: '政策文件', interpretation: '政策解读' },
  run(snapshot, { points, config }) {
    if (!homePage(snapshot)) return { status: 'not_applicable', reason: '首页无法打开' };
    const shown: string[] = snapshot.columns.map((c) => c.name);
    for (const p of snapshot.pages) {
      shown.push(...p.facts.menu, ...p.facts.nav.map((n) => n.name), ...p.facts.blocks.map((b) => b.name), ...p.facts.breadcrumb);
      if (p.facts.meta['ColumnName']) shown.push(p.facts.meta['ColumnName']);
    }
    const findings: RuleFinding[] = [];
    for (const [id, req] of Object.entries(config.requiredColumns)) {
      if (shown.some((name) => req.keywords.some((k) => name.includes(k)))) continue;
      const cost = points[id];
      if (cost === undefined) throw new Error(`indicators.column-missing.points.${id} is missing in the rules file`);
      findings.push({ indicator: 'column-missing', target: id, page: snapshot.site.url, points: cost, detail: `在读取的 ${snapshot.pages.length} 个页面中未见“${req.name}”栏目` });
    }
    // A home page whose scripts were not run (a script redirect, a menu written by script) hides its columns.
    const unseen = findings.length ? homeNotAsShown(snapshot) : undefined;
    if (unseen) return { status: 'not_applicable', reason: unseen };
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
