// Crawl options and their defaults. The defaults are polite to the inspected sites (STYLE 11).

export const RENDER_MODES = ['never', 'auto', 'always'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

/** Everything that shapes one crawl run. */
export interface CrawlOptions {
  /**
   * Sites crawled at the same time: a fixed number when given; by default the run starts with 24
   * (half of `concurrency` when that is less) and adds sites while there is room, up to
   * `maxSitesAtOnce` (SiteAdmission).
   */
  siteConcurrency: number;
  /** Sites at once the run may grow to (equal to siteConcurrency when that is given; by default 8 × concurrency). */
  maxSitesAtOnce: number;
  /** No site beyond siteConcurrency is started while the crawler's resident set or its live memory (heap and buffers after a full collection) is above this, in MB; fewer are while its live memory is. */
  memoryBudgetMb: number;
  /** Requests in flight across the whole run. */
  concurrency: number;
  /** Requests in flight to one host. */
  perHost: number;
  /** Pause between two requests that start on the same host, in ms. */
  hostDelayMs: number;
  /** Total time for one request, headers and body, in ms. */
  timeoutMs: number;
  /** Retries after the first try, for network errors, 429 and 5xx. */
  retries: number;
  /** First backoff step in ms; doubled for each retry. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the try counts as failed. */
  maxRetryAfterMs: number;
  /** Redirects followed for one request. */
  maxRedirects: number;
  /** Bytes kept of one response after decompression; the rest is not read. */
  maxBytes: number;
  /** Same-site link depth from the home page. */
  maxDepth: number;
  /** Same-site HTML pages fetched per site. */
  maxPages: number;
  /** Time for one site, in ms: after it no new page is fetched and no new link checked (a trap cannot hold a run). */
  siteBudgetMs: number;
  /** Link targets checked per site at most (each checked once per run; the rest are counted, not judged). */
  maxLinkChecks: number;
  /** Spaced tries at the home page before a site counts as unreachable in this run. */
  homeAttempts: number;
  /** Pause between those tries, in ms. */
  homeAttemptGapMs: number;
  /** Honour robots.txt (default). The supervising office may switch it off for its own inspections. */
  robots: boolean;
  /** Allow fetching loopback and private addresses (tests, intranet deployments). */
  allowPrivate: boolean;
  /** The User-Agent sent; names the project and a contact URL. */
  userAgent: string;
  /** A browser's User-Agent, used once to tell a crawler block (403/412) from a real failure. */
  browserUserAgent: string;
  /**
   * Pages rendered in Chromium: never (static HTML only), auto (a page whose static reading cannot
   * decide: lists, footers, search or redirects written by script), always (every page).
   */
  render: RenderMode;
  /** Pages rendered per site at most; the rest are read statically and the findings file says how many. */
  maxRendered: number;
  /** Pages rendered at once in the whole run (one Chromium, this many tabs). */
  renderPages: number;
  /** Time to render one page (loading it with its scripts and reading the result), in ms; apart from timeoutMs, the national rule for one request. */
  renderTimeoutMs: number;
  /**
   * Where this run checks from (--vantage, or GOV_PORTAL_VANTAGE): an office's name for the network,
   * e.g. city-intranet or github-hosted. Recorded in every findings file.
   */
  vantage?: string;
  /**
   * Network failures seen from here count (rules.yaml's trustedVantages holds the vantage, or lists
   * none). When false, timeouts, refusals and resets are inconclusive and no site is judged unreachable
   * on this run's tries alone: a site abroad may not answer where a visitor in China is answered.
   */
  trustedNetwork: boolean;
  /** Read the same-site attachments the crawl links to (xlsx, docx, pdf, csv, xls, doc) for personal data. */
  attachments: boolean;
  /** Attachments read per site at most (the rest are counted, not read). */
  maxAttachments: number;
  /** Bytes of one attachment at most: a larger one is recorded as not read. */
  maxAttachmentBytes: number;
  /** Read the home host's certificate and the protocols it accepts on 443 (certificate-invalid). */
  certificates: boolean;
  /**
   * Fetch the site over IPv6 too, when its home host has AAAA records (ipv6-missing, ipv6-incomplete):
   * the home page `homeAttempts` times, and a sample of its second- and third-level pages. Only after
   * the run has reached `ipv6Reference` over IPv6: from a network without IPv6 nothing is judged.
   */
  ipv6: boolean;
  /** A page that answers over IPv6 wherever IPv6 works (the national portal): the run's proof that it can reach IPv6 at all. */
  ipv6Reference: string;
  /** Second-level pages, and as many third-level ones, fetched again over IPv6 per site at most. */
  ipv6Links: number;
  /**
   * Pages checked by axe-core per site (accessibility-issues): the home page and the list pages of the
   * first columns on it. Only when pages are rendered (render auto or always); 0: none.
   */
  auditPages: number;
  /** Roots trusted besides Node's, NODE_EXTRA_CA_CERTS and the system's (PEM): an office's own CA, the sandbox's. */
  extraCa?: string[];
  /** Explicit proxy; by default HTTP_PROXY / HTTPS_PROXY / NO_PROXY are read from the environment. */
  proxy?: { http?: string; https?: string; noProxy?: string };
}

/** Where inspected sites can read who is crawling them. */
export const CONTACT_URL = 'https://github.com/gov-site-supervision/gov-site-supervision';

export const DEFAULT_OPTIONS: CrawlOptions = {
  // Politeness belongs to each host (perHost, hostDelayMs); the run keeps many hosts busy. Measured on
  // the sandbox (npm run bench, README "Politeness that fills the time"): 4 sites and 16 in flight
  // took 4.55× the politeness bound at 24 sites; at 200 sites 48 in flight held the run to some 110
  // sites at once (1.94× the machine's bound), 256 let it grow to 182 (1.70×). siteConcurrency and
  // maxSitesAtOnce are derived below.
  siteConcurrency: 0,
  maxSitesAtOnce: 0,
  memoryBudgetMb: 1_200,
  concurrency: 256,
  perHost: 2,
  hostDelayMs: 200,
  // The national rule: a page that has not loaded within 15 s counts as not opening.
  timeoutMs: 15_000,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 3,
  maxPages: 500,
  siteBudgetMs: 20 * 60_000,
  maxLinkChecks: 5_000,
  attachments: true,
  certificates: true,
  ipv6: true,
  ipv6Reference: 'https://www.gov.cn/',
  ipv6Links: 10,
  auditPages: 4,
  maxAttachments: 20,
  maxAttachmentBytes: 20 * 1024 * 1024,
  homeAttempts: 3,
  homeAttemptGapMs: 5_000,
  robots: true,
  allowPrivate: false,
  trustedNetwork: true,
  render: 'auto',
  maxRendered: 30,
  renderPages: 3,
  renderTimeoutMs: 15_000,
  userAgent: `GovSiteInspector/0.1 (+${CONTACT_URL}; government website supervision)`,
  browserUserAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
};

/** Defaults overridden by the given values; rejects values that make no sense. */
export function resolveOptions(partial: Partial<CrawlOptions> = {}): CrawlOptions {
  const o: CrawlOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(partial) };
  if (partial.siteConcurrency === undefined) o.siteConcurrency = Math.max(1, Math.min(24, Math.floor(o.concurrency / 2)));
  if (partial.maxSitesAtOnce === undefined) o.maxSitesAtOnce = partial.siteConcurrency === undefined ? Math.max(o.siteConcurrency, 8 * o.concurrency) : o.siteConcurrency;
  if (o.maxSitesAtOnce < o.siteConcurrency) throw new Error(`crawl option maxSitesAtOnce (${o.maxSitesAtOnce}) must be at least siteConcurrency (${o.siteConcurrency})`);
  const positive: (keyof CrawlOptions)[] = ['siteConcurrency', 'maxSitesAtOnce', 'memoryBudgetMb', 'concurrency', 'perHost', 'timeoutMs', 'maxBytes', 'maxPages', 'homeAttempts', 'renderPages', 'renderTimeoutMs', 'siteBudgetMs', 'maxLinkChecks', 'maxAttachmentBytes'];
  for (const k of positive) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error(`crawl option ${k} must be a whole number ≥ 1, got ${String(v)}`);
  }
  const nonNegative: (keyof CrawlOptions)[] = ['hostDelayMs', 'retries', 'backoffMs', 'maxRetryAfterMs', 'maxRedirects', 'maxDepth', 'homeAttemptGapMs', 'maxRendered', 'maxAttachments', 'ipv6Links', 'auditPages'];
  for (const k of nonNegative) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`crawl option ${k} must be a whole number ≥ 0, got ${String(v)}`);
  }
  if (!RENDER_MODES.includes(o.render)) throw new Error(`crawl option render must be one of ${RENDER_MODES.join(', ')}, got ${String(o.render)}`);
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
