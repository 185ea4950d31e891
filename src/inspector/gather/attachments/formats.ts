// Which attached documents the crawl reads, and what a document is by its bytes (a server's name or
// Content-Type for a file is often wrong: a .xls that is really an xlsx, a .doc that is HTML).

import type { AttachmentFormat } from '../../snapshot.ts';
export type { AttachmentFormat };

const BY_EXTENSION: Readonly<Record<string, AttachmentFormat>> = {
  xlsx: 'xlsx', xlsm: 'xlsx', docx: 'docx', docm: 'docx', pdf: 'pdf', csv: 'csv', xls: 'xls', et: 'xls', doc: 'doc', wps: 'doc',
};

/** The format a URL's name says, when it names one read (the extension of its path). */
export function formatByName(url: string): AttachmentFormat | undefined {
  const m = /\.([a-z]+)$/i.exec(new URL(url).pathname);
  return m ? BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}

/** What the first bytes say a file is: a zip container (xlsx, docx), a PDF, an OLE compound file (xls, doc), or other. */
export function containerOf(bytes: Uint8Array): 'zip' | 'pdf' | 'ole' | 'other' {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return 'zip';
  // %PDF- may follow a little junk (a BOM, a line of whitespace); readers allow 1 kB.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'pdf';
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'ole';
  return 'other';
}
