import net from 'node:net';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { formatLinkReport } from '../cli/check-links.ts';
import { builtFolder as site } from './built-folder.test-helpers.ts';
import { checkLinks, listHtmlFiles, type LinkReport } from './links.ts';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

// A portal built for base /gov-portal/ whose every reference is good, in every form the checker reads.
const GOOD: Record<string, string> = {
  'index.html': page(
    `<a href="#main">跳到正文</a><a href="#">顶部</a><a href="#top">顶部</a>
     <main id="main"><a href="sites/linhe/">临河</a> <a href="/gov-portal/sites/linhe/#2026-Q4">2026-Q4</a>
     <a href="/gov-portal/sites/linhe">no slash: redirects</a> <a href="/gov-portal/sites/linhe?from=home#2026-Q4">redirect, then anchor</a> <a href="sites/linhe/index.html#2026-Q4">file</a>
     <a href="about">about.html</a> <a href="./about.html#team">team</a> <a href="/gov-portal/">home</a> <a href="/gov-portal">home, no slash</a>
     <a href="data/2026-Q4/sites.csv" download>CSV</a> <a href="sites/%E4%B8%AD%E6%96%87/">中文</a> <a href="sites/中文/#概况">中文 anchor</a>
     <img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x" alt="">
     <picture><source srcset="img/a.avif" type="image/avif"><img src="img/a.png" alt=""></picture>
     <form action="/gov-portal/search/" role="search"><input name="q"></form>
     <div style="background: url('img/a.png')"></div>
     <a href="mailto:office@linhe.gov.cn">mail</a> <a href="tel:12345">tel</a> <a href="javascript:void(0)">js</a>
     <a href="http://10.255.255.1/never">external, unroutable</a> <a href="https://www.linhe.gov.cn/">external</a> <img src="//cdn.example.invalid/x.png" alt="">
     </main>`,
    `<link rel="stylesheet" href="/gov-portal/_astro/site.css"><script type="module" src="/gov-portal/_astro/app.js"></script><link rel="icon" href="/gov-portal/favicon.svg">`,
  ),
  'about.html': page('<h2 id="team">团队</h2><a href="./">home</a><iframe src="sites/linhe/"></iframe>'),
  'sites/linhe/index.html': page('<section id="2026-Q4"><a href="../../">home</a> <a href="../中文/">中文</a></section>'),
  'sites/中文/index.html': page('<h2 id="概况">概况</h2><a href="../../notes/春季 报告@2x.html#x">notes</a> <a href="../../notes/%E6%98%A5%E5%AD%A3%20%E6%8A%A5%E5%91%8A@2x#x">notes</a>'),
  'notes/春季 报告@2x.html': page('<p id="x">x</p>'),
  'search/index.html': page('<meta http-equiv="refresh" content="0; url=\'../\'">'),
  '404.html': page('<a href="/gov-portal/">首页</a>'),
  'data/2026-Q4/sites.csv': 'id\n',
  'img/a.png': 'png',
  'img/a@2x.png': 'png',
  'img/a.avif': 'avif',
  '_astro/site.css': 'body{}',
  '_astro/app.js': '',
  'favicon.svg': '<svg/>',
};

describe('a good portal', () => {
  let report: LinkReport;
  let dist: string;
  const connects: string[] = [];

  beforeAll(async () => {
    // Every connection the run opens, by host: only the loopback server may be reached.
    const original = net.Socket.prototype.connect;
    const spy = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
      const opts = args[0] as { host?: string } | unknown[];
      const first = Array.isArray(opts) ? opts[0] : opts;
      connects.push(typeof first === 'object' && first && 'host' in first ? String(first.host) : String(args[1] ?? ''));
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    });
    try {
      dist = site(GOOD);
      report = await checkLinks({ dir: dist, base: '/gov-portal', concurrency: 4 });
    } finally {
      spy.mockRestore();
    }
  }, 5000);

  test('has no broken link', () => {
    expect(report.broken).toEqual([]);
  });

  test('counts pages, internal links, URLs and the links it did not fetch', () => {
    // 21 distinct targets on the home page ('#' and '/gov-portal/' are one), 2 + 2 + 2 + 1 + 1 on the others.
    expect(report).toMatchObject({ base: '/gov-portal/', pages: 7, links: 29, urls: 19, external: 3, ignored: 3 });
  });

  test('connects to 127.0.0.1 only: external links are never fetched', () => {
    expect(connects.length).toBeGreaterThan(0);
    expect([...new Set(connects)]).toEqual(['127.0.0.1']);
  });

  test('the same build gives the same report', async () => {
    expect(await checkLinks({ dir: dist, base: '/gov-portal/' })).toEqual(report);
  });
});

