import type { ProbeWindow } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** 8 → "8", 6.43 → "6.4": percentages as people write them. */
const pct = (n: number) => String(Math.round(n * 10) / 10);

/** Days from `from` to `to`, both included. */
const spanDays = (w: ProbeWindow) => Math.round((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000) + 1;

/** The week's probes from untrusted vantages, said for what they are; '' when there are none. */
function untrustedNote(w: ProbeWindow | undefined): string {
  if (!w?.untrusted) return '';
  const { vantages, tries, failures } = w.untrusted;
  return `不在可信列表的检查地点“${vantages.map((v) => v || '未设置').join('、')}”探测 ${tries} 次、失败 ${failures} 次，不作认定`;
}

/**
 * 站点无法访问 (veto). The national method: a week of probes, at least 20 a day spread over the day;
 * a probe fails when the home page has not loaded within 15 s, and failures ≥ 5 % of the probes veto
 * the site. The week's record (content/probes, `npm run probe`) decides whenever it holds at least
 * `minProbes` probes, even when this run's own tries failed: one bad moment is not the national
 * measure. With fewer records the rule falls back on the crawl's spaced tries and names the site
 * only when every one of them failed: one slow answer is not enough evidence to name a site publicly.
 * Only probes from a vantage rules.yaml trusts count (the window holds them apart): records taken
 * abroad, where many government sites do not answer, are shown in the evidence and never decide.
 */
export default defineRule({
  id: 'site-unreachable',
  title: '站点无法访问',
  clause: '单项否决：站点无法访问（监测 1 周，每天不少于 20 次，首页 15 秒内无法打开的次数达到 5%）',
  kind: 'veto',
  siteLevel: true,
  points: [],
  params: ['minProbes', 'failurePercent'],
  run(snapshot, { params }) {
    const minProbes = params['minProbes']!;
    const failurePercent = params['failurePercent']!;
    const { site, probes } = snapshot;
    const finding = (detail: string): RuleFinding => ({ indicator: 'site-unreachable', target: site.url, page: site.url, points: 0, detail });

    if (probes && probes.tries >= minProbes) {
      const rate = (probes.failures / probes.tries) * 100;
      // Compared in whole counts where possible: 7 of 140 is exactly 5 %, and must veto.
      if (probes.failures * 100 < failurePercent * probes.tries) return { status: 'pass' };
      return {
        status: 'fail',
        findings: [
          finding(
            `近 ${spanDays(probes)} 天（${probes.from} 至 ${probes.to}）共探测 ${probes.tries} 次，失败 ${probes.failures} 次（${pct(rate)}%），达到 ${pct(failurePercent)}% 的否决线`,
          ),
        ],
      };
    }

    const note = untrustedNote(probes);
    const also = note ? `；另有${note}` : '';
    const { attempts } = snapshot.home;
    if (attempts.length === 0) return { status: 'not_applicable', reason: `探测记录不足，且未尝试访问首页${also}` };
    if (attempts.some((a) => a.ok)) return { status: 'pass' };
    // Seen only from a network the office does not trust (a runner abroad), a failure is no evidence.
    if (snapshot.networkTrusted === false) {
      const where = snapshot.vantage?.name ?? '未设置';
      return { status: 'not_applicable', reason: `探测记录不足，本次检查地点“${where}”不在可信列表（rules.yaml 的 trustedVantages），首页访问失败不作认定${also}` };
    }
    const reasons = [...new Set(attempts.map((a) => a.detail))].join('；');
    const basis = !probes || (probes.tries === 0 && !note) ? '无探测记录' : probes.tries === 0 ? `无可信检查地点的探测记录（${note}）` : `探测记录不足（${probes.tries} 次，少于 ${minProbes} 次${also}）`;
    return { status: 'fail', findings: [finding(`${basis}，依据本次检查间隔 ${attempts.length} 次访问首页均失败：${reasons}`)] };
  },
});
