// The attachment reader: documents are read in worker threads (piscina), each within a deadline and
// a heap limit, so a PDF that loops forever or a workbook that swells past memory ends as
// "unreadable" with its reason and the crawl goes on. Never throws for a document's sake.
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import type { DocumentOutcome } from './document.ts';
import type { AttachmentFormat } from './formats.ts';
import type { DocumentTask } from './worker.ts';

export interface ReaderOptions {
  /** Documents read at once (worker threads). */
  threads: number;
  /** Time for one document, in ms. */
  timeoutMs: number;
  /** Heap of one worker thread, in MB: a document that needs more is unreadable. */
  heapMb: number;
  /** The worker module (tests give one that misbehaves on purpose). */
  worker?: URL;
}

export const DEFAULT_READER: ReaderOptions = { threads: 1, timeoutMs: 20_000, heapMb: 384 };

export class AttachmentReader {
  readonly #pool: Piscina<DocumentTask, DocumentOutcome>;
  readonly #opts: ReaderOptions;
  // Tasks start when a thread is free, so that a deadline times the reading, not the wait.
  readonly #limit: ReturnType<typeof pLimit>;

  constructor(opts: Partial<ReaderOptions> = {}) {
    this.#opts = { ...DEFAULT_READER, ...opts };
    this.#limit = pLimit(this.#opts.threads);
    this.#pool = new Piscina({
      filename: (this.#opts.worker ?? new URL('./worker.ts', import.meta.url)).href,
      minThreads: 0,
      maxThreads: this.#opts.threads,
      idleTimeout: 10_000,
      resourceLimits: { maxOldGenerationSizeMb: this.#opts.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
  }

  /** Read one document; its failures (time, memory, a broken file) come back as an unreadable outcome. */
  read(bytes: Uint8Array, named: AttachmentFormat, asOf: string): Promise<DocumentOutcome> {
    return this.#limit(async (): Promise<DocumentOutcome> => {
      const signal = AbortSignal.timeout(this.#opts.timeoutMs);
      try {
        return await this.#pool.run({ bytes, named, asOf }, { signal });
      } catch (e) {
        if (signal.aborted) return { status: 'unreadable', kind: 'timeout', detail: `读取超过 ${this.#opts.timeoutMs / 1000} 秒，已中止` };
        const code = (e as { code?: string }).code;
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { status: 'unreadable', kind: 'memory', detail: `读取所需内存超过 ${this.#opts.heapMb} MB，已中止` };
        return { status: 'unreadable', kind: 'error', detail: `读取出错：${(e as Error).message}` };
      }
    });
  }

  /** Stop the worker threads. */
  close(): Promise<void> {
    return this.#pool.destroy();
  }
}
