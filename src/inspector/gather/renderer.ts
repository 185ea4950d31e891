// Pages as a browser shows them: one Chromium per run (browser.ts), a bounded pool of pages, each
// with a time limit and a memory limit, under the crawler's own rules: its proxy, its User-Agent,
// robots.txt, and no request from inside a page to a loopback or private address. Downloads,
// pop-ups and dialogs are refused. A page that hangs, loops or allocates without end costs its time
// limit and nothing more; close() leaves no browser process behind.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { InputError } from '../../errors.ts';
import { findChromium, launchChromium, NO_CHROMIUM, type FoundChromium, type RunningChromium } from './browser.ts';
import { shootPage, type ShotOptions, type ShotResult } from './shoot.ts';
import { isPrivateUrl } from './net-guard.ts';
import type { CrawlOptions } from './options.ts';
import type { RobotsCache } from './robots.ts';

/** What rendering needs of the crawl's options. */
export type RenderOptions = Pick<CrawlOptions, 'userAgent' | 'allowPrivate' | 'proxy'> & {
  /** Pages rendered at once. */
  pages: number;
  /** Time for one page: loading, its scripts, and reading the result. */
  timeoutMs: number;
  /** After the load event, how long the page's scripts may still fill it in before it is read. */
  settleMs?: number;
  /** Largest JavaScript heap one page may use, in MB. */
  heapMb?: number;
  /**
   * What the pages' clocks say (Date.now, new Date): the inspection's as-of moment, so that a script
   * that prints "today" or filters by date shows what it showed then. Timers still run.
   */
  now?: Date;
};

/** A rendered page, or why it could not be rendered (the crawl keeps its static reading then). */
export type RenderResult = { ok: true; url: string; finalUrl: string; html: string; ms: number } | RenderFailure;

/** Why a page could not be rendered or acted on. */
export type RenderFailure = { ok: false; url: string; reason: 'timeout' | 'crashed' | 'refused' | 'error'; detail: string; ms: number };

/** Why a request from inside a page is not sent, or undefined when it may go (robots.txt is read asynchronously). */
export type RequestGuard = (url: URL) => string | undefined | Promise<string | undefined>;

/** What a read of the page does not need: refused in reading mode, sparing the site the downloads. */
const NOT_FOR_READING = new Set(['image', 'media', 'font', 'stylesheet']);
/** What a look at the page as laid out does not need (an accessibility audit): its style sheets load. */
const NOT_FOR_LAYOUT = new Set(['image', 'media', 'font']);

/** The proxy Chromium is started with: the options', else the environment's HTTPS_PROXY or HTTP_PROXY. */
export function browserProxy(o: Pick<CrawlOptions, 'proxy'>, env: NodeJS.ProcessEnv = process.env): { server: string; bypass?: string } | undefined {
  const server = o.proxy ? (o.proxy.https ?? o.proxy.http) : (env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['HTTP_PROXY'] ?? env['http_proxy']);
  if (!server) return undefined;
  const bypass = o.proxy ? o.proxy.noProxy : (env['NO_PROXY'] ?? env['no_proxy']);
  return bypass ? { server, bypass } : { server };
}

/** One Chromium for a run, rendering pages through a bounded pool. */
export class Renderer {
  readonly chromium: FoundChromium;
  readonly #running: RunningChromium;
  readonly #context: BrowserContext;
  readonly #limit: HostAffineLimit;
  readonly #o: Required<Pick<RenderOptions, 'timeoutMs' | 'settleMs'>>;
  readonly #options: RenderOptions;
  #guard: RequestGuard;
  /** The context screenshots are taken in, opened on the first shot. */
  #shots: Promise<BrowserContext> | undefined;
  #closed = false;
  /** Reading tabs that rendered well, kept for the next page. */
  readonly #idle: Tab[] = [];

  private constructor(chromium: FoundChromium, running: RunningChromium, context: BrowserContext, o: RenderOptions, guard: RequestGuard) {
    this.chromium = chromium;
    this.#running = running;
    this.#context = context;
    this.#limit = new HostAffineLimit(o.pages);
    this.#o = { timeoutMs: o.timeoutMs, settleMs: o.settleMs ?? 1_000 };
    this.#options = o;
    this.#guard = guard;
  }

