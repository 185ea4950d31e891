// The trap classes as served: the endless calendar, session ids new in each answer, another
// site's removed pages (by message, by title, by a redirect home) beside its real pages, and the
// sites each class is put on.
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { buildSiteModel, type SiteModel } from './model.ts';
import { PATHS } from './paths.ts';
import { decodeHtml, showPage } from './reference-browser.ts';
import { respond, withoutSessionIds, type Reply, type RouterState } from './respond.ts';
import { trapClassesOf, TRAP_CLASSES } from './traps.ts';
import { generateWeb, type SandboxWeb } from './web.ts';

const DEMO = { sites: 24, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' };

/** A router without sockets whose request counter really counts (session ids change with it). */
function router(web: SandboxWeb): RouterState {
  const hits = new Map<string, number>();
  return { web, model: (i) => buildSiteModel(web, i), hit: (k) => { const n = hits.get(k) ?? 0; hits.set(k, n + 1); return n; } };
}

function ask(state: RouterState, url: string): Extract<Reply, { kind: 'send' }> {
  const u = new URL(url);
  const reply = respond(state, { host: u.hostname, method: 'GET', path: u.pathname + u.search, userAgent: 'test' });
  if (reply.kind !== 'send') throw new Error(`${url} did not send`);
  return reply;
}
const html = (r: Extract<Reply, { kind: 'send' }>) => decodeHtml(r.body, r.headers['content-type'] ?? '');

const web = generateWeb(DEMO);
const models = web.sites.map((_, i) => buildSiteModel(web, i)).filter((m) => !m.down);
const carrying = (c: keyof typeof TRAP_CLASSES): SiteModel[] => models.filter((m) => trapClassesOf(m).includes(c));

describe('the trap classes are on static and script-built sites of every 24', () => {
  test.each(Object.keys(TRAP_CLASSES) as (keyof typeof TRAP_CLASSES)[])('%s', (c) => {
    const sites = carrying(c);
    expect(sites.length, c).toBeGreaterThan(0);
    if (c === 'endless-calendar' || c === 'session-ids') expect(new Set(sites.map((m) => m.scripted !== null))).toEqual(new Set([true, false]));
  });
});

describe('endless calendar', () => {
  const state = router(web);
  test('the home page links the as-of month’s dates; every date is a page linking its own month and the next, without end', () => {
    for (const m of carrying('endless-calendar')) {
      const $home = cheerio.load(html(ask(state, m.home)));
      const days = $home('.calendar td a').map((_, a) => $home(a).attr('href')).get();
      expect(days).toHaveLength(30);
      expect(days[0]).toBe(`${PATHS.calendar}?date=2026-11-01`);
      // Following "next month" 30 times gives 30 new pages, each answering 200 with 28–31 day links.
      let url = `${m.origin}${PATHS.calendar}?date=2026-11-01`;
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) {
        const r = ask(state, url);
        expect(r.status, url).toBe(200);
        const $ = cheerio.load(html(r));
        expect($('.calendar td a').length).toBeGreaterThanOrEqual(28);
        seen.add(url);
        url = new URL(withoutSessionIds($('.cal-head a').last().attr('href') ?? ''), m.origin).href;
      }
      expect(seen.size).toBe(30);
      expect(url).toBe(`${m.origin}${PATHS.calendar}?date=2029-05-01`);
      expect(ask(state, `${m.origin}${PATHS.calendar}?date=2026-13-01`).status).toBe(404);
    }
  });

  test('sites without a calendar answer its path 404', () => {
    const other = models.find((m) => !m.calendar)!;
    expect(ask(state, `${other.origin}${PATHS.calendar}?date=2026-11-01`).status).toBe(404);
  });
});

