// The Atom feed of the quarterly notices, with absolute links under the configured site and base.
import type { APIRoute } from 'astro';
import { portalData } from '../lib/collection.ts';
import { atomFeed } from '../lib/feed.ts';
import { quarterStatus } from '../lib/quarter-status.ts';
import { href, paths } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs `site` in astro.config.mjs (SITE_URL): an Atom feed links with absolute URLs');
  const url = (path: string) => new URL(href(path), site).href;
  const { summaries, quarters } = await portalData();
  const drafts = new Set(quarters.filter((q) => quarterStatus(q.file?.data).state === 'draft').map((q) => q.quarter));
  const xml = atomFeed(summaries, { home: url(paths.home()), self: url(paths.feed()), quarter: (q) => url(paths.quarter(q)) }, drafts);
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
