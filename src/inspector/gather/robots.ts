// robots.txt, read once per origin and run.
import robotsParser from 'robots-parser';
import type { HttpClient } from './http.ts';

/** The product token matched against User-agent lines. */
export const ROBOTS_AGENT = 'GovSiteInspector';

type Robot = ReturnType<typeof robotsParser>;

/** What robots.txt allows on one origin. */
export interface RobotsPolicy {
  allowed(url: string): boolean;
  /** Crawl-delay asked for, in ms, if any. */
  delayMs: number | undefined;
  /** How the file was obtained, for the record. */
  status: 'honoured' | 'ignored' | 'absent' | 'unreachable';
}

const allowAll = (status: RobotsPolicy['status']): RobotsPolicy => ({ allowed: () => true, delayMs: undefined, status });

/** Fetches and caches robots.txt per origin. */
export class RobotsCache {
  readonly #cache = new Map<string, Promise<RobotsPolicy>>();
  readonly #known = new Map<string, RobotsPolicy>();
  readonly #http: HttpClient;
  readonly #enabled: boolean;

  constructor(http: HttpClient, enabled: boolean) {
    this.#http = http;
    this.#enabled = enabled;
  }

  /** The policy for a URL's origin when it has already been read, without a request (the renderer's guard). */
  peek(url: string): RobotsPolicy | undefined {
    return this.#known.get(new URL(url).origin);
  }

  /** The policy for a URL's origin. */
  forUrl(url: string): Promise<RobotsPolicy> {
    if (!this.#enabled) return Promise.resolve(allowAll('ignored'));
    const origin = new URL(url).origin;
    let p = this.#cache.get(origin);
    if (!p) {
      p = this.#load(origin).then((policy) => (this.#known.set(origin, policy), policy));
      this.#cache.set(origin, p);
    }
    return p;
  }

  async #load(origin: string): Promise<RobotsPolicy> {
    const robotsUrl = `${origin}/robots.txt`;
    const res = await this.#http.fetch(robotsUrl, { maxBytes: 512 * 1024, accept: 'text/plain,*/*' });
    // RFC 9309: a missing file (4xx) allows everything; an unreachable one (5xx, network) allows nothing.
    if (res.ok && res.status >= 400 && res.status < 500) return allowAll('absent');
    if (!res.ok || res.status >= 500) return { allowed: () => false, delayMs: undefined, status: 'unreachable' };
    const robot: Robot = robotsParser(robotsUrl, res.body.toString('utf8'));
    const delay = robot.getCrawlDelay(ROBOTS_AGENT);
    return {
      allowed: (u) => robot.isAllowed(u, ROBOTS_AGENT) !== false,
      delayMs: delay === undefined ? undefined : Math.min(delay, 30) * 1000,
      status: 'honoured',
    };
  }
}
