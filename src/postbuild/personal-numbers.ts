// A guard over what the project writes and publishes (content/, dist/, the open data): no personal
// number in full. Findings carry masked numbers only (src/inspector/text/personal-data.ts); this
// scan is the check that nothing else let one through: every 身份证 number valid by its GB 11643
// check digit, and any number of a given list (the sandbox's seeded ones, cards and mobiles too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isIdNumber, mask } from '../inspector/text/personal-data.ts';

/** Files read: the text the project writes. Images, fonts and the search index's compressed chunks are not text. */
const TEXT = /\.(html|json|csv|md|ya?ml|xml|txt|js|mjs|svg|webmanifest)$/i;

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
    const text = readFileSync(path, 'utf8');
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    for (const m of text.matchAll(ID)) {
      const id = m[0].toUpperCase();
      if (isIdNumber(id, today)) out.push({ file: relative(dir, path), line: lineOf(m.index), masked: mask('id-card', id) });
    }
    if (knownPattern) for (const m of text.matchAll(knownPattern)) out.push({ file: relative(dir, path), line: lineOf(m.index), masked: m[0].length === 11 ? mask('mobile', m[0]) : mask('bank-card', m[0]) });
  }
  return out;
}
