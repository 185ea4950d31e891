// content/review/<quarter>.yaml: inspectors' decisions on automated findings and the sites' replies,
// read with line numbers, written back keeping comments, and applied to a findings file by key
// (site, indicator, target), so a re-crawl that finds the same thing again finds the same decision.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { reviewFileSchema, type ReplyEntry, type ReviewEntry, type ReviewFile } from '../schemas/review.ts';
import { InputError } from '../errors.ts';
import { parseYaml, readYaml, validateYaml, type YamlFile } from '../store/yaml-file.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { quarterParts } from '../store/quarter-paths.ts';

/** The key a decision or a reply is matched by. */
export const findingKey = (site: string, indicator: string, target: string): string => `${site}\u0000${indicator}\u0000${target}`;

/** content/review/<quarter>.yaml */
export function reviewPath(contentDir: string, quarter: string): string {
  return join(contentDir, quarterParts(quarter).review);
}

function check(y: YamlFile): ReviewFile {
  const data = validateYaml(y, reviewFileSchema);
  const errors: string[] = [];
  for (const list of ['decisions', 'replies'] as const) {
    const seen = new Map<string, number>();
    data[list].forEach((e, i) => {
      const k = findingKey(e.site, e.indicator, e.target);
      const first = seen.get(k);
      if (first !== undefined) errors.push(`${y.file}:${y.lineOf([list, i])}: ${list}[${i}]: ${e.site} ${e.indicator} "${e.target}" is already at line ${y.lineOf([list, first])}`);
      else seen.set(k, i);
    });
  }
  if (errors.length) throw new InputError(`${y.file} is not valid:\n  ${errors.join('\n  ')}`);
  return data;
}

/** The quarter's review file, validated; empty when there is none. */
export function loadReview(contentDir: string, quarter: string): ReviewFile {
  const path = reviewPath(contentDir, quarter);
  if (!existsSync(path)) return { decisions: [], replies: [] };
  const y = readYaml(path);
  if (y.data === null || y.data === undefined) return { decisions: [], replies: [] };
  return check(y);
}

const HEADER = `# Review of the quarter's automated findings (npm run review). Each entry names a finding by site,
# indicator and target, so it holds across re-crawls. decisions: confirmed or dismissed (a dismissed
# finding does not count; the reason is shown on the site page). replies: the site's answer, shown
# next to the finding.
`;

/** Add or replace (same key) a decision or a reply, keeping the file's comments; validated, written atomically. */
export function saveReviewEntry(contentDir: string, quarter: string, entry: { decision: ReviewEntry } | { reply: ReplyEntry }): void {
  const path = reviewPath(contentDir, quarter);
  const y = existsSync(path) ? readYaml(path) : parseYaml(path, `${HEADER}decisions: []\nreplies: []\n`);
  const doc = y.doc;
  const [list, value] = 'decision' in entry ? (['decisions', entry.decision] as const) : (['replies', entry.reply] as const);
  if (!doc.has(list)) doc.set(list, doc.createNode([]));
  const seq = doc.get(list) as YAML.YAMLSeq;
  const key = findingKey(value.site, value.indicator, value.target);
  const at = seq.items.findIndex((n) => {
    const j = (n as YAML.Node).toJSON() as { site?: string; indicator?: string; target?: string };
    return findingKey(j.site ?? '', j.indicator ?? '', j.target ?? '') === key;
  });
  const node = doc.createNode(value);
  if (at >= 0) seq.items[at] = node;
  else seq.items.push(node);
  seq.flow = false;
  const text = doc.toString({ lineWidth: 0 });
  check(parseYaml(path, text));
  writeFileAtomic(path, text);
}
