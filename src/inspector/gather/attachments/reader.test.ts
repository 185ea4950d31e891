// The reader pool: a document is read in a worker thread; one that never ends or fills the thread's
// heap becomes an "unreadable" outcome, the thread is replaced, and the next document is read.
import { afterAll, describe, expect, test } from 'vitest';
import { xlsxFile } from '../../../sandbox/documents.ts';
import { AttachmentReader } from './reader.ts';

const ASOF = '2026-11-20';
const LIST = xlsxFile('名单', [['姓名', '身份证号码'], ['张三', '370102199001011231']]);
const reader = new AttachmentReader({ timeoutMs: 4_000, heapMb: 64, worker: new URL('./reader.test-helpers.ts', import.meta.url) });
afterAll(() => reader.close());

describe('AttachmentReader', () => {
  test('reads a document in a worker thread, masked', async () => {
    expect(await reader.read(LIST, 'xlsx', ASOF)).toEqual({
      status: 'read', format: 'xlsx', units: 1, found: { 'id-card': { count: 1, examples: ['3701**********1231'], places: ['工作表“名单”'] } },
    });
  });

  test('a document that never ends is stopped at its deadline, and the next one is read', async () => {
    const t0 = performance.now();
    expect(await reader.read(LIST, 'doc', ASOF)).toEqual({ status: 'unreadable', kind: 'timeout', detail: '读取超过 4 秒，已中止' });
    expect(performance.now() - t0).toBeLessThan(8_000);
    expect(await reader.read(LIST, 'xlsx', ASOF)).toMatchObject({ status: 'read' });
  });

  test('a document that fills the heap ends its thread, not the crawl, and the next one is read', async () => {
    const rss = process.memoryUsage().rss;
    expect(await reader.read(LIST, 'xls', ASOF)).toEqual({ status: 'unreadable', kind: 'memory', detail: '读取所需内存超过 64 MB，已中止' });
    expect(process.memoryUsage().rss - rss).toBeLessThan(512 * 1024 * 1024);
    expect(await reader.read(LIST, 'xlsx', ASOF)).toMatchObject({ status: 'read' });
  });
});
