// What the crawler hands to the rules: everything gathered about one site, and nothing that needs the network.
import type { Site } from '../../schemas/registry.ts';
import type { LinkKind } from './extract.ts';
import type { FailureCode } from './http.ts';

/** The verdict on one link target. */
export interface LinkResult {
  url: string;
  /**
   * ok: opens. broken: does not open for anyone. inconclusive: refused to the crawler but not to a
   * browser, or rate-limited, so it cannot be judged. skipped: not checked (robots.txt, private address).
   */
  verdict: 'ok' | 'broken' | 'inconclusive' | 'skipped';
  /** Final HTTP status, when there was one. */
  status?: number;
  /** Network failure, when there was no usable response. */
  failure?: FailureCode;
  /** Short evidence in Chinese for people, e.g. "HTTP 404" or "连接超时（15 秒）". */
  detail: string;
}

/** A link target with the pages that refer to it. */
export interface SiteLink extends LinkResult {
  kind: LinkKind;
  /** Referring pages, sorted; the home page first when it is one of them. */
  referrers: string[];
}

/** One try at the home page. */
export interface HomeAttempt {
  ok: boolean;
  /** HTTP status or failure reason. */
  detail: string;
  elapsedMs: number;
}

/** One same-site HTML page that was fetched and read. */
export interface PageSnapshot {
  url: string;
  /** After redirects. */
  finalUrl: string;
  depth: number;
  status: number;
  charset: string;
  title: string;
}

/** Everything gathered about one site in one run. */
export interface SiteSnapshot {
  site: Site;
  asOf: string;
  home: {
    attempts: HomeAttempt[];
    /** Final URL of the home page, when it loaded. */
    url?: string;
    /** Decoded HTML of the home page, when it loaded. */
    html?: string;
  };
  pages: PageSnapshot[];
  links: SiteLink[];
  robots: 'honoured' | 'ignored' | 'absent' | 'unreachable';
}
