import { defineRule } from './types.ts';

/**
 * HTTPS is not a scored item of the 2019 table; it is reported as advice (0 points) when the home
 * page is served over http:// and https:// does not answer.
 */
export default defineRule({
  id: 'https-missing',
  title: '未启用 HTTPS',
  clause: '建议：网站未启用 HTTPS 加密访问（2019 年指标未设分值，不扣分）',
  kind: 'advice',
  siteLevel: true,
  points: [],
  run(snapshot) {
    const final = snapshot.home.url;
    if (!final) return { status: 'not_applicable', reason: '首页无法打开' };
    if (final.startsWith('https:') || snapshot.home.https?.ok) return { status: 'pass' };
    if (!snapshot.home.https) return { status: 'not_applicable', reason: '未检测 HTTPS' };
    const page = snapshot.site.url;
    return { status: 'fail', findings: [{ indicator: 'https-missing', target: page, page, points: 0, detail: `首页仅通过 HTTP 提供，HTTPS 访问失败：${snapshot.home.https.detail}` }] };
  },
});
