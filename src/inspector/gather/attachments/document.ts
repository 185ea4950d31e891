// One attached document read for personal data: its format found by its bytes, its text read by the
// format's reader, the detector run on it. What comes back is masked (gather/personal-data.ts); the
// document's text never leaves this call. Runs inside the reader pool's worker threads (worker.ts).
import { findPersonalData } from '../personal-data.ts';
import { containerOf } from './formats.ts';
import type { AttachmentFormat } from '../../snapshot.ts';
import { officeParts } from './office.ts';
import { pdfParts } from './pdf.ts';
import { binaryTextParts, csvParts, htmlParts, looksLikeHtml } from './plain.ts';
import { Unreadable } from './unreadable.ts';
import type { DocumentOutcome } from '../../snapshot.ts';
export type { DocumentOutcome };
import type { DocumentPart } from '../personal-data.ts';


/** Read a document named by `named` (its URL's extension) for personal data as of asOf. */
export async function readDocument(bytes: Uint8Array, named: AttachmentFormat, asOf: string): Promise<DocumentOutcome> {
  try {
    const { format, parts, units } = await partsOf(bytes, named);
    const found = findPersonalData(parts, asOf);
    return { status: 'read', format, units, ...(found ? { found } : {}) };
  } catch (e) {
    if (e instanceof Unreadable) return { status: 'unreadable', kind: e.kind, detail: e.message };
    return { status: 'unreadable', kind: 'error', detail: `读取出错：${(e as Error).message}` };
  }
}

const VBA_NAMES = [Buffer.from('_VBA_PROJECT', 'utf16le'), Buffer.from('Macros', 'utf16le')];

/** An OLE file that holds a VBA project (its storage names are UTF-16LE in the directory). */
function hasVba(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return VBA_NAMES.some((n) => b.includes(n));
}

async function partsOf(bytes: Uint8Array, named: AttachmentFormat): Promise<{ format: AttachmentFormat; parts: DocumentPart[]; units: number }> {
  switch (containerOf(bytes)) {
    case 'zip': {
      const { kind, parts, units } = officeParts(bytes);
      return { format: kind, parts, units };
    }
    case 'pdf': {
      const { parts, units } = await pdfParts(bytes);
      return { format: 'pdf', parts, units };
    }
    case 'ole':
      if (hasVba(bytes)) throw new Unreadable('macro', '含宏代码（VBA），不打开');
      return { format: named === 'doc' ? 'doc' : 'xls', parts: binaryTextParts(bytes), units: 1 };
    case 'other':
      if (named === 'csv') return { format: 'csv', parts: csvParts(bytes), units: 1 };
      // Many a CMS exports its "Excel" or "Word" file as an HTML table: read as the page it is.
      if (named !== 'pdf' && looksLikeHtml(bytes)) return { format: named, parts: htmlParts(bytes), units: 1 };
      throw new Unreadable('mismatch', `内容不是 ${named} 文档`);
  }
}
