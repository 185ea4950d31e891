// The only code that talks HTTP: one request with timeouts, size cap, decompression, retries and redirects.
// Failures of the outside world come back as data (HttpFailure), never as exceptions (STYLE 3).
import { setTimeout as sleep } from 'node:timers/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { Agent, EnvHttpProxyAgent, Pool, request, type Dispatcher } from 'undici';
import type { CrawlOptions } from './options.ts';
import type { FailureCode } from '../snapshot.ts';
import { guardedLookup, isPrivateUrl } from './net-guard.ts';

/** An HTTP response (any status), with the body read up to the byte cap. */
export interface HttpResponse {
  ok: true;
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body was longer than the cap and was cut there. */
  truncated: boolean;
  /** Every URL after the first one, in order. */
  redirects: string[];
  /** Requests made, counting retries and redirect hops. */
  tries: number;
  elapsedMs: number;
}

/** No usable HTTP response: the reason, as data. */
export interface HttpFailure {
  ok: false;
  url: string;
  finalUrl: string;
  code: FailureCode;
  message: string;
  redirects: string[];
  tries: number;
  elapsedMs: number;
}

export type HttpOutcome = HttpResponse | HttpFailure;

/** What to ask for. */
export interface FetchRequest {
  method?: 'GET' | 'HEAD';
  /** Read at most this many bytes of body (after decompression); 0 reads none. */
  maxBytes?: number;
  userAgent?: string;
  accept?: string;
  /**
   * Runs each try in its host's turn (HostScheduler.run): a try takes a slot of its host and of the
   * run, the wait before a retry holds none, and a redirect to another host waits for that host's.
   */
  schedule?: <T>(host: string, attempt: () => Promise<T>) => Promise<T>;
}

type Hop = { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer; truncated: boolean } | { kind: 'failure'; code: FailureCode; message: string };

/** Sleeps are injectable so that tests can observe backoff without waiting. */
export type Sleeper = (ms: number) => Promise<unknown>;

/** An HTTP client bound to one crawl's options; create one per run and close it at the end. */
export class HttpClient {
  readonly #opts: CrawlOptions;
  readonly #dispatcher: Dispatcher;
  readonly #sleep: Sleeper;
  /** Requests actually sent, for statistics and benchmarks. */
  requests = 0;

