// The Atom feed of the published quarterly notices (drafts are not entries), with absolute links under the configured site and base.
import type { APIRoute } from 'astro';
import { portalData } from '../lib/collection.ts';
import { atomFeed, type FeedNotice } from '../lib/feed.ts';
import { href, paths } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs `site` in astro.config.mjs (SITE_URL): an Atom feed links with absolute URLs');
  const url = (path: string) => new URL(href(path), site).href;
  const { quarters, noticeDates } = await portalData();
  const notices = quarters.flatMap((q): FeedNotice[] => {
    const dates = noticeDates(q.quarter);
    return dates ? [{ summary: q.summary, ...dates }] : [];
  });
  const xml = atomFeed(notices, { home: url(paths.home()), self: url(paths.feed()), quarter: (q) => url(paths.quarter(q)) });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
