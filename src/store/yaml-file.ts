// Reading hand-edited YAML with errors that name the file, the line and the field.
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { InputError } from '../errors.ts';
import { readText } from './read.ts';

/** A parsed YAML file that can tell the line of any path in it. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** The parsed document, for edits that keep the file's comments. */
  doc: Document;
  /** 1-based line of the node at path, or of its nearest existing parent. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

/**
 * Parse YAML text; syntax errors throw an InputError with file and line. firstLine is the line of
 * the file the text starts on (2 for a Markdown file's frontmatter, after its opening ---).
 */
export function parseYaml(file: string, text: string, firstLine = 1): YamlFile {
  if (text.length > MAX_YAML_CHARS) throw new InputError(`${file}: ${Math.round(text.length / 1e6)} million characters, more than the ${MAX_YAML_CHARS / 1e6} million a YAML file may have; split it or import it from a spreadsheet`);
  return (text.length >= CHUNKED_FROM ? parseListByEntry(file, text, firstLine) : undefined) ?? parseWhole(file, text, firstLine);
}

function parseWhole(file: string, text: string, firstLine: number): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new InputError(doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line + firstLine - 1}: ${e.message.split('\n')[0]}`).join('\n'));
  }
  const asNumbers = (path: ReadonlyArray<PropertyKey>) => path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      const node = n === 0 ? doc.contents : (doc.getIn(prefix as unknown[], true) ?? doc.getIn(asNumbers(prefix), true));
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + firstLine - 1;
    }
    return firstLine;
  };
  return { file, data: plainData(file, doc), doc, lineOf };
}

/** From this size a top-level list is parsed entry by entry (a registry of 15,000 sites parsed whole took 400 MB). */
const CHUNKED_FROM = 256 * 1024;

/**
 * A large file that is a block list at its top level (every line at column 0 is "- …", a comment or
 * blank: sites.yaml, units.yaml, media.yaml), parsed one entry at a time, so that only one entry's
 * syntax tree is ever in memory. Undefined when the file is not such a list or an entry does not
 * parse on its own (an alias to another entry's anchor): the whole document is parsed then, and
 * reports any error. The syntax tree of an entry, or of the whole file, is made again only when a
 * line number or the document is asked for.
 */
function parseListByEntry(file: string, text: string, firstLine: number): YamlFile | undefined {
  const starts: Array<{ offset: number; line: number }> = [];
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    const c = text[at];
    if (c === '-' && (text[at + 1] === ' ' || text[at + 1] === '\n' || text[at + 1] === '\r' || at + 1 === text.length)) {
      if (text.startsWith('---', at)) return undefined;
      starts.push({ offset: at, line });
    } else if (c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r') return undefined;
    at = next;
  }
  if (!starts.length) return undefined;
  const chunk = (i: number) => text.slice(starts[i]!.offset, i + 1 < starts.length ? starts[i + 1]!.offset : text.length);
  const data: unknown[] = [];
  for (let i = 0; i < starts.length; i++) {
    const doc = parseDocument(chunk(i), { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) return undefined;
    let list: unknown;
    try {
      list = plainData(file, doc);
    } catch {
      return undefined;
    }
    if (!Array.isArray(list) || list.length !== 1) return undefined;
    data.push(list[0]);
  }
  let whole: YamlFile | undefined;
  const full = () => (whole ??= parseWhole(file, text, firstLine));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    const i = typeof path[0] === 'number' ? path[0] : typeof path[0] === 'string' && /^\d+$/.test(path[0]) ? Number(path[0]) : -1;
    if (i < 0 || i >= starts.length) return full().lineOf(path);
    // The entry alone, as a one-element list: its lines count from the entry's first line.
    return parseWhole(file, chunk(i), firstLine + starts[i]!.line).lineOf([0, ...path.slice(1)]);
  };
  return {
    file,
    data,
    get doc() {
      return full().doc;
    },
    lineOf,
  };
}

/** Largest YAML text read (a registry of 15,000 sites is about 3 million characters). */
export const MAX_YAML_CHARS = 32_000_000;

/** Aliases a document may expand: anchors reused this often are a resource-exhaustion attack (a "billion laughs"), not a registry. */
const MAX_ALIASES = 1_000;

/** The document as plain data; an alias bomb is refused with the file's name. */
export function plainData(file: string, doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message} (aliases expanded more than ${MAX_ALIASES} times); write the entries out instead of repeating anchors`);
  }
}

/** Read and parse a YAML file; a missing file is an InputError. */
export function readYaml(file: string): YamlFile {
  return parseYaml(file, readText(file));
}

/** One message per zod issue: "file:line: where field: message". */
export function describeIssues(y: YamlFile, issues: readonly z.core.$ZodIssue[], describeEntry: (path: PropertyKey[]) => string = () => ''): string[] {
  return issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    // Indexes after a key read as in code (2027.holidays[0]); a leading index is the entry, which describeEntry names.
    const start = path.findIndex((p) => typeof p === 'string');
    const field = start < 0 ? '(entry)' : path.slice(start).map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
    const where = describeEntry(path);
    return `${y.file}:${y.lineOf(path)}: ${where}${where ? ' ' : ''}${field}: ${issue.message}`;
  });
}

/** Validate a whole YAML document against a schema, or throw every problem at once. */
export function validateYaml<S extends z.ZodType>(y: YamlFile, schema: S): z.infer<S> {
  const r = schema.safeParse(y.data);
  if (!r.success) throw new InputError(`${y.file} is not valid:\n  ${describeIssues(y, r.error.issues).join('\n  ')}`);
  return r.data;
}
