import { homeNotAsShown, homePage, homeParts } from './lib/pages.ts';
import { searchToTry, type Where } from '../snapshot.ts';
import { defineRule } from './types.ts';

/**
 * 搜索功能: no site search on the home page, or a search that answers with an error, costs 4 (the
 * whole item). Searching for sampled titles needs a person and is left to manual records.
 */
export default defineRule({
  id: 'search-missing',
  title: '站内搜索缺失或不可用',
  clause: '扣分：搜索功能—无站内搜索或搜索功能不可用（扣 4 分）',
  kind: 'deduction',
  points: ['missing'],
  run(snapshot, { points }) {
    const parts = homeParts(snapshot);
    if (parts.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const page = snapshot.site.url;
    const fail = (detail: string, where?: Where) => ({ status: 'fail' as const, findings: [{ indicator: 'search-missing', target: page, page, ...(where ? { where } : {}), points: points['missing']!, detail }] });
    if (!parts.some((p) => p.facts.search.length > 0)) {
      const unseen = homeNotAsShown(snapshot);
      return unseen ? { status: 'not_applicable', reason: unseen } : fail('首页未见站内搜索框');
    }
    const probe = snapshot.home.search;
    // The crawl tries the home page's first GET form with a named field, or its first box a script submits: its box is where the search fails.
    const home = homePage(snapshot);
    const box = home ? searchToTry(home.facts)?.where : undefined;
    // A search that did not answer, seen from a network the office does not trust, is no evidence.
    if (probe && !probe.ok && snapshot.networkTrusted === false && !/^HTTP /.test(probe.detail)) {
      return { status: 'not_applicable', reason: `站内搜索未应答（${probe.detail}），本次检查地点不在可信列表，不作认定` };
    }
    if (probe && !probe.ok) return fail(`站内搜索不可用：检索“通知”${probe.byScript ? '（在浏览器中输入后由页面脚本提交）' : ''}返回 ${probe.detail}（${probe.url}）`, box);
    return { status: 'pass' };
  },
});
