import { defineRule, type RuleFinding } from './types.ts';

/**
 * 隐藏链接 (veto, under 安全、泄密等严重问题): links to spam sites hidden from visitors, what
 * black-hat SEO injects into a hacked site. The crawler only reports off-site links that are hidden
 * and advertise gambling, sex or fake papers (gather/features.ts), so ordinary hidden tabs never count.
 */
export default defineRule({
  id: 'hidden-link',
  title: '存在隐藏链接',
  clause: '单项否决：安全、泄密等严重问题—网站被植入隐藏链接未及时处置',
  kind: 'veto',
  points: [],
  run(snapshot) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const seen = new Set<string>();
    const findings: RuleFinding[] = [];
    for (const p of snapshot.pages) {
      for (const l of p.facts.hiddenLinks) {
        if (seen.has(l.url)) continue;
        seen.add(l.url);
        findings.push({ indicator: 'hidden-link', target: l.url, page: p.url, ...(l.where ? { where: l.where } : {}), points: 0, detail: `隐藏方式：${l.how}；链接文字“${l.text}”` });
      }
    }
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
