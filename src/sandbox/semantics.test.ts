// The non-link truth (identity marks, columns, home page, message board) checked against the
// served HTML with independent, simple extraction, so a template change cannot silently drift.
// Pages are read as a browser shows them (the reference browser runs the sandbox's scripts).
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { dayNumber } from './dates.ts';
import { listPath } from './columns.ts';
import { WINDOW_DAYS } from './indicators.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { showPage } from './reference-browser.ts';
import { respond, type RouterState } from './respond.ts';
import { generateWeb, type SandboxWeb } from './web.ts';

const CASES = [
  { sites: 24, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' },
  { sites: 24, pagesPerSite: 14, seed: 4242, asOf: '2026-01-05' },
];

/** A page as a browser shows it. */
function page(state: RouterState, m: SiteModel, path: string): string {
  const shown = showPage(new URL(path, m.origin).href, (url) => {
    const u = new URL(url);
    const reply = respond(state, { host: u.hostname, method: 'GET', path: u.pathname + u.search, userAgent: 'test' });
    return reply.kind === 'send' ? { status: reply.status, contentType: reply.headers['content-type'] ?? '', body: reply.body } : undefined;
  });
  if (!shown) throw new Error(`${m.plan.host}${path} not served`);
  return shown.html;
}

/** Visible text without comments, scripts, head, or the header clock. */
function visible(html: string): string {
  const $ = cheerio.load(html);
  $('head, script, .today').remove();
  return $('body').text();
}

/** Dates in text, with year inference for [MM-DD] (the latest such date not after asOf). */
function dates(text: string, asOf: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(\d{4})[-/年](\d{2})[-/月](\d{2})/g)) out.push(dayNumber(`${m[1]}-${m[2]}-${m[3]}`));
  const y = Number(asOf.slice(0, 4));
  for (const m of text.matchAll(/\[(\d{2})-(\d{2})\]/g)) {
    const d = dayNumber(`${y}-${m[1]}-${m[2]}`);
    out.push(d > dayNumber(asOf) ? dayNumber(`${y - 1}-${m[1]}-${m[2]}`) : d);
  }
  return out;
}

function marksPresent(html: string): Set<string> {
  const $ = cheerio.load(html);
  $('head').remove();
  const footer = $('.footer');
  const markup = footer.html() ?? '';
  // Text a visitor reads: not the text of the scripts that wrote it.
  const shown = cheerio.load(markup);
  shown('script').remove();
  const text = shown.root().text();
  const found = new Set<string>();
  if (/conac\.cn/.test(markup.replace(/<!--[\s\S]*?-->/g, ''))) found.add('conac');
  if (/网站标识码[：:]?\s*[A-Za-z0-9]{10}/.test(text)) found.add('site-code');
  // With 备 and 号 or without them (冀ICP12345678).
  if (/ICP备?\s*\d{6,}/.test(text)) found.add('icp');
  if (/公网安备\s*\d{10,}/.test(text)) found.add('psb');
  if (/主办单位[：:]|主办[：:]|[\u4e00-\u9fa5]主办/.test(text)) found.add('sponsor');
  if (/联系我们|电话[：:]|@[\w.]+\.\w+/.test(text)) found.add('contact');
  return found;
}

describe.each(CASES)('truth agrees with served pages (seed $seed)', (opts) => {
  const web: SandboxWeb = generateWeb(opts);
  const state: RouterState = { web, model: (i) => buildSiteModel(web, i), hit: () => 1 };
  const live = web.sites.map((_, i) => state.model(i)).filter((m) => !m.down);
  const truthOf = (m: SiteModel, indicator: string): string[] =>
    web.truth.filter((t) => t.site === m.site.id && t.indicator === indicator).map((t) => t.target).sort();

  test('identity marks missing from the footer = identity-mark-missing truth', () => {
    for (const m of live) {
      const present = marksPresent(page(state, m, '/'));
      const missing = ['conac', 'contact', 'icp', 'psb', 'site-code', 'sponsor'].filter((k) => !present.has(k)).sort();
      expect({ site: m.site.id, missing }).toEqual({ site: m.site.id, missing: truthOf(m, 'identity-mark-missing') });
    }
  });

  test('stale and blank columns on the list pages = column-stale / column-blank truth', () => {
    for (const m of live) {
      const stale: string[] = [];
      const blank: string[] = [];
      for (const c of m.columns) {
        const text = visible(page(state, m, listPath(c, 0)));
        const ds = dates(text, opts.asOf);
        if (ds.length === 0) {
          // Tab-box and date-cell sites leave a blank list empty; the others say 暂无信息.
          if (m.homeLayout === 'tabs' || m.homeLayout === 'date-cell') expect(text).not.toContain('暂无信息');
          else expect(text).toContain('暂无信息');
          blank.push(c.name);
        } else if (c.cls !== 'topic' && c.cls !== 'data' && dayNumber(opts.asOf) - Math.max(...ds) > WINDOW_DAYS[c.cls]) {
          stale.push(c.name);
        }
      }
      expect({ site: m.site.id, stale: stale.sort(), blank: blank.sort() })
        .toEqual({ site: m.site.id, stale: truthOf(m, 'column-stale'), blank: truthOf(m, 'column-blank') });
    }
  });

  test('home pages without an item from the last 14 days = homepage-not-updated truth', () => {
    for (const m of live) {
      const html = page(state, m, '/');
      const newest = Math.max(...dates(visible(html), opts.asOf));
      const stale = dayNumber(opts.asOf) - newest > 14;
      expect({ site: m.site.id, stale }).toEqual({ site: m.site.id, stale: truthOf(m, 'homepage-not-updated').length > 0 });
    }
  });

  test('some home pages print a header clock with the as-of date (not an item date)', () => {
    const [y, mo, d] = opts.asOf.split('-').map(Number);
    expect(live.some((m) => page(state, m, '/').includes(`今天是${y}年${mo}月${d}日`))).toBe(true);
  });

  test('message boards: 3-month-old unanswered or late answers, 2 months of silence, fields not published', () => {
    for (const m of live) {
      const $ = cheerio.load(page(state, m, m.board.path));
      const headers = $('table.xx-list tr').first().find('th').map((_, th) => $(th).text()).get();
      const rows = $('table.xx-list tr').slice(1).map((_, tr) => [$(tr).find('td').map((__, td) => $(td).text()).get()]).get() as string[][];
      expect(rows.length).toBeGreaterThan(3);
      const col = (name: string): number => headers.indexOf(name);
      const asOf = dayNumber(opts.asOf);
      const day = (s: string | undefined): number => dates(s ?? '', opts.asOf)[0] ?? Number.NaN;
      const asked = col('留言时间');
      const answeredAt = col('答复时间');
      expect(asked).toBeGreaterThan(0);
      const late = answeredAt >= 0 && rows.some((r) => {
        const a = day(r[asked]);
        const answered = r[answeredAt] ? day(r[answeredAt]) : asOf;
        return asOf - a <= 365 && answered - a > 92;
      });
      const silent = asOf - Math.max(...rows.map((r) => day(r[asked]))) > 61;
      const missingFields = answeredAt < 0 || col('答复单位') < 0;
      for (const r of rows) if (answeredAt >= 0 && r[answeredAt]) expect(day(r[answeredAt])).toBeLessThanOrEqual(asOf);
      expect({ site: m.site.id, late, unpublished: silent || missingFields }).toEqual({
        site: m.site.id,
        late: truthOf(m, 'interaction-unresponsive').length > 0,
        unpublished: truthOf(m, 'messages-not-public').length > 0,
      });
    }
  });
});
