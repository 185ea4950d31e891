// A 专栏 entity (kind: column) is read within its folder. When its front page redirects to a
// folder, that folder is its too; when it redirects to a host's home page (the 专栏 taken down or
// merged into the portal), the host does not become the 专栏's: the portal's pages, and their
// problems, are never charged to the 专栏's unit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../../schemas/registry.ts';
import { crawlSite } from './site.ts';
import { openCrawl } from '../inspect.ts';
import { resolveOptions } from './options.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { context } from '../rules/snapshot.test-helpers.ts';

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const redirect = (to: string) => ({ type: 'text/html', body: '', status: 302, headers: { location: to } });
let server: PageServer;

beforeAll(async () => {
  server = await startPageServer((path) => {
    if (path === '/') return page('<a href="/xwzx/index.html">新闻中心</a><a href="/xxgk/sfj/index.html">司法局信息公开</a>');
    if (path === '/xwzx/index.html') return page('<a href="/xwzx/a.html">新闻</a>');
    if (path === '/xwzx/a.html') return page('<p>新闻。</p>');
    // Taken down: sent to the portal's home page.
    if (path === '/xxgk/old/index.html') return redirect('/');
    // Moved: sent to its new folder.
    if (path === '/xxgk/sfj-old/index.html') return redirect('/xxgk/sfj/index.html');
    if (path === '/xxgk/sfj/index.html') return page('<a href="/xxgk/sfj/gk.html">公开目录</a><a href="/">首页</a>');
    if (path === '/xxgk/sfj/gk.html') return page('<p>目录。</p>');
    return undefined;
  });
});
afterAll(async () => server?.close());

const column = (id: string, path: string): Site => ({ id, name: '专栏', url: `http://www.linhe.gov.cn${path}`, unit: 'linhe-sfj', kind: 'column' });

async function pagesOf(site: Site): Promise<string[]> {
  const { config } = context('none');
  const { gather, close } = await openCrawl({ options: resolveOptions({ proxy: { http: server.origin, https: server.origin }, timeoutMs: 3_000, retries: 0, homeAttempts: 1, homeAttemptGapMs: 0, hostDelayMs: 0, render: 'never', robots: false }), rulesConfig: config, asOf: '2026-11-20' });
  try {
    return (await crawlSite(site, '2026-11-20', gather)).pages.map((p) => new URL(p.url).pathname).sort();
  } finally {
    await close();
  }
}

describe('a 专栏 entity\'s scope', () => {
  test('within its folder: the portal\'s pages it links to are not its own', async () => {
    expect(await pagesOf(column('sfj', '/xxgk/sfj/index.html'))).toEqual(['/xxgk/sfj/gk.html', '/xxgk/sfj/index.html']);
  });
  test('moved to another folder: that folder is read', async () => {
    expect(await pagesOf(column('sfj-old', '/xxgk/sfj-old/index.html'))).toEqual(['/xxgk/sfj-old/index.html', '/xxgk/sfj/gk.html']);
  });
  test('sent to the host\'s home page: only that page, never the portal behind it', async () => {
    expect(await pagesOf(column('old', '/xxgk/old/index.html'))).toEqual(['/xxgk/old/index.html']);
  });
});
