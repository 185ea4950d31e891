// The real government pages of ../shared/real-pages with their hand-checked labels, for tests.
// They are third-party data: read from the shared folder at test time, never copied into the repo.
import { readFileSync } from 'node:fs';

const DIR = new URL('../../../../shared/real-pages/', import.meta.url);

/** The part of labels.json the tests read (see ../shared/real-pages/README.md). */
export interface RealLabel {
  file: string;
  kind: 'home' | 'list' | 'article';
  host: string;
  bytesEncoding: string;
  identity: { errorReportEntry: boolean; [k: string]: unknown };
  meta: Record<string, string | null>;
  columns?: Array<{ name: string; latestDate: string | null; itemCount?: number; moreLink?: string | null; hiddenTab?: boolean }>;
  publishedDate?: string | null;
  traps?: string[];
}

/** Every labelled page, decoded (the GBK copies with GBK). */
export function realPages(): Array<{ label: RealLabel; html: string; url: string }> {
  const labels = JSON.parse(readFileSync(new URL('labels.json', DIR), 'utf8')) as RealLabel[];
  return labels.map((label) => ({
    label,
    html: new TextDecoder(label.bytesEncoding === 'GBK' ? 'gbk' : 'utf-8').decode(readFileSync(new URL(label.file, DIR))),
    url: `http://${label.host}/`,
  }));
}
