import { defineRule, type RuleFinding } from './types.ts';

/** axe's impact levels, in the findings' words. */
const IMPACT: Readonly<Record<string, string>> = { minor: '影响轻微', moderate: '影响中等', serious: '影响严重', critical: '影响极严重' };

/**
 * 无障碍自动检测 (advice): the WCAG 2.0/2.1 A and AA requirements axe-core can decide by itself, on the
 * home page and the list pages of the first columns as a visitor's browser lays them out
 * (gather/audit.ts): one finding per rule that fails, with the pages and elements it fails on counted
 * (the EU's simplified monitoring method reports rules, not elements). What axe cannot decide (colour
 * contrast without the page's images and fonts, text alternatives that exist but say nothing) is not
 * judged; a site whose pages were not rendered (--render never) is not judged. Beside axe, the home
 * page's 长者模式 (关怀版…) entry is followed, and the mode misses what it is for when the text it
 * shows is no larger than before (`elder-mode-text`), when text in it fails WCAG AA's colour contrast
 * (`elder-mode-contrast`: axe's color-contrast, run in the mode alone, as the mode's style sheets
 * are what it offers for contrast), or when a floating window (飘窗, 弹窗: a link out of the flow that
 * drifts or offers 关闭) is still over it (`elder-mode-ads`; 互联网网站适老化通用设计规范: 适老版页面中
 * 严禁出现广告插件及弹窗).
 */
export default defineRule({
  id: 'accessibility-issues',
  title: '无障碍自动检测问题',
  clause: '建议：首页和栏目页不符合 WCAG 2.1 AA 中可自动检测的要求（axe-core 检测，按规则计；无障碍环境建设法、GB/T 37668—2019；2019 年指标未设分值，不扣分）',
  kind: 'advice',
  // The audit loads every page it checks in the browser itself: the crawl's note on how it read a page does not apply.
  siteLevel: true,
  points: [],
  run(snapshot) {
    if (!snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    const a = snapshot.accessibility;
    if (!a) return { status: 'not_applicable', reason: '未在浏览器中检查页面（--render never，或 auditPages 为 0）' };
    const audited = a.pages.filter((p) => p.ok).length;
    if (audited === 0) return { status: 'not_applicable', reason: `检查的页面均未能在浏览器中打开：${a.pages.map((p) => p.detail).join('；')}` };
    const mode = a.elder && 'after' in a.elder ? a.elder : undefined;
    const elder = mode && mode.after > 0 && mode.after <= mode.before ? mode : undefined;
    const contrast = mode?.contrast?.elements ? mode.contrast : undefined;
    const floating = mode?.floating?.length ? mode.floating : undefined;
    if (a.violations.length === 0 && !elder && !contrast && !floating) return { status: 'pass' };
    const findings: RuleFinding[] = a.violations.map((v) => ({
      indicator: 'accessibility-issues',
      target: v.rule,
      page: v.pages[0]!,
      points: 0,
      detail: `${v.help}（${v.wcag.length ? `WCAG ${v.wcag.join('、')}，` : ''}${IMPACT[v.impact] ?? v.impact}）：检查 ${audited} 个页面，其中 ${v.pages.length} 个共 ${v.elements} 处，如 ${v.examples.map((e) => `${e.page} 的 ${e.selector}`).join('；')}（${a.engine}，规则 ${v.rule}）`,
    }));
    const home = snapshot.home.url;
    if (elder) {
      findings.push({ indicator: 'accessibility-issues', target: 'elder-mode-text', page: home, points: 0, detail: `长者模式未放大文字：点击首页“${elder.entry}”前后，文字字号的中位数为 ${elder.before}px 和 ${elder.after}px` });
    }
    if (mode && contrast) {
      findings.push({ indicator: 'accessibility-issues', target: 'elder-mode-contrast', page: home, points: 0, detail: `长者模式下有 ${contrast.elements} 处文字与背景的颜色对比度低于 WCAG AA 要求（一般文字 4.5:1，大字 3:1），如 ${contrast.examples.join('；')}（点击首页“${mode.entry}”后，${a.engine}，规则 color-contrast）` });
    }
    if (mode && floating) {
      const shown = floating.map((f) => `${f.selector}（“${f.words}”，${[f.moving ? '在页面上漂动' : '', f.closable ? '带“关闭”按钮' : ''].filter(Boolean).join('、')}）`).join('；');
      findings.push({ indicator: 'accessibility-issues', target: 'elder-mode-ads', page: home, points: 0, detail: `长者模式下仍显示 ${floating.length} 个浮动窗口（飘窗、弹窗或悬浮栏）：${shown}（点击首页“${mode.entry}”后）` });
    }
    return { status: 'fail', findings };
  },
});
