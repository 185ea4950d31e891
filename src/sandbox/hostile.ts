// hostile.sandbox.gov.cn: responses a polite crawler must survive with bounded time and memory.
import type http from 'node:http';
import zlib from 'node:zlib';

/** Size of /huge: 200 MB of HTML, streamed, never held in memory. */
export const HUGE_BYTES = 200 * 1024 * 1024;
/** Size /files/huge.pdf declares and streams: 500 MB. */
export const HUGE_PDF_BYTES = 500 * 1024 * 1024;

/** The hostile answers the server streams itself. */
export type HostileStream = 'endless' | 'huge' | 'bomb' | 'slow-headers' | 'huge-pdf';

/** Inflated size of /bomb: a little over 1 GiB of zeros. */
export const BOMB_INFLATED_BYTES = 1100 * 1024 * 1024;

/** A 200 that sends a paragraph every 200 ms until the client goes away. */
export function streamEndless(res: http.ServerResponse, timers: Set<NodeJS.Timeout>): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>无尽页面</title></head><body>\n');
  let n = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return;
    res.write(`<p>第${++n}段内容，页面仍在加载……</p>\n`);
  }, 200);
  timers.add(timer);
  res.on('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
}

/** 200 MB of HTML in 64 KiB chunks, honouring back-pressure. */
export function streamHuge(res: http.ServerResponse): void {
  const line = '<p>这是一个非常大的页面，用于测试抓取程序的字节上限。This page is very large.</p>\n';
  const chunk = Buffer.from(line.repeat(Math.ceil(65536 / Buffer.byteLength(line))));
  const head = Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>超大页面</title></head><body>\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  pumpBytes(res, head, chunk, HUGE_BYTES);
}

/** A 500 MB "PDF" (a header and a stream of filler) with its length declared: an attachment to stop reading at the byte cap. */
export function streamHugePdf(res: http.ServerResponse): void {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 524288000 >>\nstream\n');
  const chunk = Buffer.alloc(65536, 0x20);
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(HUGE_PDF_BYTES) });
  pumpBytes(res, head, chunk, HUGE_PDF_BYTES);
}

/** Send head, then chunk after chunk up to total bytes, honouring back-pressure; stops when the client goes. */
function pumpBytes(res: http.ServerResponse, head: Buffer, chunk: Buffer, total: number): void {
  let sent = 0;
  const pump = (): void => {
    while (!res.destroyed) {
      if (sent === 0) {
        sent += head.length;
        if (!res.write(head)) break;
        continue;
      }
      const left = total - sent;
      if (left <= 0) {
        res.end();
        return;
      }
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      sent += piece.length;
      if (!res.write(piece)) break;
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

let bomb: Buffer | null = null;

let zeros: { deflated: Buffer; size: number; crc: number } | null = null;

/**
 * A raw deflate stream that inflates to BOMB_INFLATED_BYTES of zeros, with its size and CRC-32. Built
 * once: one 16 MiB block of zeros is deflated with a full flush (byte-aligned, no back-references
 * across it), repeated, and closed with an empty final block. About 1 MB. The gzip bomb and the zip
 * bomb dressed as a workbook (documents.ts) both carry it.
 */
export function zeroDeflate(): { deflated: Buffer; size: number; crc: number } {
  if (zeros) return zeros;
  const blockSize = 16 * 1024 * 1024;
  const repeats = Math.ceil(BOMB_INFLATED_BYTES / blockSize);
  const block0 = Buffer.alloc(blockSize);
  const block = zlib.deflateRawSync(block0, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < repeats; i++) crc = zlib.crc32(block0, crc);
  const final = Buffer.from([0x03, 0x00]); // empty final block, fixed Huffman
  zeros = { deflated: Buffer.concat([...Array.from({ length: repeats }, () => block), final]), size: blockSize * repeats, crc };
  return zeros;
}

/** A gzip member that inflates to BOMB_INFLATED_BYTES: the zero stream between a gzip header and trailer. */
export function hostileBomb(): Buffer {
  if (bomb) return bomb;
  const z = zeroDeflate();
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(z.crc >>> 0, 0);
  trailer.writeUInt32LE(z.size % 2 ** 32, 4);
  bomb = Buffer.concat([header, z.deflated, trailer]);
  return bomb;
}
