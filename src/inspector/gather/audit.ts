// Automatic accessibility checks: axe-core (Deque, MPL-2.0) run in the crawl's Chromium on a site's
// home page and the list pages of its first columns, with the WCAG 2.0/2.1 A and AA rules it can
// decide, in its Simplified Chinese wording. Results are counted per rule, not per element, as the
// EU's simplified monitoring method reports them. What is kept of an element is its CSS selector.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { Renderer } from './renderer.ts';
import type { AccessibilityAudit, AxeViolation, ElderMode, FloatingWindow } from '../snapshot.ts';

/** The WCAG levels checked: 2.0 and 2.1, A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Rules left out, with the reason. color-contrast: the audit does not load fonts or images (a text
 * on a background image is undecidable without it), and the colours a template sets in a style sheet
 * that answers late would be judged as black on white.
 */
export const AXE_RULES_OFF: Readonly<Record<string, string>> = { 'color-contrast': '不加载图片和字体时无法可靠判断' };

/** Elements kept as examples per rule. */
const EXAMPLES = 3;

const require = createRequire(import.meta.url);
let source: string | undefined;
let version: string | undefined;

/** axe-core's script, set to speak Simplified Chinese, loaded once per process. */
function axeSource(): string {
  if (source === undefined) {
    const locale = readFileSync(require.resolve('axe-core/locales/zh_CN.json'), 'utf8');
    source = `${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;axe.configure({ locale: ${locale} });`;
  }
  return source;
}

/** axe-core's version, for the evidence. */
export function axeVersion(): string {
  return (version ??= (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version);
}

/** One page's violations as axe reports them, reduced to what the findings need. */
interface PageViolation {
  rule: string;
  impact: string;
  help: string;
  tags: string[];
  targets: string[];
}

/** Runs axe in a loaded page and its frames (each frame gets the script; axe gathers their results). */
async function auditPage(page: Page): Promise<PageViolation[]> {
  const src = axeSource();
  await Promise.all(page.frames().map((f) => f.evaluate(src).catch(() => {})));
  return page.evaluate(
    async ({ tags, off }) => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; tags: string[]; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: Object.fromEntries(off.map((r) => [r, { enabled: false }])), resultTypes: ['violations'], iframes: true });
      return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, tags: v.tags, targets: v.nodes.map((n) => n.target.flat().join(' ')) }));
    },
    { tags: [...AXE_TAGS], off: Object.keys(AXE_RULES_OFF) },
  );
}

/** A page to audit: its HTML as the crawl fetched it (within its byte limit), or why it could not be. */
export type AuditSource = { url: string; html: string } | { url: string; failed: string };

/**
 * The audit of a site: each page shown from the bytes the crawl fetched (so a page that never ends or
 * weighs 200 MB costs the browser no more than the crawl), with its style sheets, in a tab of the
 * run's pool, within the time of rendering one page; a page that could not be fetched or loaded is
 * listed with the reason and counts for nothing.
 */
