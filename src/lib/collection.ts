// The findings collection as every page reads it: loaded once, each file checked against its place.
import { getCollection } from 'astro:content';
import { checkEntryIds } from './sites.ts';

/** Every findings entry; throws (failing the build) when a file sits under the wrong quarter or name. */
export async function findingsEntries() {
  const entries = await getCollection('findings');
  checkEntryIds(entries);
  return entries;
}
