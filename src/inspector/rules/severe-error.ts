import { dayNumber, isIsoDate } from '../../dates.ts';
import { compileDictionary } from '../text/typos.ts';
import { siteTypos, typoDetail } from './typo.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * 严重错误 (veto), the parts a crawl can see:
 * - serious wording errors (a leader's title, the state's, the party's or a body's name, a core
 *   political term; severity serious in the dictionary): past practice vetoes more than `maxSerious`
 *   (3), each wrong text counted once per page it shows on;
 * - a forged publication date: a page's date, or a date in its lists, after the as-of date. Only a
 *   date at least `futureDays` (2) days ahead counts, so a page in another time zone, or one dated
 *   tomorrow by a scheduled release, is not named.
 * Leaks, reactionary content and defacement need a person and are recorded by hand.
 */
export default defineRule({
  id: 'severe-error',
  title: '严重错误',
  clause: '单项否决：严重错别字（党和国家领导人姓名职务、国家名称、机构名称等写错）、虚假或伪造内容（如发布日期造假）等严重问题（严重错别字超过 3 处即否决）',
  kind: 'veto',
  points: [],
  params: ['maxSerious', 'futureDays'],
  run(snapshot, { params, dictionary }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const maxSerious = params['maxSerious']!;
    const futureDays = params['futureDays']!;
    const findings: RuleFinding[] = [];

    const matcher = compileDictionary(dictionary);
    const serious = siteTypos(snapshot, matcher).filter((m) => m.entry.severity === 'serious');
    if (serious.length > maxSerious) {
      for (const m of serious) {
        findings.push({
          indicator: 'severe-error',
          target: m.found,
          page: m.page,
          ...(m.where ? { where: m.where } : {}),
          points: 0,
          detail: `严重错别字（全站 ${serious.length} 处，超过 ${maxSerious} 处）：${typoDetail(m, matcher.version)}`,
        });
      }
    }

    const asOf = dayNumber(snapshot.asOf);
    for (const p of snapshot.pages) {
      const dates = [...new Set([p.facts.pubDate, ...p.facts.futureDates])].filter(
        (d): d is string => d !== undefined && isIsoDate(d) && dayNumber(d) - asOf >= futureDays,
      );
      if (dates.length === 0) continue;
      // The item that shows the date named, when it is an item (a page's own date is read from its text, not an element).
      const item = [...p.facts.blocks.flatMap((b) => b.items), ...(p.facts.list?.items ?? [])].find((i) => i.date === dates[0] && i.where);
      findings.push({
        indicator: 'severe-error',
        target: dates[0]!,
        page: p.url,
        ...(item?.where ? { where: item.where } : {}),
        points: 0,
        detail: `发布日期晚于检查日期 ${snapshot.asOf}：${dates.join('、')}`,
      });
    }
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
