// Judging link targets: HEAD first, GET when HEAD is refused or fails, each target once per run.
import { randomBytes } from 'node:crypto';
import type { HttpClient, HttpOutcome } from './http.ts';
import type { LinkResult } from '../snapshot.ts';
import { decodeHtml } from './decode.ts';
import { notFoundEvidence } from './extract.ts';
import type { HostScheduler } from './scheduler.ts';

const FAILURE_TEXT: Record<string, string> = {
  timeout: '连接超时',
  dns: '域名无法解析',
  refused: '连接被拒绝',
  reset: '连接被重置',
  'redirect-loop': '重定向循环',
  'too-many-redirects': '重定向次数过多',
  network: '网络错误',
};

/** Evidence text for a failure. */
export function failureDetail(o: Extract<HttpOutcome, { ok: false }>, timeoutMs: number): string {
  if (o.code === 'timeout') return `连接超时（${timeoutMs / 1000} 秒内未完成）`;
  return FAILURE_TEXT[o.code] ?? o.message;
}

/** An HTML-like response; a missing Content-Type counts as HTML, as browsers sniff it. */
export const isHtml = (headers: Record<string, string>) => /html|xml/i.test(headers['content-type'] ?? 'text/html');

/** The verdict on a page served with a 2xx status whose text says it does not exist. */
export const softNotFound = (url: string, status: number, why?: string): LinkResult => ({ url, verdict: 'broken', status, detail: `HTTP ${status}，但页面显示“页面不存在”${why ? `（${why}）` : ''}` });

/**
 * A page's signature for comparing two answers of one site: its title and visible text without
 * digits and spaces (a catch-all page may print the time or the path asked for). Empty pages have none.
 */
export function pageSignature(o: Extract<HttpOutcome, { ok: true }>): string | undefined {
  const text = decodeHtml(o.body, o.headers['content-type']).text;
  const sig = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\s\d]+/g, '')
    .replace(/gov-site-check-[0-9a-f]+/g, '');
  return sig.length >= 10 ? sig : undefined;
}

/** What a site's root page is called: a deep link that ends there was dropped. */
const HOME_PATH = /^\/(?:(?:index|default|home|main)\.(?:s?html?|jsp|aspx?|php))?$/i;

/**
 * A deep link redirected to its site's home page: the page it named is gone, and the visitor sees
 * the home page instead (a soft 404 by redirect). A link to a home page, or to another site, is not.
 */
export function redirectedHome(o: Extract<HttpOutcome, { ok: true }>): boolean {
  if (o.redirects.length === 0) return false;
  const from = new URL(o.url);
  const to = new URL(o.finalUrl);
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');
  return host(from) === host(to) && !HOME_PATH.test(from.pathname) && HOME_PATH.test(to.pathname) && to.search === '';
}

/** Chinese names of the HTTP statuses a check meets most, for evidence a web editor reads. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '需要登录',
  403: '禁止访问',
  404: '页面不存在',
  405: '不允许该请求方法',
  408: '请求超时',
  410: '页面已删除',
  412: '前提条件不满足',
  429: '请求过多',
  500: '服务器内部错误',
  501: '服务器不支持该功能',
  502: '网关错误',
  503: '服务暂不可用',
  504: '网关超时',
};

/** HTTP 404（页面不存在）: an answer's status as evidence, with its meaning in Chinese (by class when the code is rare). */
export function statusDetail(status: number): string {
  const name = STATUS_NAMES[status] ?? (status >= 500 ? '服务器错误' : status >= 400 ? '请求错误' : status >= 300 ? '重定向' : '正常');
  return `HTTP ${status}（${name}）`;
}

/**
 * Judge one outcome; a 403/412 is checked again with a browser's User-Agent by the caller.
 * readsPage: the caller parses the page itself and tells soft 404s apart, so skip that here.
 */
export function judge(o: HttpOutcome, timeoutMs: number, readsPage = false, vantage?: UntrustedVantage): LinkResult {
  if (!o.ok) {
    if (o.code === 'private-address' || o.code === 'unsupported-url') return { url: o.url, verdict: 'skipped', failure: o.code, detail: o.message };
    // Seen from a network rules.yaml does not trust, a failure to connect may be where the check ran.
    if (vantage && o.code !== 'redirect-loop' && o.code !== 'too-many-redirects') {
      return { url: o.url, verdict: 'inconclusive', failure: o.code, detail: `${failureDetail(o, timeoutMs)}（检查地点“${vantage.name}”不在可信列表，网络故障不作认定）` };
    }
    return { url: o.url, verdict: 'broken', failure: o.code, detail: failureDetail(o, timeoutMs) };
  }
  const s = o.status;
  if (s >= 200 && s < 300) {
    if (redirectedHome(o)) return { url: o.url, verdict: 'broken', status: s, detail: `HTTP ${s}，但被重定向到网站首页 ${o.finalUrl}（原页面已不存在）` };
    if (!readsPage && o.body.length > 0 && isHtml(o.headers)) {
      const text = decodeHtml(o.body, o.headers['content-type']).text;
      const title = /<title[^>]*>([^<]*)/i.exec(text)?.[1]?.trim() ?? '';
      const bodyText = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      const why = notFoundEvidence(title, bodyText);
      if (why) return softNotFound(o.url, s, why);
    }
    return { url: o.url, verdict: 'ok', status: s, detail: `HTTP ${s}` };
  }
  // 401 asks for a login and 429 for patience: neither says the link is dead.
  if (s === 401 || s === 429) return { url: o.url, verdict: 'inconclusive', status: s, detail: `HTTP ${s}，无法判断` };
  return { url: o.url, verdict: 'broken', status: s, detail: statusDetail(s) };
}

