// A site's own JSON: every check, the latest ones with their findings (src/lib/own-data.ts siteJson).
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { sitePaths } from '../../../lib/routes.ts';
import { ownDataLinks, siteJson } from '../../../lib/own-data.ts';

export const getStaticPaths = sitePaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ site, props }) => {
  const { history } = props;
  const { isDraft } = await portalData();
  return new Response(siteJson(history.entries.map((e) => e.data), isDraft, ownDataLinks(site)), { headers: { 'Content-Type': 'application/json' } });
};
