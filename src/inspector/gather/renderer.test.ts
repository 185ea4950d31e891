// The renderer against pages served on 127.0.0.1: what scripts build is read, requests to private
// addresses from inside a page are refused, hostile scripts cost their time limit and no more, and
// no browser process outlives close() or a signal.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { findChromium } from './browser.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { browserProxy, HostAffineLimit, Renderer } from './renderer.ts';
import { processesUnder } from '../../bench/proc-memory.ts';

const FOUND = await findChromium();
const TIMEOUT = 3_000;

/** Pages by path; every request is counted by path. */
const PAGES: Record<string, string> = {
  '/list': '<ul id="l"></ul><script>for (let i = 0; i < 3; i++) { const li = document.createElement("li"); li.textContent = "通知" + i; document.getElementById("l").appendChild(li); }</script>',
  // A timer of 50 ms, inside the renderer's 100 ms of quiet (QUIET_MS): at exactly 100 ms the fetch raced the quiet wait and lost on a loaded machine.
  '/xhr': '<ul id="l"></ul><script>setTimeout(() => fetch("/items").then((r) => r.text()).then((t) => { document.getElementById("l").innerHTML = t; }), 50);</script>',
  '/items': '<li>工作动态</li><li>通知公告</li>',
  '/loop': '<p>before</p><script>while (true) {}</script>',
  '/alerts': '<p id="p">alerts</p><script>for (let i = 0; i < 1000; i++) alert(i); document.getElementById("p").textContent = "after";</script>',
  '/popups': '<p id="p">popups</p><script>for (let i = 0; i < 200; i++) window.open("/list?" + i); document.getElementById("p").textContent = "after";</script>',
  '/allocate': '<script>const a = []; while (true) a.push(new Array(1e6).fill(1));</script>',
  '/reload': '<script>location.replace("/reload?" + Math.random());</script>',
  '/secret': 'private',
  '/with-image': '<img src="/logo.png"><p>图片</p>',
  '/logo.png': 'not really a png',
};
let site: PageServer;
let origin: string;
let hits: Map<string, number>;

beforeAll(async () => {
  site = await startPageServer((path) => PAGES[path]);
  ({ origin, hits } = site);
});
afterAll(() => site.close());

/** A process that runs (a zombie waiting to be reaped has ended: state Z in /proc). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
/** Whether the process has ended within ms. */
const endsWithin = async (pid: number, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((done) => setTimeout(done, 50))) if (!alive(pid)) return true;
  return !alive(pid);
};

test('a freed slot goes to the oldest waiting job of the host just served, else to the oldest; never more than the limit at once', async () => {
  const limit = new HostAffineLimit(2);
  const order: string[] = [];
  let running = 0;
  let most = 0;
  const job = (name: string) => async () => {
    running++;
    most = Math.max(most, running);
    order.push(name);
    await new Promise((done) => setTimeout(done, 5));
    running--;
  };
  const host = (name: string) => (name === 'x' ? undefined : `${name[0]}.gov.cn`);
  await Promise.all(['a1', 'b1', 'c1', 'a2', 'c2', 'x', 'b2', 'a3'].map((n) => limit.run(host(n), job(n))));
  // a1 and b1 start; a1 ends first and a2 follows it, b1 is followed by b2; a3 after a2; then the oldest: c1, then c2, then x.
  expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'c1', 'c2', 'x']);
  expect(most).toBe(2);
  expect(limit.pending).toBe(0);
});

