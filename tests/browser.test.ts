// The built portal in a real browser (the project's Chromium: src/inspector/gather/browser.ts), served under a project base path as
// GitHub Pages serves it: links, charts, the notice, the score table's filter and sort, the page
// without JavaScript, print, the Content-Security-Policy and accessibility (axe-core, WCAG 2.1 AA).
// Built once from the repository's own content/ (the committed demo data).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { parse } from 'csv-parse/sync';
import type { SiteQuarter } from '../src/schemas/findings.ts';
import { INDICATORS } from '../src/inspector/catalogue/index.ts';
import { findChromium, launchChromium, type RunningChromium } from '../src/inspector/gather/browser.ts';
import { checkLinks } from '../src/postbuild/links.ts';
import { serveStatic, type StaticServer } from '../src/postbuild/serve.ts';
import { parseSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { buildPortal, type BuiltPortal } from './build-portal.test-helpers.ts';
import { describeNeeding } from './needs.test-helpers.ts';

const BASE = '/gov-portal';
const QUARTER = '2026-Q4';
const QUARTER_PATH = `${BASE}/quarters/${QUARTER}/`;
const FOUND = await findChromium();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let built: BuiltPortal | undefined;
let dist: string;
let server: StaticServer;
let browser: Browser;
let running: RunningChromium | undefined;
let context: BrowserContext;

/** Open a path of the portal in a new page, recording console errors, uncaught exceptions and CSP violations. */
async function visit(path: string, ctx: BrowserContext = context): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  // A CSP violation is also reported as an event; the binding hears it even if the console is quiet.
  await page.exposeBinding('reportCspViolation', (_source, text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const res = await page.goto(server.origin + path);
  expect(res?.status(), path).toBe(200);
  return { page, problems };
}

/** The demo's latest published quarter (2026-Q4 is its draft). */
const PUBLISHED_QUARTER = '2026-Q3';

/** The quarters whose file in content/quarters/ says published. */
function publishedQuarters(): string[] {
  const dir = fileURLToPath(new URL('../content/quarters', import.meta.url));
  return readdirSync(dir)
    .filter((f) => /^\d{4}-Q[1-4]\.md$/.test(f) && /^status: published$/m.test(readFileSync(join(dir, f), 'utf8')))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** A quarter's findings files as committed. */
function findingsOf(quarter: string): SiteQuarter[] {
  const dir = fileURLToPath(new URL(`../content/findings/${quarter}`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseSiteQuarter(readFileSync(join(dir, f), 'utf8'), f).data);
}

/** A built page's HTML, by its folder under dist. */
function htmlOf(path: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

/** 2026年第四季度, as the pages write a quarter (written out here, not taken from the code under test). */
function quarterTitle(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}年第${'一二三四'[Number(q) - 1]}季度`;
}

/** One page of each type, for the phone and print checks. */
const PAGE_TYPES = (site: SiteQuarter): string[] => [
  '/',
  `/quarters/${QUARTER}/`,
  `/quarters/${PUBLISHED_QUARTER}/`,
  `/sites/${site.site}/`,
  `/units/${site.unit}/`,
  '/sites/',
  '/units/',
  '/data/',
  '/search/',
  '/indicators/',
  '/indicators/broken-link/',
];

/** Data attributes of the score table's rows, from the built HTML: the browser's results are checked against these. */
function scoreRowsInHtml(): { name: string; unit: string; region: string; verdict: string; score: number }[] {
  const $ = cheerio.load(readFileSync(join(dist, 'quarters', QUARTER, 'index.html'), 'utf8'));
  return $('[data-score-table] tbody tr')
    .toArray()
    .map((tr) => ({ name: tr.attribs['data-name']!, unit: tr.attribs['data-unit']!, region: tr.attribs['data-region']!, verdict: tr.attribs['data-verdict']!, score: Number(tr.attribs['data-score']) }));
}

/** data-name of the score table's rows that the browser shows, in their order. */
const shownRows = (page: Page) =>
  page.$$eval('[data-score-table] tbody tr', (trs) => trs.filter((tr) => (tr as HTMLElement).checkVisibility()).map((tr) => (tr as HTMLElement).dataset['name']!));

/** Wait until every chart figure is drawn, then tell for each whether its canvas differs from a blank one of the same size. */
async function chartsDrawn(page: Page): Promise<{ id: string; painted: boolean; dataRows: number }[]> {
  await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((f) => f.hasAttribute('data-drawn')));
  return page.$$eval('figure.chart', (figures) =>
    figures.map((f) => {
      const canvas = f.querySelector('canvas')!;
      const blank = document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      return { id: f.id, painted: canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL(), dataRows: f.querySelectorAll('table.chart-data tbody tr').length };
    }),
  );
}

/** axe-core on a page: its serious and critical violations, one line each (rule, summary, elements), and how many checks passed. */
async function axe(page: Page): Promise<{ serious: string[]; passed: number }> {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return { serious, passed: passes.length };
}

describeNeeding({ what: 'a Chromium (CHROMIUM_PATH, @sparticuz/chromium or a system Chrome)', found: FOUND !== undefined }, 'the built portal in a real browser', () => {
  beforeAll(async () => {
    built = buildPortal({ base: BASE });
    dist = built.dist;
    server = await serveStatic({ dir: dist, base: BASE });
    running = await launchChromium(FOUND!);
    browser = running.browser;
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
  }, 240_000);

  afterAll(async () => {
    await running?.close();
    await server?.close();
    built?.remove();
  });

  describe('the built portal in a browser', () => {
    test('no internal link, asset or anchor is broken', async () => {
      const report = await checkLinks({ dir: dist, base: BASE });
      expect(report.pages).toBeGreaterThan(10);
      expect(report.broken).toEqual([]);
    });

    test('no page carries scoped-style attributes (one per element of every findings table: a third of a site page at scale)', () => {
      const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(20);
      expect(pages.filter((f) => readFileSync(join(dist, f), 'utf8').includes('data-astro-cid-'))).toEqual([]);
    });

    test('home: every chart is drawn on its canvas and has its data table', async () => {
      const { page, problems } = await visit(`${BASE}/`);
      const charts = await chartsDrawn(page);
      expect(charts.length).toBeGreaterThanOrEqual(4);
      for (const c of charts) {
        expect(c.painted, c.id).toBe(true);
        expect(c.dataRows, c.id).toBeGreaterThan(0);
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    test('quarter: the notice has its sections and both attachments with the official columns', async () => {
      const { page, problems } = await visit(QUARTER_PATH);
      const h2 = await page.locator('article.notice h2').allTextContents();
      expect(h2.slice(0, 3)).toEqual(['一、总体情况', '二、主要问题', '三、工作要求']);
      expect(h2[3]).toMatch(/^附件1/);
      expect(h2[4]).toMatch(/^附件2/);
      const headers = (id: string) => page.locator(`section[aria-labelledby="${id}"] thead th`).allTextContents();
      expect(await headers('attachment-1')).toEqual(['序号', '网站名称', '首页地址', '检查发现的问题']);
      expect(await headers('attachment-2')).toEqual(['序号', '账号名称', '账号类型', '开设单位', '主要问题']);
      // 附件1 lists exactly the failing sites.
      const failing = scoreRowsInHtml().filter((r) => r.verdict === 'fail');
      expect(await page.locator('section[aria-labelledby="attachment-1"] tbody tr').count()).toBe(failing.length);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('quarter: the score table filters by verdict, region and name, resets and sorts by score', async () => {
      const rows = scoreRowsInHtml();
      const failing = rows.filter((r) => r.verdict === 'fail');
      // The built table must agree with the findings files it was built from.
      const dir = fileURLToPath(new URL(`../content/findings/${QUARTER}`, import.meta.url));
      const failingFiles = readdirSync(dir).filter((f) => parseSiteQuarter(readFileSync(join(dir, f), 'utf8'), f).data.verdict === 'fail');
      expect(failing.length).toBe(failingFiles.length);
      expect(failing.length).toBeGreaterThan(1);
      expect(failing.length).toBeLessThan(rows.length);

      const { page, problems } = await visit(QUARTER_PATH);
      const root = page.locator('[data-score-table]');
      const form = root.locator('form.table-filter');
      const status = root.locator('[data-count]');
      expect(await form.isVisible()).toBe(true);
      expect(await shownRows(page)).toHaveLength(rows.length);

      await form.locator('select[name=verdict]').selectOption('fail');
      expect(await shownRows(page)).toEqual(failing.map((r) => r.name));
      expect(await status.textContent()).toContain(`${failing.length} / ${rows.length}`);

      // The region with the most failing sites, then the unit name of its first one.
      const counts = Map.groupBy(failing, (r) => r.region);
      const region = [...counts.keys()].sort((a, b) => counts.get(b)!.length - counts.get(a)!.length)[0]!;
      await form.locator('select[name=region]').selectOption(region);
      const inRegion = failing.filter((r) => r.region === region);
      expect(await shownRows(page)).toEqual(inRegion.map((r) => r.name));
      expect(await status.textContent()).toContain(`${inRegion.length} / ${rows.length}`);
      const text = inRegion[0]!.unit;
      await form.locator('input[name=text]').fill(text);
      const named = inRegion.filter((r) => r.name.includes(text) || r.unit.includes(text));
      expect(await shownRows(page)).toEqual(named.map((r) => r.name));
      expect(await status.textContent()).toContain(`${named.length} / ${rows.length}`);

      await form.locator('button[type=reset]').click();
      await expect.poll(() => shownRows(page)).toHaveLength(rows.length);
      expect(await status.textContent()).toContain(`${rows.length} / ${rows.length}`);

      // Sort the failing sites by score, up then down.
      await form.locator('select[name=verdict]').selectOption('fail');
      const scores = async () => (await shownRows(page)).map((name) => rows.find((r) => r.name === name)!.score);
      const byScore = failing.map((r) => r.score).sort((a, b) => a - b);
      await root.locator('button[data-sort="score"]').click();
      expect(await root.locator('th:has(button[data-sort="score"])').getAttribute('aria-sort')).toBe('ascending');
      expect(await scores()).toEqual(byScore);
      await root.locator('button[data-sort="score"]').click();
      expect(await root.locator('th:has(button[data-sort="score"])').getAttribute('aria-sort')).toBe('descending');
      expect(await scores()).toEqual(byScore.toReversed());
      expect(await root.locator('th[aria-sort]').count()).toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('quarter without JavaScript: every row is shown, the controls stay hidden, the page is complete', async () => {
      const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
      try {
        noScript.setDefaultTimeout(10_000);
        const { page, problems } = await visit(QUARTER_PATH, noScript);
        const rows = scoreRowsInHtml();
        expect(await shownRows(page)).toEqual(rows.map((r) => r.name));
        expect(await page.locator('form.table-filter').isVisible()).toBe(false);
        expect(await page.locator('[data-count]').isVisible()).toBe(false);
        expect(await page.locator('button.sort:visible').count()).toBe(0);
        expect(await page.locator('h1.notice-title').isVisible()).toBe(true);
        expect(await page.locator('#attachment-2').isVisible()).toBe(true);
        expect(await page.locator('footer.site-footer').isVisible()).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await noScript.close();
      }
    });

    test('a site page and a unit page open from the notice; the site page draws its score chart', async () => {
      const { page: quarter } = await visit(QUARTER_PATH);
      const firstRow = quarter.locator('[data-score-table] tbody tr').first();
      const siteHref = await firstRow.locator('td:nth-child(2) a').getAttribute('href');
      const unitHref = await firstRow.locator('td:nth-child(3) a').getAttribute('href');
      const siteName = await firstRow.getAttribute('data-name');
      await quarter.close();
      expect(siteHref).toMatch(new RegExp(`^${BASE}/sites/[a-z0-9-]+/#${QUARTER}$`));
      expect(unitHref).toMatch(new RegExp(`^${BASE}/units/[a-z0-9-]+/$`));

      const site = await visit(siteHref!);
      expect(await site.page.locator('h1').textContent()).toBe(siteName);
      expect(await site.page.locator(`section[id="${QUARTER}"]`).isVisible()).toBe(true);
      const charts = await chartsDrawn(site.page);
      expect(charts.map((c) => c.id)).toContain('score-history');
      for (const c of charts) expect(c.painted, c.id).toBe(true);
      expect(site.problems).toEqual([]);
      await site.page.close();

      const unit = await visit(unitHref!);
      expect(await unit.page.locator('h1').textContent()).toBeTruthy();
      expect(await unit.page.locator(`a[href^="${BASE}/sites/"]`).count()).toBeGreaterThan(0);
      expect(unit.problems).toEqual([]);
      await unit.page.close();
    });

    test('search: Pagefind finds a site under the CSP', async () => {
      const name = scoreRowsInHtml()[0]!.name;
      const { page, problems } = await visit(`${BASE}/search/?q=${encodeURIComponent(name)}`);
      await page.locator('.pagefind-ui__result a').first().waitFor();
      expect(await page.locator('.pagefind-ui__result a').allTextContents()).toContain(`${name}（网站）`);
      expect(await page.locator('#search-unavailable').isVisible()).toBe(false);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('search: a unit page is indexed by its name and its sites, not by the rules’ amounts every unit page repeats', () => {
      const units = readdirSync(join(dist, 'units'), { withFileTypes: true }).filter((d) => d.isDirectory());
      expect(units.length).toBeGreaterThan(5);
      for (const d of units) {
        const $ = htmlOf(`units/${d.name}`);
        // What Pagefind reads: the page body without what it is told to ignore.
        $('[data-pagefind-ignore]').remove();
        const indexed = $('[data-pagefind-body]').text();
        expect(indexed, d.name).toContain($('h1').text());
        expect(indexed, d.name).not.toMatch(/每个不合格网站扣|处理超期每条扣|年度考核不得评为/);
      }
    });

    test("search: a typo's word finds the site that has it, each result says its page type, with a sentence of excerpt", async () => {
      const typo = findingsOf(QUARTER).flatMap((r) => r.findings.filter((f) => f.indicator === 'typo').map((f) => ({ word: f.target, site: r.name })))[0]!;
      expect(typo).toBeDefined();
      const { page, problems } = await visit(`${BASE}/search/?q=${encodeURIComponent(typo.word)}`);
      await page.locator('.pagefind-ui__result a').first().waitFor();
      const titles = await page.locator('.pagefind-ui__result a').allTextContents();
      expect(titles).toContain(`${typo.site}（网站）`);
      for (const t of titles) expect(t).toMatch(/（(网站|单位|季度通报|季度通报草稿|检查指标)）$|^[^（]+$/);
      const excerpt = await page.locator('.pagefind-ui__result-excerpt').first().textContent();
      expect(excerpt!.replace(/\u200b/g, '').length).toBeGreaterThan(30);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('search: the draft notice is found as a draft, the published one as issued', async () => {
      const { page, problems } = await visit(`${BASE}/search/?q=${encodeURIComponent('季度政府网站检查情况的通报')}`);
      await page.locator('.pagefind-ui__result a').first().waitFor();
      // Pagefind shows a few results and a button for more: load them all.
      const more = page.locator('.pagefind-ui__button');
      while (await more.isVisible()) await more.click();
      const titles = await page.locator('.pagefind-ui__result a').allTextContents();
      expect(titles).toContain(`关于${quarterTitle(QUARTER)}政府网站检查情况的通报（季度通报草稿）`);
      expect(titles).toContain(`关于${quarterTitle(PUBLISHED_QUARTER)}政府网站检查情况的通报（季度通报）`);
      expect(titles.filter((t) => t.includes(quarterTitle(QUARTER)) && t.endsWith('（季度通报）'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('print: the quarter notice prints without navigation, score table and filter, with both attachments', async () => {
      const { page } = await visit(QUARTER_PATH);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header nav', 'section.no-print', 'form.table-filter', '[data-score-table]']) {
        expect(await page.locator(hidden).filter({ visible: true }).count(), hidden).toBe(0);
      }
      for (const shown of ['h1.notice-title', '#attachment-1', 'section[aria-labelledby="attachment-1"] table', '#attachment-2', 'section[aria-labelledby="attachment-2"] table']) {
        expect(await page.locator(shown).isVisible(), shown).toBe(true);
      }
      await page.close();
    });

    test('drafts: every page type marks the draft quarter, the home page leads with the published one, and search engines and the feed leave it out', async () => {
      const published = PUBLISHED_QUARTER;
      // Home: the headline is the latest published quarter's; the draft is named as under review.
      const home = await visit(`${BASE}/`);
      expect(await home.page.locator('h2#latest').textContent()).toContain(quarterTitle(published));
      expect(await home.page.locator('.draft-banner').textContent()).toMatch(new RegExp(`${quarterTitle(QUARTER)}.*复核`));
      const failingPublished = findingsOf(published).filter((r) => r.verdict === 'fail');
      expect(await home.page.locator('ol.failing-list > li').count()).toBe(Math.min(20, failingPublished.length));
      expect(await home.page.locator('ul.headline .figure').nth(1).textContent()).toBe(String(failingPublished.length));
      await home.page.close();

      // A site page: its latest check is the draft's, marked in the facts, its section and its chart's table.
      const site = findingsOf(QUARTER)[0]!;
      const sitePage = await visit(`${BASE}/sites/${site.site}/`);
      expect(await sitePage.page.locator('dl.facts').first().locator('.draft-mark').count()).toBe(1);
      expect(await sitePage.page.locator(`section[id="${QUARTER}"] h2 .draft-mark`).isVisible()).toBe(true);
      expect(await sitePage.page.locator(`section[id="${published}"] .draft-mark`).count()).toBe(0);
      expect(await sitePage.page.locator('#score-history table.chart-data tbody tr').last().textContent()).toContain('草稿');
      expect(sitePage.problems).toEqual([]);
      await sitePage.page.close();

      // /sites/: every site's latest check is the draft quarter's, so every row is marked.
      const $sites = htmlOf('sites');
      expect($sites('tbody tr').length).toBeGreaterThan(1);
      expect($sites('tbody tr').filter((_, tr) => $sites(tr).find('.draft-mark').length === 1).length).toBe($sites('tbody tr').length);
      // A unit page marks the draft quarter's column; the data page its row.
      const $unit = htmlOf(`units/${site.unit}`);
      expect($unit('thead th').filter((_, th) => $unit(th).text().startsWith(quarterTitle(QUARTER))).find('.draft-mark').length).toBe(1);
      const $data = htmlOf('data');
      expect($data(`tbody th:has(a[href$="/quarters/${QUARTER}/"]) .draft-mark`).length).toBe(1);
      expect($data(`tbody th:has(a[href$="/quarters/${published}/"]) .draft-mark`).length).toBe(0);

      // The draft notice: noindex, out of the sitemap and the feed; the published one in both.
      expect(htmlOf(`quarters/${QUARTER}`)('meta[name="robots"]').attr('content')).toBe('noindex');
      expect(htmlOf(`quarters/${published}`)('meta[name="robots"]').length).toBe(0);
      const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
      expect(sitemap).not.toContain(`/quarters/${QUARTER}/`);
      expect(sitemap).toContain(`/quarters/${published}/`);
      const feed = cheerio.load(readFileSync(join(dist, 'feed.xml'), 'utf8'), { xml: true });
      const entries = feed('entry > id').toArray().map((e) => feed(e).text());
      expect(entries.some((id) => id.endsWith(`/quarters/${QUARTER}/`))).toBe(false);
      expect(entries.some((id) => id.endsWith(`/quarters/${published}/`))).toBe(true);

      // Open data: every row of every file says its quarter's status.
      for (const file of ['sites.csv.gz', 'findings.csv.gz']) {
        const rows = parse(gunzipSync(readFileSync(join(dist, 'data', 'all', file))).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
        expect(rows.length, file).toBeGreaterThan(0);
        for (const r of rows) expect(`${r['quarter']} ${r['status']}`, file).toBe(`${r['quarter']} ${r['quarter'] === QUARTER ? 'draft' : 'published'}`);
      }
      const json = JSON.parse(gunzipSync(readFileSync(join(dist, 'data', QUARTER, 'data.json.gz'))).toString('utf8')) as { status: Record<string, string>; sites: { status: string }[] };
      expect(json.status).toEqual({ [QUARTER]: 'draft' });
      expect(new Set(json.sites.map((s) => s.status))).toEqual(new Set(['draft']));
    });

    test('the notice (summary form) names in 二 only non-compliant sites, and the units it charges are the units the annual assessment counts', async () => {
      const year = PUBLISHED_QUARTER.slice(0, 4);
      const published = publishedQuarters().filter((q) => q.startsWith(year));
      const chargedBy = new Map<string, string[]>();
      for (const q of published) {
        const rows = findingsOf(q);
        const verdict = new Map(rows.map((r) => [r.site, r.verdict]));
        const { page } = await visit(`${BASE}/quarters/${q}/`);
        const named = (await page.locator('article.notice p.problem a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map((h) => /\/sites\/([^/]+)\//.exec(h)![1]!);
        expect(named.length, q).toBeGreaterThan(0);
        expect(named.filter((s) => verdict.get(s) !== 'fail'), q).toEqual([]);
        // The test means something: a compliant site did have a deduction that quarter.
        expect(rows.some((r) => r.verdict === 'pass' && r.findings.some((f) => f.points > 0)), q).toBe(true);
        expect(await page.locator('article.notice .form-note').textContent()).toContain('只列出不合格网站');
        const units = await page.locator('section[aria-labelledby="charged"] a').evaluateAll((as) => as.map((a) => /\/units\/([^/]+)\//.exec(a.getAttribute('href')!)![1]!));
        for (const u of units) chargedBy.set(u, [...(chargedBy.get(u) ?? []), q]);
        // Every site of 附件1 has its unit among them.
        for (const r of rows.filter((x) => x.verdict === 'fail')) expect(units, `${q} ${r.site}`).toContain(r.unit);
        await page.close();
      }
      expect(chargedBy.size).toBeGreaterThan(0);
      // City notices of notices.yaml also count; the demo's are listed there.
      const notices = YAML.parse(readFileSync(fileURLToPath(new URL('../content/notices.yaml', import.meta.url)), 'utf8')) as Array<{ level: string; date: string; units: string[] }>;
      const cityNotices = (u: string) => notices.filter((n) => n.level === 'city' && String(n.date).startsWith(year) && n.units.includes(u)).length;
      // A unit without units under it: its page's count of city notices is the quarters that charged it.
      const leaves = [...chargedBy.keys()].filter((u) => !htmlOf(`units/${u}`)('main').text().includes('下级单位'));
      expect(leaves.length).toBeGreaterThan(2);
      for (const u of leaves) {
        const $u = htmlOf(`units/${u}`);
        const row = $u(`tbody tr:has(a[href$="/assessment/${year}/"])`);
        // 通报次数（市/省/国务院）: the city's count first.
        expect(Number(row.find('td').eq(2).text().split(' / ')[0]), u).toBe(chargedBy.get(u)!.length + cityNotices(u));
      }
    });

    test('a site page shows its newest check and its newest published one in full; older checks are summed up, and their quarter’s open data has every finding', () => {
      const older = ['2026-Q1', '2026-Q2'];
      // A site with findings in every quarter (the demo's history has some).
      const site = findingsOf('2026-Q1').find((r) => r.findings.length > 0 && [...older, PUBLISHED_QUARTER, QUARTER].every((q) => findingsOf(q).find((x) => x.site === r.site)?.findings.length))!.site;
      const $ = htmlOf(`sites/${site}`);
      for (const q of [QUARTER, PUBLISHED_QUARTER]) expect($(`section[id="${q}"] table.findings tr[id^="${q}-"]`).length, q).toBe(findingsOf(q).find((r) => r.site === site)!.findings.length);
      for (const q of older) {
        const section = $(`section[id="${q}"]`);
        expect(section.length, q).toBe(1);
        expect(section.find('table.findings, tr[id]').length, q).toBe(0);
        const link = section.find(`a[href="${BASE}/data/${q}/findings.csv.gz"]`);
        expect(link.length, q).toBe(1);
        const rows = (parse(gunzipSync(readFileSync(join(dist, 'data', q, 'findings.csv.gz'))).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.site === site);
        // The CSV marks a value a spreadsheet would run with a ' before it; taken off, each target is the finding's.
        const raw = (v: string) => v.replace(/^'(?=[=+\-@\t\r])/, '');
        expect(rows.map((r) => raw(r.target!)).sort(), q).toEqual(findingsOf(q).find((r) => r.site === site)!.findings.map((f) => f.target).sort());
      }
    });

    test('every finding on every site page says its evidence in Chinese (none Latin-only), and so does every finding of the open data, the demo history included', () => {
      const sites = readdirSync(join(dist, 'sites'), { withFileTypes: true }).filter((d) => d.isDirectory());
      expect(sites.length).toBeGreaterThan(10);
      let checked = 0;
      const latin: string[] = [];
      for (const d of sites) {
        const $ = htmlOf(`sites/${d.name}`);
        $('.evidence-text').each((_, el) => {
          const text = $(el).text().trim();
          checked++;
          if (text && !/\p{Script=Han}/u.test(text)) latin.push(`${d.name}: ${text}`);
        });
      }
      expect(checked).toBeGreaterThan(500);
      // The older quarters' evidence is in their open data (findings.csv's detail).
      for (const q of ['2026-Q1', '2026-Q2', PUBLISHED_QUARTER, QUARTER]) {
        const rows = parse(gunzipSync(readFileSync(join(dist, 'data', q, 'findings.csv.gz'))).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
        expect(rows.length, q).toBeGreaterThan(20);
        for (const r of rows) if (r.detail && !/\p{Script=Han}/u.test(r.detail)) latin.push(`${q} ${r.site}: ${r.detail}`);
      }
      expect(latin).toEqual([]);
    });

    test('a fail decided by a veto names the veto beside its score, in the score table and the site chart', async () => {
      const rows = findingsOf(QUARTER).filter((r) => r.verdict === 'fail');
      const byVeto = rows.filter((r) => r.vetoes.length > 0);
      expect(byVeto.length).toBeGreaterThan(0);
      const { page, problems } = await visit(QUARTER_PATH);
      for (const r of rows) {
        const cell = await page.locator(`[data-score-table] tbody tr[data-name="${r.name}"] td`).last().textContent();
        if (r.vetoes.length) expect(cell, r.site).toMatch(/^不合格（单项否决：.+）/);
        else expect(cell, r.site).not.toContain('单项否决');
      }
      expect(problems).toEqual([]);
      await page.close();
      const $site = htmlOf(`sites/${byVeto[0]!.site}`);
      expect($site('#score-history table.chart-data tbody tr').last().text()).toContain('单项否决');
    });

    test('a page per indicator: every id of the catalogue, with its clause, settings, guide and how to ask for review; findings link to it', async () => {
      const $index = htmlOf('indicators');
      const listed = $index('tbody th a').toArray().map((a) => /\/indicators\/([^/]+)\//.exec(a.attribs['href']!)![1]!);
      expect(new Set(listed)).toEqual(new Set(INDICATORS.map((d) => d.id)));
      for (const d of INDICATORS) {
        const $ = htmlOf(`indicators/${d.id}`);
        expect($('h1').text(), d.id).toContain(d.title);
        expect($('.clause-text').text(), d.id).toBe(d.clause);
        expect($('main h2').toArray().map((h) => $(h).text()), d.id).toEqual(expect.arrayContaining(['指标原文', '如何检查', '怎样算合格', '如何整改', '可能的误判', '如何申请复核']));
      }
      // A crawl rule with points shows them as the rules file sets them.
      const rules = YAML.parse(readFileSync(fileURLToPath(new URL('../content/rules.yaml', import.meta.url)), 'utf8')) as { indicators: Record<string, { cap?: number }> };
      expect(htmlOf('indicators/broken-link')('main table').text()).toContain(`${rules.indicators['broken-link']!.cap} 分`);
      // A site page's findings link to their indicators' pages, and the page opens.
      const site = findingsOf(QUARTER).find((r) => r.findings.some((f) => f.indicator === 'broken-link'))!;
      const { page, problems } = await visit(`${BASE}/sites/${site.site}/`);
      const link = page.locator(`section[id="${QUARTER}"] .clause a[href$="/indicators/broken-link/"]`);
      expect(await link.count()).toBeGreaterThan(0);
      await link.first().click();
      await page.waitForURL(/\/indicators\/broken-link\/$/);
      expect(await page.locator('h1').textContent()).toContain('链接不可用');
      expect(problems).toEqual([]);
      await page.close();
    });

    test('every finding has a permalink: its row is anchored by the open data’s findingId, and following the link shows the row', async () => {
      const csv = parse(gunzipSync(readFileSync(join(dist, 'data', QUARTER, 'findings.csv.gz'))).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
      expect(csv.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const [site, rows] of Map.groupBy(csv, (r) => r.site!)) {
        const $ = htmlOf(`sites/${site}`);
        for (const r of rows) {
          // The documented recipe, worked here: the indicator, then SHA-256 of target and page (a CSV cell with a formula mark has it taken off).
          const raw = (v: string) => v.replace(/^'(?=[=+\-@\t\r])/, '');
          expect(/^(.+-[0-9a-f]{8})(?:-\d+)?$/.exec(r.findingId!)?.[1]).toBe(`${r.indicator}-${createHash('sha256').update(`${raw(r.target!)}\n${raw(r.page!)}`).digest('hex').slice(0, 8)}`);
          const row = $(`tr[id="${QUARTER}-${r.findingId}"]`);
          if (row.length !== 1) missing.push(`${site} ${r.findingId}`);
        }
      }
      expect(missing).toEqual([]);
      const first = csv.find((r) => r.indicator === 'broken-link') ?? csv[0]!;
      const { page, problems } = await visit(`${BASE}/sites/${first.site}/#${QUARTER}-${first.findingId}`);
      const row = page.locator(`tr[id="${QUARTER}-${first.findingId}"]`);
      expect(await row.evaluate((tr) => tr.matches(':target'))).toBe(true);
      // Scrolled to the top of the window; the browser may leave it a fraction of a pixel above (-0.36 px seen).
      await expect.poll(() => row.evaluate((tr) => { const r = tr.getBoundingClientRect(); return r.top > -1 && r.top < window.innerHeight; })).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('a finding seen on several pages lists the others behind 另见, and counts as many as its evidence says', () => {
      const shared = findingsOf(QUARTER).flatMap((r) => r.findings.filter((f) => f.alsoOn).map((f) => ({ r, f })));
      expect(shared.length).toBeGreaterThan(0);
      for (const { r, f } of shared) {
        const $ = htmlOf(`sites/${r.site}`);
        const id = `${f.indicator}-${createHash('sha256').update(`${f.target}\n${f.page}`).digest('hex').slice(0, 8)}`;
        const details = $(`tr[id="${QUARTER}-${id}"] details.also-on`);
        expect(details.length, `${r.site} ${f.target}`).toBeGreaterThan(0);
        const total = f.alsoOn!.pages.length + f.alsoOn!.more;
        expect(details.first().find('summary').text()).toBe(`另见 ${total} 个页面`);
        expect(details.first().find('li').length).toBe(f.alsoOn!.pages.length);
        // A page-tag finding's evidence counts the pages lacking the tag: this one and the others.
        const said = /中，(\d+) 个缺少/.exec(f.detail);
        if (f.indicator === 'meta-tags-missing') expect(Number(said![1])).toBe(1 + total);
      }
    });

    test('each site and unit has its own feed and JSON: published checks only in the feed, the latest findings with their permalinks in the JSON', async () => {
      const published = new Set(publishedQuarters());
      // A site checked in the draft quarter and in published ones.
      const site = findingsOf(QUARTER).find((r) => r.findings.length > 0 && findingsOf(PUBLISHED_QUARTER).some((p) => p.site === r.site))!;
      const checked = publishedQuarters().filter((q) => findingsOf(q).some((r) => r.site === site.site));
      const feed = cheerio.load(readFileSync(join(dist, 'sites', site.site, 'feed.xml'), 'utf8'), { xml: true });
      const titles = feed('entry > title').toArray().map((e) => feed(e).text());
      // Newest first, one per published quarter, none for the draft.
      expect(titles.map((t) => /：(\d{4}年第.季度)检查/.exec(t)?.[1])).toEqual([...checked].reverse().map(quarterTitle));
      expect(feed('entry > link').toArray().every((l) => l.attribs['href']!.includes(`/gov-portal/sites/${site.site}/#`))).toBe(true);

      const json = JSON.parse(readFileSync(join(dist, 'sites', site.site, 'data.json'), 'utf8'));
      expect(json.checks[0]).toMatchObject({ quarter: QUARTER, status: 'draft' });
      expect(json.checks.filter((c: { status: string }) => c.status === 'published').map((c: { quarter: string }) => c.quarter)).toEqual([...checked].reverse());
      // The draft's findings and the latest published one's, each linking to its row on the site page.
      const $site = htmlOf(`sites/${site.site}`);
      const withFindings = json.checks.filter((c: { findings?: unknown[] }) => c.findings);
      expect(withFindings.map((c: { quarter: string }) => c.quarter)).toEqual([QUARTER, checked.at(-1)]);
      expect(withFindings[0].findings.length).toBe(site.findings.length);
      for (const c of withFindings) {
        for (const f of c.findings) {
          const anchor = new URL(f.permalink).hash.slice(1);
          expect($site(`tr[id="${anchor}"]`).length, f.permalink).toBe(1);
        }
      }
      // The page announces its feed and links both.
      expect($site('link[rel="alternate"][type="application/atom+xml"]').toArray().map((l) => l.attribs['href'])).toContain(`/gov-portal/sites/${site.site}/feed.xml`);
      expect($site('.own-data a').toArray().map((a) => a.attribs['href'])).toEqual([`/gov-portal/sites/${site.site}/feed.xml`, `/gov-portal/sites/${site.site}/data.json`]);

      // The site's unit: its feed has the published quarters, its JSON the unit's own sites, each file there.
      const unitFeed = cheerio.load(readFileSync(join(dist, 'units', site.unit, 'feed.xml'), 'utf8'), { xml: true });
      // Its entries: the published quarters, and the daily monitor's reminders to the unit (the demo's month).
      const unitTitles = unitFeed('entry > title').toArray().map((e) => unitFeed(e).text());
      const unitQuarters = unitTitles.filter((t) => !t.includes('日常监测提醒')).map((t) => /(\d{4}年第.季度)/.exec(t)?.[1]);
      const reminderLinks = unitFeed('entry').toArray().filter((e) => unitFeed(e).find('title').text().includes('日常监测提醒')).map((e) => unitFeed(e).find('link').attr('href'));
      expect(reminderLinks.every((l) => l?.endsWith(`/gov-portal/units/${site.unit}/#monitor-open`)), reminderLinks.join()).toBe(true);
      expect(unitQuarters.length).toBeGreaterThan(0);
      expect(unitQuarters).not.toContain(quarterTitle(QUARTER));
      expect(new Set(unitQuarters)).toEqual(new Set([...published].filter((q) => findingsOf(q).some((r) => r.unit === site.unit)).map(quarterTitle)));
      const unitJson = JSON.parse(readFileSync(join(dist, 'units', site.unit, 'data.json'), 'utf8'));
      const own = [...new Set(findingsOf(QUARTER).filter((r) => r.unit === site.unit).map((r) => r.site))].sort();
      expect(unitJson.sites.map((s: { site: string }) => s.site)).toEqual(own);
      for (const s of unitJson.sites) expect(readFileSync(join(dist, new URL(s.data).pathname.replace('/gov-portal/', '')), 'utf8').length, s.data).toBeGreaterThan(0);
    });

    test('a broken-link finding says where it is: the part of the page and the link text', () => {
      const places: string[] = [];
      for (const r of findingsOf(QUARTER).filter((x) => x.findings.some((f) => f.indicator === 'broken-link' && f.where?.text))) {
        const $ = htmlOf(`sites/${r.site}`);
        $(`section[id="${QUARTER}"] .finding-group`)
          .filter((_, g) => $(g).find('h4').text().startsWith('链接不可用'))
          .find('.note.place')
          .each((_, n) => void places.push($(n).text()));
      }
      expect(places.length).toBeGreaterThan(0);
      // Every one names the link's text; the part of the page where the crawl could tell it.
      for (const p of places) expect(p).toMatch(/^位置：.*(链接|图片)[^「]*「.+」/);
      expect(places.filter((p) => /(页面顶部|导航栏|页面主体|页面底部)/.test(p)).length).toBeGreaterThan(places.length / 2);
    });

    test('on a phone (390 px) no page type scrolls sideways, and the annual table and the findings are cards', async () => {
      const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
      try {
        phone.setDefaultTimeout(10_000);
        const site = findingsOf(QUARTER)[0]!;
        for (const path of [...PAGE_TYPES(site), '/assessment/2026/']) {
          const { page, problems } = await visit(`${BASE}${path}`, phone);
          const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
          expect(widths.page, path).toBeLessThanOrEqual(widths.view);
          if (path === '/assessment/2026/') {
            // A unit's name has the card's width, not 2–4 characters a line.
            const width = await page.locator('table.annual tbody th').first().evaluate((th) => th.getBoundingClientRect().width);
            expect(width).toBeGreaterThan(300);
          }
          if (path === `/sites/${site.site}/`) {
            const cell = page.locator('table.stack.findings tbody td:nth-child(3)').first();
            expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe('block');
            expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"所在页面："');
          }
          expect(problems, path).toEqual([]);
          await page.close();
        }
      } finally {
        await phone.close();
      }
    });

    test('print: the annual table and the notice fit their A4 page, pages are numbered, a chart prints its table', async () => {
      // The printable width of A4 landscape with 1.5 cm margins is about 26.7 cm, 1,009 px; of A4 portrait with the notice's margins 15.4 cm, 582 px.
      const a4 = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1009, height: 700 } });
      try {
        const { page } = await visit(`${BASE}/assessment/2026/`, a4);
        await page.emulateMedia({ media: 'print' });
        const annual = await page.locator('table.annual').first().evaluate((t) => ({ right: t.getBoundingClientRect().right, view: document.documentElement.clientWidth }));
        expect(annual.right).toBeLessThanOrEqual(annual.view);
        const pageRules = await page.evaluate(() =>
          [...document.styleSheets].flatMap((s) => [...s.cssRules]).flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [r])).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText),
        );
        expect(pageRules.join('\n')).toMatch(/counter\(page\)/);
        expect(pageRules.join('\n')).toMatch(/landscape/);
        await page.close();
        await a4.close();
        const portrait = await browser.newContext({ locale: 'zh-CN', viewport: { width: 582, height: 800 } });
        const notice = await visit(QUARTER_PATH, portrait);
        await notice.page.emulateMedia({ media: 'print' });
        for (const id of ['attachment-1', 'attachment-2']) {
          const box = await notice.page.locator(`section[aria-labelledby="${id}"] table`).evaluate((t) => ({ right: t.getBoundingClientRect().right, view: document.documentElement.clientWidth }));
          expect(box.right, id).toBeLessThanOrEqual(box.view);
        }
        await notice.page.close();
        const site = await visit(`${BASE}/sites/${findingsOf(QUARTER)[0]!.site}/`, portrait);
        await site.page.emulateMedia({ media: 'print' });
        expect(await site.page.locator('#score-history .chart-canvas').isVisible()).toBe(false);
        expect(await site.page.locator('#score-history table.chart-data').isVisible()).toBe(true);
        await site.page.close();
        await portrait.close();
      } finally {
        await a4.close().catch(() => {});
      }
    });

    test('the smaller points: 附件 line before the signature, errata in words, spam links not clickable, URLs break at dots and slashes', () => {
      const $q3 = htmlOf(`quarters/${PUBLISHED_QUARTER}`);
      const line = $q3('article.notice .attachments-line');
      expect(line.text()).toBe('附件：1. 政府网站检查结果信息表2. 政务新媒体检查情况信息表');
      // It comes before the signature, as in the seeds.
      expect(line.nextAll('.signature').length).toBe(1);
      const errata = $q3('section[aria-labelledby="errata"] tbody td').text();
      expect(errata.length).toBeGreaterThan(0);
      expect(errata).not.toMatch(/findings\/|review\/|\.md|\.yaml/);
      // A hidden spam link found on a site is shown, never linked.
      const spam = findingsOf(QUARTER).flatMap((r) => r.findings.filter((f) => f.indicator === 'hidden-link').map((f) => ({ site: r.site, url: f.target })));
      expect(spam.length).toBeGreaterThan(0);
      for (const s of spam) expect(htmlOf(`sites/${s.site}`)(`a[href="${s.url}"]`).length, s.url).toBe(0);
      expect($q3('section[aria-labelledby="attachment-1"] td.url a wbr').length).toBeGreaterThan(0);
    });

    // AxeBuilder injects axe-core with page.evaluate, which the page's CSP does not govern (and merges
    // results in an about:blank page, which has none): no bypassCSP needed.
    // Plus the workflow's pages: the annual assessment, a corrected notice (勘误), and the site whose
    // findings the committed review dismissed, confirmed and answered (content/review/2026-Q4.yaml).
    const AXE_PAGES = ['/', `/quarters/${QUARTER}/`, '/sites/', '/units/', '/data/', '/search/', 'a site page', 'a unit page', '/assessment/2026/', '/quarters/2026-Q3/', 'a reviewed site page', '/indicators/', '/indicators/broken-link/'];
    const AXE_CASES = AXE_PAGES.flatMap((which) => [1366, 390].map((width) => [which, width] as const));
    test.for(AXE_CASES)('axe (WCAG 2.1 AA): no serious or critical violation on %s at %i px', async ([which, width]) => {
      let path = `${BASE}${which}`;
      if (which === 'a reviewed site page') {
        const review = YAML.parse(readFileSync(fileURLToPath(new URL(`../content/review/${QUARTER}.yaml`, import.meta.url)), 'utf8')) as { decisions: Array<{ site: string }> };
        path = `${BASE}/sites/${review.decisions[0]!.site}/`;
      } else if (which.startsWith('a ')) {
        const html = readFileSync(join(dist, 'quarters', QUARTER, 'index.html'), 'utf8');
        const kind = which === 'a site page' ? 'sites' : 'units';
        path = new RegExp(`href="(${BASE}/${kind}/[a-z0-9-]+/)`).exec(html)![1]!;
      }
      const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 }, isMobile: width < 600 });
      ctx.setDefaultTimeout(10_000);
      const { page, problems } = await visit(path, ctx);
      if (which === '/search/') await page.locator('.pagefind-ui__search-input').waitFor();
      const { serious, passed } = await axe(page);
      expect(serious).toEqual([]);
      expect(passed).toBeGreaterThan(10);
      expect(problems).toEqual([]);
      await ctx.close();
    });
  });
});
