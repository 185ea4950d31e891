// npm run bench:build -- [--sites 15000] [--quarters 8] [--content DIR] [--keep]: build the portal on
// findings at scale and print wall time, peak memory of the build's process tree, pages and dist size.
// The portal must build 15,000 sites × 8 quarters within 10 minutes and 4 GB on a 2-core machine.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BENCH_BUILD_USAGE, formatBytes, parseBenchBuildArgs } from '../src/cli/scale-args.ts';
import { samplePeakRss } from '../src/bench/proc-memory.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { generateScale } from '../src/demo/scale.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Files and bytes under a folder. */
function tally(dir: string, keep: (name: string) => boolean = () => true): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !keep(e.name)) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  const args = parseBenchBuildArgs(process.argv.slice(2));
  if (!args) {
    console.log(BENCH_BUILD_USAGE);
    process.exit(0);
  }
  // Inside the project (ignored by git): the prerender bundle astro writes next to dist/ imports the
  // project's packages, which node finds only by walking up to node_modules/.
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const work = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'bench-build-'));
  const contentDir = args.content ? resolve(args.content) : join(work, 'content');
  if (!args.content) {
    console.log(`generating ${args.sites} sites × ${args.quarters} quarters until ${args.until} into ${contentDir}`);
    const g = generateScale({ contentDir, sites: args.sites, quarters: args.quarters, until: args.until, seed: args.seed, pagesPerSite: args.pagesPerSite });
    console.log(`generated ${g.files} files in ${seconds(g.ms)}`);
  }
  const findingsDir = join(contentDir, 'findings');
  const quarters = readdirSync(findingsDir).filter((q) => /^\d{4}-Q[1-4]$/.test(q)).sort();
  const sites = new Set(quarters.flatMap((q) => readdirSync(join(findingsDir, q)).filter((f) => f.endsWith('.md'))));
  const input = tally(findingsDir, (n) => n.endsWith('.md'));

  // Isolated from everyone else building in this tree: a fresh cacheDir (its data store; a cold
  // build, as on CI) through a config file that only adds it, and an --outDir inside the working
  // directory, since astro otherwise writes its prerender bundle to the shared .astro/.prerender.
  mkdirSync(join(work, 'cache'));
  const config = join(work, 'astro.config.mjs');
  writeFileSync(config, `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(`${join(work, 'cache')}/`)} };\n`);
  const dist = join(work, 'dist');
  const log = join(work, 'build.log');
  // astro resolves --config against the project root.
  // The heap cap of npm run build (package.json): the figure is for the command an office runs.
  const argv = ['--max-old-space-size=2560', 'node_modules/astro/bin/astro.mjs', 'build', '--config', relative(ROOT, config), '--outDir', relative(ROOT, dist)];
  // The three steps of npm run build, measured as one process tree: astro, the search index, the link check.
  const steps = [argv, ['scripts/index-search.ts', '--dir', relative(ROOT, dist)], ['scripts/check-links.ts', '--dir', relative(ROOT, dist)]];
  const command = steps.map((a) => [process.execPath, ...a].map((x) => `'${x}'`).join(' ')).join(' && ');
  console.log(`CONTENT_DIR=${contentDir} ASTRO_TELEMETRY_DISABLED=1 node ${argv.join(' ')} && node scripts/index-search.ts && node scripts/check-links.ts`);
  console.log(`(full log: ${log}; each line: seconds since the build started, resident set of the build)`);

  const started = performance.now();
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = samplePeakRss(child.pid!, 200);
  const logFile = createWriteStream(log);
  let routes = 0;
  let pagesLine = '';
  const onLine = (line: string) => {
    // Seconds since the start and the tree's resident set on every line show where time and memory go.
    const at = `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} ${formatBytes(sampler.latest().total).padStart(8)}`;
    logFile.write(`${at} ${line}\n`);
    // One line per generated route: counted, not printed.
    if (/^\S*\s+[├└]─ /.test(line)) {
      routes++;
      return;
    }
    if (/page\(s\) built in/.test(line)) pagesLine = line;
    if (line.trim()) console.log(`${at} ${line}`);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  const wallMs = performance.now() - started;
  const peak = sampler.stop();
  await new Promise((done) => logFile.end(done));

  const out = status.code === 0 ? tally(dist) : { files: 0, bytes: 0 };
  const html = status.code === 0 ? tally(dist, (n) => n.endsWith('.html')).files : 0;
  console.log('');
  console.log(`sites           ${sites.size}`);
  console.log(`quarters        ${quarters.length} (${quarters[0]} … ${quarters.at(-1)})`);
  console.log(`findings files  ${input.files} (${formatBytes(input.bytes)})`);
  console.log(`build           ${status.code === 0 ? 'ok' : `FAILED (exit ${status.code ?? status.signal})`}`);
  console.log(`routes          ${routes} generated; ${html} HTML files in dist${pagesLine ? ` (astro: ${pagesLine.replace(/^.*\]\s*/, '')})` : ''}`);
  console.log(`wall time       ${seconds(wallMs)} (budget 600 s)`);
  console.log(`peak RSS        ${formatBytes(peak.total)} for the process tree at ${seconds(peak.at)} (largest process ${formatBytes(peak.largest)}, up to ${peak.processes} processes, ${peak.samples} samples; budget 4 GB)`);
  console.log(`dist            ${out.files} files, ${formatBytes(out.bytes)}`);
  if (args.keep || status.code !== 0) {
    console.log(`kept ${work}`);
  } else {
    rmSync(work, { recursive: true, force: true });
  }
  if (status.code !== 0) process.exit(1);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
