// Turn response bytes into text: BOM, then the Content-Type header, then <meta>, but verified
// against the bytes, because Chinese government pages often declare one charset and send another.

/** How the charset was decided. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed';

export interface Decoded {
  text: string;
  /** The WHATWG encoding used, e.g. utf-8 or gb18030. */
  charset: string;
  source: CharsetSource;
  /** The charset the page declared (header or meta), when it declared one. */
  declared?: string;
  /** The declaration was contradicted by the bytes. */
  mismatch: boolean;
}

const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58', 'windows-936']);

/** Canonical WHATWG name for a label, or undefined if the label is unknown. */
export function canonicalCharset(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (GB_FAMILY.has(l)) return 'gb18030'; // gb18030 decodes every GB2312 and GBK page
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1];
}

/** The charset declared by <meta charset> or <meta http-equiv="Content-Type"> near the top of the page. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16_384)).toString('latin1');
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag[0]);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function tryDecode(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/** Decode an HTML (or text) body. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', source: 'bom', mismatch: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', source: 'bom', mismatch: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', source: 'bom', mismatch: false };

  const fromHeader = charsetFromContentType(contentType);
  const fromMeta = fromHeader ? undefined : charsetFromMeta(bytes);
  const declaredLabel = fromHeader ?? fromMeta;
  const declared = declaredLabel ? canonicalCharset(declaredLabel) : undefined;
  const source: CharsetSource = fromHeader ? 'header' : 'meta';
  const base = declaredLabel ? { declared: declaredLabel.toLowerCase() } : {};

  if (declared && declared !== 'utf-8') {
    // A page that declares a GB charset but is valid UTF-8 with non-ASCII text is UTF-8: random GBK
    // text is almost never valid UTF-8, while the reverse mistake is common (real case: people.com.cn).
    if (GB_FAMILY.has(declared) && hasNonAscii(bytes)) {
      const asUtf8 = tryDecode(bytes, 'utf-8');
      if (asUtf8 !== undefined) return { text: asUtf8, charset: 'utf-8', source: 'sniffed', mismatch: true, ...base };
    }
    const text = tryDecode(bytes, declared);
    if (text !== undefined) return { text, charset: declared, source, mismatch: false, ...base };
  }
  if (declared === 'utf-8') {
    const text = tryDecode(bytes, 'utf-8');
    if (text !== undefined) return { text, charset: 'utf-8', source, mismatch: false, ...base };
    const gb = tryDecode(bytes, 'gb18030');
    if (gb !== undefined) return { text: gb, charset: 'gb18030', source: 'sniffed', mismatch: true, ...base };
  }
  // Nothing declared, or the declaration did not fit the bytes: UTF-8 if valid, else GB18030, else lossy UTF-8.
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'sniffed', mismatch: declared !== undefined && declared !== 'utf-8', ...base };
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return { text: gb, charset: 'gb18030', source: 'sniffed', mismatch: declared !== undefined && declared !== 'gb18030', ...base };
  return { text: new TextDecoder(declared ?? 'utf-8').decode(bytes), charset: declared ?? 'utf-8', source: declared ? source : 'sniffed', mismatch: false, ...base };
}
