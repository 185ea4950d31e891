// Builds the portal for a test: its own output and cache folders (test files build different
// content at the same time, and a shared node_modules/.astro data store would mix them), a clean
// environment, a bounded time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A built portal: its folder, and a way to remove it. */
export interface BuiltPortal {
  dist: string;
  remove(): void;
}

/**
 * Build into a fresh folder under node_modules/.cache (inside the project: with an --outDir
 * outside it, astro writes its prerender bundle to the shared .astro/.prerender, where two builds
 * collide), with its own cache; throws with the build's output when it fails.
 */
export function buildPortal(o: { base: string; contentDir?: string; timeoutMs?: number }): BuiltPortal {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const work = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'test-build-'));
  const remove = () => rmSync(work, { recursive: true, force: true });
  const dist = join(work, 'dist');
  const config = join(work, 'astro.config.mjs');
  // The config only adds cacheDir to the project's own.
  writeFileSync(config, `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(`${join(work, 'cache')}/`)} };\n`);
  // Vitest puts Vite's own variables (BASE_URL, MODE, …) into process.env; the build must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST|CONTENT_DIR)$/.test(k)));
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(ROOT, config), '--outDir', relative(ROOT, dist)], {
    cwd: ROOT,
    env: { ...env, ...(o.contentDir ? { CONTENT_DIR: o.contentDir } : {}), BASE_PATH: o.base, SITE_URL: 'https://example.github.io', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: o.timeoutMs ?? 150_000,
  });
  // Then npm run build's next steps: the all-quarters open data into the portal's data/all/, and the search index.
  let last = build;
  for (const step of [['scripts/pack-open-data.ts', '--dir', dist, '--out', join(dist, 'data', 'all')], ['scripts/index-search.ts', '--dir', dist]]) {
    if (last.status !== 0) break;
    last = spawnSync(process.execPath, step, { cwd: ROOT, encoding: 'utf8', timeout: o.timeoutMs ?? 150_000 });
  }
  if (last.status !== 0) {
    remove();
    throw new Error(`build failed (${last.error?.message ?? `status ${last.status}`}):\n${last.stderr}${last.stdout}`);
  }
  return { dist, remove };
}
