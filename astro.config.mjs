// @ts-check
// The static portal. SITE_URL and BASE_PATH let the same build serve a GitHub Pages project
// path (https://<owner>.github.io/<repo>/): BASE_PATH=/<repo>. Every internal link goes
// through src/lib/urls.ts, which reads the base. An empty value (what actions/configure-pages
// gives for a custom domain's base path) means the default.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { publishedCheck } from './src/postbuild/published.ts';
import { escapeRawHtml, guardLinks } from './src/lib/markdown.ts';
import { sitemapFilter } from './src/lib/sitemap.ts';

const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || 'https://example.github.io';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // One stylesheet file instead of inline <style>, so the pages' CSP needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
    // Pages rendered while others are written: one at a time, the render waited 31 s of its
    // 150 s on writing 96,000 files at 15,000 sites × 8 quarters (README, "Building the portal at scale").
    concurrency: 4,
  },
  vite: {
    build: {
      // Astro inlines a small page script as <script type="module">…</script>, which the CSP
      // (script-src 'self') would block: scripts always stay files. Other assets keep Vite's default.
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
    },
  },
  markdown: {
    // Findings bodies quote crawled text: raw HTML shows as text, links get rel=nofollow and only http(s).
    processor: satteri({ mdastPlugins: [escapeRawHtml], hastPlugins: [guardLinks] }),
  },
  integrations: [
    // A published quarter whose files differ from its manifest fails the build (content/manifests/).
    publishedCheck(),
    // The search page has no content of its own, and a draft notice is not the office's word yet
    // (its page says noindex): keep both out of the sitemap.
    sitemap({ filter: sitemapFilter(base) }),
  ],
});

