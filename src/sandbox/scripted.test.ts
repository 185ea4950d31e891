// Script-built sites: which sites they are, that their truth is that of the same site built
// static, that a static reader of the served bytes does not see what their scripts write, that the
// reference browser shows exactly the static site's pages, and that a real browser shows the same.
import * as cheerio from 'cheerio';
import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeNeeding } from '../../tests/needs.test-helpers.ts';
import { findChromium } from '../inspector/gather/browser.ts';
import { Renderer } from '../inspector/gather/renderer.ts';
import { siteControls } from './controls.ts';
import { elderEntryLegible, siteTruth } from './ground-truth.ts';
import { isScripted } from './look.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { decodeHtml, showPage, type Get } from './reference-browser.ts';
import { showPageVia } from './reference-crawler.ts';
import { htmlPagesOf, respond, withoutSessionIds, type RouterState } from './respond.ts';
import { startSandbox, type RunningSandbox } from './server.ts';
import { DOWN_ROLE, ROLE_COUNT, generateWeb, type SandboxWeb } from './web.ts';

const DEMO = { sites: 24, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' };

/** A router without sockets over a web; `build` may change each model (e.g. the same site built static). */
function getter(web: SandboxWeb, build: (m: SiteModel) => SiteModel = (m) => m): Get {
  const cache = new Map<number, SiteModel>();
  const state: RouterState = {
    web,
    model: (i) => cache.get(i) ?? cache.set(i, build(buildSiteModel(web, i))).get(i)!,
    hit: () => 1,
  };
  return (url) => {
    const u = new URL(url);
    const reply = respond(state, { host: u.hostname, method: 'GET', path: u.pathname + u.search, userAgent: 'test' });
    return reply.kind === 'send' ? { status: reply.status, contentType: reply.headers['content-type'] ?? '', body: reply.body } : undefined;
  };
}

/** The served bytes of a URL, decoded. */
function served(get: Get, url: string): string {
  const res = get(url);
  if (!res || res.status !== 200) throw new Error(`${url} answered ${res?.status}`);
  return decodeHtml(res.body, res.contentType);
}

/** What a page says and links to, order aside: its text pieces and its absolute links (not those to a fragment of itself), without scripts, the search box or the clock. */
function content(html: string, url: string): { text: string[]; links: string[] } {
  const $ = cheerio.load(html);
  $('head, script, noscript, .search, form, #today').remove();
  const text = $('body *').contents().toArray().filter((n) => n.type === 'text').map((n) => $(n).text().trim()).filter((t) => t !== '');
  // Session ids are new in each answer, and the servlet adds them to the template's links only, not to what scripts write.
  const links = $('a[href], img[src]').toArray().map((el) => $(el).attr('href') ?? $(el).attr('src') ?? '').filter((h) => !h.startsWith('#')).map((h) => withoutSessionIds(new URL(h, url).href));
  return { text: text.sort(), links: links.sort() };
}

describe('which sites are script-built', () => {
  test('every other dozen, from the second: any 24 consecutive sites carry every role both ways, the first dozen is static', () => {
    for (const seed of [1, 2, 3, 99]) {
      const web = generateWeb({ ...DEMO, sites: 60, seed });
      expect(web.plans.slice(0, ROLE_COUNT).some((p) => isScripted(p))).toBe(false);
      for (let i = 0; i + ROLE_COUNT < web.plans.length; i++) {
        expect(isScripted(web.plans[i]!), `seed ${seed} site ${i}`).not.toBe(isScripted(web.plans[i + ROLE_COUNT]!));
      }
      for (let start = 0; start + 24 <= web.plans.length; start += 5) {
        const plans = web.plans.slice(start, start + 24);
        const roles = (scripted: boolean) => new Set(plans.filter((p) => isScripted(p) === scripted && p.role !== DOWN_ROLE).map((p) => p.role));
        expect(roles(true).size, `seed ${seed} from ${start}`).toBe(ROLE_COUNT - 1);
        expect(roles(false).size, `seed ${seed} from ${start}`).toBe(ROLE_COUNT - 1);
      }
    }
  });

  test('web.scripted names the live script-built sites and their parts; every variant of every part occurs', () => {
    const web = generateWeb({ ...DEMO, sites: 36 });
    const parts = new Set<string>();
    for (const [i, site] of web.sites.entries()) {
      const m = buildSiteModel(web, i);
      expect(web.scripted.has(site.id), site.id).toBe(m.scripted !== null);
      if (m.down) expect(m.scripted).toBeNull();
      for (const p of web.scripted.get(site.id) ?? []) parts.add(p);
    }
    expect([...parts].sort()).toEqual([
      'entry:frameset', 'entry:script-redirect', 'footer:common-js', 'footer:inline',
      'lists:document-write', 'lists:list-data', 'lists:xhr', 'search:box', 'search:form',
    ]);
  });

  test('the truth is that of the same site built static, but for an elder mode Chrome cannot read in a garbled frame; the controls only add what the scripts write', () => {
    for (const seed of [1, 4242]) {
      const web = generateWeb({ ...DEMO, seed });
      for (const [i] of web.sites.entries()) {
        const m = buildSiteModel(web, i);
        const plain = { ...m, scripted: null };
        // A frameset's top frame sent as UTF-8 without a charset is garbled in Chrome: its 长者模式 is not judged.
        expect(siteTruth(m)).toEqual(siteTruth(plain).filter((t) => elderEntryLegible(m) || !t.target.startsWith('elder-mode-')));
        const extra = siteControls(m).filter((c) => !siteControls(plain).some((p) => p.indicator === c.indicator && p.target === c.target));
        if (!m.scripted) expect(extra).toEqual([]);
        for (const c of extra) expect(c.note).toMatch(/script|XHR|document\.write/);
      }
    }
  });

  test('a broken search is a bare box on some sites, static and script-built; a site without one gets none', () => {
    const web = generateWeb({ ...DEMO, sites: 120 });
    const brokenBoxes = { static: 0, scripted: 0 };
    for (const [i] of web.sites.entries()) {
      const m = buildSiteModel(web, i);
      if (m.scripted && m.search === null) expect(m.scripted.search).toBe('static');
      // A static box is a static site's: a script-built site's search is written as Scripted.search says.
      if (m.scripted) expect(m.search?.box ?? false).toBe(false);
      if (m.search?.variant !== 'broken') continue;
      if (m.search.box) brokenBoxes.static++;
      if (m.scripted?.search === 'box') brokenBoxes.scripted++;
    }
    expect(brokenBoxes.static).toBeGreaterThan(0);
    expect(brokenBoxes.scripted).toBeGreaterThan(0);
  });
});

describe.each([DEMO, { sites: 24, pagesPerSite: 14, seed: 4242, asOf: '2026-01-05' }])('script-built pages (seed $seed)', (opts) => {
  const web = generateWeb(opts);
  const get = getter(web);
  const staticGet = getter(web, (m) => ({ ...m, scripted: null }));
  const scripted = web.sites.map((_, i) => buildSiteModel(web, i)).filter((m) => m.scripted !== null);

  test('the reference browser shows every page exactly as the same site built static serves it', () => {
    let pages = 0;
    for (const m of scripted) {
      for (const path of htmlPagesOf(m)) {
        const url = new URL(path, m.origin).href;
        const shown = showPage(url, get);
        expect(shown, url).toBeDefined();
        expect(content(shown!.html, shown!.url), url).toEqual(content(served(staticGet, url), url));
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(100);
  });

  test('a static reader of the served bytes does not see what the scripts write', () => {
    for (const m of scripted) {
      const s = m.scripted!;
      const home = served(get, m.home);
      const shownHome = showPage(m.home, get)!.html;
      const text = (html: string) => {
        const $ = cheerio.load(html);
        $('script').remove();
        return $.root().text();
      };
      if (s.entry === 'script-redirect') {
        expect(cheerio.load(home)('a[href]').length, m.site.id).toBe(0);
        expect(home).toMatch(/location\.replace\('\/index\.html'\)|window\.location\.href = 'index\.html'/);
      }
      if (s.entry === 'frameset') {
        expect(cheerio.load(home)('body').text().trim()).not.toContain(m.address);
        expect(home).toContain('<frame src="/main.html"');
      }
      if (s.entry !== 'page') continue;
      // The footer: marks that are there for a visitor are not in the static text.
      if (m.footer.sponsor !== 'none' && m.footer.sponsor !== 'comment') {
        expect(text(home), m.site.id).not.toContain('主办');
        expect(text(shownHome)).toContain('主办');
      }
      if (m.footer.siteCode !== 'none' && m.footer.siteCode !== 'comment') {
        expect(text(home)).not.toContain('标识码');
        expect(text(shownHome)).toContain('标识码');
      }
      if (m.footer.conac === 'link') {
        expect(home.includes('bszs.conac.cn'), m.site.id).toBe(s.footer === 'inline');
        expect(cheerio.load(home)('a[href*="bszs.conac.cn"]').length).toBe(0);
        expect(cheerio.load(shownHome)('a[href*="bszs.conac.cn"]').length).toBe(1);
      }
      if (s.footer === 'common-js') {
        expect(home).not.toMatch(/_jiucuo_|exposure\/jiucuo/);
        expect(home).toContain('<script type="text/javascript" src="/js/common.js"></script>');
      }
      // Lists: the containers are empty in the static page.
      const $ = cheerio.load(home);
      const articleLinks = $('a[href]').toArray().filter((a) => /\/t\d{8}_\d+\.html$/.test($(a).attr('href') ?? ''));
      const shownArticles = cheerio.load(shownHome)('a[href]').toArray().filter((a) => /\/t\d{8}_\d+\.html$/.test(cheerio.load(shownHome)(a).attr('href') ?? ''));
      if (s.lists !== 'list-data') expect(articleLinks.length, m.site.id).toBeLessThan(shownArticles.length);
      const col = m.columns.find((c) => !c.blank && c.items.length > 0)!;
      const list = served(get, new URL(col.dir, m.origin).href);
      const rows = cheerio.load(list)('ul.list li, table.newslist tr, div.card-list div.card').length;
      expect(rows > 0, `${m.site.id} ${col.name}`).toBe(s.lists === 'document-write');
      // Search: no text field outside a script.
      if (s.search !== 'static') {
        expect($('input[type="text"], input[type="search"]').length, m.site.id).toBe(0);
        expect(cheerio.load(shownHome)(`input[name="${m.search!.field}"]`).length).toBe(1);
      }
    }
  });

  test('the XHR lists fetch a same-site JSON file; /js/common.js writes the footer only where it says so', () => {
    for (const m of scripted) {
      const s = m.scripted!;
      const read = showPage(m.home, get)!.read.map((u) => new URL(u).pathname);
      expect(read.some((p) => p.startsWith('/api/column/')), m.site.id).toBe(s.lists === 'xhr');
      const js = served(get, `${m.origin}/js/common.js`);
      expect(js.includes('document.write'), m.site.id).toBe(s.footer === 'common-js');
      if (s.lists === 'xhr') {
        const json = get(`${m.origin}/api/column/${m.columns.find((c) => c.onHome)!.slug}.json`)!;
        expect(json.contentType).toBe('application/json; charset=utf-8');
        expect(JSON.parse(json.body.toString('utf8'))).toHaveProperty('list');
      }
    }
  });
});

const FOUND = await findChromium();

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'a real browser shows what the reference browser shows', () => {
  let sb: RunningSandbox;
  let agent: ProxyAgent;
  let renderer: Renderer;
  beforeAll(async () => {
    sb = await startSandbox(DEMO);
    agent = new ProxyAgent({ uri: sb.proxyUrl });
    renderer = await Renderer.start({
      userAgent: 'Mozilla/5.0 (sandbox test)', allowPrivate: true, proxy: { http: sb.proxyUrl, https: sb.proxyUrl }, pages: 2, timeoutMs: 10_000,
    });
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
    await agent?.close();
    await sb?.close();
  });

  test('footers, search boxes, lists and script redirects of every script-built site', async () => {
    const models = sb.web.sites.map((_, i) => buildSiteModel(sb.web, i)).filter((m) => m.scripted !== null);
    // A frameset's frames are rendered one by one (the browser's page is the frameset).
    const urls = models.flatMap((m) => {
      const col = m.columns.find((c) => !c.blank && c.items.length > 0)!;
      const pages = m.scripted!.entry === 'frameset' ? ['/top.html', '/main.html', '/bottom.html'] : ['/'];
      return [...pages, col.dir].map((p) => ({ m, url: new URL(p, m.origin).href }));
    });
    await Promise.all(urls.map(async ({ m, url }) => {
      const [real, reference] = await Promise.all([renderer.render(url), showPageVia(agent, url)]);
      expect(real.ok, `${url}: ${real.ok ? '' : real.detail}`).toBe(true);
      if (!real.ok || !reference) return;
      expect(real.finalUrl, url).toBe(reference.url);
      // Links are ASCII: they agree even where the browser misreads the charset.
      expect(content(real.html, real.finalUrl).links, url).toEqual(content(reference.html, reference.url).links);
      // Chrome reads UTF-8 bytes declared gb2312, or not declared at all, as GBK: only the other sites' text is compared.
      if (m.encoding !== 'utf8-declared-gb2312' && m.encoding !== 'utf8-undeclared') expect(content(real.html, real.finalUrl).text, url).toEqual(content(reference.html, reference.url).text);
    }));
    expect(urls.length).toBeGreaterThan(20);
  }, 120_000);
});
