// The site as a visitor over IPv6 sees it: the home page fetched over the host's AAAA address a few
// times, compared with the page the crawl read over IPv4, and a sample of the second- and
// third-level pages fetched again over IPv6 — the measures China's IPv6 monitoring of government
// portals uses. Requests go to the IPv6 address itself (through the run's proxy as a CONNECT to
// [address]:port, or directly), with the site's name in Host and SNI. Nothing is measured until the
// run has reached a reference page over IPv6: a network without IPv6 proves nothing about a site.
import net from 'node:net';
import tls from 'node:tls';
import { load } from 'cheerio';
import { Agent, type Dispatcher } from 'undici';
import { proxyFor } from './certificate.ts';
import { decodeHtml } from './decode.ts';
import { HttpClient, type HttpOutcome } from './http.ts';
import { isPrivateAddress } from './net-guard.ts';
import type { CrawlOptions } from './options.ts';
import { openTunnel } from './tunnel.ts';
import { resolveLink, sameSite } from './urls.ts';
import type { Ipv6Facts } from '../snapshot.ts';

/** Bytes read of a second- or third-level page over IPv6: enough to tell a page from an error. */
const LEVEL_BYTES = 64 * 1024;
/** Failed pages kept as evidence per level. */
const MAX_FAILED = 5;

const failure = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * An undici dispatcher whose connections go to the host's first IPv6 address (from `resolve6`):
 * through the proxy NO_PROXY does not exempt it from, as a CONNECT to [address]:port, else directly.
 */
export function ipv6Dispatcher(resolve6: (host: string) => Promise<string[]>, opts: Pick<CrawlOptions, 'timeoutMs' | 'perHost' | 'proxy' | 'allowPrivate'>): Dispatcher {
  const connect6 = async (hostname: string, protocol: string, port: number): Promise<net.Socket> => {
    const host = hostname.replace(/^\[|\]$/g, '');
    const address = net.isIP(host) === 6 ? host : await resolve6(host).then((a) => a[0]);
    if (!address) throw failure(`${host} has no AAAA record`, 'ENOTFOUND');
    if (!opts.allowPrivate && isPrivateAddress(address)) throw failure(`refused to connect to a private or loopback address: ${address}`, 'EPRIVATE');
    const proxy = proxyFor(host, opts.proxy);
    let socket: net.Socket;
    if (proxy) {
      const t = await openTunnel(`[${address}]:${port}`, proxy, opts.timeoutMs);
      // undici's wording for a proxy that will not tunnel, which classify() reads; a proxy that does not answer in time is a timeout, one that cannot be reached says so.
      if (!t.ok) throw t.status !== undefined ? failure(`Proxy response (${t.status}) to CONNECT [${address}]:${port}`, 'ECONNREFUSED') : failure(t.detail, t.timedOut ? 'ETIMEDOUT' : 'EPROXY');
      socket = t.socket;
    } else socket = await connected(net.connect({ host: address, port, family: 6 }), 'connect', opts.timeoutMs);
    if (protocol !== 'https:') return socket;
    return connected(tls.connect({ socket, servername: host, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }), 'secureConnect', opts.timeoutMs);
  };
  return new Agent({
    connections: opts.perHost,
    keepAliveTimeout: 10_000,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connect: (o, cb) => {
      const port = Number(o.port) || (o.protocol === 'https:' ? 443 : 80);
      connect6(o.hostname, o.protocol, port).then(
        (s) => cb(null, s),
        (e: Error) => cb(e, null),
      );
    },
  });
}

/** Resolves with the socket once `event` fired; rejects on its error or after timeoutMs. */
function connected<S extends net.Socket>(socket: S, event: 'connect' | 'secureConnect', timeoutMs: number): Promise<S> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(failure(`no connection within ${timeoutMs / 1000} s`, 'ETIMEDOUT'));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    });
  });
}

/** What one site's IPv6 measurement is given: the home page as the crawl read it, and the pages it read below. */
export interface Ipv6Input {
  homeUrl: string;
  /** The home page as fetched over IPv4 (before any rendering). */
  homeHtml: string | undefined;
  /** Pages the crawl read, with their depth (1: second level, 2: third level). */
  pages: ReadonlyArray<{ url: string; depth: number }>;
  /** Runs a request under its host's politeness. */
  run: (url: string, fetch: () => Promise<HttpOutcome>) => Promise<HttpOutcome>;
}

