// A finding's id: the anchor of its row on the site page and its findingId in the open data, so a
// notice, a reply or a newspaper can link to one problem and the link keeps working.
import { createHash } from 'node:crypto';
import type { Finding } from '../schemas/findings.ts';

/**
 * The ids of a check's findings, counted and dismissed together (dismissing a finding on review
 * keeps its id): the indicator, then 8 hex digits of SHA-256 over its target and page, e.g.
 * broken-link-3f9a01c2. Nothing else goes in, so a rebuild, a new finding beside it, a review or a
 * reply leaves the id as it was. Two findings of the same indicator, target and page (a manual
 * record of what the crawl also found) get -2, -3… in file order.
 */
export function findingIds(findings: readonly Finding[]): Map<Finding, string> {
  const ids = new Map<Finding, string>();
  const used = new Map<string, number>();
  for (const f of findings) {
    const base = `${f.indicator}-${createHash('sha256').update(`${f.target}\n${f.page}`).digest('hex').slice(0, 8)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    ids.set(f, n === 1 ? base : `${base}-${n}`);
  }
  return ids;
}

/** The ids of one check, counted findings first, then the dismissed ones. */
export function checkFindingIds(row: { findings: readonly Finding[]; dismissed?: readonly Finding[] | undefined }): ReadonlyMap<Finding, string> {
  const known = idsOfCheck.get(row);
  if (known && known.findings === row.findings && known.dismissed === row.dismissed) return known.ids;
  const ids = findingIds([...row.findings, ...(row.dismissed ?? [])]);
  idsOfCheck.set(row, { findings: row.findings, dismissed: row.dismissed, ids });
  return ids;
}

/**
 * A check's ids, worked out once: a build asks for them for its site page, its JSON and two open-data
 * files (at 15,000 sites × 8 quarters, 4 s of SHA-256 each time). Kept with the lists they were
 * made from, so a row given other lists gets new ids.
 */
const idsOfCheck = new WeakMap<object, { findings: readonly Finding[]; dismissed: readonly Finding[] | undefined; ids: ReadonlyMap<Finding, string> }>();