describe('session ids', () => {
  test('each answer’s template links carry a new ;jsessionid=, any id serves the same page, and script-written links carry none', () => {
    const state = router(web);
    for (const m of carrying('session-ids')) {
      const a = html(ask(state, m.home));
      const b = html(ask(state, m.home));
      const ids = (h: string) => new Set([...h.matchAll(/;jsessionid=([0-9A-F]{32})/g)].map((x) => x[1]));
      expect(ids(a).size, m.site.id).toBe(1);
      expect(ids(b).size).toBe(1);
      expect([...ids(a)][0]).not.toBe([...ids(b)][0]);
      expect(withoutSessionIds(a)).toBe(withoutSessionIds(b));
      // Inside scripts nothing changes: the servlet rewrites the template's links only.
      for (const s of cheerio.load(a)('script').toArray()) expect(cheerio.load(a)(s).text()).not.toContain('jsessionid');
      const list = new URL(m.columns[0]!.dir, m.origin).href;
      const withId = `${list.replace(/\/$/, '/index.html')};jsessionid=0123456789ABCDEF0123456789ABCDEF`;
      expect(withoutSessionIds(html(ask(state, withId)))).toBe(withoutSessionIds(html(ask(state, list.endsWith('/') ? `${list}index.html` : list))));
    }
    expect(models.filter((m) => !m.sessions).every((m) => !html(ask(state, m.home)).includes('jsessionid'))).toBe(true);
  });
});

describe('another site’s removed pages', () => {
  test('by message, by title alone, by a redirect home; its short page and a page moved to it answer', () => {
    const state = router(web);
    const m = carrying('soft-404-other-host')[0]!;
    const sister = `http://${m.sister}`;
    const removed = ask(state, `${sister}${PATHS.removed}`);
    expect(removed.status).toBe(200);
    expect(html(removed)).toContain('抱歉，您访问的页面不存在或已被删除！');
    const titled = ask(state, `${sister}${PATHS.titled}`);
    expect(titled.status).toBe(200);
    const $t = cheerio.load(html(titled));
    expect($t('title').text()).toBe('404 页面未找到');
    expect($t('body').text()).not.toMatch(/不存在|删除|找不到|未找到/);
    expect(ask(state, `${sister}${PATHS.movedHome}`)).toMatchObject({ status: 302, headers: { location: '/' } });
    expect(ask(state, `${sister}${PATHS.movedBrief}`)).toMatchObject({ status: 301, headers: { location: PATHS.brief } });
    expect(ask(state, `${sister}${PATHS.brief}`).status).toBe(200);
    const truth = web.truth.filter((t) => t.site === m.site.id && t.indicator === 'broken-link' && t.target.startsWith(sister)).map((t) => [t.target, t.note]);
    expect(truth.sort()).toEqual([
      [`${sister}${PATHS.movedHome}`, 'a deep link redirected to its site\'s home page'],
      [`${sister}${PATHS.titled}`, '200 page saying the page does not exist'],
      [`${sister}${PATHS.removed}`, '200 page saying the page does not exist'],
    ].sort());
    const controls = web.controls.filter((t) => t.site === m.site.id && t.indicator === 'broken-link' && t.target.startsWith(sister)).map((t) => t.target);
    expect(controls.sort()).toEqual([`${sister}${PATHS.brief}`, `${sister}${PATHS.movedBrief}`].sort());
  });
});

describe('a malformed 公安备案 number', () => {
  test('the role that prints it prints 13 digits, in the footer, and the truth calls it advice, not missing', () => {
    const state = router(web);
    const malformed = web.truth.filter((t) => t.indicator === 'identity-mark-malformed');
    expect(malformed.length).toBeGreaterThan(0);
    for (const t of malformed) {
      const m = models.find((x) => x.site.id === t.site)!;
      expect(m.psbNo).toMatch(/^\d{13}$/);
      // As a browser shows the home page (the footer may be written by /js/common.js).
      const shown = showPage(m.home, (u) => { const r = ask(state, u); return { status: r.status, contentType: r.headers['content-type'] ?? '', body: r.body }; });
      expect(shown!.html.replace(/<[^>]+>/g, '')).toContain(m.psbNo);
      expect(web.truth.some((x) => x.site === t.site && x.indicator === 'identity-mark-missing' && x.target === 'psb')).toBe(false);
    }
  });
});