  /**
   * Find and launch Chromium once. No Chromium is a configuration error (the command says how to
   * get one); `guard` may refuse more requests than the private addresses (robots.txt).
   */
  static async start(o: RenderOptions, guard: RequestGuard = () => undefined): Promise<Renderer> {
    const found = await findChromium();
    if (!found) throw new InputError(NO_CHROMIUM);
    const running = await launchChromium(found, { heapMb: o.heapMb ?? 256, proxy: browserProxy(o) });
    try {
      let renderer: Renderer | undefined;
      const context = await openContext(running.browser, o, (route) => renderer!.#route(route));
      renderer = new Renderer(found, running, context, o, (url) => (!o.allowPrivate && isPrivateUrl(url) ? 'private address' : guard(url)));
      return renderer;
    } catch (e) {
      await running.close();
      throw e;
    }
  }

  /** Requests from inside pages: only http(s) and data:, never to what the guard refuses. */
  async #route(route: Route): Promise<void> {
    const url = URL.parse(route.request().url());
    let refused: string | undefined;
    try {
      refused = !url ? 'not a URL' : url.protocol === 'data:' || url.protocol === 'blob:' ? undefined : url.protocol !== 'http:' && url.protocol !== 'https:' ? url.protocol : await this.#guard(url);
    } catch (e) {
      refused = `guard failed: ${(e as Error).message}`;
    }
    await (refused ? route.abort('blockedbyclient') : route.continue()).catch(() => {});
  }

