// Screenshots against pages served on 127.0.0.1: the element is framed in red where the image says
// (pixels read back by decoding the JPEG in the same browser), a hidden link is shown and framed,
// Chinese is drawn with a real font, a shot fits its byte limit or says it cannot, and a page that
// fails costs its time limit and gives a reason, never an exception.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { findChromium } from './browser.ts';
import { cjkFontFaces, cjkFontFile, FONT_ORIGIN } from './cjk-font.ts';
import { startPageServer, type PageServer } from './page-server.test-helpers.ts';
import { Renderer } from './renderer.ts';
import { clipAround, OUTLINE_PX, type Rect, type ShotResult } from './shoot.ts';

const FOUND = await findChromium();
const TIMEOUT = 5_000;
const MAX = 150 * 1024;

/** A column of news far down the page, its third link the finding's element. */
const LIST = `<ul id="news" style="overflow:hidden;width:420px">${Array.from({ length: 8 }, (_, i) => `<li><a href="/n${i}">关于做好政府网站内容建设工作的通知 ${i}</a></li>`).join('')}</ul>`;
/** Noise no JPEG compresses well: thousands of cells of random colours (seeded, so the page is the same each time). */
const NOISE = `<canvas id="c" width="1366" height="900"></canvas><script>let s = 7; const r = () => (s = (s * 16807) % 2147483647) % 256; const g = document.getElementById("c").getContext("2d"); for (let y = 0; y < 900; y += 3) for (let x = 0; x < 1366; x += 3) { g.fillStyle = "rgb(" + r() + "," + r() + "," + r() + ")"; g.fillRect(x, y, 3, 3); }</script>`;

const PAGES: Record<string, string> = {
  '/column': `<h1>临河区人民政府</h1><div style="height:1500px"></div>${LIST}<div style="height:1500px"></div>`,
  '/hidden': `<div style="display:none"><a id="spam" href="http://spam.example/">澳门新葡京娱乐场</a></div><p>首页</p><div style="height:2000px"></div>`,
  // A page's own fonts, absent on this machine, with Chinese text: what the shot must give a font.
  '/glyph': '<p style="font-family:SimSun,serif;font-size:120px;margin:0">国务院</p>',
  // The same text set in Noto Sans SC by the page itself, its files served here.
  '/glyph-noto': `<style>${cjkFontFaces().replaceAll(FONT_ORIGIN, '/noto')}</style><p style="font-family:'Noto Sans SC Variable';font-size:120px;margin:0">国务院</p>`,
  '/noise': NOISE,
  '/loop': '<p>before</p><script>while (true) {}</script>',
};
let shot: Buffer = Buffer.alloc(0);
let site: PageServer;
let origin: string;
let hits: Map<string, number>;

beforeAll(async () => {
  site = await startPageServer((path) =>
    path.startsWith('/noto/')
      ? { type: 'font/woff2', body: cjkFontFile(path.slice('/noto'.length)) ?? '' }
      : path === '/shot.jpg'
        ? { type: 'image/jpeg', body: shot }
        : path === '/decode'
          ? DECODE
          : PAGES[path],
  );
  ({ origin, hits } = site);
});
afterAll(() => site.close());

/** Decodes /shot.jpg on a canvas and writes the colour of the points asked in the query (x,y;x,y) into <pre>. */
const DECODE = `<pre id="out"></pre><img id="i" src="/shot.jpg"><script>window.onload = () => { const i = document.getElementById("i"); const c = document.createElement("canvas"); c.width = i.naturalWidth; c.height = i.naturalHeight; const g = c.getContext("2d"); g.drawImage(i, 0, 0); const pts = decodeURIComponent(location.search.slice(1)).split(";").map((p) => p.split(",").map(Number)); document.getElementById("out").textContent = JSON.stringify(pts.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)))); };</script>`;

/** The colours of the shot at the points, decoded by the browser. */
async function pixels(r: Renderer, jpeg: Buffer, points: ReadonlyArray<readonly [number, number]>): Promise<number[][]> {
  shot = jpeg;
  const out = await r.render(`${origin}/decode?${encodeURIComponent(points.map((p) => p.map(Math.round).join(',')).join(';'))}`);
  if (!out.ok) throw new Error(out.detail);
  return JSON.parse(/<pre id="out">([^<]*)<\/pre>/.exec(out.html)![1]!) as number[][];
}

const red = ([r, g, b]: number[]) => r! > 180 && g! < 90 && b! < 90;

/** Points in the middle of each side of the frame's red border. */
const onFrame = (b: Rect): Array<[number, number]> => {
  const m = OUTLINE_PX / 2;
  return [
    [b.x + m, b.y + b.height / 2],
    [b.x + b.width - m, b.y + b.height / 2],
    [b.x + b.width / 2, b.y + m],
    [b.x + b.width / 2, b.y + b.height - m],
  ];
};

/** The one shot of a page with at most one element framed. */
const one = async (r: Renderer, url: string, selector: string | undefined, maxBytes: number): Promise<ShotResult> => (await r.shoot(url, { selectors: [selector], maxBytes }))[0]!;

const ok = (s: ShotResult) => {
  if (!s.ok) throw new Error(`${s.reason}: ${s.detail}`);
  return s;
};

