// The real government pages of ../shared/real-pages with their hand-checked labels, for tests.
// They are third-party data: read from the shared folder at test time, never copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import type { Need } from '../../../tests/needs.test-helpers.ts';
import { decodeHtml } from './decode.ts';

const DIR = new URL('../../../../shared/real-pages/', import.meta.url);

/** The corpus, which a clone of the public repository does not have (describeNeeding skips or, in CI, fails). */
export const REAL_PAGES: Need = { what: '../shared/real-pages', found: existsSync(new URL('labels.json', DIR)) };

/** A real page's bytes, as saved. */
export function realBytes(file: string): Buffer {
  return readFileSync(new URL(file, DIR));
}

/** The part of labels.json the tests read (see ../shared/real-pages/README.md). */
export interface RealLabel {
  file: string;
  kind: 'home' | 'list' | 'article';
  host: string;
  capturedAround: string;
  bytesEncoding: string;
  identity: { errorReportEntry: boolean; [k: string]: unknown };
  meta: Record<string, string | null>;
  columns?: Array<{ name: string; latestDate: string | null; itemCount?: number; moreLink?: string | null; hiddenTab?: boolean }>;
  publishedDate?: string | null;
  traps?: string[];
}

/** labels.json, one object per page; a test names the fields it reads with its own type. */
export function realLabels<L = RealLabel>(): L[] {
  return JSON.parse(readFileSync(new URL('labels.json', DIR), 'utf8')) as L[];
}

/** A page's bytes decoded as the crawler decodes them (BOM, then meta, verified). */
export function realHtml(file: string): string {
  return decodeHtml(new Uint8Array(readFileSync(new URL(file, DIR)))).text;
}

/** A page's bytes decoded with the encoding its label gives (the GBK copies with GBK). */
export function realHtmlAsLabelled(label: Pick<RealLabel, 'file' | 'bytesEncoding'>): string {
  return new TextDecoder(label.bytesEncoding === 'GBK' ? 'gbk' : 'utf-8').decode(readFileSync(new URL(label.file, DIR)));
}

/** Every labelled page, decoded as labelled. */
export function realPages(): Array<{ label: RealLabel; html: string; url: string }> {
  return realLabels().map((label) => ({ label, html: realHtmlAsLabelled(label), url: `http://${label.host}/` }));
}
