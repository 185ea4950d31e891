// Open-data files of each quarter: sites.csv, findings.csv and data.json, as they are. After astro,
// npm run build replaces the two large ones by their gzip (findings.csv.gz, data.json.gz: the names
// the pages link, QUARTER_DATA_NAMES) and makes the all-quarters files from them
// (src/postbuild/pack-open-data.ts).
import type { APIRoute, GetStaticPaths, InferGetStaticParamsType, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { OPEN_DATA_FILES, openDataResponse, openDataScopes } from '../../../lib/open-data.ts';

// Rows are grouped and sorted once, here.
export const getStaticPaths = (async () => {
  const { quarters, isDraft } = await portalData();
  const scopes = openDataScopes(quarters.flatMap((q) => q.rows), isDraft).filter((s) => s.scope !== 'all');
  return OPEN_DATA_FILES.flatMap((file) => scopes.map((scope) => ({ params: { quarter: scope.scope, file }, props: { scope } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>, InferGetStaticParamsType<typeof getStaticPaths>> = ({ params, props }) =>
  openDataResponse(params.file, props.scope);
