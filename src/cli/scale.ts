// npm run scale (findings at scale from the sandbox's seeded defects, without crawling) and npm run
// bench:build (the portal build measured on them): options, parsed and checked, and the commands.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_BUDGET, benchWorkDir, measureBuild, tally } from '../bench/build.ts';
import { formatBytes } from '../bench/proc-memory.ts';
import { generateScale } from '../demo/scale.ts';
import { InputError } from '../errors.ts';
import { wholeNumber } from './args.ts';

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
  /** Whether a size was asked for (--sites …): then it is generated, even when npm run scale has written SCALE_OUT. */
  sized: boolean;
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

/** Where npm run scale writes without --out, and what npm run bench:build builds without a size or --content when it is there. */
export const SCALE_OUT = '.scale';

/** --help of npm run scale. */
export const SCALE_USAGE = `Usage: npm run scale -- [SITES [QUARTERS]] [--out DIR] [options]

Writes a complete content folder (sites.yaml, units.yaml, rules.yaml, dictionary.yaml and
findings/<quarter>/<site>.md) from the sandbox's seeded defects, scored and written as a crawl
would, without crawling. Build the portal from it with CONTENT_DIR=DIR npm run build.

  SITES QUARTERS   the same as --sites and --quarters: npm run scale -- 15000 8
  --out DIR        the content folder to write (default ${SCALE_OUT}/, which npm run bench:build then
                   builds; a registry there must be one the demo or this command wrote)
${SIZE_HELP}
  -h, --help       this text`;

/** --help of npm run bench:build. */
export const BENCH_BUILD_USAGE = `Usage: npm run bench:build -- [options]

Generates findings (as npm run scale), or uses --content DIR, then runs npm run build's steps on
them, as the deploy workflow does (the all-quarters open data beside dist/, for a release), with its
own cache and output folder (node_modules/.cache/bench-build-*, removed afterwards unless --keep or
the build failed), and prints wall time, peak memory of the build's process tree, pages, the size
of dist/ and its largest file, each against its budget. Every log line is shown with the seconds
since the start and the build's resident set at that moment, so the steps' shares can be read off.

  --content DIR    build this content folder instead of generating one (--sites etc. are then ignored);
                   without it or a size, ${SCALE_OUT}/ when npm run scale has written it
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
  const { values, positionals } = parsed(SCALE_USAGE, () => parseArgs({ args: argv, strict: true, allowPositionals: true, options: { ...SIZE_OPTIONS, out: { type: 'string' } } }));
  if (values.help) return undefined;
  if (values.out === '') throw new InputError(`--out needs a folder\n\n${SCALE_USAGE}`);
  // npm run scale -- 15000 8: the sites, then the quarters.
  if (positionals.length > 2) throw new InputError(`at most two numbers, SITES and QUARTERS, got ${positionals.join(' ')}\n\n${SCALE_USAGE}`);
  const [sites, quarters] = positionals;
  if ((sites !== undefined && values.sites !== undefined) || (quarters !== undefined && values.quarters !== undefined)) throw new InputError(`give the sites and the quarters once, as numbers or as --sites and --quarters\n\n${SCALE_USAGE}`);
  return { ...parseSize({ ...values, ...(sites !== undefined ? { sites } : {}), ...(quarters !== undefined ? { quarters } : {}) }), out: values.out ?? SCALE_OUT };
}

/** Parse argv of npm run bench:build; throws InputError on bad input, returns undefined for --help. */
export function parseBenchBuildArgs(argv: string[]): BenchBuildArgs | undefined {
  const { values } = parsed(BENCH_BUILD_USAGE, () =>
    parseArgs({ args: argv, strict: true, options: { ...SIZE_OPTIONS, content: { type: 'string' }, keep: { type: 'boolean' } } }),
  );
  if (values.help) return undefined;
  if (values.content === '') throw new InputError('--content needs a folder');
  const sized = (['sites', 'quarters', 'until', 'seed', 'pages'] as const).some((k) => values[k] !== undefined);
  return { ...parseSize(values), ...(values.content !== undefined ? { content: values.content } : {}), sized, keep: values.keep === true };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** npm run scale: the content folder written quarter by quarter. */
export function scaleCommand(argv: string[]): number {
  const args = parseScaleArgs(argv);
  if (!args) {
    console.log(SCALE_USAGE);
    return 0;
  }
  console.log(`${args.sites} sites × ${args.quarters} quarters until ${args.until}, seed ${args.seed} → ${args.out}`);
  const summary = generateScale({
    contentDir: args.out,
    sites: args.sites,
    quarters: args.quarters,
    until: args.until,
    seed: args.seed,
    pagesPerSite: args.pagesPerSite,
    onEvent: (e) => {
      if (e.type === 'registry') console.log(`registry: ${e.sites} sites, ${e.units} units (${seconds(e.ms)})`);
      else console.log(`${e.quarter} (as of ${e.asOf}): ${e.files} files, ${e.failing} failing, ${e.findings} findings (${seconds(e.ms)})`);
    },
  });
  console.log(`${summary.files} findings files in ${seconds(summary.ms)}, peak RSS ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`Build the portal from them: CONTENT_DIR=${args.out} npm run build (or npm run bench:build -- --content ${args.out})`);
  return 0;
}

