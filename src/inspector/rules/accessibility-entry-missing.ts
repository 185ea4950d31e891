import type { SiteSnapshot } from '../snapshot.ts';
import { defineRule } from './types.ts';

/** Words of an elder-friendly or accessible mode's entry: 长者模式, 关怀版, 适老化, 无障碍(浏览), 老年人模式, 大字版, 读屏. */
export const ENTRY_WORDS = /长者(模式|版)|关怀(模式|版)|适老化?|无障碍|老年人?(模式|版)|大字(版|模式)|读屏|助残/;

/**
 * 适老化与无障碍入口缺失 (advice, beyond the 2019 table): since the 2020–2021 互联网应用适老化及无障碍
 * 改造专项行动 and the 无障碍环境建设法 (in force 2023-09-01), a portal offers an elder-friendly and
 * accessible mode (长者模式, 无障碍浏览…). The rule looks for its entry on the home page and its
 * frames: in their visible text (a link, a button, a toolbar's label) and their links' texts and
 * image alt. A home page scripts write that could not be rendered is not judged; nor is a 专栏.
 */
export default defineRule({
  id: 'accessibility-entry-missing',
  title: '无适老化与无障碍入口',
  clause: '建议：网站首页未提供长者模式、无障碍浏览等适老化与无障碍服务入口（《互联网应用适老化及无障碍改造专项行动方案》，《无障碍环境建设法》）',
  kind: 'advice',
  points: [],
  run(snapshot) {
    const home = snapshot.pages.find((p) => p.depth === 0);
    if (!home || !snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    if (snapshot.site.kind === 'column') return { status: 'not_applicable', reason: '专栏随所在网站提供' };
    const r = home.rendering?.status;
    if (r === 'failed' || r === 'over-budget' || r === 'not-rendered') return { status: 'not_applicable', reason: '首页由脚本生成而未能渲染，无法判断' };
    if (homeTexts(snapshot).some((t) => ENTRY_WORDS.test(t))) return { status: 'pass' };
    const page = snapshot.home.url;
    return { status: 'fail', findings: [{ indicator: 'accessibility-entry-missing', target: page, page, points: 0, detail: '首页（含其框架页）的文字和链接中未见长者模式、关怀版、无障碍浏览等入口' }] };
  },
});

/** The visible text and header of the home page and its frames, and the texts (or alt) of their links. */
function homeTexts(s: SiteSnapshot): string[] {
  const homes = new Set(s.pages.filter((p) => p.depth === 0).map((p) => p.url));
  for (const l of s.links) if (l.kind === 'frame' && l.referrers.some((r) => homes.has(r))) homes.add(l.url);
  const texts = s.pages.filter((p) => homes.has(p.url)).flatMap((p) => [p.facts.text, p.facts.header]);
  for (const l of s.links) for (const [page, where] of Object.entries(l.whereOn ?? {})) if (homes.has(page) && where.text) texts.push(where.text);
  return texts;
}
