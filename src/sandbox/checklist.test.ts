// The truth of the checklist indicators beyond links and marks (wording, forged dates, hidden links,
// 找错 entry, search, page tags, domain and header, IPv6, HTTPS, required and stale columns, data
// releases) checked against the served pages with independent, simple extraction, and every
// control checked to hold. Pages are read as a browser shows them: the script-built sites' scripts
// run in the reference browser.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { unzipSync } from 'fflate';
import { dayNumber } from './dates.ts';
import { articlePath, columnPool, listPath } from './columns.ts';
import { FUTURE_DATE_DAYS, REQUIRED_COLUMNS, WINDOW_DAYS, type ColumnClass } from './indicators.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { OLD_DEPTS, TYPOS, TYPO_CONTROLS } from './names.ts';
import { decodeHtml, showPage, type Get } from './reference-browser.ts';
import { htmlPagesOf, knownHost, respond, withoutSessionIds, type RouterState } from './respond.ts';
import { generateWeb, resolveAaaa, type SandboxWeb, type TruthEntry } from './web.ts';

const CASES = [
  { sites: 24, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' },
  { sites: 24, pagesPerSite: 14, seed: 4242, asOf: '2026-01-05' },
  { sites: 36, pagesPerSite: 40, seed: 7, asOf: '2025-06-30' },
];

const RULES = parse(readFileSync(new URL('../../content/rules.yaml', import.meta.url), 'utf8')) as {
  columns: Record<ColumnClass, { keywords: string[] }>;
};
const DICTIONARY = parse(readFileSync(new URL('../../content/dictionary.yaml', import.meta.url), 'utf8')) as {
  entries: { wrong: string; severity: 'serious' | 'normal'; allow?: string[] }[];
};

/** The class of a column name: the class of the longest keyword it contains; null when none or a tie between classes. */
function classOf(name: string): ColumnClass | null {
  let best: { len: number; classes: Set<ColumnClass> } = { len: 0, classes: new Set() };
  for (const [cls, { keywords }] of Object.entries(RULES.columns) as [ColumnClass, { keywords: string[] }][]) {
    for (const k of keywords) {
      if (!name.includes(k)) continue;
      if (k.length > best.len) best = { len: k.length, classes: new Set([cls]) };
      else if (k.length === best.len) best.classes.add(cls);
    }
  }
  return best.classes.size === 1 ? [...best.classes][0] ?? null : null;
}

/** Wrong forms in a text, leftmost-longest, skipping those inside an allowed word. */
function scanTypos(text: string): string[] {
  const entries = [...DICTIONARY.entries].sort((a, b) => b.wrong.length - a.wrong.length);
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const e = entries.find((x) => text.startsWith(x.wrong, i));
    if (!e) {
      i++;
      continue;
    }
    const allowed = (e.allow ?? []).some((w) => {
      for (let k = w.indexOf(e.wrong); k >= 0; k = w.indexOf(e.wrong, k + 1)) if (text.startsWith(w, i - k)) return true;
      return false;
    });
    if (!allowed) out.push(e.wrong);
    i += e.wrong.length;
  }
  return out;
}

/** Visible text: no head, scripts, styles or comments (hidden elements still count, as for a crawler). */
function visible(html: string): string {
  const $ = cheerio.load(html);
  $('head, script, style, .today').remove();
  return $('body').text();
}

/** Every YYYY-MM-DD / YYYY年MM月DD日 / YYYY/MM/DD date in a text. */
function fullDates(text: string): string[] {
  return [...text.matchAll(/(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})/g)].map((d) => `${d[1]}-${d[2]?.padStart(2, '0')}-${d[3]?.padStart(2, '0')}`);
}

/** An ID number valid by GB 11643's check character (weights 2^(17-i) mod 11), born by 2026. */
function validId(s: string): boolean {
  const sum = [...s.slice(0, 17)].reduce((acc, d, i) => acc + Number(d) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11] === s[17] && Number(s.slice(6, 10)) <= 2026;
}

/** Luhn, written from its definition: every second digit from the right doubled, digits summed. */
function luhnOk(s: string): boolean {
  const sum = [...s].reverse().map(Number).reduce((acc, d, i) => acc + (i % 2 ? [...String(d * 2)].reduce((a, b) => a + Number(b), 0) : d), 0);
  return sum % 10 === 0;
}

/**
 * A document's text, its format undone by hand: the XML parts of an xlsx or docx (unzipped, tags
 * dropped, cells and runs spaced), the UCS-2 strings a PDF shows with Tj, a CSV from GB18030.
 */
function documentText(format: string, body: Buffer): string {
  switch (format) {
    case 'xlsx':
    case 'docx':
      return Object.values(unzipSync(body)).map((b) => Buffer.from(b).toString('utf8').replace(/<[^>]+>/g, ' ')).join('\n');
    case 'pdf':
      return [...body.toString('latin1').matchAll(/<([0-9A-F]+)> Tj/g)].map((x) => Buffer.from(x[1]!, 'hex').swap16().toString('utf16le')).join(' ');
    case 'csv':
      return iconv.decode(body, 'gb18030').replace(/,/g, ' ');
    default:
      throw new Error(`no reading of ${format}`);
  }
}

