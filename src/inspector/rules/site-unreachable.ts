import { defineRule } from './types.ts';

/**
 * 站点无法访问 (veto). The national rule monitors a week of probes; until probe history exists this
 * rests on the crawl's own spaced tries, and only a home page that failed every one of them counts:
 * one slow answer is not enough evidence to name a site publicly.
 */
export default defineRule({
  id: 'site-unreachable',
  title: '站点无法访问',
  clause: '单项否决：站点无法访问（首页 15 秒内无法打开）',
  kind: 'veto',
  points: [],
  run(snapshot) {
    const { attempts } = snapshot.home;
    if (attempts.length === 0) return { status: 'not_applicable', reason: '未尝试访问首页' };
    if (attempts.some((a) => a.ok)) return { status: 'pass' };
    const reasons = [...new Set(attempts.map((a) => a.detail))].join('；');
    return {
      status: 'fail',
      findings: [
        {
          indicator: 'site-unreachable',
          target: snapshot.site.url,
          page: snapshot.site.url,
          points: 0,
          detail: `本次检查间隔访问首页 ${attempts.length} 次均失败：${reasons}`,
        },
      ],
    };
  },
});
