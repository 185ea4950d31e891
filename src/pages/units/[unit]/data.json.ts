// A unit's own JSON: its own sites with their latest results, the units around it by link (src/lib/own-data.ts unitJson).
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { unitsWithPages } from '../../../lib/assessment.ts';
import { portalData } from '../../../lib/collection.ts';
import { unitPaths } from '../../../lib/routes.ts';
import { ownDataLinks, unitJson } from '../../../lib/own-data.ts';
import { unitName } from '../../../lib/units.ts';

export const getStaticPaths = unitPaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ site, props }) => {
  const { unit } = props;
  const data = await portalData();
  const { units, unitRows, isDraft } = data;
  const pages = unitsWithPages(data);
  const parent = units.byId.get(unit)?.parent;
  const ref = (u: string) => ({ unit: u, name: unitName(units, u) });
  const own = {
    ...ref(unit),
    ...(parent && pages.has(parent) ? { parent: ref(parent) } : {}),
    children: (units.children.get(unit) ?? []).filter((c) => pages.has(c)).map(ref),
  };
  return new Response(unitJson(own, unitRows.get(unit) ?? [], isDraft, ownDataLinks(site)), { headers: { 'Content-Type': 'application/json' } });
};
