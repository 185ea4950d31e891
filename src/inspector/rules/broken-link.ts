import { alsoOn, homeParts } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * 链接不可用: every link target that does not open, once per target. A target linked from the home
 * page, or from a frame the home page is made of (a frameset's top, main and bottom), costs the
 * home-page points and names the home page; otherwise the first referring page. The other referring
 * pages are listed with it (alsoOn): the editor fixes the link on each, for one charge.
 */
export default defineRule({
  id: 'broken-link',
  title: '链接不可用',
  clause: '扣分：可用性—链接可用性（首页每个 0.2 分，其他页面每个 0.1 分，最多扣 1 分）',
  kind: 'deduction',
  points: ['home', 'other'],
  run(snapshot, { points }) {
    if (!snapshot.home.html) return { status: 'not_applicable', reason: '首页无法打开' };
    const home = snapshot.site.url;
    const frames = homeParts(snapshot).filter((p) => p.depth > 0).map((p) => p.url);
    const findings: RuleFinding[] = snapshot.links
      .filter((l) => l.verdict === 'broken')
      .map((l) => {
        // Where on the home page it is: on the home page itself, else in its first frame that links it.
        const shownOn = l.referrers.includes(home) ? home : frames.find((f) => l.referrers.includes(f));
        const onHome = shownOn !== undefined;
        const page = onHome ? home : (l.referrers[0] ?? home);
        const at = l.whereOn?.[shownOn ?? page];
        const where = at && shownOn !== undefined && shownOn !== home ? { ...at, page: shownOn } : at;
        return {
          indicator: 'broken-link',
          target: l.url,
          page,
          ...(where ? { where } : {}),
          ...alsoOn(l.referrers, page),
          points: onHome ? points['home']! : points['other']!,
          detail: l.detail,
        };
      });
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
