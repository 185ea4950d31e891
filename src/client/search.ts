// The search page's only script (a file, never inline: the CSP allows scripts from 'self' only).
// It mounts Pagefind's default UI, loaded just before by pagefind-ui.js, into #search; the bundle
// and result URLs come from the page's data attributes, built with href() so a base path works.
import { searchTerm, withoutSeparators } from '../lib/han-search.ts';

/** A search result as the default UI shows it (the fields the portal touches). */
interface PagefindResult {
  meta: { title?: string };
  sub_results?: { title: string }[];
}

/** The options of Pagefind's default UI that the portal sets (pagefind 1.5). */
interface PagefindUIOptions {
  element: HTMLElement;
  /** Where pagefind.js and the index are, e.g. /gov-portal/pagefind/. */
  bundlePath: string;
  /** Prefix of result URLs: Pagefind records paths relative to the build output. */
  baseUrl: string;
  showImages: boolean;
  showSubResults: boolean;
  autofocus: boolean;
  /** Words around a match in an excerpt; each Chinese character is one. */
  excerptLength: number;
  /** Chinese is indexed one character to a word: the query is asked the same way. */
  processTerm: (term: string) => string;
  processResult: (result: PagefindResult) => PagefindResult;
}

interface PagefindUI {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUI;
  }
}

const root = document.getElementById('search');
const unavailable = document.getElementById('search-unavailable');

if (root && window.PagefindUI) {
  const ui = new window.PagefindUI({
    element: root,
    bundlePath: root.dataset['bundlePath'] ?? '/pagefind/',
    baseUrl: root.dataset['baseUrl'] ?? '/',
    showImages: false,
    showSubResults: true,
    autofocus: true,
    // One Chinese character is one word here: 80 gives a sentence, not a ten-character fragment.
    excerptLength: 80,
    processTerm: searchTerm,
    processResult: (result) => {
      if (result.meta.title) result.meta.title = withoutSeparators(result.meta.title);
      for (const sub of result.sub_results ?? []) sub.title = withoutSeparators(sub.title);
      return result;
    },
  });
  // search/?q=… opens with a search, so other pages can link to one.
  const term = new URLSearchParams(location.search).get('q')?.trim();
  if (term) ui.triggerSearch(term);
} else if (unavailable) {
  // No index: `astro dev` (the index is made by `astro build`) or a bundle that failed to load.
  unavailable.hidden = false;
}

export {};
