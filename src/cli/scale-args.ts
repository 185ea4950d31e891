// Command-line options of `npm run scale` (generated findings at scale) and `npm run bench:build`
// (the portal build measured on them), parsed and checked.
import { parseArgs } from 'node:util';
import { wholeNumber } from './args.ts';
import { InputError } from '../store/yaml-file.ts';

/** What to generate: N sites × Q quarters ending with `until`. */
export interface ScaleSize {
  sites: number;
  quarters: number;
  until: string;
  seed: number;
  /** Upper bound on pages per sandbox site (which required columns exist, the crawl stats). */
  pagesPerSite: number;
}

/** npm run scale: a size and where to write it. */
export interface ScaleArgs extends ScaleSize {
  /** The content folder to write. */
  out: string;
}

/** npm run bench:build: a size to generate, or a content folder to build. */
export interface BenchBuildArgs extends ScaleSize {
  /** An existing content folder to build instead of generating one. */
  content?: string;
  /** Keep the temporary folder (generated content, dist, log). */
  keep: boolean;
}

/** 15,000 sites × 8 quarters is the size the portal must build in 10 minutes within 4 GB. */
export const SCALE_DEFAULTS: ScaleSize = { sites: 15_000, quarters: 8, until: '2026-Q4', seed: 1, pagesPerSite: 40 };

const SIZE_HELP = `  --sites N        registry sites (default ${SCALE_DEFAULTS.sites})
  --quarters N     consecutive quarters (default ${SCALE_DEFAULTS.quarters})
  --until QUARTER  the last quarter (default ${SCALE_DEFAULTS.until})
  --seed N         sandbox seed: the same seed and sizes give the same bytes (default ${SCALE_DEFAULTS.seed})
  --pages N        pages per sandbox site, at least 10 (default ${SCALE_DEFAULTS.pagesPerSite})`;

/** --help of npm run scale. */
export const SCALE_USAGE = `Usage: npm run scale -- --out DIR [options]

Writes a complete content folder (sites.yaml, units.yaml, rules.yaml, dictionary.yaml and
findings/<quarter>/<site>.md) from the sandbox's seeded defects, scored and written as a crawl
would, without crawling. Build the portal from it with CONTENT_DIR=DIR npm run build.

  --out DIR        the content folder to write (a registry there must be one the demo or this command wrote)
${SIZE_HELP}
  -h, --help       this text`;

/** --help of npm run bench:build. */
export const BENCH_BUILD_USAGE = `Usage: npm run bench:build -- [options]

Generates findings (as npm run scale), or uses --content DIR, then runs astro build on them with
its own cache and output folder (node_modules/.cache/bench-build-*, removed afterwards unless
--keep or the build failed) and prints wall time, peak memory of the build's process tree, pages
and the size of dist/. Every astro log line is shown with the seconds since the start and the
build's resident set at that moment, so the phases' shares can be read off.

  --content DIR    build this content folder instead of generating one (--sites etc. are then ignored)
${SIZE_HELP}
  --keep           keep that folder (generated content, dist, build.log)
  -h, --help       this text`;

const SIZE_OPTIONS = {
  sites: { type: 'string' },
  quarters: { type: 'string' },
  until: { type: 'string' },
  seed: { type: 'string' },
  pages: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type SizeValues = { [K in 'sites' | 'quarters' | 'until' | 'seed' | 'pages']?: string | undefined };

function parseSize(values: SizeValues): ScaleSize {
  const until = values.until ?? SCALE_DEFAULTS.until;
  if (!/^\d{4}-Q[1-4]$/.test(until)) throw new InputError(`--until must look like 2026-Q4, got "${until}"`);
  return {
    sites: wholeNumber('sites', values.sites, 1) ?? SCALE_DEFAULTS.sites,
    quarters: wholeNumber('quarters', values.quarters, 1) ?? SCALE_DEFAULTS.quarters,
    until,
    seed: wholeNumber('seed', values.seed, 0) ?? SCALE_DEFAULTS.seed,
    pagesPerSite: wholeNumber('pages', values.pages, 10) ?? SCALE_DEFAULTS.pagesPerSite,
  };
}

/** node:util parseArgs, its errors turned into InputError with the usage text. */
function parsed<T>(usage: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n\n${usage}`);
  }
}

/** Parse argv of npm run scale; throws InputError on bad input, returns undefined for --help. */
export function parseScaleArgs(argv: string[]): ScaleArgs | undefined {
  const { values } = parsed(SCALE_USAGE, () => parseArgs({ args: argv, strict: true, options: { ...SIZE_OPTIONS, out: { type: 'string' } } }));
  if (values.help) return undefined;
  if (!values.out) throw new InputError(`--out DIR is required\n\n${SCALE_USAGE}`);
  return { ...parseSize(values), out: values.out };
}

/** Parse argv of npm run bench:build; throws InputError on bad input, returns undefined for --help. */
export function parseBenchBuildArgs(argv: string[]): BenchBuildArgs | undefined {
  const { values } = parsed(BENCH_BUILD_USAGE, () =>
    parseArgs({ args: argv, strict: true, options: { ...SIZE_OPTIONS, content: { type: 'string' }, keep: { type: 'boolean' } } }),
  );
  if (values.help) return undefined;
  if (values.content === '') throw new InputError('--content needs a folder');
  return { ...parseSize(values), ...(values.content !== undefined ? { content: values.content } : {}), keep: values.keep === true };
}

/** 1536 MiB → "1.50 GB", 300 MiB → "300 MB", 20 KiB → "20 kB" (binary units, as RSS is counted). */
export function formatBytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb < 1) return `${(bytes / 1024).toFixed(0)} kB`;
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(0)} MB`;
}