/** One run's IPv6 measurements: its own HTTP client (no retries: each try is a probe) and the reference check, made once. */
export class Ipv6Prober {
  readonly #http: HttpClient;
  readonly #opts: CrawlOptions;
  #reachable: Promise<{ reachable: boolean; detail: string }> | undefined;

  constructor(opts: CrawlOptions, resolve6: (host: string) => Promise<string[]>) {
    this.#opts = opts;
    this.#http = new HttpClient({ ...opts, retries: 0 }, undefined, ipv6Dispatcher(resolve6, opts));
  }

  /** Whether this run reaches IPv6: the reference page answered over it (any HTTP status counts). */
  reachable(): Promise<{ reachable: boolean; detail: string }> {
    this.#reachable ??= this.#http.fetch(this.#opts.ipv6Reference, { maxBytes: 0 }).then((o) => {
      const host = new URL(this.#opts.ipv6Reference).hostname;
      return o.ok
        ? { reachable: true, detail: `参照站点 ${host} 经 IPv6 应答 HTTP ${o.status}` }
        : { reachable: false, detail: `参照站点 ${host} 经 IPv6 无应答（${o.message}）：本次检查所在网络不能访问 IPv6，不作判断` };
    });
    return this.#reachable;
  }

  async measure(input: Ipv6Input): Promise<Ipv6Facts> {
    const { reachable, detail } = await this.reachable();
    if (!reachable) return { reachable, detail };
    const outcomes: string[] = [];
    let ok = 0;
    let v6: HttpOutcome | undefined;
    for (let i = 0; i < this.#opts.homeAttempts; i++) {
      const o = await input.run(input.homeUrl, () => this.#http.fetch(input.homeUrl));
      outcomes.push(outcomeText(o));
      if (o.ok && o.status < 400) {
        ok++;
        v6 ??= o;
      }
    }
    const facts: Ipv6Facts = { reachable, detail, home: { tries: outcomes.length, ok, outcomes } };
    if (!v6?.ok) return facts;
    if (input.homeHtml !== undefined) {
      const a = signature(input.homeHtml, input.homeUrl);
      const b = signature(decodeHtml(v6.body, v6.headers['content-type']).text, v6.finalUrl);
      facts.consistency = { v4Title: a.title, v6Title: b.title, linkSimilarity: jaccard(a.links, b.links) };
    }
    facts.levels = await Promise.all(
      ([2, 3] as const).map(async (level) => {
        const urls = sample([...new Set(input.pages.filter((p) => p.depth === level - 1).map((p) => p.url))].sort(), this.#opts.ipv6Links);
        const got = await Promise.all(urls.map(async (url) => ({ url, o: await input.run(url, () => this.#http.fetch(url, { maxBytes: LEVEL_BYTES })) })));
        const failed = got.filter(({ o }) => !(o.ok && o.status < 400));
        return { level, checked: got.length, ok: got.length - failed.length, failed: failed.slice(0, MAX_FAILED).map(({ url, o }) => ({ url, outcome: outcomeText(o) })) };
      }),
    );
    return facts;
  }

  /** Requests sent over IPv6 so far (the reference page's included). */
  get requests(): number {
    return this.#http.requests;
  }

  close(): Promise<void> {
    return this.#http.close();
  }
}

const outcomeText = (o: HttpOutcome): string => (o.ok ? `HTTP ${o.status}` : o.message);

/** `n` items spread evenly over a sorted list (all of them when it is short): the same sample every run. */
export function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/** A page's title and the paths of its same-site links: what a stale or placeholder IPv6 copy does not share. */
function signature(html: string, url: string): { title: string; links: Set<string> } {
  const $ = load(html);
  const links = new Set<string>();
  $('a[href]').each((_, a) => {
    const u = resolveLink($(a).attr('href'), url);
    if (u && sameSite(u, url)) links.add(new URL(u).pathname);
  });
  return { title: $('title').first().text().replace(/\s+/g, ' ').trim(), links };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return Math.round((both / (a.size + b.size - both)) * 100) / 100;
}
