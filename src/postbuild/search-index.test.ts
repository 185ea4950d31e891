import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFiles, htmlFiles, indexSite, indexingOrder, indexingProblem, settledBundle, siteDirOf } from './search-index.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><nav>首页</nav><main data-pagefind-body>${body}</main></body></html>`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pagefind-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
}

/** The indexed records (url and text) of a written bundle, read from its gzipped fragments. */
async function records(bundle: string): Promise<{ url: string; content: string }[]> {
  const folder = path.join(bundle, 'fragment');
  const out = [];
  for (const f of await readdir(folder)) {
    const text = gunzipSync(await readFile(path.join(folder, f))).toString('utf8');
    out.push(JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string });
  }
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

/** What scripts/index-search.ts does: index, and throw on any problem; returns the report. */
async function buildDone(outDir: URL) {
  const report = await indexSite(siteDirOf(outDir), { first: [/^sites\//] });
  const problem = indexingProblem(report);
  if (problem) throw new Error(problem);
  return report;
}

describe('siteDirOf', () => {
  it('takes the path of the output URL Astro passes, whatever --outDir was', () => {
    expect(siteDirOf(pathToFileURL('/tmp/h4-dist/'))).toBe(path.resolve('/tmp/h4-dist') + path.sep);
    expect(siteDirOf(new URL('file:///srv/portal/dist/'))).toBe(path.resolve('/srv/portal/dist') + path.sep);
  });

  it('refuses a URL that is not a file', () => {
    expect(() => siteDirOf(new URL('https://example.github.io/dist/'))).toThrow(/file: URL/);
  });
});

describe('indexingProblem', () => {
  it.each([
    [{ siteDir: '/d', pages: 28, errors: [] }, null],
    [{ siteDir: '/d', pages: 0, errors: [] }, /no HTML page to index in \/d/],
    [{ siteDir: '/d', pages: 27, errors: ['sites/a/index.html: bad'] }, /1 error\(s\) while indexing \/d[\s\S]*- sites\/a\/index\.html: bad/],
  ])('%j → %s', (report, expected) => {
    const problem = indexingProblem(report);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('quotes the first 20 errors and counts the rest', () => {
    const errors = Array.from({ length: 25 }, (_, i) => `e${i}`);
    const problem = indexingProblem({ siteDir: '/d', pages: 0, errors }) ?? '';
    expect(problem).toContain('- e19');
    expect(problem).not.toContain('- e20');
    expect(problem).toContain('… and 5 more');
  });
});

describe('htmlFiles', () => {
  it('lists the HTML files, sorted, with / separators, outside an old bundle, without the not-found page', async () => {
    await write({
      'index.html': '',
      'sites/b/index.html': '',
      'sites/a/index.html': '',
      '404.html': '',
      '_astro/x.css': '',
      'pagefind/playground/index.html': '',
    });
    expect(await htmlFiles(dir)).toEqual(['index.html', 'sites/a/index.html', 'sites/b/index.html']);
  });
});

describe('indexingOrder', () => {
  it('puts the pages matching the patterns first, in pattern order, each group and the rest by path', () => {
    const files = ['index.html', 'quarters/2026-Q4/index.html', 'sites/index.html', 'sites/b/index.html', 'units/a/index.html', 'sites/a/index.html', 'data/index.html'];
    expect(files.sort(indexingOrder([/^sites\/[^/]+\//, /^units\/[^/]+\//]))).toEqual([
      'sites/a/index.html',
      'sites/b/index.html',
      'units/a/index.html',
      'data/index.html',
      'index.html',
      'quarters/2026-Q4/index.html',
      'sites/index.html',
    ]);
  });

  it('is path order without patterns', () => {
    expect(['b.html', 'a/index.html', 'a.html'].sort(indexingOrder([]))).toEqual(['a.html', 'a/index.html', 'b.html']);
  });
});

describe('astro:build:done', () => {
  it('writes the bundle into the output folder, Chinese indexed one character to a word', async () => {
    await write({
      'index.html': page('政府网站监管平台', '<h1>政府网站检查情况</h1>'),
      'sites/hansha-jyj/index.html': page('汉沙区教育局', '<h1>汉沙区教育局</h1><p>检查结果：合格</p>'),
      'search/index.html': page('站内搜索', '<div data-pagefind-ignore="all"><h1>站内搜索</h1></div>'),
      'pagefind/stale.pf_fragment': 'left from an earlier build',
    });
    const report = await buildDone(pathToFileURL(dir + path.sep));

    const bundle = path.join(dir, 'pagefind');
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    await expect(readFile(path.join(bundle, 'pagefind-ui.js'))).resolves.toBeTruthy();
    await expect(readFile(path.join(bundle, 'stale.pf_fragment'))).rejects.toThrow();

    const indexed = await records(bundle);
    // The search page ignores its own content, so it has no record.
    expect(indexed.map((r) => r.url)).toEqual(['/', '/sites/hansha-jyj/']);
    expect(indexed[1]?.content.split('\u200b').filter((w) => w.trim())).toEqual(
      expect.arrayContaining(['汉', '沙', '区', '教', '育', '局']),
    );
    expect(report.pages).toBe(3);
  });

  it('writes the same bundle for the same pages', async () => {
    await write(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`sites/s${i}/index.html`, page(`网站${i}`, `<h1>第${i}个网站</h1><p>检查结果${i % 2 ? '合格' : '不合格'}</p>`)])));
    const snapshot = async () => {
      const bundle = path.join(dir, 'pagefind');
      const files = (await readdir(bundle, { recursive: true })).sort();
      // Hashes, not bytes: a failure then names the files that differ.
      return Promise.all(files.map(async (f) => [f, await readFile(path.join(bundle, f)).then((b) => createHash('sha256').update(b).digest('hex').slice(0, 16), () => null)]));
    };
    await buildDone(pathToFileURL(dir + path.sep));
    const first = await snapshot();
    await buildDone(pathToFileURL(dir + path.sep));
    expect(await snapshot()).toEqual(first);
  });

  it('waits for the bundle files to have their bytes, and names a file left empty', async () => {
    await write({ 'pagefind/a.js': 'x', 'pagefind/sub/b.pagefind': '' });
    expect(await emptyFiles(path.join(dir, 'pagefind'))).toEqual([path.join('sub', 'b.pagefind')]);
    // Filled 100 ms later: the wait sees it.
    setTimeout(() => void writeFile(path.join(dir, 'pagefind', 'sub', 'b.pagefind'), 'wasm'), 100);
    expect(await settledBundle(path.join(dir, 'pagefind'), 5_000)).toEqual([]);
    await writeFile(path.join(dir, 'pagefind', 'c.pf_fragment'), '');
    expect(await settledBundle(path.join(dir, 'pagefind'), 200)).toEqual(['c.pf_fragment']);
  });

  it('fails the build when there is nothing to index', async () => {
    await expect(buildDone(pathToFileURL(dir + path.sep))).rejects.toThrow(/no HTML page to index/);
  });
});
