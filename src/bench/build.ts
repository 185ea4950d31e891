// The portal build measured as an office runs it (npm run build's three steps: astro with its heap
// cap, the search index, the link check), cold, as one process tree whose memory is sampled.
// The portal must build 15,000 sites × 8 quarters within 5 minutes and 3 GB on a 2-core machine, into
// a dist/ GitHub Pages publishes: 1 GB at most, no file over 100 MB (BUILD_BUDGET).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatBytes, samplePeakRss, type PeakRss } from './proc-memory.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the build must stay within: this 2-core machine's time and memory, GitHub Pages' sizes. */
export const BUILD_BUDGET = { wallMs: 300_000, peakBytes: 3e9, distBytes: 1e9, fileBytes: 100e6 } as const;

/** Where the bench's build says the all-quarters files are, as the deploy workflow does (pages.yml). */
export const BENCH_OPEN_DATA_ALL_URL = 'https://github.com/example/portal/releases/download/open-data';

/** Files and bytes under a folder, and its largest file (path relative to the folder). */
export function tally(dir: string, keep: (name: string) => boolean = () => true): { files: number; bytes: number; largest: { path: string; bytes: number } } {
  let files = 0;
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !keep(e.name)) continue;
    files++;
    const size = statSync(join(e.parentPath, e.name)).size;
    bytes += size;
    if (size > largest.bytes) largest = { path: relative(dir, join(e.parentPath, e.name)), bytes: size };
  }
  return { files, bytes, largest };
}

/**
 * A working folder inside the project (ignored by git): the prerender bundle astro writes next to
 * dist/ imports the project's packages, which node finds only by walking up to node_modules/.
 */
export function benchWorkDir(): string {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  return mkdtempSync(join(ROOT, 'node_modules', '.cache', 'bench-build-'));
}

/** What one measured build did. */
export interface BuildMeasure {
  /** The command as a person would type it. */
  command: string;
  /** Every line of output, each with the seconds since the start and the tree's resident set. */
  log: string;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  wallMs: number;
  peak: PeakRss;
  /** Routes astro generated (one line each, counted, not printed), and its own "N page(s) built" line. */
  routes: number;
  pagesLine: string;
  dist: string;
  /** The all-quarters open data, written beside dist/ as for a release. */
  release: string;
}

/**
 * Build contentDir's portal into work/dist with a fresh cache (a cold build, as on CI), through a
 * config file that only adds the cache folder. onLine gets each line worth showing, prefixed.
 */
export async function measureBuild(contentDir: string, work: string, onLine: (line: string) => void, onStart: (command: string, log: string) => void = () => {}): Promise<BuildMeasure> {
  mkdirSync(join(work, 'cache'));
  const config = join(work, 'astro.config.mjs');
  writeFileSync(config, `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(`${join(work, 'cache')}/`)} };\n`);
  const dist = join(work, 'dist');
  const release = join(work, 'open-data-release');
  const log = join(work, 'build.log');
  // astro resolves --config against the project root; the heap cap is npm run build's (package.json).
  const astro = ['--max-old-space-size=2048', 'node_modules/astro/bin/astro.mjs', 'build', '--config', relative(ROOT, config), '--outDir', relative(ROOT, dist)];
  const steps = [astro, ['scripts/pack-open-data.ts', '--dir', relative(ROOT, dist), '--out', relative(ROOT, release)], ['scripts/index-search.ts', '--dir', relative(ROOT, dist)], ['scripts/check-links.ts', '--dir', relative(ROOT, dist)]];
  const shell = steps.map((a) => [process.execPath, ...a].map((x) => `'${x}'`).join(' ')).join(' && ');
  const command = `CONTENT_DIR=${contentDir} OPEN_DATA_ALL_URL=${BENCH_OPEN_DATA_ALL_URL} ASTRO_TELEMETRY_DISABLED=1 node ${astro.join(' ')} && node scripts/pack-open-data.ts && node scripts/index-search.ts && node scripts/check-links.ts`;

  onStart(command, log);
  const started = performance.now();
  const child = spawn('/bin/sh', ['-c', shell], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: contentDir, OPEN_DATA_ALL_URL: BENCH_OPEN_DATA_ALL_URL, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = samplePeakRss(child.pid!, 200);
  const logFile = createWriteStream(log);
  let routes = 0;
  let pagesLine = '';
  const line = (text: string) => {
    const at = `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} ${formatBytes(sampler.latest().total).padStart(8)}`;
    logFile.write(`${at} ${text}\n`);
    if (/^\S*\s+[├└]─ /.test(text)) {
      routes++;
      return;
    }
    if (/page\(s\) built in/.test(text)) pagesLine = text;
    if (text.trim()) onLine(`${at} ${text}`);
  };
  createInterface({ input: child.stdout }).on('line', line);
  createInterface({ input: child.stderr }).on('line', line);
  const exit = await new Promise<BuildMeasure['exit']>((done) => child.on('close', (code, signal) => done({ code, signal })));
  const wallMs = performance.now() - started;
  const peak = sampler.stop();
  await new Promise((done) => logFile.end(done));
  return { command, log, exit, wallMs, peak, routes, pagesLine, dist, release };
}
