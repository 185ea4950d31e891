// A site's own Atom feed: an entry per published check (src/lib/feed.ts siteFeed), for its web editor.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { sitePaths } from '../../../lib/routes.ts';
import { siteFeed } from '../../../lib/feed.ts';
import { ownDataLinks } from '../../../lib/own-data.ts';

export const getStaticPaths = sitePaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ site, props }) => {
  const { history } = props;
  const { noticeDates } = await portalData();
  const links = ownDataLinks(site);
  const xml = siteFeed(history.name, history.entries.map((e) => e.data), noticeDates, { home: links.site(history.site), self: links.siteFeed(history.site), check: links.check });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
