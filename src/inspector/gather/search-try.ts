// A search box outside any form, tried as a visitor would, in a tab the renderer opened: the word
// typed into its input, its button clicked (or Enter pressed), and the address the page's script
// then sends the visitor to caught before the request leaves — a navigation of the page or a
// window.open. The crawl fetches that address itself (site.ts), so the engine is asked once,
// through the crawl's own HTTP, deadlines and robots.txt.
import type { Page, Route } from 'playwright-core';
import { TEXT_INPUTS, TRIGGERS } from './features.ts';
import type { SearchForm } from '../snapshot.ts';

/** Where the script sent the search, or what happened instead (then nothing is judged). */
export type SearchGoes = { url: string; method: string } | { none: string };

/** How long a script may take to act on the click before the box is taken to do nothing that can be seen. */
const SEARCH_ACT_MS = 3_000;

/** Type `word` into the box, start it, and report where the page goes. */
export async function trySearchBox(page: Page, form: Pick<SearchForm, 'field'> & { script: NonNullable<SearchForm['script']> }, word: string, left: () => number): Promise<SearchGoes> {
  let went: { url: string; method: string } | undefined;
  let armed = false;
  // The page's own navigation, caught and stopped: later routes run first, the others still see every other request.
  await page.route('**/*', async (route: Route) => {
    const req = route.request();
    if (armed && req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      went ??= { url: req.url(), method: req.method() };
      await route.abort('aborted').catch(() => {});
      return;
    }
    await route.fallback().catch(() => {});
  });
  armed = true;
  const step = await page.evaluate(
    ({ input, trigger, name, word, inputs, triggers }) => {
      const w = window as unknown as { open: (u?: string | URL) => null; __searchOpened?: string };
      // A new window or tab is where many search scripts send the visitor: the address is kept instead.
      w.open = (u) => ((w.__searchOpened = String(u ?? '')), null);
      for (const el of document.querySelectorAll('form[target], a[target], base[target]')) el.removeAttribute('target');
      const box = document.querySelectorAll<HTMLInputElement>(inputs)[input];
      if (!box || (name !== '' && box.getAttribute('name') !== name)) return 'the box is not where the reading found it';
      box.focus();
      box.value = word;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.dispatchEvent(new Event('change', { bubbles: true }));
      if (trigger === undefined) return 'enter';
      const button = document.querySelectorAll<HTMLElement>(triggers)[trigger];
      if (!button) return 'the button is not where the reading found it';
      button.click();
      return 'clicked';
    },
    { input: form.script.input, trigger: form.script.trigger, name: form.field, word, inputs: TEXT_INPUTS, triggers: TRIGGERS },
  );
  if (step === 'enter') await page.keyboard.press('Enter');
  else if (step !== 'clicked') return { none: step };
  const until = performance.now() + Math.min(SEARCH_ACT_MS, left());
  while (!went && performance.now() < until) {
    const opened = await page.evaluate(() => (window as unknown as { __searchOpened?: string }).__searchOpened).catch(() => undefined);
    if (opened) {
      const url = URL.parse(opened, page.url());
      return url ? { url: url.href, method: 'GET' } : { none: `the script opened ${opened}` };
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return went ?? { none: `nothing happened within ${SEARCH_ACT_MS / 1000} s of ${step === 'enter' ? 'pressing Enter' : 'clicking its button'}` };
}
