import { describe, expect, it } from 'vitest';
import { loadRulesConfig } from '../store/rules-config.ts';
import { generateWeb, type TruthEntry } from '../sandbox/web.ts';
import { truthDetail, type DetailContext } from './truth-detail.ts';

const config = loadRulesConfig(new URL('../../content', import.meta.url).pathname);
const ctx: DetailContext = { asOf: '2026-08-20', columns: config.columns, sampledPages: 36 };
const entry = (indicator: string, note: string, target = 'http://www.linhe.gov.cn/x'): TruthEntry => ({ site: 'linhe', indicator, target, page: 'http://www.linhe.gov.cn/', note });

describe('truthDetail', () => {
  it('words every note a sandbox of 300 sites seeds in Chinese, the way the rules do', () => {
    const web = generateWeb({ sites: 300, pagesPerSite: 40, seed: 7, asOf: ctx.asOf });
    const indicators = new Set(web.truth.map((e) => e.indicator));
    expect(indicators.size).toBeGreaterThan(15);
    for (const e of web.truth) expect(truthDetail(e, ctx), `${e.indicator}: ${e.note}`).toMatch(/\p{Script=Han}/u);
  });

  it('says what the reader needs: the word, the mark, the dates and days, by hand', () => {
    expect(truthDetail(entry('typo', 'normal wording error', '攻府'), ctx)).toBe('错别字“攻府”');
    expect(truthDetail(entry('severe-error', 'one of 3 serious wording errors', '国务院总里'), ctx)).toBe('严重错别字“国务院总里”（全站 3 处）');
    expect(truthDetail(entry('identity-mark-missing', 'absent from the footer', 'site-code'), ctx)).toBe('首页底部未见网站标识码');
    // 2026-08-20 − 2026-06-12 = 69 days; news columns have a 14-day window in content/rules.yaml.
    expect(truthDetail(entry('column-stale', 'news column, newest item 2026-06-12', '工作动态'), ctx)).toBe('动态要闻类栏目，最新信息 2026-06-12，已 69 天未更新（应 14 天内更新）');
    expect(truthDetail(entry('broken-link', 'HTTP 404'), ctx)).toBe('HTTP 404（页面不存在）');
    expect(truthDetail(entry('https-missing', 'served over plain HTTP only (advice)'), ctx)).toBe('首页仅通过 HTTP 提供，未启用 HTTPS（建议项，不扣分）');
    expect(truthDetail(entry('messages-not-public', 'no published message in the last 2 months; messages shown without 答复时间'), ctx)).toBe('近 2 个月无公开留言；公开留言未标明答复时间');
  });

  it('refuses a note it has no wording for, naming it, instead of publishing English', () => {
    expect(() => truthDetail(entry('broken-link', 'HTTP 418'), ctx)).toThrow(/broken-link note “HTTP 418”/);
    expect(() => truthDetail(entry('some-new-rule', 'absent'), ctx)).toThrow(/some-new-rule note “absent”/);
    expect(truthDetail(entry('some-new-rule', '暂无信息'), ctx)).toBe('暂无信息');
  });
});
