// Screenshots as evidence, inside a page the renderer opened (renderer.ts: shoot): Chinese given a
// font, the finding's element framed in red and scrolled into view, the view captured as a JPEG
// made smaller step by step until it fits. The page-side steps run in the inspected page.
import type { Page } from 'playwright-core';
import { CJK_FAMILY, cjkFontFaces, cjkFontFile, FONT_ORIGIN } from './cjk-font.ts';

/** What the screenshots of one page show and how large each may be. */
export interface ShotOptions {
  /**
   * One shot for each: the CSS selector of the element to outline and scroll to; undefined (or a
   * selector that matches nothing) shoots the page's top. The page is loaded once for all.
   */
  selectors: ReadonlyArray<string | undefined>;
  /** Largest JPEG in bytes: quality, then the area around the element, are reduced until it fits. */
  maxBytes: number;
}

/**
 * Time for each step after the page has loaded (its font, then each shot). Framing and encoding a
 * view takes a second or two, but several seconds on a busy 2-core machine (the crawl's own tabs
 * render beside it): 15 s, the page limit of the national rule, fails only a page that hangs.
 */
export const SHOT_STEP_MS = 15_000;

/**
 * What was outlined: the element (a hidden one shown where it sits); the nearest enclosing block
 * with a box on screen when the element still has none; or nothing (no selector, or it matched nothing).
 */
export type Outlined = 'element' | 'area' | 'none';

/**
 * A screenshot as JPEG bytes (box: the red frame, in the image's pixels), or why there is none (a
 * failure is the outside world's, never thrown).
 */
export type ShotResult =
  | { ok: true; url: string; jpeg: Buffer; quality: number; width: number; height: number; outlined: Outlined; box: Rect | null; ms: number }
  | { ok: false; url: string; reason: 'timeout' | 'crashed' | 'refused' | 'too-large' | 'error'; detail: string; ms: number };

/** The outline's colour: pure red, thick enough to survive JPEG compression and a small preview. */
export const OUTLINE_COLOUR = '#ff0000';
/** The outline's width in CSS pixels. */
export const OUTLINE_PX = 6;
/** Attribute of the outline box the renderer adds to a shot page. */
const OUTLINE_ATTR = 'data-gov-portal-outline';

/** Tries from best to smallest: JPEG quality within each area, then a smaller area around the element. */
const SHOT_STEPS: ReadonlyArray<{ quality: number; width?: number; height?: number }> = [
  { quality: 70 },
  { quality: 55 },
  { quality: 40 },
  { quality: 40, width: 1024, height: 680 },
  { quality: 30, width: 1024, height: 680 },
  { quality: 30, width: 800, height: 540 },
  { quality: 20, width: 640, height: 440 },
];

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A shot of an opened page, or why not (what shootPage gives the renderer, which adds the URL and time). */
export type PageShot = Omit<Extract<ShotResult, { ok: true }>, 'url' | 'ms'> | { ok: false; reason: 'timeout' | 'too-large' | 'error'; detail: string };

/**
 * Shoot a loaded page once for each selector: the CJK font served from node_modules and appended to
 * every element's fonts, then for each shot the element framed (after the font has loaded: it
 * changes the text's width) and JPEGs from the best step down until one fits o.maxBytes. Each step
 * has SHOT_STEP_MS; a page that does not answer in time fails its remaining shots too.
 */
export async function shootPage(page: Page, o: ShotOptions): Promise<PageShot[]> {
  const within = (ms: number) => {
    const end = performance.now() + ms;
    return () => Math.max(1, end - performance.now());
  };
  const failed = (e: unknown): PageShot => {
    const detail = (e as Error).message.split('\n')[0] ?? String(e);
    return { ok: false, reason: /timeout|timed out/i.test(detail) ? 'timeout' : 'error', detail };
  };
  try {
    const left = within(SHOT_STEP_MS);
    await page.route(`${FONT_ORIGIN}/**`, (route) => {
      const body = cjkFontFile(new URL(route.request().url()).pathname);
      return (body ? route.fulfill({ status: 200, contentType: 'font/woff2', headers: { 'access-control-allow-origin': '*' }, body }) : route.abort('blockedbyclient')).catch(() => {});
    });
    await bounded(page.addStyleTag({ content: cjkFontFaces() }), left(), 'adding the font');
    await bounded(page.evaluate(appendFamily, CJK_FAMILY), left(), 'setting the font');
    // A page is shot without the font rather than not at all.
    await bounded(page.evaluate(() => document.fonts.ready.then(() => undefined)), left(), 'loading the font').catch(() => {});
  } catch (e) {
    return o.selectors.map(() => failed(e));
  }
  const out: PageShot[] = [];
  for (const selector of o.selectors) {
    try {
      out.push(await shootOne(page, selector, o.maxBytes, within(SHOT_STEP_MS)));
    } catch (e) {
      const f = failed(e);
      // A page stuck in a script answers no later shot either.
      while (out.length < o.selectors.length) out.push(f);
    }
  }
  return out;
}