test('the browser proxy follows the options, else the environment', () => {
  expect(browserProxy({ proxy: { http: 'http://p:3128', noProxy: 'a.gov.cn' } }, {})).toEqual({ server: 'http://p:3128', bypass: 'a.gov.cn' });
  expect(browserProxy({}, { HTTPS_PROXY: 'http://q:8080', NO_PROXY: 'b' })).toEqual({ server: 'http://q:8080', bypass: 'b' });
  expect(browserProxy({}, {})).toBeUndefined();
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'rendering', () => {
  let r: Renderer;
  beforeAll(async () => {
    r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 2, timeoutMs: TIMEOUT, settleMs: 500 });
  }, 60_000);
  afterAll(async () => {
    const pid = r.pid;
    await r.close();
    // No browser process is left behind.
    expect(await endsWithin(pid, 2_000)).toBe(true);
  });

  test('reads what scripts build, at once and after an XHR', async () => {
    const list = await r.render(`${origin}/list`);
    expect(list.ok && list.html).toContain('<li>通知2</li>');
    const xhr = await r.render(`${origin}/xhr`);
    expect(xhr.ok && xhr.html).toContain('<li>通知公告</li>');
  });

  test('bytes the crawl already fetched are shown at the page’s URL, not fetched again', async () => {
    const before = hits.get('/list') ?? 0;
    const out = await r.render(`${origin}/list`, { html: '<p id="x"></p><script>document.getElementById("x").textContent = "从抓取的内容渲染";</script>' });
    expect(out.ok && out.html).toContain('从抓取的内容渲染');
    expect(hits.get('/list') ?? 0).toBe(before);
  });

  // Each hostile page costs at most its time limit (plus closing the page), and the next page renders.
  test.each([
    ['an endless loop', '/loop'],
    ['a script that allocates without end', '/allocate'],
    ['a page that navigates away in a loop', '/reload'],
  ])('%s ends within its bound', async (_name, path) => {
    const out = await r.render(`${origin}${path}`);
    expect(out.ms).toBeLessThan(TIMEOUT + 2_500);
    const after = await r.render(`${origin}/list`);
    expect(after.ok).toBe(true);
  }, 20_000);

  test.each([
    ['an alert storm', '/alerts'],
    ['a window.open storm', '/popups'],
  ])('%s is dismissed and the page read', async (_name, path) => {
    const out = await r.render(`${origin}${path}`);
    expect(out.ok && out.html).toContain('after');
    expect(out.ms).toBeLessThan(TIMEOUT + 2_500);
  }, 20_000);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'reading tabs kept for the next page', () => {
  test('a kept tab shows nothing of the page before; one that hung is replaced; images are not loaded', async () => {
    const r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 1, timeoutMs: TIMEOUT, settleMs: 500 });
    try {
      const list = await r.render(`${origin}/list`, { reading: true });
      expect(list.ok && list.html).toContain('<li>通知2</li>');
      const next = await r.render(`${origin}/items`, { reading: true });
      expect(next.ok && next.html).toContain('工作动态');
      expect(next.ok && next.html).not.toContain('通知2');
      // Served bytes are used once: the same URL rendered again without them is fetched.
      const served = await r.render(`${origin}/items`, { reading: true, html: '<p>抓取的内容</p>' });
      expect(served.ok && served.html).toContain('抓取的内容');
      const fetched = await r.render(`${origin}/items`, { reading: true });
      expect(fetched.ok && fetched.html).not.toContain('抓取的内容');
      expect((await r.render(`${origin}/loop`, { reading: true })).ok).toBe(false);
      const after = await r.render(`${origin}/list`, { reading: true });
      expect(after.ok && after.html).toContain('<li>通知2</li>');
      const images = hits.get('/logo.png') ?? 0;
      expect((await r.render(`${origin}/with-image`, { reading: true })).ok).toBe(true);
      expect(hits.get('/logo.png') ?? 0).toBe(images);
    } finally {
      await r.close();
    }
  }, 30_000);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'the crawler’s rules inside the page', () => {
  test('requests to loopback and private addresses are refused, from the page and from its scripts', async () => {
    const r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: false, pages: 1, timeoutMs: TIMEOUT, settleMs: 500 });
    try {
      expect(await r.render(`${origin}/list`)).toMatchObject({ ok: false, reason: 'refused', detail: 'private address' });
      const before = hits.get('/secret') ?? 0;
      const page = `<p id="p">waiting</p><script>fetch("${origin}/secret").then(() => { document.getElementById("p").textContent = "leaked"; }, () => { document.getElementById("p").textContent = "refused"; });</script>`;
      const out = await r.render('http://www.linhe.gov.cn/', { html: page });
      expect(out.ok && out.html).toContain('refused');
      expect(hits.get('/secret') ?? 0).toBe(before);
    } finally {
      await r.close();
    }
  }, 30_000);

  test('a process ended by SIGTERM, SIGINT or SIGKILL takes its browser along, and every process the browser started', async () => {
    const script = fileURLToPath(new URL('./renderer.test-helpers.ts', import.meta.url));
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const pid = await new Promise<number>((done, fail) => {
        child.stdout.on('data', (d: Buffer) => done(Number(String(d).trim())));
        child.on('exit', (code) => fail(new Error(`exited early with ${code}`)));
      });
      expect(alive(pid)).toBe(true);
      const browserTree = processesUnder(pid);
      expect(browserTree.length).toBeGreaterThan(1);
      const exited = new Promise((done) => child.on('exit', done));
      child.kill(signal);
      await exited;
      expect(await endsWithin(pid, 2_000), `${signal}: browser ${pid} still running`).toBe(true);
      for (const p of browserTree) expect(await endsWithin(p, 2_000), `${signal}: browser process ${p} still running`).toBe(true);
    }
  }, 60_000);
});
