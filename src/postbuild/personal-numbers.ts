// A guard over what the project writes and publishes (content/, dist/, the open data): no personal
// number in full. Findings carry masked numbers only (src/inspector/gather/personal-data.ts); this
// scan is the check that nothing else let one through: every 身份证 number valid by its GB 11643
// check digit, and any number of a given list (the sandbox's seeded ones, cards and mobiles too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** GB 11643: a province's digits, a real birth date by `today`, and the check character. Written here again on purpose: a guard must not lean on the code it guards. */
function validId(s: string, today: string): boolean {
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (!/^[1-8]\d$/.test(s.slice(0, 2)) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth > today || birth < '1900-01-01') return false;
  const sum = [...s.slice(0, 17)].reduce((n, d, i) => n + Number(d) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11] === s[17];
}

/** The number shown with its middle starred: four and four, or three and four for a mobile. */
const masked = (s: string): string => (s.length === 11 ? `${s.slice(0, 3)}****${s.slice(7)}` : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`);

/** Files read: the text the project writes, and the open data's gzip-compressed text (findings.csv.gz). Images, fonts and the search index's compressed chunks are not text. */
const TEXT = /\.(html|json|csv|md|ya?ml|xml|txt|js|mjs|svg|webmanifest)(\.gz)?$/i;

/** One full number found, masked, with the file (relative to the folder) and the line. */
export interface FullNumber {
  file: string;
  line: number;
  masked: string;
}

const ID = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;

/** Full personal numbers in a folder's text files: valid ID numbers born by `today`, and any of `known`. */
export function fullNumbersIn(dir: string, known: ReadonlySet<string> = new Set(), today = new Date().toISOString().slice(0, 10)): FullNumber[] {
  const out: FullNumber[] = [];
  const knownPattern = known.size ? new RegExp(`(?<![0-9A-Za-z])(?:${[...known].map((k) => k.replace(/[^\dX]/g, '')).join('|')})(?![0-9A-Za-z])`, 'g') : undefined;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, rel);
    if (!TEXT.test(rel) || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const text = (/\.gz$/i.test(rel) ? gunzipSync(bytes) : bytes).toString('utf8');
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    for (const m of text.matchAll(ID)) {
      const id = m[0].toUpperCase();
      if (validId(id, today)) out.push({ file: relative(dir, path), line: lineOf(m.index), masked: masked(id) });
    }
    if (knownPattern) for (const m of text.matchAll(knownPattern)) out.push({ file: relative(dir, path), line: lineOf(m.index), masked: masked(m[0]) });
  }
  return out;
}
