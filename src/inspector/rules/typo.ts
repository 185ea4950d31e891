import type { SiteSnapshot, Where } from '../snapshot.ts';
import { compileDictionary, findTypos, type TypoMatch, type TypoMatcher } from '../text/typos.ts';
import { textWhere } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** A wording error on one page. */
export interface PageTypo extends TypoMatch {
  /** URL of the page. */
  page: string;
  /** Where on the page: the block holding it, and the sentence around it. */
  where?: Where;
}

/**
 * The wording errors of a site: every fetched page's visible text, once per wrong text and page (the
 * first place it shows), in page order. A reformed name is looked for as of the check's date, and
 * is history on a page published before the reform.
 */
export function siteTypos(snapshot: SiteSnapshot, matcher: TypoMatcher): PageTypo[] {
  const out: PageTypo[] = [];
  for (const p of snapshot.pages) {
    const seen = new Set<string>();
    const options = { asOf: snapshot.asOf, ...(p.facts.pubDate ? { published: p.facts.pubDate } : {}) };
    for (const m of findTypos(matcher, p.facts.text, options)) {
      if (seen.has(m.found)) continue;
      seen.add(m.found);
      const where = textWhere(p, m.index, m.found.length);
      out.push({ ...m, page: p.url, ...(where ? { where } : {}) });
    }
  }
  return out;
}

/** Evidence for people: the suggestion, where it was seen, and the dictionary that said so. */
export const typoDetail = (m: TypoMatch, version: string) => `应为"${m.entry.right}"：${m.context}（词典 ${version}）`;

/**
 * 错别字: each wording error of the dictionary (content/dictionary.yaml) on a fetched page. The 2019
 * national table scores wording only under 内容正确性 and vetoes serious errors (severe-error); it has
 * no points row for ordinary typos, so the points per error are a setting (0.1 by default).
 */
export default defineRule({
  id: 'typo',
  title: '错别字',
  clause: '扣分：内容正确性—错敏字（错别字、已撤并机构名称等表述错误；全国指标未单列分值，默认每处 0.1 分，最多扣 1 分）',
  kind: 'deduction',
  points: ['each'],
  run(snapshot, { points, dictionary }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const matcher = compileDictionary(dictionary);
    const findings: RuleFinding[] = siteTypos(snapshot, matcher).map((m) => ({
      indicator: 'typo',
      target: m.found,
      page: m.page,
      ...(m.where ? { where: m.where } : {}),
      points: points['each']!,
      detail: typoDetail(m, matcher.version),
    }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
