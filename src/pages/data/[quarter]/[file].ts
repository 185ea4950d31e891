// Open-data files of each quarter: sites.csv, findings.csv.gz and data.json.gz (QUARTER_DATA_NAMES).
// The all-quarters files are made from these after the build (src/postbuild/open-data-all.ts).
import type { APIRoute, GetStaticPaths, InferGetStaticParamsType, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { OPEN_DATA_FILES, openDataResponse, openDataScopes } from '../../../lib/open-data.ts';
import { QUARTER_DATA_NAMES } from '../../../lib/urls.ts';

// Rows are grouped and sorted once, here.
export const getStaticPaths = (async () => {
  const { quarters, isDraft } = await portalData();
  const scopes = openDataScopes(quarters.flatMap((q) => q.rows), isDraft).filter((s) => s.scope !== 'all');
  return OPEN_DATA_FILES.flatMap((file) => scopes.map((scope) => ({ params: { quarter: scope.scope, file: QUARTER_DATA_NAMES[file] }, props: { scope, file } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>, InferGetStaticParamsType<typeof getStaticPaths>> = ({ props }) =>
  openDataResponse(props.file, props.scope);