export async function auditSite(renderer: Renderer, sources: readonly AuditSource[]): Promise<AccessibilityAudit> {
  const runs = await Promise.all(
    sources.map(async (s) => ({ url: s.url, out: 'failed' in s ? ({ ok: false, reason: 'error', detail: s.failed } as const) : await renderer.interact(s.url, { html: s.html, styles: true }, (page) => auditPage(page)) })),
  );
  const byRule = new Map<string, AxeViolation>();
  const pages: AccessibilityAudit['pages'] = [];
  for (const { url, out } of runs) {
    if (!out.ok) {
      pages.push({ url, ok: false, detail: `${out.reason}: ${out.detail}` });
      continue;
    }
    pages.push({ url, ok: true });
    for (const v of out.value) {
      const seen = byRule.get(v.rule) ?? { rule: v.rule, impact: v.impact, help: v.help, wcag: wcagOf(v.tags), elements: 0, pages: [], examples: [] };
      seen.elements += v.targets.length;
      seen.pages.push(url);
      for (const t of v.targets) if (seen.examples.length < EXAMPLES) seen.examples.push({ page: url, selector: t.slice(0, 200) });
      byRule.set(v.rule, seen);
    }
  }
  const violations = [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { engine: `axe-core ${axeVersion()}`, pages, violations };
}

/** The success criteria a rule's tags name (wcag111 → 1.1.1). */
function wcagOf(tags: readonly string[]): string[] {
  return tags.flatMap((t) => {
    const m = /^wcag(\d)(\d)(\d+)$/.exec(t);
    return m ? [`${m[1]}.${m[2]}.${m[3]}`] : [];
  });
}

/** Elements a click may add before it counts as opening a toolbar rather than switching a mode. */
const TOOLBAR_ELEMENTS = 5;

/**
 * An entry to an elder-friendly mode, by all its words (or its image's alt): 长者模式, 关怀版, 适老化版,
 * 老年人模式, 大字版… A news link that mentions 关怀 or 老年 is not one. 无障碍 alone opens a toolbar
 * and is not tried.
 */
const ELDER_ENTRY = /^(?:进入|切换(?:至|到)?)?(?:长者|关怀|适老化?|老年人?|大字)(?:模式|版|浏览|阅读|专区)?$/;

/**
 * The elder-friendly mode as a visitor meets it: the home page (the crawl's bytes, with its style
 * sheets) in a tab, the median size of the text of the page or frame that holds its 长者模式 entry
 * read, the entry followed (a link to a page of the site is opened there; a script entry is clicked),
 * and the size read again. Undefined when the page and its frames have no such entry; a failure to
 * show or follow it is reported, never judged, and so is a script entry that adds elements to the
 * page (a toolbar whose own buttons enlarge the text: its first click is not the mode).
 */
export async function tryElderMode(renderer: Renderer, url: string, html: string): Promise<ElderMode | undefined> {
  const out = await renderer.interact(url, { html, styles: true }, async (page, left) => {
    const find = (frame: Frame) => frame.evaluate((source) => {
      const re = new RegExp(source);
      for (const el of document.querySelectorAll<HTMLElement>('a, button, [onclick]')) {
        const words = `${el.textContent ?? ''} ${[...el.querySelectorAll('img')].map((i) => i.alt).join(' ')}`.replace(/\s+/g, ' ').trim();
        if (!re.test(words)) continue;
        el.setAttribute('data-gov-elder', '');
        const href = el instanceof HTMLAnchorElement ? el.href : '';
        return { words: words.slice(0, 40), href: /^https?:/.test(href) && href.split('#')[0] !== location.href.split('#')[0] ? href : '' };
      }
      return null;
    }, ELDER_ENTRY.source);
    let frame: Frame | undefined;
    let entry: Awaited<ReturnType<typeof find>> = null;
    for (const f of page.frames()) if (!entry && (entry = await find(f).catch(() => null))) frame = f;
    if (!entry || !frame) return undefined;
    const before = await frame.evaluate(medianTextSize);
    // What floated before the mode: a window the mode then still shows was not hidden by it (the
    // mode's own toolbar, new with it, is not one).
    const floatedBefore = new Set((await frame.evaluate(floatingWindows)).map((f) => f.selector));
    const count = () => frame.evaluate(() => document.getElementsByTagName('*').length);
    const elements = await count();
    if (entry.href) {
      if (new URL(entry.href).host !== new URL(url).host) return { entry: entry.words, failed: `入口指向其他网站（${entry.href}），未检查` };
      await frame.goto(entry.href, { waitUntil: 'load', timeout: left() });
    } else await frame.click('[data-gov-elder]', { timeout: left() });
    await page.waitForTimeout(Math.min(300, left()));
    if (!entry.href && (await count()) > elements + TOOLBAR_ELEMENTS) return { entry: entry.words, failed: '入口打开了工具栏或新内容，未判断字号' };
    const after = await frame.evaluate(medianTextSize);
    // What the mode shows: floating windows (watched for a moment, as a 飘窗 drifts), and text contrast.
    const first = (await frame.evaluate(floatingWindows)).filter((f) => floatedBefore.has(f.selector));
    if (first.length) await page.waitForTimeout(Math.min(FLOAT_WATCH_MS, left()));
    const later = new Map((await frame.evaluate(floatingWindows)).map((f) => [f.selector, f]));
    const floating: FloatingWindow[] = first.flatMap((f) => {
      const again = later.get(f.selector);
      if (!again) return [];
      // A 飘窗 drifts across and down at once; a carousel slides one way only.
      const moving = again.x !== f.x && again.y !== f.y;
      return moving || f.closable ? [{ selector: f.selector, words: f.words, moving, closable: f.closable }] : [];
    });
    const contrast = await contrastIn(frame).catch(() => undefined);
    return { entry: entry.words, before, after, ...(contrast ? { contrast } : {}), ...(floating.length ? { floating } : {}) };
  });
  if (!out.ok) return { entry: '', failed: `${out.reason}: ${out.detail}` };
  return out.value;
}

/** How long the elder mode's page is watched for a floating window that drifts. */
const FLOAT_WATCH_MS = 600;

/** axe-core's colour-contrast check in one frame (the elder mode's page): the elements whose text fails WCAG AA. */
async function contrastIn(frame: Frame): Promise<{ elements: number; examples: string[] }> {
  await frame.evaluate(axeSource());
  const targets = await frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => n.target.flat().join(' ')));
  });
  return { elements: targets.length, examples: targets.slice(0, EXAMPLES).map((t) => t.slice(0, 200)) };
}