/** npm run bench:build: wall time, peak memory of the build's process tree, pages and dist size; exit 1 when the build failed. */
export async function benchBuildCommand(argv: string[]): Promise<number> {
  const args = parseBenchBuildArgs(argv);
  if (!args) {
    console.log(BENCH_BUILD_USAGE);
    return 0;
  }
  const work = benchWorkDir();
  // After npm run scale -- 15000 8, npm run bench:build builds what it wrote.
  const content = args.content ?? (!args.sized && existsSync(join(SCALE_OUT, 'findings')) ? SCALE_OUT : undefined);
  if (content && !args.content) console.log(`building ${SCALE_OUT}/, which npm run scale wrote (--sites N etc. to generate instead)`);
  const contentDir = content ? resolve(content) : join(work, 'content');
  if (!content) {
    console.log(`generating ${args.sites} sites × ${args.quarters} quarters until ${args.until} into ${contentDir}`);
    const g = generateScale({ contentDir, sites: args.sites, quarters: args.quarters, until: args.until, seed: args.seed, pagesPerSite: args.pagesPerSite });
    console.log(`generated ${g.files} files in ${seconds(g.ms)}`);
  }
  const findingsDir = join(contentDir, 'findings');
  const quarters = readdirSync(findingsDir).filter((q) => /^\d{4}-Q[1-4]$/.test(q)).sort();
  const sites = new Set(quarters.flatMap((q) => readdirSync(join(findingsDir, q)).filter((f) => f.endsWith('.md'))));
  const input = tally(findingsDir, (n) => n.endsWith('.md'));
  const m = await measureBuild(contentDir, work, (line) => console.log(line), (command, log) => {
    console.log(command);
    console.log(`(full log: ${log}; each line: seconds since the build started, resident set of the build)`);
  });
  const ok = m.exit.code === 0;
  const out = ok ? tally(m.dist) : { files: 0, bytes: 0, largest: { path: '', bytes: 0 } };
  const release = ok ? tally(m.release) : { files: 0, bytes: 0, largest: { path: '', bytes: 0 } };
  const over = (value: number, budget: number) => (value > budget ? ' OVER' : '');
  // Sizes print in binary units (as RSS is counted); the budgets are decimal, the stricter reading of GitHub's and the issue's "GB".
  const budget = (bytes: number) => `${bytes / 1e9 >= 1 ? `${bytes / 1e9} GB` : `${bytes / 1e6} MB`} = ${formatBytes(bytes)} here`;
  const html = ok ? tally(m.dist, (n) => n.endsWith('.html')).files : 0;
  console.log('');
  console.log(`sites           ${sites.size}`);
  console.log(`quarters        ${quarters.length} (${quarters[0]} … ${quarters.at(-1)})`);
  console.log(`findings files  ${input.files} (${formatBytes(input.bytes)})`);
  console.log(`build           ${ok ? 'ok' : `FAILED (exit ${m.exit.code ?? m.exit.signal})`}`);
  console.log(`routes          ${m.routes} generated; ${html} HTML files in dist${m.pagesLine ? ` (astro: ${m.pagesLine.replace(/^.*\]\s*/, '')})` : ''}`);
  console.log(`wall time       ${seconds(m.wallMs)} (budget ${seconds(BUILD_BUDGET.wallMs)})${over(m.wallMs, BUILD_BUDGET.wallMs)}`);
  console.log(`peak RSS        ${formatBytes(m.peak.total)} for the process tree at ${seconds(m.peak.at)} (largest process ${formatBytes(m.peak.largest)}, up to ${m.peak.processes} processes, ${m.peak.samples} samples; budget ${budget(BUILD_BUDGET.peakBytes)})${over(m.peak.total, BUILD_BUDGET.peakBytes)}`);
  console.log(`dist            ${out.files} files, ${formatBytes(out.bytes)} (GitHub Pages: ${budget(BUILD_BUDGET.distBytes)})${over(out.bytes, BUILD_BUDGET.distBytes)}`);
  console.log(`largest file    ${out.largest.path} ${formatBytes(out.largest.bytes)} (GitHub: ${budget(BUILD_BUDGET.fileBytes)})${over(out.largest.bytes, BUILD_BUDGET.fileBytes)}`);
  console.log(`release assets  ${release.files} files, ${formatBytes(release.bytes)} (the all-quarters open data; largest ${release.largest.path} ${formatBytes(release.largest.bytes)})`);
  if (args.keep || !ok) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return ok ? 0 : 1;
}
