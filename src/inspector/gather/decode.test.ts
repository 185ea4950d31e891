import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { decodeHtml, canonicalCharset, charsetFromMeta } from './decode.ts';
import { REAL_PAGES, realBytes } from './real-pages.test-helpers.ts';

const real = realBytes;

describe('decodeHtml', () => {
  const text = '<html><head><meta charset="gb2312"><title>临河市人民政府</title></head><body>网站标识码：3713000001</body></html>';

  test.each([
    ['UTF-8 BOM wins over a GBK header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'text/html; charset=gbk', 'utf-8', 'bom'],
    ['GBK bytes, charset in the header', iconv.encode(text, 'gbk'), 'text/html; charset=GBK', 'gb18030', 'header'],
    ['GBK bytes, charset only in meta', iconv.encode(text, 'gbk'), 'text/html', 'gb18030', 'meta'],
    ['declares gb2312 but the bytes are UTF-8', Buffer.from(text), 'text/html', 'utf-8', 'sniffed'],
    ['declares utf-8 but the bytes are GBK', iconv.encode(text.replace('gb2312', 'utf-8'), 'gbk'), undefined, 'gb18030', 'sniffed'],
    ['no declaration, UTF-8 bytes', Buffer.from(text.replace('<meta charset="gb2312">', '')), undefined, 'utf-8', 'sniffed'],
    ['no declaration, GBK bytes', iconv.encode(text.replace('<meta charset="gb2312">', ''), 'gbk'), undefined, 'gb18030', 'sniffed'],
  ])('%s', (_name, bytes, contentType, charset, source) => {
    const d = decodeHtml(bytes, contentType);
    expect(d.charset).toBe(charset);
    expect(d.source).toBe(source);
    expect(d.text).toContain('临河市人民政府');
    expect(d.text).toContain('网站标识码：3713000001');
  });

  test('an ASCII-only page declared gb2312 keeps its declaration', () => {
    const d = decodeHtml(Buffer.from('<meta charset="gb2312"><p>hello</p>'));
    expect(d).toMatchObject({ charset: 'gb18030', source: 'meta', mismatch: false });
  });

  test('a body cut in the middle of a character still decodes', () => {
    const bytes = Buffer.from('<meta charset="utf-8">政府网站');
    const d = decodeHtml(bytes.subarray(0, bytes.length - 1));
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain('政府网');
  });

  test('labels of the GB family map to gb18030', () => {
    expect(canonicalCharset('GB2312')).toBe('gb18030');
    expect(canonicalCharset('gbk')).toBe('gb18030');
    expect(canonicalCharset('utf8')).toBe('utf-8');
    expect(canonicalCharset('no-such-charset')).toBeUndefined();
  });
});

describeNeeding(REAL_PAGES, 'real pages', () => {
  const labels = JSON.parse(real('labels.json').toString('utf8')) as Array<{ file: string; declaredCharset: string | null; bytesEncoding: string }>;
  test.each(labels.map((l) => [l.file, l] as const))('%s decodes as its real byte encoding', (_f, label) => {
    const bytes = real(label.file);
    const d = decodeHtml(bytes);
    expect(d.charset).toBe(label.bytesEncoding === 'GBK' ? 'gb18030' : 'utf-8');
    expect(d.text).not.toContain('\uFFFD');
    if (label.declaredCharset) expect(charsetFromMeta(bytes)?.toLowerCase()).toBe(label.declaredCharset.toLowerCase());
  });

  test('people.com.cn: declared gb2312, bytes UTF-8, is read as UTF-8', () => {
    const d = decodeHtml(real('gne_people.com.cn_declared-gb2312_bytes-utf8.html'), 'text/html; charset=gb2312');
    expect(d).toMatchObject({ charset: 'utf-8', mismatch: true, declared: 'gb2312' });
  });
});