/**
 * Runs in the page: the windows floating over it (飘窗, 弹窗), outermost first. One is an element
 * taken out of the flow (position fixed or absolute) and shown, that holds a link to a page and is
 * small beside the page (a whole page laid out absolutely is not one), and that is not the mode's own
 * entry or toolbar. Its place is returned, for the caller to see whether it drifts; it counts when
 * it drifts or offers to be closed (关闭, ×).
 */
export function floatingWindows(): Array<{ selector: string; words: string; x: number; y: number; closable: boolean }> {
  const out: Array<{ selector: string; words: string; x: number; y: number; closable: boolean }> = [];
  const taken: Element[] = [];
  const selectorOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      if (e.id) {
        parts.unshift(`#${CSS.escape(e.id)}`);
        break;
      }
      const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e!.tagName) : [e];
      parts.unshift(`${e.tagName.toLowerCase()}${same.length > 1 ? `:nth-of-type(${same.indexOf(e) + 1})` : ''}`);
    }
    return parts.join(' > ');
  };
  for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
    if (taken.some((t) => t.contains(el))) continue;
    const style = getComputedStyle(el);
    if (style.position !== 'fixed' && style.position !== 'absolute') continue;
    const rect = el.getBoundingClientRect();
    if (el.getClientRects().length === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0 || rect.right <= 0 || rect.bottom <= 0) continue;
    const links = [...el.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => /^https?:/.test(a.href) && a.href.split('#')[0] !== location.href.split('#')[0]);
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (links.length === 0 || links.length > 5 || text.length > 200 || el.querySelector('[data-gov-elder]')) continue;
    taken.push(el);
    const alt = [...el.querySelectorAll('img')].map((i) => i.alt).join(' ');
    const closable = [...el.querySelectorAll('*')].some((c) => /^(关闭|×|X)$/i.test((c.textContent ?? '').trim()));
    out.push({ selector: selectorOf(el), words: `${text} ${alt}`.trim().slice(0, 40), x: rect.left, y: rect.top, closable });
  }
  return out;
}

/** Runs in the page: the median font size (px) of the visible elements that hold text themselves. */
function medianTextSize(): number {
  const sizes: number[] = [];
  for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '')) continue;
    if (el.closest('script, style, noscript') || el.getClientRects().length === 0) continue;
    sizes.push(parseFloat(getComputedStyle(el).fontSize));
  }
  sizes.sort((a, b) => a - b);
  return sizes.length ? sizes[Math.floor(sizes.length / 2)]! : 0;
}
