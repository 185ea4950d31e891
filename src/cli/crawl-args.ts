// Command-line options of `npm run crawl`, parsed and checked (bad values are configuration errors).
import { wholeNumber, parseFlags } from './args.ts';
import type { CrawlOptions } from '../inspector/gather/options.ts';
import { isIsoDate, quarterOf, todayInShanghai } from '../dates.ts';
import { InputError } from '../store/yaml-file.ts';

export interface CrawlArgs {
  contentDir: string;
  quarter: string;
  asOf: string;
  only?: string[];
  /** Inspect only the quarter's spot-check sample (content/quarters/<quarter>.md, sample.sites). */
  sample: boolean;
  options: Partial<CrawlOptions>;
}

export const CRAWL_USAGE = `Usage: npm run crawl -- [options]

  --content DIR          content folder (default: content)
  --as-of YYYY-MM-DD     监测时间点, the date every window is measured from (default: today, Asia/Shanghai)
  --quarter 2026-Q4      quarter to file the results under (default: the as-of date's quarter)
  --only id,id           inspect only these site ids
  --sample               inspect only the quarter's spot-check sample (drawn by npm run sample);
                         with --only, only those ids of the sample (ids outside it are refused)
  --concurrency N        requests in flight in the whole run (default 16)
  --per-host N           requests in flight per host (default 2)
  --site-concurrency N   sites crawled at once (default 4)
  --max-pages N          same-site pages per site (default 500)
  --max-depth N          link depth from the home page (default 3)
  --timeout SECONDS      time for one page, headers and body (default 15, the national rule)
  --retries N            retries for network errors, 429 and 5xx (default 2)
  --ignore-robots        do not read robots.txt (for the supervising office's own inspections)
  --allow-private        allow loopback and private addresses (intranet deployments)
  -h, --help             this text

Proxies: HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.`;


/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseCrawlArgs(argv: string[], today = todayInShanghai()): CrawlArgs | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        content: { type: 'string' },
        'as-of': { type: 'string' },
        quarter: { type: 'string' },
        only: { type: 'string' },
        sample: { type: 'boolean' },
        concurrency: { type: 'string' },
        'per-host': { type: 'string' },
        'site-concurrency': { type: 'string' },
        'max-pages': { type: 'string' },
        'max-depth': { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'ignore-robots': { type: 'boolean' },
        'allow-private': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    CRAWL_USAGE,
  );
  if (values.help) return undefined;
  const asOf = values['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const quarter = values.quarter ?? quarterOf(asOf);
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter}"`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 300)) throw new InputError(`--timeout must be seconds between 0 and 300, got "${values.timeout}"`);
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const options: Partial<CrawlOptions> = {};
  const set = <K extends keyof CrawlOptions>(k: K, v: CrawlOptions[K] | undefined) => {
    if (v !== undefined) options[k] = v;
  };
  set('concurrency', wholeNumber('concurrency', values.concurrency, 1));
  set('perHost', wholeNumber('per-host', values['per-host'], 1));
  set('siteConcurrency', wholeNumber('site-concurrency', values['site-concurrency'], 1));
  set('maxPages', wholeNumber('max-pages', values['max-pages'], 1));
  set('maxDepth', wholeNumber('max-depth', values['max-depth'], 0));
  set('retries', wholeNumber('retries', values.retries, 0));
  set('timeoutMs', timeout === undefined ? undefined : Math.round(timeout * 1000));
  if (values['ignore-robots']) options.robots = false;
  if (values['allow-private']) options.allowPrivate = true;
  return { contentDir: values.content ?? 'content', quarter, asOf, ...(only ? { only } : {}), sample: values.sample === true, options };
}
