// npm run bench -- [--sites 40] [--pages 60]: crawl the sandbox and print throughput and peak memory.
// The sandbox runs in a child process, so the memory figure is the crawler's own.
import { fork } from 'node:child_process';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveOptions } from '../src/inspector/gather/options.ts';
import { inspect } from '../src/inspector/inspect.ts';
import { registryYaml } from '../src/workflow/sites-import.ts';
import { loadRegistry } from '../src/store/registry.ts';
import { loadDictionary } from '../src/store/dictionary.ts';
import { loadRulesConfig } from '../src/store/rules-config.ts';
import { writeFileAtomic } from '../src/store/atomic.ts';
import { generateWeb } from '../src/sandbox/web.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { sites: { type: 'string', default: '40' }, pages: { type: 'string', default: '60' }, seed: { type: 'string', default: '1' }, 'as-of': { type: 'string', default: '2026-11-20' } },
});
const sites = Number(values.sites);
const pages = Number(values.pages);

const child = fork(new URL('./sandbox.ts', import.meta.url), ['--sites', String(sites), '--pages', String(pages), '--seed', values.seed, '--as-of', values['as-of'], '--port', '0'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const proxyUrl = await new Promise<string>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { proxyUrl: string }).proxyUrl));
  child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
});

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
try {
  const web = generateWeb({ sites, pagesPerSite: pages, seed: Number(values.seed), asOf: values['as-of'] });
  writeFileAtomic(join(dir, 'sites.yaml'), registryYaml('bench', web.sites));
  writeFileAtomic(join(dir, 'units.yaml'), registryYaml('bench', web.units));
  copyFileSync(new URL('../content/rules.yaml', import.meta.url), join(dir, 'rules.yaml'));
  copyFileSync(new URL('../content/dictionary.yaml', import.meta.url), join(dir, 'dictionary.yaml'));
  const registry = loadRegistry(dir);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const summary = await inspect({
    sites: registry.sites,
    contentDir: dir,
    quarter: '2026-Q4',
    asOf: values['as-of'],
    rulesConfig: loadRulesConfig(dir),
      dictionary: loadDictionary(dir),
    options: resolveOptions({ proxy: { http: proxyUrl }, timeoutMs: 2_000, homeAttemptGapMs: 200, backoffMs: 100, hostDelayMs: 0, perHost: 4, concurrency: 32, siteConcurrency: 8 }),
  });
  clearInterval(sampler);
  const s = summary.elapsedMs / 1000;
  console.log(`sites ${sites}, pages/site ≤ ${pages}: ${summary.pages} pages, ${summary.links} distinct links, ${summary.requests} requests in ${s.toFixed(1)} s`);
  console.log(`pages/s ${(summary.pages / s).toFixed(1)}  links checked/s ${(summary.links / s).toFixed(1)}  requests/s ${(summary.requests / s).toFixed(1)}`);
  // Rules run synchronously on the one event loop, so their summed time is wall time taken from the crawl.
  console.log(`rules and scoring ${summary.rulesMs} ms = ${((summary.rulesMs / summary.elapsedMs) * 100).toFixed(1)} % of the run (issue 3 budget: < 20 %)`);
  console.log(`peak RSS of the crawler ${(peakRss / 2 ** 20).toFixed(0)} MB (sandbox in a separate process)`);
  console.log('Note: the sandbox\'s seeded "never answers" links cost the 2 s bench timeout each (HEAD then GET).');
} finally {
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
