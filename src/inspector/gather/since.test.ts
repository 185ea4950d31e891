// The daily pass reads what is new: with `since`, a page that a list or block of the site dates
// before that day is not read (its link is still checked), an undated link is followed as before,
// and a page asked for by name (an open problem's) is read whatever its date.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../../schemas/registry.ts';
import { crawlSite } from './site.ts';
import { openCrawl } from '../inspect.ts';
import { resolveOptions } from './options.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { context } from '../rules/snapshot.test-helpers.ts';

const AS_OF = '2026-11-20';
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>临河区人民政府</title></head><body>${body}</body></html>`;
const item = (href: string, title: string, date: string) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`;
let server: PageServer;

beforeAll(async () => {
  server = await startPageServer((path) => {
    if (path === '/')
      return page(
        `<div class="news"><h2><a href="/xwzx/index.html">新闻动态</a></h2><a href="/xwzx/index.html">更多</a><ul>${item('/xwzx/new-home.html', '区政府召开常务会议研究部署工作', '2026-11-19')}${item('/xwzx/old-home.html', '区政府召开全体会议总结上半年工作', '2026-10-08')}</ul></div>` +
          '<a href="/about.html">网站介绍</a>',
      );
    if (path === '/xwzx/index.html') return page(`<ul class="list">${item('/xwzx/new-list.html', '全区安全生产工作会议召开', '2026-11-14')}${item('/xwzx/old-list.html', '全区秋季农业生产工作推进会召开', '2026-11-12')}${item('/xwzx/new-home.html', '区政府召开常务会议研究部署工作', '2026-11-19')}</ul>`);
    if (/^\/(xwzx\/[a-z-]+|about)\.html$/.test(path)) return page('<p>正文内容。</p>');
    return undefined;
  });
});
afterAll(async () => server?.close());

const site: Site = { id: 'linhe', name: '临河区人民政府', url: 'http://www.linhe.gov.cn/', unit: 'linhe', kind: 'portal', siteCode: '1508020001' };

async function crawl(o: { since?: string; revisit?: string[] } = {}) {
  const { config } = context('none');
  const { gather, close } = await openCrawl({ options: resolveOptions({ proxy: { http: server.origin }, timeoutMs: 3_000, retries: 0, homeAttempts: 1, homeAttemptGapMs: 0, hostDelayMs: 0, render: 'never', robots: false }), rulesConfig: config, asOf: AS_OF });
  try {
    const s = await crawlSite(site, AS_OF, gather, o);
    return { read: s.pages.map((p) => new URL(p.url).pathname).sort(), checked: new Map(s.links.map((l) => [new URL(l.url).pathname, l.verdict])), olderNotRead: s.olderNotRead };
  } finally {
    await close();
  }
}

describe('crawlSite since a day', () => {
  test('without it, every page within depth is read', async () => {
    const { read, olderNotRead } = await crawl();
    expect(read).toEqual(['/', '/about.html', '/xwzx/index.html', '/xwzx/new-home.html', '/xwzx/new-list.html', '/xwzx/old-home.html', '/xwzx/old-list.html']);
    expect(olderNotRead).toBeUndefined();
  });

  test('with it, pages a list or block dates before the day are not read, but their links are checked; undated links are followed', async () => {
    const { read, checked, olderNotRead } = await crawl({ since: '2026-11-13' });
    expect(read).toEqual(['/', '/about.html', '/xwzx/index.html', '/xwzx/new-home.html', '/xwzx/new-list.html']);
    expect(checked.get('/xwzx/old-home.html')).toBe('ok');
    expect(checked.get('/xwzx/old-list.html')).toBe('ok');
    expect(olderNotRead).toBe(2);
  });

  test('a page dated on the day itself is read; a page asked for by name is read whatever its date', async () => {
    expect((await crawl({ since: '2026-11-12' })).read).toContain('/xwzx/old-list.html');
    const { read, olderNotRead } = await crawl({ since: '2026-11-13', revisit: ['http://www.linhe.gov.cn/xwzx/old-home.html'] });
    expect(read).toContain('/xwzx/old-home.html');
    expect(read).not.toContain('/xwzx/old-list.html');
    expect(olderNotRead).toBe(1);
  });
});