/** One shot of the page: the element framed, then the view captured from the best step down. */
async function shootOne(page: Page, selector: string | undefined, maxBytes: number, left: () => number): Promise<PageShot> {
  const box = await bounded(page.evaluate(frameElement, { selector: selector ?? null, attr: OUTLINE_ATTR, colour: OUTLINE_COLOUR, px: OUTLINE_PX }), left(), 'outlining the element');
  // Images scrolled into view start loading and decoding now: a moment for them, not more.
  await bounded(page.evaluate(imagesInView, 2_000), left(), 'loading the images in view').catch(() => {});
  const view = page.viewportSize() ?? { width: 1366, height: 900 };
  for (const step of SHOT_STEPS) {
    const width = Math.min(step.width ?? view.width, view.width);
    const height = Math.min(step.height ?? view.height, view.height);
    const clip = width === view.width && height === view.height ? undefined : clipAround(box.rect, width, height, view);
    const jpeg = await page.screenshot({ type: 'jpeg', quality: step.quality, animations: 'disabled', timeout: left(), ...(clip ? { clip } : {}) });
    if (jpeg.length > maxBytes) continue;
    const at = box.rect && clip ? { ...box.rect, x: box.rect.x - clip.x, y: box.rect.y - clip.y } : box.rect;
    return { ok: true, jpeg, quality: step.quality, width, height, outlined: box.outlined, box: at };
  }
  return { ok: false, reason: 'too-large', detail: `larger than ${maxBytes} bytes at the smallest size and quality` };
}

/**
 * Runs in the shot page: the family becomes the last named font of every element that shows text
 * (its own text, or a form control's), used only for characters the page's own fonts lack on this
 * machine. It goes before the first generic family (宋体, serif → 宋体, Noto, serif): on a machine with
 * any system font, a generic family takes every character, tofu included, and a font after it is
 * never asked for. All computed styles are read first, then all written: one style recalculation.
 */
function appendFamily(family: string): void {
  const quoted = `"${family}"`;
  const generic = /^(serif|sans-serif|monospace|cursive|fantasy|math|emoji|fangsong|system-ui|ui-serif|ui-sans-serif|ui-monospace|ui-rounded)$/i;
  const withFamily = (list: string): string => {
    // Commas outside quotes separate the families.
    const parts = list.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((p) => p.trim()).filter(Boolean);
    const at = parts.findIndex((p) => generic.test(p));
    return (at < 0 ? [...parts, quoted] : [...parts.slice(0, at), quoted, ...parts.slice(at)]).join(', ');
  };
  const shown = new Set<HTMLElement>(document.body.querySelectorAll<HTMLElement>('input, textarea, select, button'));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.trim() && n.parentElement) shown.add(n.parentElement);
  const els = [...shown];
  const families = els.map((el) => getComputedStyle(el).fontFamily);
  els.forEach((el, i) => {
    if (!families[i]!.includes(quoted)) el.style?.setProperty('font-family', withFamily(families[i]!), 'important');
  });
}

/**
 * Runs in the shot page: the element (shown first when hidden by its style or its ancestors'; when
 * it still has no box on screen, its nearest ancestor that has one) is scrolled to the middle and framed by a fixed red box on top of everything, which no
 * overflow:hidden of the page can clip. Returns what was framed and where, in the view's coordinates.
 */
