// The static paths shared by a site's or a unit's page and its feed and JSON: one list, so the three
// never disagree on which sites and units have them.
import { unitsWithPages } from './assessment.ts';
import { portalData } from './collection.ts';

/** One path per site with a check, with its history. */
export async function sitePaths() {
  const data = await portalData();
  return data.sites.map((history) => ({ params: { site: history.site }, props: { history } }));
}

/** One path per unit with a page: with a site checked, or charged or named without one. */
export async function unitPaths() {
  const data = await portalData();
  return [...unitsWithPages(data)].map((unit) => ({ params: { unit }, props: { unit } }));
}
