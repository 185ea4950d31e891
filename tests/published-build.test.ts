// A published quarter on the portal: the repository's demo content, with 2026-Q4 published, builds;
// the same content with one findings file edited by hand after publication does not, and the
// build's output names the file. The check runs inside astro build (src/postbuild/published.ts), so
// a plain `astro build` refuses too, not only npm run build.
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { publishQuarter } from '../src/workflow/publish.ts';
import { buildPortal } from './build-portal.test-helpers.ts';

const EDITED = 'findings/2026-Q4/kaisha-czj.md';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'published-build-'));
  cpSync(new URL('../content/', import.meta.url), dir, { recursive: true });
  await publishQuarter({ contentDir: dir, quarter: '2026-Q4', date: '2026-12-01' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a published quarter and the build', () => {
  test('the portal builds with 2026-Q4 published and signed', () => {
    const built = buildPortal({ base: '/', contentDir: dir, timeoutMs: 150_000 });
    onTestFinished(() => built.remove());
    expect(existsSync(join(built.dist, 'quarters', '2026-Q4', 'index.html'))).toBe(true);
  }, 180_000);

  test('a findings file edited by hand after publication fails astro build, naming the file', () => {
    appendFileSync(join(dir, EDITED), 'x');
    let output = '';
    try {
      buildPortal({ base: '/', contentDir: dir, timeoutMs: 150_000 }).remove();
    } catch (e) {
      output = (e as Error).message;
    }
    expect(output).toMatch(/^build failed \(status [1-9]/);
    expect(output).toContain(`${EDITED}: 已改动`);
    expect(output).toContain('npm run correct -- 2026-Q4');
  }, 180_000);
});
