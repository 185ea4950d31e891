// The one reader and writer of Markdown files with YAML frontmatter (findings, quarter files, manual
// records), for the crawl, the workflow and the portal alike: one pattern splits a file, and every
// read follows the YAML 1.2 core schema. People's files are read with line numbers, for errors that
// name the line, and edited with yaml's Document API so their comments survive; files are written
// with yaml. The portal reads the data alone, in bulk, with js-yaml under the same core schema
// (a test holds the two readers equal on every content file): yaml takes 4–5 times as long, which
// at 15,000 sites × 8 quarters was 130 s of the build's content sync instead of 55 s.
import { CORE_SCHEMA, load } from 'js-yaml';
import YAML, { type Document } from 'yaml';
import { InputError } from '../errors.ts';
import { readText } from './read.ts';
import { parseYaml, type YamlFile } from './yaml-file.ts';

/** An optional BOM, then the YAML between a first line --- and the next line ---; group 1 is the YAML. */
const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The frontmatter's YAML text and the body after it; a file without one is an InputError naming it. */
export function splitFrontmatter(file: string, text: string): { yaml: string; body: string; bodyLine: number } {
  const m = FENCE.exec(text);
  if (!m) throw new InputError(`${file}:1: must start with a YAML frontmatter block between two --- lines`);
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** A parsed Markdown file: its frontmatter (with lines counted from the file's first line) and body. */
export interface FrontmatterFile {
  yaml: YamlFile;
  body: string;
  /** The file's line the body starts on. */
  bodyLine: number;
}

/** Split and parse with line numbers (for files people write); errors are InputErrors naming file and line. */
export function parseFrontmatter(file: string, text: string): FrontmatterFile {
  const { yaml, body, bodyLine } = splitFrontmatter(file, text);
  // The frontmatter's first line is the file's line 2, after the opening ---.
  return { yaml: parseYaml(file, yaml, 2), body, bodyLine };
}

/** Read and parse a Markdown file; a missing file is an InputError. */
export function readFrontmatter(file: string): FrontmatterFile {
  return parseFrontmatter(file, readText(file));
}

/** The frontmatter as data and the body, without line bookkeeping (what the portal reads); a frontmatter that is not a mapping is an InputError. */
export function frontmatterData(file: string, text: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const { yaml, body, bodyLine } = splitFrontmatter(file, text);
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA, filename: file });
  } catch (e) {
    // js-yaml counts lines from 0 in the frontmatter, which starts on the file's line 2.
    const line = (e as { mark?: { line: number } }).mark?.line;
    throw new InputError(`${file}:${line === undefined ? 1 : line + 2}: ${(e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InputError(`${file}: the frontmatter is not a mapping of fields`);
  return { data: data as Record<string, unknown>, body, bodyLine };
}

/**
 * Markdown text from frontmatter data, or from an edited Document (its comments and layout kept),
 * and a body, as given. Data is written as YAML 1.1, which quotes what a 1.1 reader would take for
 * another type (a target 2026-12-05 would become a date, yes a boolean), with long lines never
 * folded, so the bytes stay stable.
 */
export function renderFrontmatter(data: object | Document, body: string): string {
  const yaml = YAML.isDocument(data) ? String(data) : `${YAML.stringify(data, { lineWidth: 0, version: '1.1' }).trim()}\n`;
  return `---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${body}`;
}
