import type { PageSnapshot } from '../snapshot.ts';
import { alsoOn, homeParts } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * Tags the national page specification (《政府网站网页设计规范》) asks for: every column page
 * names the site and the column; every content page also its title and publication date.
 */
const COLUMN_TAGS = ['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName'] as const;
const CONTENT_TAGS = [...COLUMN_TAGS, 'ArticleTitle', 'PubDate'] as const;

/** What a page is, as far as the tags go: a column list, a content page, or neither (home, board, search). */
function pageKind(p: PageSnapshot): 'column' | 'content' | undefined {
  if (p.depth === 0) return undefined;
  if (p.facts.list && (p.facts.list.items.length > 0 || p.facts.list.empty)) return 'column';
  if (p.facts.pubDate !== undefined || p.facts.meta['ArticleTitle']) return 'content';
  return undefined;
}

/**
 * 网页标签: each sampled column or content page lacking a required tag (absent or empty) costs 0.1.
 * Findings are grouped by tag, each page counted once, under the first tag it lacks; a tag's finding
 * names its first page and lists the others (alsoOn).
 */
export default defineRule({
  id: 'meta-tags-missing',
  title: '网页元数据标签缺失',
  clause: '扣分：栏目页、内容页未按规范设置网站、栏目、内容元数据标签（每页扣 0.1 分，最多扣 1 分）',
  kind: 'deduction',
  points: ['page'],
  run(snapshot, { points }) {
    const byTag = new Map<string, { charged: number; pages: string[] }>();
    let sampled = 0;
    // The frames of a frameset home page are the home page, not column pages.
    const home = new Set(homeParts(snapshot).map((p) => p.url));
    for (const p of snapshot.pages) {
      const kind = home.has(p.url) ? undefined : pageKind(p);
      if (!kind) continue;
      sampled++;
      const lacking = (kind === 'column' ? COLUMN_TAGS : CONTENT_TAGS).filter((t) => !p.facts.meta[t]);
      lacking.forEach((tag, i) => {
        const e = byTag.get(tag) ?? { charged: 0, pages: [] };
        e.pages.push(p.url);
        if (i === 0) e.charged++;
        byTag.set(tag, e);
      });
    }
    if (sampled === 0) return { status: 'not_applicable', reason: '未读到栏目页或内容页' };
    const findings: RuleFinding[] = [...byTag.entries()].map(([tag, e]) => ({
      indicator: 'meta-tags-missing',
      target: tag,
      page: e.pages[0]!,
      ...alsoOn(e.pages, e.pages[0]!),
      points: Math.round(e.charged * points['page']! * 100) / 100,
      detail: `抽查的 ${sampled} 个栏目页和内容页中，${e.pages.length} 个缺少 ${tag} 标签`,
    }));
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
