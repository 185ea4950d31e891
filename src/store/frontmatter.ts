// Markdown files with YAML frontmatter written by people (quarter files, manual records): read with
// line numbers for errors, edited with the yaml Document API so their comments survive.
import { readFileSync } from 'node:fs';
import type { Document } from 'yaml';
import { InputError } from '../errors.ts';
import { parseYaml, type YamlFile } from './yaml-file.ts';

/** A parsed Markdown file: its frontmatter (with lines counted from the file's first line) and body. */
export interface FrontmatterFile {
  yaml: YamlFile;
  body: string;
  /** The file's line the body starts on. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split and parse; a file without a frontmatter block is an InputError naming it. */
export function parseFrontmatter(file: string, text: string): FrontmatterFile {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const m = FENCE.exec(src);
  if (!m) throw new InputError(`${file}:1: must start with a YAML frontmatter block between two --- lines`);
  // The frontmatter's first line is the file's line 2, after the opening ---.
  return { yaml: parseYaml(file, m[1]!, 2), body: src.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Read and parse a Markdown file; a missing file is an InputError. */
export function readFrontmatter(file: string): FrontmatterFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseFrontmatter(file, text);
}

/** Markdown text from an (edited) frontmatter document and a body. */
export function renderFrontmatter(doc: Document, body: string): string {
  const yaml = String(doc);
  return `---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${body}`;
}
