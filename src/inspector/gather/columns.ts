// The site's columns (栏目), put together after the crawl from what the pages showed: the home
// page's blocks and navigation, the list pages they lead to, and the further list pages read.
import type { Block, ColumnSnapshot, DatedItem, PageSnapshot, Where } from '../snapshot.ts';

/** Names that are consultation channels or site tools, never content columns. */
const NOT_A_COLUMN = /信箱|留言|咨询|互动|信访|投诉|搜索|登录|注册|无障碍|English|繁體|长者|关怀|首页|网站地图|联系我们|RSS/i;

/**
 * Columns of a crawled site. homeParts are the home page and its frames; pages are all pages read.
 * A block heading names a column; a navigation entry does when its page is a list. A list page
 * reached otherwise names a column by its ColumnName meta or breadcrumb.
 */
export function assembleColumns(homeParts: readonly PageSnapshot[], pages: readonly PageSnapshot[]): ColumnSnapshot[] {
  const byUrl = new Map<string, PageSnapshot>();
  for (const p of pages) {
    if (!byUrl.has(p.url)) byUrl.set(p.url, p);
    if (!byUrl.has(p.finalUrl)) byUrl.set(p.finalUrl, p);
  }
  const home = new Set(homeParts.map((p) => p.url));
  const out = new Map<string, ColumnSnapshot>();
  const names = new Set<string>();
  const paginationOf = new Set<string>();
  for (const p of pages) for (const u of p.facts.list?.pagination ?? []) paginationOf.add(u);

  const add = (name: string, source: ColumnSnapshot['source'], url: string, homeItems: DatedItem[], key = url, where?: Where) => {
    const clean = name.replace(/\s+/g, '');
    if (!clean || clean.length > 16 || NOT_A_COLUMN.test(clean) || out.has(key) || names.has(clean)) return;
    // A block with no link of its own is judged by what the home page shows of it.
    const page = key === url ? byUrl.get(url) : undefined;
    const list = page?.facts.list;
    if (!list && homeItems.length === 0) return;
    const items: DatedItem[] = [];
    let pagesRead = 0;
    let undated = 0;
    let complete = false;
    if (list) {
      items.push(...list.items);
      undated += list.undated;
      pagesRead = 1;
      // Further list pages, followed from page to page (page 2 links page 3…), each once.
      const seen = new Set([url, page!.finalUrl]);
      const queue = [...list.pagination];
      complete = true;
      while (queue.length) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        const read = byUrl.get(next);
        const more = read?.facts.list;
        if (!more) {
          complete = false;
          continue;
        }
        seen.add(read.finalUrl);
        items.push(...more.items);
        undated += more.undated;
        pagesRead++;
        queue.push(...more.pagination);
      }
    }
    // A list page whose scripts were not run (a failure, the site's rendering budget spent) may
    // lack the items they write: the column is not judged on it. Later pages only count when the
    // first is not sorted newest first (else none of theirs can be newer).
    const deciding = list && !sortedNewestFirst(list.items) ? [page, ...list.pagination.map((u) => byUrl.get(u))] : [page];
    const unrun = deciding.find((p) => p?.rendering && p.rendering.status !== 'rendered')?.rendering;
    const blank = !unrun && list !== undefined && list.empty && items.length === 0 && list.undated === 0 && homeItems.length === 0;
    names.add(clean);
    out.set(key, {
      name: clean,
      source,
      url,
      homeItems,
      items,
      pagesRead,
      ...(complete ? { complete: true as const } : {}),
      ...(undated ? { undated } : {}),
      blank,
      ...(where ? { where } : {}),
      ...(page || key !== url ? {} : { unread: '未读取栏目页' }),
      ...(unrun ? { unread: unrun.status === 'failed' ? '栏目页由脚本生成，渲染未成功' : '栏目页由脚本生成，超出每站渲染页数' } : {}),
    });
  };

  for (const part of homeParts) {
    for (const b of part.facts.blocks) {
      const url = blockUrl(b);
      const where = onPage(b.where, part.url);
      if (url) add(b.name, 'block', url, b.items, url, where);
      else add(b.name, 'block', part.url, b.items, `${part.url}#${b.name}`, where);
    }
  }
  for (const part of homeParts) for (const n of part.facts.nav) add(n.name, 'nav', n.url, [], n.url, onPage(n.where, part.url));
  for (const p of pages) {
    if (home.has(p.url) || paginationOf.has(p.url) || !p.facts.list) continue;
    const list = p.facts.list;
    if (list.items.length === 0 && !list.empty) continue;
    const meta = p.facts.meta['ColumnName'];
    if (meta) add(meta, 'meta', p.url, []);
    else if (p.facts.breadcrumb.length) add(p.facts.breadcrumb[p.facts.breadcrumb.length - 1]!, 'breadcrumb', p.url, []);
  }
  return [...out.values()];
}

/** A place with the page it is on. */
function onPage(where: Where | undefined, page: string): Where | undefined {
  return where && { ...where, page };
}

/** Where a block's column lives: its 更多 link, else its heading link. */
function blockUrl(b: Block): string | undefined {
  return b.more ?? b.headingUrl;
}

/** Dates never increase down the list. */
export function sortedNewestFirst(items: readonly { date: string }[]): boolean {
  return items.every((it, i) => i === 0 || it.date <= items[i - 1]!.date);
}