describe('each kind of break is reported', () => {
  let report: LinkReport;

  beforeAll(async () => {
    report = await checkLinks({
      dir: site({
        ...GOOD,
        'index.html': page('<a href="sites/linhe#2024-Q1">redirect, then missing anchor</a><a href="sites/nowhere/">missing page</a><a href="/gov-portal/sites/linhe/#2025-Q1">missing anchor</a><a href="#nope">missing own anchor</a>'),
        'sites/linhe/index.html': page(
          `<section id="2026-Q4"><a href="/sites/linhe/">outside base</a><img src="../../img/gone.png" alt="missing asset">
           <img src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/a@3x.png 3x" alt="broken srcset"><script src="/gov-portal/_astro/gone.js"></script>
           <a href="../中文/#缺失">anchor, non-ASCII</a><a href="http://[bad">invalid</a></section>`,
        ),
        // Reachable from no page: checked all the same, as every .html on disk is.
        'orphan/index.html': page('<a href="../missing.html">missing</a><link rel="stylesheet" href="/gov-portal/_astro/gone.css">'),
      }),
      base: '/gov-portal',
    });
  });

  test('with the page, the link as written, where it leads and why, sorted', () => {
    expect(report.broken).toEqual([
      { page: 'index.html', link: '#nope', resolved: '/gov-portal/#nope', reason: 'missing-anchor', anchor: 'nope' },
      { page: 'index.html', link: '/gov-portal/sites/linhe/#2025-Q1', resolved: '/gov-portal/sites/linhe/#2025-Q1', reason: 'missing-anchor', anchor: '2025-Q1' },
      { page: 'index.html', link: 'sites/linhe#2024-Q1', resolved: '/gov-portal/sites/linhe#2024-Q1', reason: 'missing-anchor', anchor: '2024-Q1' },
      { page: 'index.html', link: 'sites/nowhere/', resolved: '/gov-portal/sites/nowhere/', reason: 'status', status: 404 },
      { page: 'orphan/index.html', link: '../missing.html', resolved: '/gov-portal/missing.html', reason: 'status', status: 404 },
      { page: 'orphan/index.html', link: '/gov-portal/_astro/gone.css', resolved: '/gov-portal/_astro/gone.css', reason: 'status', status: 404 },
      { page: 'sites/linhe/index.html', link: '../../img/a@3x.png', resolved: '/gov-portal/img/a@3x.png', reason: 'status', status: 404 },
      { page: 'sites/linhe/index.html', link: '../../img/gone.png', resolved: '/gov-portal/img/gone.png', reason: 'status', status: 404 },
      { page: 'sites/linhe/index.html', link: '../中文/#缺失', resolved: '/gov-portal/sites/%E4%B8%AD%E6%96%87/#%E7%BC%BA%E5%A4%B1', reason: 'missing-anchor', anchor: '缺失' },
      { page: 'sites/linhe/index.html', link: '/gov-portal/_astro/gone.js', resolved: '/gov-portal/_astro/gone.js', reason: 'status', status: 404 },
      { page: 'sites/linhe/index.html', link: '/sites/linhe/', resolved: '/sites/linhe/', reason: 'outside-base' },
      { page: 'sites/linhe/index.html', link: 'http://[bad', resolved: '', reason: 'invalid-url' },
    ]);
  });

  test('the summary names each page, link and reason', () => {
    const text = formatLinkReport(report);
    expect(text).toContain('Checked 8 pages under /gov-portal/');
    expect(text).toContain('12 broken:');
    expect(text).toContain('  sites/linhe/index.html → /sites/linhe/: outside the base path /gov-portal/ (on GitHub Pages that is another site)');
    expect(text).toContain('  index.html → sites/nowhere/ (/gov-portal/sites/nowhere/): HTTP 404');
    expect(text).toContain('  index.html → #nope (/gov-portal/#nope): no element with id "nope" on the target page');
    expect(text.endsWith('\n')).toBe(true);
  });
});

test('with base /, root-relative links are inside', async () => {
  const r = await checkLinks({ dir: site({ 'index.html': page('<a href="/a/">a</a><a href="/b/">b</a>'), 'a/index.html': page('') }), base: '/' });
  expect(r.broken).toEqual([{ page: 'index.html', link: '/b/', resolved: '/b/', reason: 'status', status: 404 }]);
});

test('a build made for / but published under a project path breaks at every root link', async () => {
  const r = await checkLinks({ dir: site({ 'index.html': page('<a href="/a/">a</a><link rel="stylesheet" href="/_astro/x.css">'), 'a/index.html': page(''), '_astro/x.css': '' }), base: '/gov-portal' });
  expect(r.broken.map((b) => [b.link, b.reason])).toEqual([
    ['/_astro/x.css', 'outside-base'],
    ['/a/', 'outside-base'],
  ]);
});

test('a plain file in the folder passes by its presence; a missing one, a folder or a query goes to the server', async () => {
  const r = await checkLinks({
    dir: site({
      'index.html': page('<a href="sites/a/feed.xml">a</a><a href="sites/b/feed.xml">b</a><a href="sites/a">folder, no slash</a><a href="sites/a/data.json?v=1">query</a><a href="sites/a/../a/data.json">dots</a>'),
      'sites/a/index.html': page(''),
      'sites/a/feed.xml': '<feed/>',
      'sites/a/data.json': '{}',
    }),
    base: '/gov-portal',
  });
  expect(r.broken).toEqual([{ page: 'index.html', link: 'sites/b/feed.xml', resolved: '/gov-portal/sites/b/feed.xml', reason: 'status', status: 404 }]);
  expect(r.urls).toBe(5);
});

test('<base href> is honoured', async () => {
  const r = await checkLinks({ dir: site({ 'index.html': page('<a href="x/">x</a>', '<base href="/gov-portal/deep/">'), 'deep/x/index.html': page('') }), base: '/gov-portal' });
  expect(r.broken).toEqual([]);
});

describe('the built folder', () => {
  test('listHtmlFiles finds every page on disk, sorted, leaving dot folders out', () => {
    const dir = site({ 'index.html': '', 'b/index.html': '', 'a.html': '', 'c/old.htm': '', 'x.css': '', '.git/x.html': '' });
    expect(listHtmlFiles(dir)).toEqual(['a.html', 'b/index.html', 'c/old.htm', 'index.html']);
  });
});