function frameElement(a: { selector: string | null; attr: string; colour: string; px: number }): { outlined: Outlined; rect: Rect | null } {
  // The page as it was before the previous shot's frame and shown element.
  type Undo = Array<[HTMLElement, string, string, string]>;
  const w = window as unknown as { __govPortalUndo?: Undo };
  for (const [e, k, v, p] of (w.__govPortalUndo ?? []).reverse()) e.style.setProperty(k, v, p);
  w.__govPortalUndo = [];
  for (const old of document.querySelectorAll(`[${a.attr}]`)) old.remove();
  scrollTo(0, 0);
  let target: Element | null = null;
  try {
    target = a.selector ? document.querySelector(a.selector) : null;
  } catch {
    target = null;
  }
  if (!target) return { outlined: 'none', rect: null };
  const onScreen = (el: Element) => {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight ? r : null;
  };
  // A hidden element (a 暗链: display:none, zero size, moved off the page) is shown where it sits.
  const reveal = () => {
    for (let e: HTMLElement | null = target as HTMLElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const set = (k: string, v: string) => {
        w.__govPortalUndo!.push([e!, k, e!.style.getPropertyValue(k), e!.style.getPropertyPriority(k)]);
        e!.style.setProperty(k, v, 'important');
      };
      if (cs.display === 'none') set('display', e === target ? 'inline-block' : 'block');
      if (cs.visibility !== 'visible') set('visibility', 'visible');
      if (cs.opacity === '0') set('opacity', '1');
      if (parseFloat(cs.fontSize) < 6) (set('font-size', '14px'), set('line-height', 'normal'));
      if ((cs.position === 'absolute' || cs.position === 'fixed') && e.getBoundingClientRect().right + scrollX <= 0) set('position', 'static');
      if (cs.overflow === 'hidden' && (parseFloat(cs.height) < 2 || parseFloat(cs.width) < 2)) (set('height', 'auto'), set('width', 'auto'));
    }
  };
  let el: Element | null = target;
  let rect: DOMRect | null = onScreen(target);
  if (!rect) {
    reveal();
    rect = onScreen(target);
  }
  while (!rect && el && el !== document.documentElement) {
    el = el.parentElement;
    if (el) rect = onScreen(el);
  }
  if (!el || !rect || el === document.body) {
    scrollTo(0, 0);
    return { outlined: 'none', rect: null };
  }
  const pad = a.px + 2;
  const frame = document.createElement('div');
  frame.setAttribute(a.attr, '');
  frame.style.cssText = [
    'position:fixed',
    `left:${rect.left - pad}px`,
    `top:${rect.top - pad}px`,
    `width:${rect.width + 2 * pad}px`,
    `height:${rect.height + 2 * pad}px`,
    `border:${a.px}px solid ${a.colour}`,
    'box-sizing:border-box',
    'z-index:2147483647',
    'pointer-events:none',
    'margin:0',
    'padding:0',
    'background:transparent',
  ]
    .map((d) => `${d} !important`)
    .join(';');
  document.documentElement.appendChild(frame);
  return { outlined: el === target ? 'element' : 'area', rect: { x: rect.left - pad, y: rect.top - pad, width: rect.width + 2 * pad, height: rect.height + 2 * pad } };
}

/**
 * Runs in the shot page: resolves when the images in the view are loaded and decoded (or failed),
 * or after ms. A lazy image starts loading when scrolled to, and one with decoding="async" may be
 * painted blank until decoded.
 */
function imagesInView(ms: number): Promise<void> {
  const inView = [...document.images].filter((i) => {
    const r = i.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  });
  return Promise.race([Promise.all(inView.map((i) => i.decode().catch(() => {}))).then(() => undefined), new Promise<void>((done) => setTimeout(done, ms))]);
}

/** A width × height clip of the view centred on the framed box (the view's top when none), kept inside the view. */
export function clipAround(box: Rect | null, width: number, height: number, view: { width: number; height: number }): Rect {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(Math.round(v), max));
  if (!box) return { x: 0, y: 0, width, height };
  return { x: clamp(box.x + box.width / 2 - width / 2, view.width - width), y: clamp(box.y + box.height / 2 - height / 2, view.height - height), width, height };
}

/** A promise that fails when it has not settled within ms. */
function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${what} took more than ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