  /**
   * Render one page. With `html`, the crawl's fetched bytes are shown at the page's URL (its scripts
   * still load), sparing a second download of the page itself. With `reading`, images, media, fonts
   * and style sheets are not loaded: the DOM is the same without them.
   */
  render(url: string, o: { html?: string; reading?: boolean } = {}): Promise<RenderResult> {
    const reading = o.reading === true;
    return this.#limit.run(hostOf(url), async () => {
      const out = await this.#inTab(url, o.html, { light: reading, keep: reading }, async (page, left) => ({ finalUrl: page.url(), html: await withTimeout(page.content(), left(), 'reading the page') }));
      return out.ok ? { ok: true, url, ...out.value, ms: out.ms } : out;
    });
  }

  /**
   * Open a page (the crawl's bytes at its URL, as render does), let its scripts settle, then hand the
   * tab to `act` within what is left of the page's time limit (`left()` in ms). The tab is closed
   * after, never reused: `act` may have typed, clicked or routed in it. With `styles`, its style
   * sheets load (images, media and fonts still do not): `act` sees the page laid out. A failure to
   * load or a deadline passed is returned, never thrown.
   */
  interact<T>(url: string, o: { html?: string; styles?: boolean }, act: (page: Page, left: () => number) => Promise<T>): Promise<{ ok: true; value: T; ms: number } | RenderFailure> {
    return this.#limit.run(undefined, () => this.#inTab(url, o.html, { light: o.styles ? 'styles' : true, keep: false }, (page, left) => withTimeout(act(page, left), left(), 'acting on the page')));
  }

  /**
   * Load a page in a tab and run `read` on it once its scripts have settled, all within the page's
   * time limit. With `html`, the crawl's fetched bytes are shown at the page's URL (its scripts still
   * load). With `light`, images, media, fonts and style sheets are not loaded ('styles': only style
   * sheets are); with `keep`, a tab
   * that read well is kept for the next page (a new tab costs more than the page), else it is closed.
   */
  async #inTab<T>(url: string, html: string | undefined, { light, keep }: { light: boolean | 'styles'; keep: boolean }, read: (page: Page, left: () => number) => Promise<T>): Promise<{ ok: true; value: T; ms: number } | RenderFailure> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const refused = await this.#guard(new URL(url));
    if (this.#closed) return { ok: false, url, reason: 'error', detail: 'the renderer is closed', ms: 0 };
    if (refused) return { ok: false, url, reason: 'refused', detail: refused, ms: 0 };
    let tab: Tab | undefined;
    let reusable = false;
    const deadline = t0 + this.#o.timeoutMs;
    const left = () => Math.max(1, deadline - performance.now());
    const serve = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html ?? '' });
    try {
      tab = (keep ? this.#idleTab(hostOf(url)) : undefined) ?? (await this.#newTab(light));
      if (html !== undefined) await tab.page.route(url, serve, { times: 1 });
      const requests = tab.requests();
      await tab.page.goto(url, { waitUntil: 'load', timeout: left() });
      // Scripts that fill lists after the load event (XHR, timers) get a moment, within the limit.
      await requests.quiet(Math.min(this.#o.settleMs, left()));
      const value = await read(tab.page, left);
      reusable = keep;
      return { ok: true, value, ms: ms() };
    } catch (e) {
      const message = (e as Error).message.split('\n')[0] ?? String(e);
      const reason = tab?.crashed || /crash/i.test(message) ? 'crashed' : /timeout|timed out/i.test(message) ? 'timeout' : 'error';
      return { ok: false, url, reason, detail: message, ms: ms() };
    } finally {
      // A tab that failed may be stuck in a script: the renderer waits a little for it to close, then moves on.
      if (tab && reusable && !this.#closed) {
        if (html !== undefined) await tab.page.unroute(url, serve).catch(() => {});
        tab.host = hostOf(url);
        this.#idle.push(tab);
      } else if (tab) await withTimeout(tab.page.close({ runBeforeUnload: false }), 2_000, 'closing a page').catch(() => {});
    }
  }

  /** A kept tab, the one that last showed this host when there is one: its renderer process serves the host's next page, where a tab from another site would need a new process. */
  #idleTab(host: string | undefined): Tab | undefined {
    const i = this.#idle.findLastIndex((t) => t.host === host);
    return i < 0 ? this.#idle.pop() : this.#idle.splice(i, 1)[0];
  }

  /** A new tab: dialogs dismissed, crashes noted, requests counted; in reading mode, no images, media, fonts or styles ('styles': no images, media or fonts). */
  async #newTab(reading: boolean | 'styles'): Promise<Tab> {
    const page = await this.#context.newPage();
    const tab: Tab = { page, crashed: false, requests: trackRequests(page) };
    page.on('dialog', (d) => void d.dismiss().catch(() => {}));
    page.on('crash', () => (tab.crashed = true));
    const refused = reading === 'styles' ? NOT_FOR_LAYOUT : reading ? NOT_FOR_READING : undefined;
    if (refused) await page.route('**/*', (route) => (refused.has(route.request().resourceType()) ? route.abort('blockedbyclient') : route.fallback()).catch(() => {}));
    return tab;
  }

  /**
   * Screenshots of a page as a visitor sees it (images and styles loaded, Chinese in Noto Sans SC
   * where the machine has no CJK font), one for each selector, with its element outlined in red and
   * scrolled to the middle of the view: JPEGs of the view, made smaller step by step until each
   * fits maxBytes (shoot.ts). The page is loaded once, within the time limit of rendering, in a
   * tab of the same pool and a context of its own that ignores the pages' Content-Security-Policy
   * (it would refuse the font and the outline).
   */
  shoot(url: string, o: ShotOptions): Promise<ShotResult[]> {
    return this.#limit.run(undefined, () => this.#shoot(url, o));
  }

  async #shoot(url: string, o: ShotOptions): Promise<ShotResult[]> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const all = (r: Omit<Extract<ShotResult, { ok: false }>, 'ms'>) => o.selectors.map(() => ({ ...r, ms: ms() }));
    const refused = await this.#guard(new URL(url));
    if (this.#closed) return all({ ok: false, url, reason: 'error', detail: 'the renderer is closed' });
    if (refused) return all({ ok: false, url, reason: 'refused', detail: refused });
    let page: Page | undefined;
    let crashed = false;
    const deadline = t0 + this.#o.timeoutMs;
    const left = () => Math.max(1, deadline - performance.now());
    try {
      this.#shots ??= openContext(this.#running.browser, { ...this.#options, bypassCSP: true }, (route) => this.#route(route));
      page = await (await this.#shots).newPage();
      page.on('dialog', (d) => void d.dismiss().catch(() => {}));
      page.on('crash', () => (crashed = true));
      await page.goto(url, { waitUntil: 'load', timeout: left() });
      await page.waitForLoadState('networkidle', { timeout: Math.min(this.#o.settleMs, left()) }).catch(() => {});
      return (await shootPage(page, o)).map((s) => ({ ...s, ...(!s.ok && crashed ? { reason: 'crashed' as const } : {}), url, ms: ms() }));
    } catch (e) {
      const message = (e as Error).message.split('\n')[0] ?? String(e);
      const reason = crashed || /crash/i.test(message) ? 'crashed' : /timeout|timed out/i.test(message) ? 'timeout' : 'error';
      return all({ ok: false, url, reason, detail: message });
    } finally {
      if (page) await withTimeout(page.close({ runBeforeUnload: false }), 2_000, 'closing a page').catch(() => {});
    }
  }

  /** The browser's process id (tests check it is gone after close). */
  get pid(): number {
    return this.#running.pid;
  }

  /** Close the browser (killing it if it does not close); every render after this fails. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running.close();
  }
}

/**
 * A context for the run's pages: the crawl's User-Agent, Chinese locale and time zone, the as-of
 * clock, no downloads, service workers or pop-ups, every request through `route`.
 */
async function openContext(browser: Browser, o: RenderOptions & { bypassCSP?: boolean }, route: (r: Route) => Promise<void>): Promise<BrowserContext> {
  const context = await browser.newContext({
    userAgent: o.userAgent,
    acceptDownloads: false,
    serviceWorkers: 'block',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    ...(o.bypassCSP ? { bypassCSP: true } : {}),
  });
  await context.route('**/*', route);
  if (o.now) await context.clock.setFixedTime(o.now);
  // Pop-ups are refused where they start; any that still opens is closed at once.
  await context.addInitScript(() => {
    window.open = () => null;
  });
  context.on('page', (p) => void (p.opener().then((opener) => (opener ? p.close() : undefined)).catch(() => {})));
  return context;
}

/**
 * The crawl's Chromium, when its options render pages (auto or always) or take screenshots. Requests from inside pages
 * follow the inspected sites' robots.txt as the crawl read it (other origins' files are not fetched
 * for it); the pages' clocks show the end of the as-of day in Beijing, what a visitor saw then.
 */
export async function startCrawlRenderer(opts: CrawlOptions, robots: Pick<RobotsCache, 'peek'>, asOf: string, screenshots = false): Promise<Renderer | undefined> {
  if (opts.render === 'never' && !screenshots) return undefined;
  try {
    return await Renderer.start(
      {
        userAgent: opts.userAgent,
        allowPrivate: opts.allowPrivate,
        ...(opts.proxy ? { proxy: opts.proxy } : {}),
        pages: opts.renderPages,
        timeoutMs: opts.renderTimeoutMs,
        now: new Date(`${asOf}T23:59:00+08:00`),
      },
      (url) => (robots.peek(url.href)?.allowed(url.href) === false ? 'robots.txt 不允许访问' : undefined),
    );
  } catch (e) {
    const without = screenshots ? 'without --screenshots' : 'with --render never (pages that scripts fill are then read from their HTML alone)';
    throw e instanceof InputError ? new InputError(`${e.message}; or crawl ${without}`) : e;
  }
}

/** No request in flight for this long after the load event: the page's scripts are done fetching. */
const QUIET_MS = 100;

/** A tab of the reading pool. */
interface Tab {
  page: Page;
  /** The host of the last page it read. */
  host?: string | undefined;
  crashed: boolean;
  /** From now on, a wait for the page's requests to fall quiet. */
  requests: () => { quiet: (ms: number) => Promise<void> };
}

/**
 * Count a page's requests in flight. `quiet(ms)` ends when none has been in flight for QUIET_MS
 * (a timer that fetches a moment after load still counts), or after at most `ms`. Playwright's
 * networkidle waits 500 ms of silence on every page, which most pages do not need.
 */
function trackRequests(page: Page): Tab['requests'] {
  let inFlight = 0;
  let last = performance.now();
  page.on('request', () => ((inFlight += 1), (last = performance.now())));
  const end = () => ((inFlight = Math.max(0, inFlight - 1)), (last = performance.now()));
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return () => {
    inFlight = 0;
    last = performance.now();
    return {
      quiet: async (ms) => {
        const until = performance.now() + ms;
        while (performance.now() < until && (inFlight > 0 || performance.now() - last < QUIET_MS)) await new Promise((done) => setTimeout(done, 20));
      },
    };
  };
}

/** The host of a URL, or undefined for one that has none (data:). */
function hostOf(url: string): string | undefined {
  return URL.parse(url)?.host || undefined;
}

/**
 * At most `limit` jobs at once, as p-limit, but when a slot frees it goes to the oldest waiting job
 * of the host the finished job was for, else to the oldest. Chromium gives every site a renderer
 * process of its own and a tab that goes to another site changes process, which costs more than
 * the page: a site's pages, queued together by the crawl, then follow each other in one tab.
 * A host's queue is at most its site's render budget, so no other host waits long.
 */
export class HostAffineLimit {
  readonly #limit: number;
  #running = 0;
  readonly #waiting: Array<{ host: string | undefined; start: () => void }> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  run<T>(host: string | undefined, job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running++;
        job()
          .then(resolve, reject)
          .finally(() => {
            this.#running--;
            this.#next(host);
          });
      };
      if (this.#running < this.#limit) start();
      else this.#waiting.push({ host, start });
    });
  }

  /** Jobs waiting for a slot. */
  get pending(): number {
    return this.#waiting.length;
  }

  #next(host: string | undefined): void {
    if (this.#running >= this.#limit || this.#waiting.length === 0) return;
    const i = host === undefined ? -1 : this.#waiting.findIndex((w) => w.host === host);
    const [w] = this.#waiting.splice(i < 0 ? 0 : i, 1);
    w!.start();
  }
}

/** A promise that fails when it has not settled within ms. */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${what} took more than ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
