import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client, request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentTypeFor, normalizeBase, serveStatic, type StaticServer } from './serve.ts';

let dir: string;
let server: StaticServer;

function write(files: Record<string, string>, root: string) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  write(
    {
      'index.html': '<h1>home</h1>',
      '404.html': '<h1>页面不存在</h1>',
      'sites/linhe/index.html': '<h1>linhe</h1>',
      'about.html': '<h1>about</h1>',
      'data/2026-Q4/sites.csv': 'id,名称\n',
      'data/2026-Q4/findings.csv.gz': 'gz',
      'data/数据.json': '{}',
      'feed.xml': '<feed/>',
      '_astro/app.js': '',
      '_astro/site.css': '',
      'favicon.svg': '<svg/>',
      'pagefind/wasm.unknown.pagefind': '',
      'pagefind/pagefind.js': '',
      'pagefind/pagefind-entry.json': '{}',
      'pagefind/index/en_1.pf_index': '',
      'pagefind/fragment/en_1.pf_fragment': '',
      'pagefind/pagefind.en_1.pf_meta': '',
      'pagefind/x.wasm': '',
      '.hidden/secret.html': 'secret',
    },
    dir,
  );
  server = await serveStatic({ dir, base: '/gov-portal' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetchPath = async (path: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => {
  const res = await request(`${server.origin}${path}`, { method });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
};

test('normalizeBase accepts the forms BASE_PATH takes and refuses others', () => {
  expect(['/', '', '/gov-portal', 'gov-portal/', '/gov-portal/', '/a/b'].map(normalizeBase)).toEqual(['/', '/', '/gov-portal/', '/gov-portal/', '/gov-portal/', '/a/b/']);
  for (const bad of ['/a?b', '/a#b', '/../a', '/a//b']) expect(() => normalizeBase(bad)).toThrow(/base path/);
});

test('the url is the portal home under the base, on 127.0.0.1', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gov-portal\/$/);
  expect(server.url.startsWith(server.origin)).toBe(true);
  const home = await fetchPath('/gov-portal/');
  expect(home).toMatchObject({ status: 200, body: '<h1>home</h1>' });
  expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
});

describe('paths as GitHub Pages answers them', () => {
  test.each([
    ['/gov-portal/sites/linhe/', 200, '<h1>linhe</h1>'],
    ['/gov-portal/sites/linhe/index.html', 200, '<h1>linhe</h1>'],
    ['/gov-portal/about', 200, '<h1>about</h1>'],
    ['/gov-portal/about.html', 200, '<h1>about</h1>'],
    ['/gov-portal/about/', 404, '<h1>页面不存在</h1>'],
    ['/gov-portal/nothing/', 404, '<h1>页面不存在</h1>'],
    ['/gov-portal/data/%E6%95%B0%E6%8D%AE.json', 200, '{}'],
    ['/gov-portal/.hidden/secret.html', 404, '<h1>页面不存在</h1>'],
  ])('%s → %i', async (path, status, body) => {
    expect(await fetchPath(path)).toMatchObject({ status, body });
  });

  test('a folder without its slash, and the base without its slash, redirect to the slash (query kept)', async () => {
    expect(await fetchPath('/gov-portal/sites/linhe?q=1')).toMatchObject({ status: 301, headers: { location: '/gov-portal/sites/linhe/?q=1' } });
    expect(await fetchPath('/gov-portal')).toMatchObject({ status: 301, headers: { location: '/gov-portal/' } });
  });

  test('outside the base is not the portal: a plain 404, not its 404 page', async () => {
    for (const path of ['/', '/index.html', '/sites/linhe/', '/gov-portalx/']) {
      const r = await fetchPath(path);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('页面不存在');
    }
  });

  test('HEAD answers like GET without a body; other methods are refused', async () => {
    expect(await fetchPath('/gov-portal/sites/linhe/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect(await fetchPath('/gov-portal/missing', 'HEAD')).toMatchObject({ status: 404, body: '' });
    expect(await fetchPath('/gov-portal/', 'POST')).toMatchObject({ status: 405 });
  });

  test('a raw ../ in the request line does not leave the folder', async () => {
    // undici and URL normalise dot segments; a hand-made request line does not.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.origin);
      httpGet({ host: url.hostname, port: url.port, path: '/gov-portal/../../../../etc/passwd' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(404);
  });
});

test.each([
  ['data/2026-Q4/sites.csv', 'text/csv; charset=utf-8'],
  ['data/2026-Q4/findings.csv.gz', 'application/gzip'],
  ['data/%E6%95%B0%E6%8D%AE.json', 'application/json; charset=utf-8'],
  ['feed.xml', 'application/xml; charset=utf-8'],
  ['_astro/app.js', 'text/javascript; charset=utf-8'],
  ['_astro/site.css', 'text/css; charset=utf-8'],
  ['favicon.svg', 'image/svg+xml; charset=utf-8'],
  ['pagefind/x.wasm', 'application/wasm'],
  ['pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
  ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
  ['pagefind/wasm.unknown.pagefind', 'application/octet-stream'],
  ['pagefind/index/en_1.pf_index', 'application/octet-stream'],
  ['pagefind/fragment/en_1.pf_fragment', 'application/octet-stream'],
  ['pagefind/pagefind.en_1.pf_meta', 'application/octet-stream'],
])('%s is served as %s', async (path, type) => {
  const r = await fetchPath(`/gov-portal/${path}`);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe(type);
});

test('contentTypeFor leaves unknown extensions to sirv', () => {
  expect(contentTypeFor('a/B.CSV')).toBe('text/csv; charset=utf-8');
  expect(contentTypeFor('a/b.unknown')).toBeUndefined();
});

test('with base /, every path is the portal; no 404.html gives a plain 404', async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-root-'));
  write({ 'index.html': 'home', 'a/index.html': 'a' }, root);
  const s = await serveStatic({ dir: root, base: '/' });
  try {
    expect(s.url).toBe(`${s.origin}/`);
    const home = await request(s.url);
    expect(await home.body.text()).toBe('home');
    const a = await request(`${s.origin}/a`);
    expect(a.statusCode).toBe(301);
    expect(a.headers.location).toBe('/a/');
    await a.body.dump();
    const miss = await request(`${s.origin}/b/`);
    expect(miss.statusCode).toBe(404);
    expect(await miss.body.text()).toBe('Not found\n');
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a missing folder is refused at once', async () => {
  await expect(serveStatic({ dir: join(tmpdir(), 'no-such-dist-folder'), base: '/' })).rejects.toThrow(/no-such-dist-folder is not a directory/);
});

test('close() ends kept-alive connections at once', async () => {
  const s = await serveStatic({ dir, base: '/gov-portal/' });
  const client = new Client(s.origin, { keepAliveTimeout: 60_000 });
  try {
    const res = await client.request({ path: '/gov-portal/', method: 'GET' });
    await res.body.text();
    const t0 = performance.now();
    await s.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    await expect(client.request({ path: '/gov-portal/', method: 'GET' })).rejects.toThrow();
  } finally {
    await client.destroy();
  }
});
