// The little XML reading that Office Open XML parts need: entity decoding and a tag tokenizer. The
// parts are machine-written and flat; a full DOM of a 50 MB sheet would cost ten times its size.

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's five named entities and numeric character references decoded. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** One token of an XML text: a tag (open, close or empty) with its name and attributes, or text. */
export type XmlToken = { tag: string; close: boolean; empty: boolean; attrs: string } | { text: string };

/** The tokens of an XML text in order; comments, declarations and CDATA markers are skipped. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const re = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<[!?][^>]*>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[5] !== undefined) yield { text: m[5] };
    else if (m[2] !== undefined) yield { tag: m[2], close: m[1] === '/', empty: m[4] === '/', attrs: m[3] ?? '' };
  }
}

/** An attribute's value in a tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}