  /** `dispatcher`: where requests go instead of the run's proxy or a direct connection (the IPv6 checks' own, ipv6.ts). */
  constructor(opts: CrawlOptions, sleeper: Sleeper = (ms) => sleep(ms), dispatcher?: Dispatcher) {
    this.#opts = opts;
    this.#sleep = sleeper;
    // Certificates are not verified here: a site with an expired certificate, or one signed by a
    // root Node's store lacks (Chinese CAs browsers in China trust), still shows its pages. The
    // certificate is read and judged on its own (certificate.ts, the certificate-invalid rule).
    const poolOptions = {
      connections: opts.perHost,
      keepAliveTimeout: 10_000,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      connect: opts.allowPrivate ? { timeout: opts.timeoutMs, rejectUnauthorized: false } : { timeout: opts.timeoutMs, lookup: guardedLookup, rejectUnauthorized: false },
    };
    // The same through a proxy's tunnel.
    const requestTls = { rejectUnauthorized: false };
    // The proxy wrapper passes its own connector in `o`; it must win over ours.
    const factory = (origin: string | URL, o: object) => new Pool(origin, { ...poolOptions, ...o });
    // The client that talks to the proxy itself: its CONNECT answer is held to the same deadline
    // (undici's default would wait 300 s for a proxy that never answers).
    const clientFactory = (origin: string | URL, o: object) => new Pool(origin, { ...o, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
    // With no explicit proxy, EnvHttpProxyAgent reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY itself.
    this.#dispatcher =
      dispatcher ??
      (opts.proxy === undefined
        ? new EnvHttpProxyAgent({ ...poolOptions, factory, clientFactory, connectTimeout: opts.timeoutMs, requestTls })
        : opts.proxy.http || opts.proxy.https
          ? new EnvHttpProxyAgent({
              ...poolOptions,
              factory,
              clientFactory,
              connectTimeout: opts.timeoutMs,
              requestTls,
              ...(opts.proxy.http ? { httpProxy: opts.proxy.http } : {}),
              ...(opts.proxy.https ? { httpsProxy: opts.proxy.https } : {}),
              ...(opts.proxy.noProxy ? { noProxy: opts.proxy.noProxy } : {}),
            })
          : new Agent({ ...poolOptions, factory }));
  }

  /** Fetch a URL, following redirects and retrying what is worth retrying. Never throws for network trouble. */
  async fetch(url: string, req: FetchRequest = {}): Promise<HttpOutcome> {
    const started = performance.now();
    const redirects: string[] = [];
    let current = url;
    let tries = 0;
    const done = <T extends object>(o: T) => ({ ...o, url, finalUrl: current, redirects, tries, elapsedMs: Math.round(performance.now() - started) });
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return done({ ok: false as const, code: 'unsupported-url' as const, message: `not a valid URL: ${current}` });
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return done({ ok: false as const, code: 'unsupported-url' as const, message: `not an http(s) URL: ${current}` });
      }
      if (!this.#opts.allowPrivate && isPrivateUrl(parsed)) {
        return done({ ok: false as const, code: 'private-address' as const, message: `refused to fetch a private or loopback address: ${parsed.host}` });
      }
      const { hop: result, tries: t } = await this.#withRetries(current, req);
      tries += t;
      if (result.kind === 'failure') return done({ ok: false as const, code: result.code, message: result.message });
      const location = result.headers['location'];
      if (result.status >= 300 && result.status < 400 && result.status !== 304 && location) {
        let next: string;
        try {
          next = new URL(location, current).href.replace(/#.*$/, '');
        } catch {
          return done({ ok: false as const, code: 'unsupported-url' as const, message: `redirect to an invalid location: ${location}` });
        }
        if (next === url || redirects.includes(next)) {
          return done({ ok: false as const, code: 'redirect-loop' as const, message: `redirect loop back to ${next}` });
        }
        if (hop >= this.#opts.maxRedirects) {
          return done({ ok: false as const, code: 'too-many-redirects' as const, message: `more than ${this.#opts.maxRedirects} redirects` });
        }
        redirects.push(next);
        current = next;
        continue;
      }
      return done({ ok: true as const, status: result.status, headers: result.headers, body: result.body, truncated: result.truncated });
    }
  }

  async #withRetries(url: string, req: FetchRequest): Promise<{ hop: Hop; tries: number }> {
    const o = this.#opts;
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      const hop = await (req.schedule ? req.schedule(host, () => this.#once(url, req)) : this.#once(url, req));
      const last = attempt >= o.retries;
      if (hop.kind === 'response' && (hop.status === 429 || hop.status >= 500) && !last) {
        const after = retryAfterMs(hop.headers['retry-after']);
        if (after !== undefined && after > o.maxRetryAfterMs) return { hop, tries: attempt + 1 };
        await this.#sleep(after ?? o.backoffMs * 2 ** attempt);
        continue;
      }
      // A timeout already cost the full time budget; trying again would triple the cost of every dead link.
      if (hop.kind === 'failure' && !last && (hop.code === 'refused' || hop.code === 'reset' || hop.code === 'network')) {
        await this.#sleep(o.backoffMs * 2 ** attempt);
        continue;
      }
      return { hop, tries: attempt + 1 };
    }
  }

  async #once(url: string, req: FetchRequest): Promise<Hop> {
    const o = this.#opts;
    const method = req.method ?? 'GET';
    const maxBytes = method === 'HEAD' ? 0 : (req.maxBytes ?? o.maxBytes);
    // One deadline for headers and body together; cleared when done so it never fires on a finished
    // body. It aborts the request and answers at once, whatever the request is still waiting for (a
    // proxy's CONNECT, a TLS handshake): the deadline is the most a request can cost.
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Hop>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new DOMException('deadline', 'TimeoutError'));
        resolve({ kind: 'failure', code: 'timeout', message: `no complete answer within ${o.timeoutMs / 1000} s` });
      }, o.timeoutMs);
    });
    this.requests++;
    try {
      return await Promise.race([this.#send(url, req, method, maxBytes, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #send(url: string, req: FetchRequest, method: 'GET' | 'HEAD', maxBytes: number, signal: AbortSignal): Promise<Hop> {
    const o = this.#opts;
    try {
      const res = await request(url, {
        method,
        dispatcher: this.#dispatcher,
        signal,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
        headers: {
          'user-agent': req.userAgent ?? o.userAgent,
          accept: req.accept ?? 'text/html,application/xhtml+xml,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'zh-CN,zh;q=0.9',
        },
      });
      res.body.on('error', () => {}); // errors after we stop reading are of no interest
      const headers = flattenHeaders(res.headers);
      if (maxBytes === 0 || (res.statusCode >= 300 && res.statusCode < 400)) {
        res.body.destroy();
        return { kind: 'response', status: res.statusCode, headers, body: Buffer.alloc(0), truncated: false };
      }
      const { body, truncated } = await readCapped(res.body, headers['content-encoding'], maxBytes);
      return { kind: 'response', status: res.statusCode, headers, body, truncated };
    } catch (err) {
      return { kind: 'failure', ...classify(err, o.timeoutMs) };
    }
  }

  /** Close every connection. */
  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

/** Read a body, decompressing it, and stop at maxBytes of output: a gzip bomb or an endless page costs no more. */
export async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  const decoder = decompressor(encoding);
  const source: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (size + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    body.destroy();
    decoder?.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated };
}

function decompressor(encoding: string | undefined): Transform | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Map a thrown network error to a failure code and a short message. */
export function classify(err: unknown, timeoutMs: number): { code: FailureCode; message: string } {
  const chain: Array<{ name?: string; code?: string; message?: string }> = [];
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    chain.push(e as { name?: string; code?: string; message?: string });
  }
  const has = (pred: (e: { name?: string; code?: string }) => boolean) => chain.some(pred);
  const first = chain[0]?.message ?? String(err);
  // undici names a proxy's refusal to tunnel an AbortError: it is an answer, not a timeout.
  const refusedTunnel = chain.map((e) => /Proxy response \((\d+)\)/.exec(e.message ?? '')).find(Boolean);
  if (refusedTunnel) return { code: 'proxy', message: `代理服务器拒绝连接（HTTP ${refusedTunnel[1]}）` };
  if (has((e) => e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(e.code ?? ''))) {
    return { code: 'timeout', message: `no complete answer within ${timeoutMs / 1000} s` };
  }
  if (has((e) => e.code === 'EPRIVATE')) return { code: 'private-address', message: first };
  if (has((e) => e.code === 'ENOTFOUND')) return { code: 'dns', message: 'host name not found (DNS)' };
  if (has((e) => e.code === 'ECONNREFUSED')) return { code: 'refused', message: 'connection refused' };
  if (has((e) => e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.code === 'UND_ERR_SOCKET')) return { code: 'reset', message: 'connection reset' };
  return { code: 'network', message: first };
}