/** A vantage whose network failures do not count (rules.yaml's trustedVantages does not hold it). */
export interface UntrustedVantage {
  name: string;
}

/** Checks link targets once per run and remembers the verdicts. */
export class LinkChecker {
  readonly #cache = new Map<string, Promise<LinkResult>>();
  readonly #http: HttpClient;
  readonly #scheduler: HostScheduler;
  readonly #timeoutMs: number;
  readonly #browserUserAgent: string;
  readonly #untrusted: UntrustedVantage | undefined;
  /** Per origin: the signature of its answer to a made-up path (a catch-all), or undefined. */
  readonly #madeUp = new Map<string, Promise<string | undefined>>();

  constructor(http: HttpClient, scheduler: HostScheduler, timeoutMs: number, browserUserAgent: string, untrusted?: UntrustedVantage) {
    this.#http = http;
    this.#scheduler = scheduler;
    this.#timeoutMs = timeoutMs;
    this.#browserUserAgent = browserUserAgent;
    this.#untrusted = untrusted;
  }

  /** Distinct targets checked so far in this run. */
  get size(): number {
    return this.#cache.size;
  }

  /** Record the verdict of a page the crawler fetched itself, so it is not requested again. */
  remember(url: string, result: Promise<LinkResult>): void {
    if (!this.#cache.has(url)) this.#cache.set(url, result);
  }

  /** The cached verdict, if this target was already judged or is being judged. */
  known(url: string): Promise<LinkResult> | undefined {
    return this.#cache.get(url);
  }

  /**
   * Judge a target: HEAD, then GET when HEAD is refused or fails. With readPages, a bounded GET at
   * once, to see a "page not found" served as 200 (a HEAD answer has no body, and asking both would
   * double the requests to the hosts every site links to, the 找错 and 党政机关标识 services, whose
   * politeness then bounds the whole run): the crawl asks it for every page link, on its own site
   * and on others (an error page on another site's host is as broken for the visitor).
   */
  check(url: string, readPages = false): Promise<LinkResult> {
    let p = this.#cache.get(url);
    if (!p) {
      p = this.#check(url, readPages);
      this.#cache.set(url, p);
    }
    return p;
  }

  /** Each try in its host's turn; the waits between tries hold no slot. */
  readonly #schedule = <T>(host: string, attempt: () => Promise<T>): Promise<T> => this.#scheduler.run(host, attempt);

  async #check(url: string, readPages: boolean): Promise<LinkResult> {
    if (!readPages) {
      const head = await this.#http.fetch(url, { method: 'HEAD', schedule: this.#schedule });
      const headResult = judge(head, this.#timeoutMs, false, this.#untrusted);
      if (headResult.verdict === 'ok' || headResult.verdict === 'skipped') return headResult;
    }
    // 64 KB is enough to read a "page not found" message and keeps link checks cheap.
    const get = await this.#http.fetch(url, { maxBytes: 64 * 1024, schedule: this.#schedule });
    const result = await this.recheckBlocked(url, get);
    // A site that answers every path with the same page: the target is that page, not its own.
    // A home page is what a catch-all answers with: only a deep link can be a missing page.
    if (readPages && result.verdict === 'ok' && get.ok && isHtml(get.headers) && !HOME_PATH.test(new URL(url).pathname)) {
      const catchAll = await this.#madeUpAnswer(url);
      if (catchAll !== undefined && catchAll === pageSignature(get)) return softNotFound(url, get.status, '与该网站对一个不存在的地址的应答相同');
    }
    return result;
  }

  /**
   * What a site answers for a path that cannot exist, once per origin and run: the signature of its
   * page when it answers 200 with HTML (a catch-all), undefined when it says 404 or anything else.
   */
  #madeUpAnswer(url: string): Promise<string | undefined> {
    const origin = new URL(url).origin;
    let p = this.#madeUp.get(origin);
    if (!p) {
      const probe = `${origin}/gov-site-check-${randomBytes(6).toString('hex')}.html`;
      p = this.#http
        .fetch(probe, { maxBytes: 64 * 1024, schedule: this.#schedule })
        .then((o) => (o.ok && o.status === 200 && isHtml(o.headers) && o.redirects.length === 0 ? pageSignature(o) : undefined));
      this.#madeUp.set(origin, p);
    }
    return p;
  }

  /** Judge a GET; a 403/412 that a browser's User-Agent does not get is inconclusive, not broken. */
  async recheckBlocked(url: string, get: HttpOutcome, readsPage = false): Promise<LinkResult> {
    const result = judge(get, this.#timeoutMs, readsPage, this.#untrusted);
    if (!get.ok || (get.status !== 403 && get.status !== 412)) return result;
    const asBrowser = await this.#http.fetch(url, { maxBytes: 64 * 1024, userAgent: this.#browserUserAgent, schedule: this.#schedule });
    if (asBrowser.ok && asBrowser.status < 400) {
      return { url, verdict: 'inconclusive', status: get.status, detail: `HTTP ${get.status}（仅拒绝检查程序，浏览器可访问）` };
    }
    return result;
  }
}
