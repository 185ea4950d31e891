// A unit's own Atom feed: an entry per published quarter over the sites it and the units under it
// answer for, as its page (src/lib/feed.ts unitFeed), for its web editors.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { portalData } from '../../../lib/collection.ts';
import { unitPaths } from '../../../lib/routes.ts';
import { unitFeed } from '../../../lib/feed.ts';
import { reminderDays } from '../../../lib/monitor.ts';
import { ownDataLinks } from '../../../lib/own-data.ts';
import { unitName } from '../../../lib/units.ts';

export const getStaticPaths = unitPaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ site, props }) => {
  const { unit } = props;
  const { units, unitRows, noticeDates, monitor, registrySites } = await portalData();
  const links = ownDataLinks(site);
  const xml = unitFeed(unitName(units, unit), unitRows.get(unit) ?? [], noticeDates, { home: links.unit(unit), self: links.unitFeed(unit), check: links.check }, reminderDays(monitor, unit, (id) => registrySites.get(id)?.name ?? id));
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