test('a clip is centred on the frame and kept inside the view', () => {
  const view = { width: 1366, height: 900 };
  expect(clipAround({ x: 600, y: 400, width: 100, height: 20 }, 800, 540, view)).toEqual({ x: 250, y: 140, width: 800, height: 540 });
  expect(clipAround({ x: 1300, y: 880, width: 60, height: 20 }, 800, 540, view)).toEqual({ x: 566, y: 360, width: 800, height: 540 });
  expect(clipAround(null, 800, 540, view)).toEqual({ x: 0, y: 0, width: 800, height: 540 });
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'screenshots', () => {
  let r: Renderer;
  beforeAll(async () => {
    r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 2, timeoutMs: TIMEOUT, settleMs: 300 });
  }, 60_000);
  afterAll(() => r.close());

  test('the element is scrolled into view and framed in red, where the result says', async () => {
    const s = ok(await one(r, `${origin}/column`, '#news > li:nth-of-type(3) > a', MAX));
    expect(s.outlined).toBe('element');
    expect(s.jpeg.length).toBeLessThanOrEqual(MAX);
    expect(s.jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const b = s.box!;
    // Scrolled from 1,500 px down the page to the view.
    expect(b.y).toBeGreaterThan(0);
    expect(b.y + b.height).toBeLessThan(s.height);
    const colours = await pixels(r, s.jpeg, [...onFrame(b), [b.x + b.width + 60, b.y + b.height / 2], [b.x + b.width / 2, b.y - 40]]);
    expect(colours.slice(0, 4).every(red), JSON.stringify(colours)).toBe(true);
    // Outside the frame the page is as it was: white.
    expect(colours.slice(4).some(red), JSON.stringify(colours)).toBe(false);
  }, 30_000);

  test('a hidden link is shown where it sits and framed', async () => {
    const s = ok(await one(r, `${origin}/hidden`, '#spam', MAX));
    expect(s.outlined).toBe('element');
    expect((await pixels(r, s.jpeg, onFrame(s.box!))).every(red)).toBe(true);
  }, 30_000);

  test('without a selector, or when it matches nothing, the top of the page is shot unframed', async () => {
    for (const selector of [undefined, '#no-such-thing', 'not a [selector']) {
      const s = ok(await one(r, `${origin}/column`, selector, MAX));
      expect(s).toMatchObject({ outlined: 'none', box: null, width: 1366, height: 900 });
    }
  }, 30_000);

  test('several shots of one page load it once, and each shows the page as it is, without the shot before', async () => {
    const before = hits.get('/hidden') ?? 0;
    const [spam, top, again] = (await r.shoot(`${origin}/hidden`, { selectors: ['#spam', undefined, '#spam'], maxBytes: MAX })).map(ok);
    expect(hits.get('/hidden')! - before).toBe(1);
    expect((await pixels(r, spam!.jpeg, onFrame(spam!.box!))).every(red)).toBe(true);
    expect(top).toMatchObject({ outlined: 'none', box: null });
    // Neither the frame nor the link shown for the first shot is left on the page.
    expect((await pixels(r, top!.jpeg, onFrame(spam!.box!))).some(red)).toBe(false);
    expect(top!.jpeg.equals(spam!.jpeg)).toBe(false);
    expect(again!.box).toEqual(spam!.box);
  }, 30_000);

  // The packaged Chromium has no CJK font (empty boxes); a machine with one would show it in its own.
  // Either way the shot must show the text exactly as the page that asks for Noto Sans SC itself.
  test('Chinese is drawn in Noto Sans SC whatever fonts the machine has', async () => {
    const shown = ok(await one(r, `${origin}/glyph`, undefined, MAX));
    const noto = ok(await one(r, `${origin}/glyph-noto`, undefined, MAX));
    expect(shown.jpeg.equals(noto.jpeg)).toBe(true);
  }, 30_000);

  test('a page that compresses badly is made smaller until it fits, or the shot says it cannot', async () => {
    const s = ok(await one(r, `${origin}/noise`, undefined, MAX));
    expect(s.jpeg.length).toBeLessThanOrEqual(MAX);
    expect(s.quality).toBeLessThan(70);
    expect(await one(r, `${origin}/noise`, undefined, 2_000)).toMatchObject({ ok: false, reason: 'too-large' });
  }, 30_000);

  test('a page that fails is a result with its reason, within the time limit', async () => {
    const t0 = Date.now();
    expect(await one(r, `${origin}/loop`, undefined, MAX)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(TIMEOUT + 3_000);
    expect(await one(r, 'http://127.0.0.1:9/', undefined, MAX)).toMatchObject({ ok: false });
    // The renderer goes on.
    expect((await one(r, `${origin}/column`, undefined, MAX)).ok).toBe(true);
  }, 30_000);
});

describeNeeding({ what: 'a Chromium', found: FOUND !== undefined }, 'screenshots under the crawler’s rules', () => {
  test('a private address is refused before any page opens', async () => {
    const r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: false, pages: 1, timeoutMs: TIMEOUT });
    try {
      expect(await one(r, `${origin}/column`, undefined, MAX)).toMatchObject({ ok: false, reason: 'refused', detail: 'private address' });
    } finally {
      await r.close();
    }
  }, 30_000);
});
