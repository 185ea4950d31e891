// content/quarters/<quarter>.md as the workflow commands read and change it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { quarterFileSchema, type QuarterFile } from '../schemas/quarter.ts';
import { InputError } from '../errors.ts';
import { validateYaml } from './yaml-file.ts';
import { writeFileAtomic } from './atomic.ts';
import { readFrontmatter, renderFrontmatter } from './frontmatter.ts';

/** content/quarters/<quarter>.md */
export function quarterFilePath(contentDir: string, quarter: string): string {
  return join(contentDir, 'quarters', `${quarter}.md`);
}

/** The quarter's file, validated (errors name file, line and field); undefined when there is none. */
export function readQuarterFile(contentDir: string, quarter: string): QuarterFile | undefined {
  const path = quarterFilePath(contentDir, quarter);
  if (!existsSync(path)) return undefined;
  const data = validateYaml(readFrontmatter(path).yaml, quarterFileSchema);
  if (data.quarter !== quarter) throw new InputError(`${path}:2: quarter: says ${data.quarter}, but the file is for ${quarter}`);
  return data;
}

/**
 * The quarters whose file says published. Everything else the portal shows is a draft: the
 * sitemap leaves a draft's notice out (and the page says noindex), the feed has no entry for it.
 */
export function publishedQuarters(contentDir: string): Set<string> {
  const dir = join(contentDir, 'quarters');
  if (!existsSync(dir)) return new Set();
  const quarters = readdirSync(dir).flatMap((name) => (/^\d{4}-Q[1-4]\.md$/.test(name) ? [name.slice(0, -3)] : []));
  return new Set(quarters.filter((q) => readQuarterFile(contentDir, q)?.status === 'published'));
}

/**
 * Change the quarter file's frontmatter in place, keeping its comments and body; the result is
 * validated before it is written (atomically). A quarter without a file is an InputError: the
 * office writes it first (issuer, 主送单位), as the README says.
 */
export function editQuarterFile(contentDir: string, quarter: string, edit: (doc: Document, data: QuarterFile) => void): QuarterFile {
  const path = quarterFilePath(contentDir, quarter);
  if (!existsSync(path)) throw new InputError(`${path}: no quarter file; write it first (quarter, issuer, to; see content/quarters/ for an example)`);
  const f = readFrontmatter(path);
  const before = validateYaml(f.yaml, quarterFileSchema);
  edit(f.yaml.doc, before);
  const after = quarterFileSchema.parse(f.yaml.doc.toJS());
  writeFileAtomic(path, renderFrontmatter(f.yaml.doc, f.body));
  return after;
}
