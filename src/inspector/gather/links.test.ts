// Judging link targets: soft 404s on any host, with the signal that decided, and deep links sent
// to the home page; real pages with little text stay pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HttpClient } from './http.ts';
import { judge, LinkChecker, statusDetail } from './links.ts';
import { resolveOptions } from './options.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { HostScheduler } from './scheduler.ts';

const html = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
let other: PageServer;

beforeAll(async () => {
  other = await startPageServer((path) => {
    switch (path) {
      case '/': return html('某某市人民政府', '<h1>首页</h1>');
      case '/gone.html': return html('某某市人民政府', '<div class="err">抱歉，您访问的页面不存在或已被删除！</div><a href="/">返回首页</a>');
      case '/404-title.html': return html('404 Not Found', '<p>nginx</p>');
      case '/short.html': return html('联系我们', '<p>电话：0571-12345678</p>');
      case '/quote.html': return html('关于网站改版的说明', `<p>${'网站改版后，部分旧链接会显示“您访问的页面不存在”，请从首页进入。'.repeat(80)}</p>`);
      case '/old/article/1.html': return { type: 'text/html', body: '', status: 302, headers: { location: '/' } };
      case '/moved.html': return { type: 'text/html', body: '', status: 301, headers: { location: '/new/moved.html' } };
      case '/new/moved.html': return html('新地址', '<p>正文</p>');
      default: return undefined;
    }
  });
});
afterAll(() => other.close());

const checker = () => {
  const opts = resolveOptions({ allowPrivate: true, timeoutMs: 3_000, retries: 0, hostDelayMs: 0 });
  const http = new HttpClient(opts);
  const scheduler = new HostScheduler(opts.concurrency, opts.perHost, opts.hostDelayMs);
  return { links: new LinkChecker(http, scheduler, opts.timeoutMs, opts.browserUserAgent), http };
};

describe('judge', () => {
  const timeout = { ok: false as const, url: 'http://www.linhe.gov.cn/a.html', finalUrl: 'http://www.linhe.gov.cn/a.html', code: 'timeout' as const, message: 'x', redirects: [], tries: 1, elapsedMs: 15_000 };
  test('a network failure is broken from a trusted vantage, inconclusive from another', () => {
    expect(judge(timeout, 15_000)).toMatchObject({ verdict: 'broken', detail: '连接超时（15 秒内未完成）' });
    expect(judge(timeout, 15_000, false, { name: 'github-hosted' })).toMatchObject({
      verdict: 'inconclusive',
      detail: '连接超时（15 秒内未完成）（检查地点“github-hosted”不在可信列表，网络故障不作认定）',
    });
    // A redirect loop is the site's own answer, wherever it is seen from.
    expect(judge({ ...timeout, code: 'redirect-loop' }, 15_000, false, { name: 'github-hosted' })).toMatchObject({ verdict: 'broken' });
  });

  test('a dead link says its status in Chinese too, by class when the code is rare', () => {
    const answer = (status: number) => ({ ok: true as const, url: timeout.url, finalUrl: timeout.url, status, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], tries: 1, elapsedMs: 5 });
    expect(judge(answer(404), 15_000)).toMatchObject({ verdict: 'broken', detail: 'HTTP 404（页面不存在）' });
    expect(judge(answer(410), 15_000)).toMatchObject({ verdict: 'broken', detail: 'HTTP 410（页面已删除）' });
    expect(judge(answer(502), 15_000)).toMatchObject({ verdict: 'broken', detail: 'HTTP 502（网关错误）' });
    expect(statusDetail(418)).toBe('HTTP 418（请求错误）');
    expect(statusDetail(599)).toBe('HTTP 599（服务器错误）');
  });
});

describe('a site that answers every path with one page', () => {
  let catchAll: PageServer;
  beforeAll(async () => {
    // Any unknown path: the same friendly page, with the time on it, and no "not found" phrase.
    catchAll = await startPageServer((path) =>
      path === '/real.html' ? html('政策解读', `<p>${'关于政策的解读。'.repeat(20)}</p>`) : html('某某市人民政府', `<p>欢迎访问某某市人民政府网站</p><p>${Date.now()}</p><a href="/">首页</a>`),
    );
  });
  afterAll(() => catchAll.close());

  test('a link that gets that page is broken, and says why; a real page is not; one probe per site', async () => {
    const { links, http } = checker();
    try {
      expect(await links.check(`${catchAll.origin}/zwgk/old.html`, true)).toMatchObject({ verdict: 'broken', status: 200, detail: 'HTTP 200，但页面显示“页面不存在”（与该网站对一个不存在的地址的应答相同）' });
      expect(await links.check(`${catchAll.origin}/real.html`, true)).toMatchObject({ verdict: 'ok' });
      // Its home page is the page it answers with: a link to it is a link to a page.
      expect(await links.check(`${catchAll.origin}/`, true)).toMatchObject({ verdict: 'ok' });
      expect([...catchAll.hits.keys()].filter((p) => p.startsWith('/gov-site-check-'))).toHaveLength(1);
    } finally {
      await http.close();
    }
  });

  test('on a site that answers 404 to a made-up path nothing changes', async () => {
    const { links, http } = checker();
    try {
      expect(await links.check(`${other.origin}/short.html`, true)).toMatchObject({ verdict: 'ok' });
      expect([...other.hits.keys()].filter((p) => p.startsWith('/gov-site-check-'))).toHaveLength(1);
    } finally {
      await http.close();
    }
  });
});

describe('LinkChecker on a page link of another site', () => {
  test.each([
    ['/gone.html', { verdict: 'broken', status: 200, detail: 'HTTP 200，但页面显示“页面不存在”（正文“您访问的页面不存在”）' }],
    ['/404-title.html', { verdict: 'broken', status: 200, detail: 'HTTP 200，但页面显示“页面不存在”（标题“404 Not Found”）' }],
    ['/old/article/1.html', { verdict: 'broken', status: 200, detail: expect.stringMatching(/^HTTP 200，但被重定向到网站首页 http:\/\/127\.0\.0\.1:\d+\/（原页面已不存在）$/) }],
    // Controls: a real page with little text, an article that quotes the phrase, a page that moved to another deep page.
    ['/short.html', { verdict: 'ok', status: 200 }],
    ['/quote.html', { verdict: 'ok', status: 200 }],
    ['/moved.html', { verdict: 'ok', status: 200 }],
    ['/', { verdict: 'ok', status: 200 }],
  ])('%s', async (path, want) => {
    const { links, http } = checker();
    try {
      expect(await links.check(`${other.origin}${path}`, true)).toMatchObject(want);
    } finally {
      await http.close();
    }
  });

  test('a page link costs its host one request: a bounded GET, no HEAD before it', async () => {
    const { links, http } = checker();
    try {
      const before = other.hits.get('/new/moved.html') ?? 0;
      expect(await links.check(`${other.origin}/new/moved.html`, true)).toMatchObject({ verdict: 'ok', status: 200 });
      expect((other.hits.get('/new/moved.html') ?? 0) - before).toBe(1);
    } finally {
      await http.close();
    }
  });

  test('an image or attachment link is judged by HEAD alone', async () => {
    const { links, http } = checker();
    try {
      // HEAD cannot show a soft 404: only page links are read.
      expect(await links.check(`${other.origin}/gone.html`, false)).toMatchObject({ verdict: 'ok' });
      expect(other.hits.get('/gone.html')).toBeGreaterThan(0);
    } finally {
      await http.close();
    }
  });
});