/** Inline styles that hide an element and everything in it. */
const HIDING = /display\s*:\s*none|font-size\s*:\s*0|left\s*:\s*-\d{3,}px/i;

describe.each(CASES)('checklist truth agrees with served pages (seed $seed, $pagesPerSite pages)', (opts) => {
  const web: SandboxWeb = generateWeb(opts);
  const state: RouterState = { web, model: (i) => buildSiteModel(web, i), hit: () => 1 };
  const models = web.sites.map((_, i) => state.model(i));
  const live = models.filter((m) => !m.down);
  const truthOf = (m: SiteModel, indicator: string): TruthEntry[] => web.truth.filter((t) => t.site === m.site.id && t.indicator === indicator);
  const targets = (m: SiteModel, indicator: string): string[] => truthOf(m, indicator).map((t) => t.target).sort();
  const controlsOf = (m: SiteModel, indicator: string): TruthEntry[] => web.controls.filter((t) => t.site === m.site.id && t.indicator === indicator);
  const get: Get = (url) => {
    const u = new URL(url);
    const reply = respond(state, { host: u.hostname, method: 'GET', path: u.pathname + u.search, userAgent: 'test' });
    return reply.kind === 'send' ? { status: reply.status, contentType: reply.headers['content-type'] ?? '', body: reply.body } : undefined;
  };
  /** The status of a URL, and its page as a browser shows it (the body as sent when it is not 200). */
  const fetchUrl = (url: string): { status: number; html: string } => {
    const res = get(url);
    if (!res) throw new Error(`${url} did not send`);
    if (res.status !== 200) return { status: res.status, html: decodeHtml(res.body, res.contentType) };
    // Links as a crawler that strips session ids reads them (the session-id sites' own test is in web.test.ts).
    return { status: 200, html: withoutSessionIds(showPage(url, get)?.html ?? '') };
  };
  /** A page of a site as a browser shows it. */
  const page = (m: SiteModel, path: string): string => {
    const r = fetchUrl(new URL(path, m.origin).href);
    if (r.status !== 200) throw new Error(`${m.plan.host}${path} answered ${r.status}`);
    return r.html;
  };
  const pagesCache = new Map<SiteModel, Map<string, string>>();
  const allPages = (m: SiteModel): Map<string, string> => {
    let p = pagesCache.get(m);
    if (!p) {
      p = new Map(htmlPagesOf(m).filter((path) => path !== m.soft404Path).map((path) => [path, page(m, path)]));
      pagesCache.set(m, p);
    }
    return p;
  };

  test('no control contradicts the truth', () => {
    const key = (t: TruthEntry): string => `${t.site} ${t.indicator} ${t.target}`;
    const truth = new Set(web.truth.map(key));
    for (const c of web.controls) expect(truth.has(key(c)), key(c)).toBe(false);
  });

  test('typo: dictionary wrong forms in the visible text = typo truth, each printed once, at the page named', () => {
    for (const m of live) {
      const found = new Map<string, string[]>();
      for (const [path, html] of allPages(m)) {
        let text = visible(html);
        // Correct text that contains a wrong form: the controls, said to be history or a longer word.
        for (const c of controlsOf(m, 'typo')) {
          const sentence = c.note.replace(/^(correct text|historical mention): /, '');
          expect(text.includes(sentence) || !c.page.endsWith(path), `${c.target} control on ${c.page}`).toBe(true);
          text = text.replaceAll(sentence, '');
        }
        for (const w of scanTypos(text)) found.set(w, [...(found.get(w) ?? []), new URL(path, m.origin).href]);
      }
      const seeded = truthOf(m, 'typo');
      expect({ site: m.site.id, typos: [...found.keys()].sort() }).toEqual({ site: m.site.id, typos: seeded.map((t) => t.target).sort() });
      for (const t of seeded) expect(found.get(t.target), t.target).toEqual([t.page]);
    }
    expect(web.truth.some((t) => t.indicator === 'typo')).toBe(true);
  });

  test('typo controls are printed where they say, and the sandbox typos are dictionary entries of the same severity', () => {
    for (const [, spec] of Object.entries(TYPOS)) {
      const entry = DICTIONARY.entries.find((e) => e.wrong === spec.wrong);
      expect(entry, spec.wrong).toBeDefined();
      expect(entry?.severity, spec.wrong).toBe(spec.serious ? 'serious' : 'normal');
      expect(scanTypos(spec.sentence)).toEqual([spec.wrong]);
    }
    for (const [, c] of Object.entries(TYPO_CONTROLS)) {
      expect(c.sentence).toContain(c.looksLike);
      expect(DICTIONARY.entries.some((e) => e.wrong === c.looksLike)).toBe(true);
    }
    for (const c of web.controls.filter((x) => x.indicator === 'typo')) {
      const sentence = c.note.replace(/^(correct text|historical mention): /, '');
      expect(visible(fetchUrl(c.page).html), c.page).toContain(sentence);
      expect(sentence).toContain(c.target);
      if (c.note.startsWith('historical')) expect(OLD_DEPTS.some((d) => d.name === c.target)).toBe(true);
    }
  });

  test('severe-error: more than 3 serious typos, or a publication date a week after the as-of date', () => {
    const serious = new Set(DICTIONARY.entries.filter((e) => e.severity === 'serious').map((e) => e.wrong));
    const asOf = dayNumber(opts.asOf);
    for (const m of live) {
      const typos = targets(m, 'typo').filter((w) => serious.has(w));
      const severe = truthOf(m, 'severe-error');
      expect(severe.filter((t) => serious.has(t.target)).map((t) => t.target).sort()).toEqual(typos.length > 3 ? typos : []);
      // Publication dates: list rows, the article's 发布时间 line and its PubDate tag.
      const future = new Set<string>();
      for (const [path, html] of allPages(m)) {
        const $ = cheerio.load(html);
        const pub = [...fullDates($('.info').text()), ...fullDates($('meta[name="PubDate" i]').attr('content') ?? '')];
        const rows = $('ul.list, table.newslist, div.card-list').text();
        for (const d of [...pub, ...fullDates(rows)]) if (dayNumber(d) - asOf >= FUTURE_DATE_DAYS) future.add(d);
        if (path === '/') for (const d of fullDates(visible(html))) expect(dayNumber(d) - asOf < FUTURE_DATE_DAYS || future.has(d) || severe.some((t) => t.target === d)).toBe(true);
      }
      expect({ site: m.site.id, future: [...future].sort() }).toEqual({ site: m.site.id, future: severe.filter((t) => /^\d{4}-/.test(t.target)).map((t) => t.target) });
      for (const t of severe.filter((x) => /^\d{4}-/.test(x.target))) {
        expect(fullDates(cheerio.load(fetchUrl(t.page).html)('.info').text())).toContain(t.target);
      }
    }
    // Controls: exactly 3 serious typos, and a deadline after the as-of date in a notice's text only.
    for (const c of web.controls.filter((x) => x.indicator === 'severe-error')) {
      if (/^\d{4}-/.test(c.target)) {
        const $ = cheerio.load(fetchUrl(c.page).html);
        expect(fullDates($('.content').text())).toContain(c.target);
        expect(fullDates($('.info').text())).not.toContain(c.target);
        expect(dayNumber(c.target) - dayNumber(opts.asOf)).toBeGreaterThanOrEqual(FUTURE_DATE_DAYS);
      } else {
        expect(web.truth.some((t) => t.site === c.site && t.indicator === 'typo' && t.target === c.target)).toBe(true);
      }
    }
  });

  test('personal-data-exposed: pages showing a valid ID number, a named card number or a list of people\'s mobiles = truth; safe forms are controls', () => {
    const exposedPages = (m: SiteModel): string[] => {
      const out: string[] = [];
      for (const [path, html] of allPages(m)) {
        // A space after every cell and block, so that numbers of neighbouring cells do not run together.
        const $ = cheerio.load(html.replace(/<\/(td|th|p|div|tr)>/g, ' $&'));
        const text = $('body').text();
        const ids = [...text.matchAll(/(?<![0-9A-Z])\d{17}[0-9X](?![0-9A-Z])/g)].filter((x) => validId(x[0]) && !/示例/.test(text.slice(x.index - 8, x.index)));
        const cards = [...text.matchAll(/卡号：(\d{19})/g)].filter((x) => luhnOk(x[1]!));
        const lists = $('table').toArray().filter((t) => {
          const head = $(t).find('tr').first().text();
          return /姓名/.test(head) && /电话/.test(head) && !/职务/.test(head) && $(t).find('td').toArray().filter((td) => /^1\d{10}$/.test($(td).text().trim())).length === 8;
        });
        if (ids.length || cards.length || lists.length) out.push(new URL(path, m.origin).href);
      }
      return out.sort();
    };
    let leaking = 0;
    // The pages' entries (the attached documents' are checked below).
    const isPage = (url: string) => url.endsWith('.html');
    for (const m of live) {
      const truth = targets(m, 'personal-data-exposed').filter(isPage);
      expect({ site: m.site.id, pages: exposedPages(m) }).toEqual({ site: m.site.id, pages: truth });
      leaking += truth.length;
      for (const c of controlsOf(m, 'personal-data-exposed').filter((e) => isPage(e.target))) expect(allPages(m).get(new URL(c.target).pathname)).toMatch(/\*{4}|示例|缴款账号/);
    }
    expect(leaking).toBeGreaterThan(0);
    expect(web.controls.some((c) => c.indicator === 'personal-data-exposed')).toBe(true);
  });

  test('personal-data-exposed: attached documents, read with their formats undone by hand, show full numbers exactly where the truth says', () => {
    let files = 0;
    for (const m of live) {
      const entries = [...truthOf(m, 'personal-data-exposed').map((e) => ({ e, leaks: true })), ...controlsOf(m, 'personal-data-exposed').map((e) => ({ e, leaks: false }))]
        .filter(({ e }) => !e.target.endsWith('.html'));
      for (const { e, leaks } of entries) {
        files++;
        const res = get(e.target);
        expect(res?.status, e.target).toBe(200);
        const text = documentText(e.target.split('.').pop()!, res!.body);
        const ids = [...text.matchAll(/(?<![0-9A-Z])\d{17}[0-9X](?![0-9A-Z])/g)].filter((x) => validId(x[0]));
        const mobiles = text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [];
        const listed = mobiles.length >= 5 && !text.includes('职务');
        expect({ file: e.target, leaks: ids.length > 0 || listed }).toEqual({ file: e.target, leaks });
        // The page links each document.
        expect(allPages(m).get(new URL(e.page).pathname), e.page).toContain(e.target.slice(e.target.lastIndexOf('/') + 1));
      }
    }
    expect(files).toBeGreaterThan(0);
  });

  test('accessibility-issues: the WCAG failures read off the home page and three column pages by hand are the truth', () => {
    const seen = new Set<string>();
    for (const m of live) {
      const paths = ['/', ...m.columns.slice(0, 3).map((c) => listPath(c, 0))];
      const failed = new Set<string>();
      for (const path of paths) {
        // The language is the served document's (a browser showing a frameset keeps the frameset's <html>),
        // the one a script redirect leads to.
        const url = new URL(path, m.origin).href;
        const raw = get(showPage(url, get)?.url ?? url)!;
        const html = cheerio.load(decodeHtml(raw.body, raw.contentType))('html');
        if (!html.attr('lang')?.trim() && !html.attr('xml:lang')?.trim()) failed.add('html-has-lang');
        const $ = cheerio.load(page(m, path));
        const named = (el: cheerio.Cheerio<never>): boolean => ['aria-label', 'aria-labelledby', 'title'].some((a) => (el.attr(a) ?? '').trim() !== '');
        $('img').each((_, el) => void ($(el).attr('alt') === undefined && $(el).attr('role') !== 'presentation' && failed.add('image-alt')));
        $('a[href]').each((_, el) => {
          const a = $(el);
          const text = a.text().trim() + a.find('img').toArray().map((i) => $(i).attr('alt') ?? '').join('').trim();
          if (!text && !named(a as never)) failed.add('link-name');
        });
        $('input').each((_, el) => {
          const input = $(el);
          if (['hidden', 'submit', 'image', 'button', 'reset'].includes(input.attr('type') ?? 'text')) return;
          const id = input.attr('id');
          const labelled = named(input as never) || (input.attr('placeholder') ?? '').trim() !== '' || input.parents('label').length > 0 || (id !== undefined && $(`label[for="${id}"]`).length > 0);
          if (!labelled) failed.add('label');
        });
        $('select').each((_, el) => void (!named($(el) as never) && $(el).parents('label').length === 0 && failed.add('select-name')));
      }
      // The elder mode's target is checked on its own, below.
      expect({ site: m.site.id, failed: [...failed].sort() }).toEqual({ site: m.site.id, failed: targets(m, 'accessibility-issues').filter((t) => !t.startsWith('elder-mode-')) });
      for (const f of failed) seen.add(f);
    }
    expect([...seen].sort()).toEqual(['html-has-lang', 'image-alt', 'label', 'link-name', 'select-name']);
  });

  /**
   * Whether Chrome shows the 长者模式 entry legibly: a frameset's top frame sent as UTF-8 without a
   * charset in its header, and declared gb2312 or not at all in its page, is read as GBK and garbled.
   */
  const entryLegible = (m: SiteModel): boolean => {
    const served = get(m.home)!;
    if (!/<frameset/i.test(served.body.toString('latin1'))) return true;
    const top = get(new URL('/top.html', m.origin).href)!;
    const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(top.body.toString('latin1'))?.[1]?.toLowerCase();
    return /charset=/i.test(top.contentType) || declared === 'utf-8';
  };

  test('accessibility-issues elder-mode-text: the top bar’s 长者模式 function, run on a stub page, enlarges the text unless the truth says it does not', () => {
    let inert = 0;
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const entry = $('.toplinks [onclick*="elder."]');
      if (entry.length === 0 || !entryLegible(m)) {
        expect(targets(m, 'accessibility-issues')).not.toContain('elder-mode-text');
        continue;
      }
      const script = $('.topbar script').toArray().map((s) => $(s).text()).find((t) => t.includes('elder'));
      const body = { className: '' };
      const context = vm.createContext({ document: { body } });
      vm.runInContext(`${script ?? ''}\n${entry.attr('onclick')}`, context, { timeout: 1_000 });
      // A class it sets must be one the style sheet enlarges every element of.
      const css = decodeHtml(get(new URL('/css/style.css', m.origin).href)!.body, 'text/css; charset=utf-8');
      const sizes = body.className.split(' ').filter(Boolean).map((c) => Number(new RegExp(`\\.${c} \\*[^{]*\\{[^}]*font-size:\\s*(\\d+)px`).exec(css)?.[1] ?? 0));
      const enlarged = Math.max(0, ...sizes) >= 18;
      expect({ site: m.site.id, inert: !enlarged }).toEqual({ site: m.site.id, inert: targets(m, 'accessibility-issues').includes('elder-mode-text') });
      if (!enlarged) inert++;
    }
    expect(inert).toBeGreaterThan(0);
  });

  test('accessibility-issues elder-mode-contrast and elder-mode-ads: the colours the mode’s classes set, and whether they hide the home page’s 飘窗, as the truth says', () => {
    /** WCAG's relative luminance of #rrggbb or #rgb. */
    const luminance = (hex: string) => {
      const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
      const [r, g, b] = [0, 2, 4].map((i) => {
        const c = parseInt(h.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const seen = { pale: 0, stays: 0, hidden: 0 };
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const entry = $('.toplinks [onclick*="elder."]');
      const owed = targets(m, 'accessibility-issues').filter((t) => t === 'elder-mode-contrast' || t === 'elder-mode-ads');
      if (entry.length === 0 || !entryLegible(m)) {
        expect({ site: m.site.id, owed }).toEqual({ site: m.site.id, owed: [] });
        continue;
      }
      const script = $('.topbar script').toArray().map((s) => $(s).text()).find((t) => t.includes('elder'));
      const body = { className: '' };
      vm.runInContext(`${script ?? ''}\n${entry.attr('onclick')}`, vm.createContext({ document: { body } }), { timeout: 1_000 });
      const classes = body.className.split(' ').filter(Boolean);
      const css = decodeHtml(get(new URL('/css/style.css', m.origin).href)!.body, 'text/css; charset=utf-8');
      // The text colour and background the mode's classes force on every element, against white by default.
      const forced = (prop: string) => classes.map((c) => new RegExp(`\\.${c} \\*[^{]*\\{(?:[^}]*;)?${prop}:\\s*(#[0-9a-f]{3,6})`).exec(css)?.[1]).find(Boolean);
      const fg = forced('color');
      const ratio = fg ? (luminance(forced('background') ?? '#fff') + 0.05) / (luminance(fg) + 0.05) : Infinity;
      const pale = ratio < 4.5;
      // The 飘窗 is hidden in the mode when a class of its own is hidden under a class the mode sets.
      const pc = $('#piaochuang');
      const hides = classes.some((c) => (pc.attr('class') ?? '').split(' ').some((k) => new RegExp(`\\.${c} \\.${k}\\s*\\{display:none`).test(css)));
      const stays = pc.length > 0 && /position:absolute/.test(pc.attr('style') ?? '') && pc.find('a[href]').length > 0 && !hides;
      const found = [...(pale ? ['elder-mode-contrast'] : []), ...(stays ? ['elder-mode-ads'] : [])];
      expect({ site: m.site.id, found }).toEqual({ site: m.site.id, found: owed });
      if (pale) seen.pale++;
      if (stays) seen.stays++;
      if (pc.length > 0 && hides) seen.hidden++;
    }
    expect(seen.pale).toBeGreaterThan(0);
    expect(seen.stays).toBeGreaterThan(0);
    expect(seen.hidden).toBeGreaterThan(0);
  });

  test('accessibility-entry-missing: the home page shows 无障碍, 长者 or 关怀 (text or alt) unless the truth says it does not', () => {
    let missing = 0;
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const shown = /无障碍|长者|关怀/.test($('body').text()) || $('img[alt]').toArray().some((i) => /无障碍|长者|关怀/.test($(i).attr('alt') ?? ''));
      expect({ site: m.site.id, missing: !shown }).toEqual({ site: m.site.id, missing: targets(m, 'accessibility-entry-missing').length > 0 });
      if (!shown) missing++;
    }
    expect(missing).toBeGreaterThan(0);
    expect(web.controls.some((c) => c.indicator === 'accessibility-entry-missing')).toBe(true);
  });

  test('annual-report-missing: the home page links the website report of the year due, or the truth says it does not', () => {
    let missing = 0;
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const due = Number(opts.asOf.slice(0, 4)) - (opts.asOf.slice(5) > '01-31' ? 1 : 2);
      const linked = $('a').toArray().some((a) => {
        const t = $(a).text();
        return t.includes('网站') && t.includes('年度工作报表') && t.includes(String(due));
      });
      expect({ site: m.site.id, missing: !linked }).toEqual({ site: m.site.id, missing: targets(m, 'annual-report-missing').includes('website-report') });
      if (!linked) missing++;
      else expect(controlsOf(m, 'annual-report-missing').map((c) => c.target)).toContain('website-report');
    }
    expect(missing).toBeGreaterThan(0);
  });

  test('annual-report-missing: a collecting portal’s 年度报表 column, read to its last page, lists every other website’s report of the year due but the one the truth names', () => {
    const y = Number(opts.asOf.slice(0, 4));
    const due = opts.asOf.slice(5) > '01-31' ? y - 1 : y - 2;
    const collectors = live.filter((m) => web.sites[m.plan.index]!.collectsReports);
    for (const m of live) if (!collectors.includes(m)) expect(targets(m, 'annual-report-missing')).not.toContain('website-report-collection');
    expect(collectors).toHaveLength(1);
    for (const m of collectors) {
      const $ = cheerio.load(page(m, '/'));
      const link = $('a').toArray().find((a) => $(a).text().trim() === '政府网站年度报表专栏');
      let url: URL | undefined = new URL($(link).attr('href')!, m.home);
      const titles: string[] = [];
      for (let n = 0; url && n < 50; n++) {
        const $l = cheerio.load(page(m, url.pathname));
        titles.push(...$l('a').toArray().map((a) => $l(a).text().trim()).filter((t) => t.includes(`${due}年度工作报表`)));
        const next = $l('a').toArray().find((a) => $l(a).text().trim() === '下一页');
        url = next ? new URL($l(next).attr('href')!, url) : undefined;
      }
      const missing = web.sites.filter((s) => s.id !== m.site.id && !titles.some((t) => t.startsWith(s.name))).map((s) => s.id);
      expect(missing).toHaveLength(1);
      expect(truthOf(m, 'annual-report-missing').filter((t) => t.target === 'website-report-collection').map((t) => t.note)).toEqual([`the collecting column omits ${missing[0]}'s report`]);
    }
  });

  test('annual-report-missing: the home page’s 政府信息公开年报 list has the open report due and its newest report’s table adds up, or the truth says which not', () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const seen = { lists: 0, missing: 0, broken: 0 };
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const link = $('a').toArray().find((a) => $(a).text().trim() === '政府信息公开年报');
      const owed = targets(m, 'annual-report-missing').filter((t) => t.startsWith('open-report'));
      const controls = controlsOf(m, 'annual-report-missing').map((c) => c.target).filter((t) => t.startsWith('open-report')).sort();
      if (!link) {
        expect({ site: m.site.id, owed, controls }).toEqual({ site: m.site.id, owed: [], controls: [] });
        continue;
      }
      seen.lists++;
      const listUrl = new URL($(link).attr('href')!, m.home);
      const $l = cheerio.load(page(m, listUrl.pathname));
      const reports = $l('a').toArray().flatMap((a) => {
        const y = /(\d{4})年政府信息公开工作年度报告/.exec($l(a).text());
        return y ? [{ year: Number(y[1]), url: new URL($l(a).attr('href')!, listUrl) }] : [];
      }).sort((a, b) => b.year - a.year);
      // Due by 31 January for a department, 31 March for a local government (条例 第四十九条).
      const y = Number(opts.asOf.slice(0, 4));
      const due = opts.asOf.slice(5) > (m.site.kind === 'department' ? '01-31' : '03-31') ? y - 1 : y - 2;
      const newest = reports[0]!;
      // The newest report's table: 2 + 21 + 2 rows of seven numbers each (six applicants and their total).
      const $r = cheerio.load(page(m, newest.url.pathname));
      const rows = $r('table tr').toArray().map((tr) => $r(tr).children('td').toArray().map((td) => $r(td).text().trim()))
        .filter((r) => r.length >= 7 && r.slice(-7).every((c) => /^\d+$/.test(c))).map((r) => r.slice(-7).map(Number));
      expect(rows).toHaveLength(25);
      const [fresh, carried, ...rest] = rows;
      const out = rest.pop()!;
      const total = rest.pop()!;
      const adds = rows.every((r) => sum(r.slice(0, 6)) === r[6])
        && [0, 1, 2, 3, 4, 5, 6].every((c) => sum(rest.map((r) => r[c]!)) === total[c] && fresh![c]! + carried![c]! === total[c]! + out[c]!);
      const found = [...(newest.year < due ? ['open-report'] : []), ...(adds ? [] : ['open-report-table'])];
      expect({ site: m.site.id, found }).toEqual({ site: m.site.id, found: owed });
      expect(controls).toEqual(['open-report', 'open-report-table'].filter((t) => !owed.includes(t)));
      if (newest.year < due) seen.missing++;
      if (!adds) seen.broken++;
    }
    expect(seen.lists).toBeGreaterThanOrEqual(3);
    expect(seen.missing).toBeGreaterThan(0);
    expect(seen.broken).toBeGreaterThan(0);
  });

  test('hidden-link: off-site links hidden by inline CSS on the home page = truth; same-site hidden ones are controls', () => {
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const offSite: string[] = [];
      const sameSite: string[] = [];
      $('a[href]').each((_, el) => {
        const hidden = [el, ...$(el).parents().toArray()].some((x) => HIDING.test($(x).attr('style') ?? ''));
        const raw = $(el).attr('href') ?? '';
        if (!hidden || /^(javascript|mailto):/.test(raw)) return;
        const u = new URL(raw, m.home);
        (u.host === m.plan.host ? sameSite : offSite).push(u.href);
      });
      expect({ site: m.site.id, hidden: offSite.sort() }).toEqual({ site: m.site.id, hidden: targets(m, 'hidden-link') });
      expect(sameSite.sort()).toEqual(controlsOf(m, 'hidden-link').map((c) => c.target).sort());
      for (const u of [...offSite, ...sameSite]) expect(fetchUrl(u).status, u).toBe(200);
      for (const u of offSite) expect(knownHost(web, new URL(u).host)).toBe(true);
    }
  });

  test('error-report-entry-missing: the site without a 找错 entry has none on any page; the others have it in every footer', () => {
    for (const m of live) {
      const missing = targets(m, 'error-report-entry-missing').length > 0;
      for (const [path, html] of allPages(m)) {
        const footer = cheerio.load(html)('.footer').html() ?? '';
        if (missing) expect(html, path).not.toMatch(/jiucuo|zfwzgl|kaipuyun|找错/);
        else expect(footer, path).toMatch(/(zfwzgl\.www\.gov\.cn|pucha\.kaipuyun\.cn)\/exposure\/jiucuo\.(js|html)/);
      }
    }
  });

  test('search-missing: no form, or a form whose engine answers 500; other engines find a title', () => {
    for (const m of live) {
      const html = page(m, '/');
      const $ = cheerio.load(html);
      const form = $('form').filter((_, f) => $(f).find('input[type="text"], input[type="search"], input:not([type])').length > 0).first();
      const notes = truthOf(m, 'search-missing').map((t) => t.note);
      // A search box with no form (in the page or written by a script): its engine is the URL its onclick function opens or goes to.
      const box = /(?:window\.open\(|location\.href=)\s*["']([^"'?]+)\?(\w+)=["']/.exec(html);
      if (form.length === 0 && !box) {
        expect(notes).toEqual(['no search form']);
        expect($('form').length).toBe(0);
        continue;
      }
      const field = form.length > 0 ? form.find('input[type="text"], input[type="search"]').attr('name') ?? '' : box?.[2] ?? '';
      expect(['q', 'searchword', 'keyword']).toContain(field);
      if (form.length > 0) expect(form.attr('method')).toBe('get');
      else expect($(`input[name="${field}"]`).closest('form').length).toBe(0);
      const action = new URL(form.length > 0 ? form.attr('action') ?? '' : box?.[1] ?? '', m.home);
      const first = m.columns[0];
      const item = first?.items[0];
      if (!first || !item) continue;
      const title = cheerio.load(page(m, articlePath(first, item)))('h1.title').text();
      const query = title.slice(0, 8);
      const res = fetchUrl(`${action.origin}${action.pathname}?${field}=${encodeURIComponent(query)}`);
      if (notes.length > 0) {
        expect(notes[0]).toMatch(/HTTP 500/);
        expect(res.status).toBe(500);
        continue;
      }
      expect(res.status, action.href).toBe(200);
      const hits = cheerio.load(res.html)('.result-list a').map((_, a) => cheerio.load(res.html)(a).attr('href')).get();
      expect(hits, query).toContain(m.origin + articlePath(first, item));
      expect(res.html).toContain('分类：');
      if (m.encoding === 'gbk-header' || m.encoding === 'gb2312-meta') {
        const gbk = [...iconv.encode(query, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
        const viaGbk = fetchUrl(`${action.origin}${action.pathname}?${field}=${gbk}`);
        expect(viaGbk.status).toBe(200);
        expect(viaGbk.html).toContain(m.origin + articlePath(first, item));
      }
    }
  });

  test('meta-tags-missing: page tags absent from the pages (names case-insensitive) = truth', () => {
    const article = /\/\d{6}\/t\d{8}_\d+\.html$/;
    for (const m of live) {
      const missing = new Set<string>();
      for (const [path, html] of allPages(m)) {
        const $ = cheerio.load(html);
        const tags = new Map<string, string>();
        $('meta[name]').each((_, el) => {
          tags.set(($(el).attr('name') ?? '').toLowerCase(), $(el).attr('content') ?? '');
        });
        const needed = ['SiteName', 'SiteDomain', 'SiteIDCode'];
        if (article.test(path)) needed.push('ColumnName', 'ColumnType', 'ArticleTitle', 'PubDate', 'ContentSource');
        else if (path !== '/') needed.push('ColumnName', 'ColumnType');
        for (const n of needed) if (!tags.get(n.toLowerCase())) missing.add(n);
      }
      expect({ site: m.site.id, missing: [...missing].sort() }).toEqual({ site: m.site.id, missing: targets(m, 'meta-tags-missing') });
    }
  });

  test('domain-nonstandard: a host off .gov.cn, or a header that names nothing', () => {
    for (const m of live) {
      const host = m.plan.host;
      const standard = m.plan.dept ? host === `${m.plan.dept.code}.${m.plan.place.pinyin}.gov.cn` : host === `www.${m.plan.place.pinyin}.gov.cn`;
      expect(new URL(m.site.url).host).toBe(host);
      const $ = cheerio.load(page(m, '/'));
      const header = $('.header');
      const named = header.text().includes(m.site.name) || header.find('img').toArray().some((img) => $(img).attr('alt') === m.site.name);
      const expected = [...(standard ? [] : ['domain']), ...(named ? [] : ['header-name'])];
      expect({ site: m.site.id, found: expected }).toEqual({ site: m.site.id, found: targets(m, 'domain-nonstandard') });
      if (!standard) expect(host).not.toMatch(/\.gov\.cn$/);
    }
  });

  test('ipv6-missing: the resolver gives no AAAA for exactly the truth hosts without an IPv6 defect (dns.test.ts checks those over IPv6); https-missing for every reachable site without HTTPS', () => {
    for (const m of models) {
      const aaaa = web.resolveAaaa(m.plan.host);
      expect(aaaa).toEqual(resolveAaaa(web, m.plan.host.toUpperCase()));
      for (const a of aaaa) expect(a).toMatch(/^(240e|2409|2408):[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::[0-9a-f]{1,4}$/);
      if (m.down) continue;
      // A host with AAAA records and ipv6-missing is one that does not answer over IPv6: the served network says so (dns.test.ts).
      if (aaaa.length === 0) expect({ site: m.site.id, missing: targets(m, 'ipv6-missing') }).toEqual({ site: m.site.id, missing: [m.plan.host] });
      expect(targets(m, 'https-missing')).toEqual(m.https === null ? [m.home] : []);
      expect(m.home).toMatch(/^http:\/\//);
    }
    expect(web.resolveAaaa('www.nosuchplace.gov.cn')).toEqual([]);
  });

  test('column names class under content/rules.yaml as the model says; required classes present = truth', () => {
    const web300 = generateWeb({ ...opts, sites: 120 });
    for (const plan of web300.plans) {
      for (const c of columnPool(plan)) {
        expect(classOf(c.name), c.name).toBe(c.cls);
        if (c.req) expect(c.name).toMatch({ overview: /概况/, functions: /职能/, leaders: /领导/ }[c.req]);
      }
    }
    const requiredOf = (name: string): string | null => {
      const cls = classOf(name);
      if (cls === 'news' || cls === 'policy' || cls === 'interpretation') return cls;
      return /概况/.test(name) ? 'overview' : /职能/.test(name) ? 'functions' : /领导信息/.test(name) ? 'leaders' : null;
    };
    for (const m of live) {
      const $ = cheerio.load(page(m, '/'));
      const names = new Set<string>();
      $('.nav a, .lm-hd h3, .lmtitle, .panel-title a').each((_, el) => {
        names.add($(el).text().trim());
      });
      const present = new Set([...names].map(requiredOf).filter((x): x is string => x !== null));
      const absent = REQUIRED_COLUMNS.filter((r) => !present.has(r)).sort();
      expect({ site: m.site.id, absent }).toEqual({ site: m.site.id, absent: targets(m, 'column-missing') });
      // Absent means absent everywhere: not in any page's text.
      const words: Record<string, RegExp> = { leaders: /领导信息|领导/, interpretation: /解读|图解/ };
      for (const t of targets(m, 'column-missing')) {
        const w = words[t];
        if (w) for (const [path, html] of allPages(m)) expect(visible(html), `${t} on ${path}`).not.toMatch(w);
      }
      // Controls: a required column only in the closed drop-down is still present.
      for (const c of controlsOf(m, 'column-missing')) expect(present.has(c.target)).toBe(true);
    }
  });

  test('columns-not-updated: ≥ 5 stale news/notice/policy columns, ≥ 10 stale, or ≥ 5 blank = truth; stale ones are column-stale', () => {
    const asOf = dayNumber(opts.asOf);
    for (const m of live) {
      let firstLevel = 0;
      let stale = 0;
      let blank = 0;
      for (const c of m.columns) {
        if (c.cls === 'topic' || c.cls === 'data') continue;
        const ds = fullDates(visible(page(m, listPath(c, 0)))).map(dayNumber);
        if (ds.length === 0) {
          blank++;
          continue;
        }
        if (asOf - Math.max(...ds) > WINDOW_DAYS[c.cls]) {
          stale++;
          if (c.cls !== 'periodic') firstLevel++;
          expect(targets(m, 'column-stale')).toContain(c.name);
        }
      }
      const notUpdated = firstLevel >= 5 || stale >= 10 || blank >= 5;
      expect({ site: m.site.id, notUpdated }).toEqual({ site: m.site.id, notUpdated: targets(m, 'columns-not-updated').length > 0 });
      if (notUpdated) expect(targets(m, 'columns-not-updated')).toEqual([m.home]);
    }
  });

  test('data-release-updated: a portal 数据发布 column updated within 3 months (2) or 6 months (1)', () => {
    const asOf = dayNumber(opts.asOf);
    for (const m of live) {
      const data = m.columns.find((c) => c.cls === 'data');
      expect(data === undefined || m.plan.dept === null).toBe(true);
      const truth = truthOf(m, 'data-release-updated');
      if (!data) {
        expect(truth).toEqual([]);
        continue;
      }
      const newest = Math.max(...fullDates(visible(page(m, listPath(data, 0)))).map(dayNumber));
      const age = asOf - newest;
      expect({ site: m.site.id, bonus: age <= 92 ? 2 : age <= 183 ? 1 : 0 })
        .toEqual({ site: m.site.id, bonus: truth.length === 0 ? 0 : Number(/bonus (\d)/.exec(truth[0]?.note ?? '')?.[1]) });
      if (truth.length === 0) expect(controlsOf(m, 'data-release-updated').map((c) => c.target)).toEqual([data.name]);
    }
  });
});

test('one role of every dozen carries each new kind (seed 1, 12 sites × 30 pages)', () => {
  const web = generateWeb({ sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' });
  const notes = (indicator: string): string[] => web.truth.filter((t) => t.indicator === indicator).map((t) => t.note);
  expect(notes('search-missing').sort()).toEqual(['no search form', 'the search form submits to a page answering HTTP 500']);
  expect(notes('severe-error').some((n) => n.startsWith('publication date'))).toBe(true);
  expect(notes('severe-error').filter((n) => n.startsWith('one of 4 serious'))).toHaveLength(4);
  expect(web.controls.filter((c) => c.indicator === 'severe-error' && c.note.startsWith('only 3 serious'))).toHaveLength(3);
  expect(notes('columns-not-updated')).toHaveLength(1);
  expect(notes('messages-not-public').some((n) => n.includes('答复时间'))).toBe(true);
  expect(web.controls.some((c) => c.indicator === 'typo' && c.target === '国土资源部')).toBe(true);
  expect(web.controls.some((c) => c.indicator === 'typo' && c.target === '攻府')).toBe(true);
  expect(web.controls.some((c) => c.indicator === 'hidden-link')).toBe(true);
  expect(new Set(notes('hidden-link').map((n) => n.replace('off-site link hidden with ', '')))).toEqual(new Set([
    'display:none on its parent div', 'display:none on the link', 'position:absolute;left:-9999px', 'font-size:0',
  ]));
});
