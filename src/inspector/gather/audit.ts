// Automatic accessibility checks: axe-core (Deque, MPL-2.0) run in the crawl's Chromium on a site's
// home page and the list pages of its first columns, with the WCAG 2.0/2.1 A and AA rules it can
// decide, in its Simplified Chinese wording. Results are counted per rule, not per element, as the
// EU's simplified monitoring method reports them. What is kept of an element is its CSS selector.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Renderer } from './renderer.ts';
import type { AccessibilityAudit, AxeViolation } from '../snapshot.ts';

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
