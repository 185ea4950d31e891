import { homeNotAsShown, homeParts, readAsShown } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** The entry as a footer script writes it (a script's text is not parsed as HTML). */
const IN_SCRIPT = /_jiucuo_|zfwzgl\.www\.gov\.cn|\/exposure\/jiucuo/;

/**
 * 我为政府网站找错 entry missing: the home page (with its footer frames and scripts) costs 1,
 * each other page read 0.2. When the home page lacks it the site's template does, and the home
 * finding alone reaches the cap, so other pages are not listed one by one.
 */
export default defineRule({
  id: 'error-report-entry-missing',
  title: '未设置找错入口',
  clause: '扣分：网站底部未设置“我为政府网站找错”入口（首页扣 1 分，其他页面每个扣 0.2 分，最多扣 1 分）',
  kind: 'deduction',
  points: ['home', 'other'],
  run(snapshot, { points }) {
    const parts = homeParts(snapshot);
    if (parts.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const homeHas = parts.some((p) => p.facts.errorReport) || (snapshot.home.footers ?? []).some((f) => IN_SCRIPT.test(f.text));
    const frames = new Set(parts.map((p) => p.url));
    // A page whose scripts were not run may lack only what they write: it is not charged.
    const others = snapshot.pages.filter((p) => !frames.has(p.url) && !p.facts.errorReport && readAsShown(p));
    const page = snapshot.site.url;
    const unseen = homeHas ? undefined : homeNotAsShown(snapshot);
    if (unseen) return { status: 'not_applicable', reason: unseen };
    if (!homeHas) {
      const also = others.length ? `；另有 ${others.length} 个其他页面也未设置` : '';
      return { status: 'fail', findings: [{ indicator: 'error-report-entry-missing', target: page, page, points: points['home']!, detail: `首页底部未见“我为政府网站找错”入口${also}` }] };
    }
    const findings: RuleFinding[] = others.map((p) => ({
      indicator: 'error-report-entry-missing',
      target: p.url,
      page: p.url,
      points: points['other']!,
      detail: '页面底部未见“我为政府网站找错”入口（首页有）',
    }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
