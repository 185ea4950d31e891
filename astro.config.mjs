// @ts-check
// The static portal. SITE_URL and BASE_PATH let the same build serve a GitHub Pages project
// path (https://<owner>.github.io/<repo>/): BASE_PATH=/<repo>. Every internal link goes
// through src/lib/urls.ts, which reads the base.
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { escapeRawHtml, guardLinks } from './src/lib/markdown.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // One stylesheet file instead of inline <style>, so the pages' CSP needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Findings bodies quote crawled text: raw HTML shows as text, links get rel=nofollow and only http(s).
    processor: satteri({ mdastPlugins: [escapeRawHtml], hastPlugins: [guardLinks] }),
  },
});
