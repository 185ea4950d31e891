// Open-data files: sites.csv, findings.csv and data.json of each quarter and of all quarters ('all').
import type { APIRoute, GetStaticPaths, InferGetStaticParamsType, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { OPEN_DATA_FILES, openDataResponse, openDataScopes } from '../../../lib/open-data.ts';

// Rows are grouped and sorted once, here. File by file, 'all' first: Astro renders in this order,
// and each quarter's encoded rows, made for 'all', are reused by the quarter's file and then dropped.
export const getStaticPaths = (async () => {
  const { quarters, isDraft } = await portalData();
  const scopes = openDataScopes(quarters.flatMap((q) => q.rows), isDraft).reverse();
  return OPEN_DATA_FILES.flatMap((file) => scopes.map((scope) => ({ params: { quarter: scope.scope, file }, props: { scope } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>, InferGetStaticParamsType<typeof getStaticPaths>> = ({ params, props }) =>
  openDataResponse(params.file, props.scope);
