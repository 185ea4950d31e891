// A published quarter on the portal: the repository's demo content, with 2026-Q4 published, builds;
// the same content with one findings file edited by hand after publication does not, and the
// build's output names the file. The check runs inside astro build (src/postbuild/published.ts), so
// a plain `astro build` refuses too, not only npm run build.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { publishQuarter } from '../src/workflow/publish.ts';
import { describeProblems, verifyPublished } from '../src/workflow/manifest.ts';
import { buildPortal } from './build-portal.test-helpers.ts';
import { DEMO_AS_OF } from '../src/demo/demo.ts';
import { fullNumbersIn } from '../src/postbuild/personal-numbers.ts';
import { buildSiteModel } from '../src/sandbox/model.ts';
import { seededNumbers } from '../src/sandbox/personal.ts';
import { generateWeb } from '../src/sandbox/web.ts';

const EDITED = 'findings/2026-Q4/kaisha-czj.md';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'published-build-'));
  cpSync(new URL('../content/', import.meta.url), dir, { recursive: true });
  await publishQuarter({ contentDir: dir, quarter: '2026-Q4', date: '2026-12-01' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The published pages of 2026 (every quarter is published now): the notices, their open data and the year's assessment, path → bytes. */
function publishedPages(dist: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const top of ['quarters', 'data', 'assessment']) {
    for (const rel of readdirSync(join(dist, top), { recursive: true, encoding: 'utf8' })) {
      if (!/^(?:2026-Q[1-4]|2026)(?:\/|$)/.test(rel) || !/\.(?:html|csv|json)(?:\.gz)?$/.test(rel)) continue;
      const bytes = readFileSync(join(dist, top, rel));
      out[`${top}/${rel}`] = (rel.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    }
  }
  return out;
}

/** Edit a content file of the copy by a string replacement that must match. */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${String(from)}`).not.toBe(text);
  writeFileSync(join(dir, file), next);
}

describe('a published quarter and the build', () => {
  test('the portal builds with 2026-Q4 published and signed; edits to the registry, media, rules and notices afterwards leave every published page of 2026 byte-identical', () => {
    const built = buildPortal({ base: '/', contentDir: dir, timeoutMs: 150_000 });
    onTestFinished(() => built.remove());
    expect(existsSync(join(built.dist, 'quarters', '2026-Q4', 'index.html'))).toBe(true);
    const before = publishedPages(built.dist);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // No personal number in full anywhere: the demo's crawl found the sandbox's leaks (masked), and
    // neither its content nor any built page or open-data file shows one of the seeded numbers.
    const web = generateWeb({ sites: 24, pagesPerSite: 40, seed: 1, asOf: DEMO_AS_OF });
    const seeded = new Set(web.plans.filter((p) => !p.hostile).flatMap((p) => seededNumbers(buildSiteModel(web, p.index))));
    expect(seeded.size).toBeGreaterThan(20);
    expect(readFileSync(join(dir, 'findings', '2026-Q4', `${web.truth.find((t) => t.indicator === 'personal-data-exposed')!.site}.md`), 'utf8')).toMatch(/personal-data-exposed[\s\S]*\d{4}\*{10}[\dX]{4}/);
    expect(fullNumbersIn(dir, seeded)).toEqual([]);
    expect(fullNumbersIn(built.dist, seeded)).toEqual([]);
    expect(before['assessment/2026/index.html']).toContain('凯沙县人民政府');
    // A unit renamed (机构改革), an account marked unregistered, the amount per failing site 2 → 9, a notice of next year added.
    edit('units.yaml', /name: 凯沙县人民政府$/m, 'name: 凯沙市人民政府');
    edit('units.yaml', 'name: 凯沙县财政局', 'name: 凯沙县财政和金融工作局');
    edit('media.yaml', 'registered: true', 'registered: false');
    edit('rules.yaml', /failingSite: 2\b/, 'failingSite: 9');
    appendFileSync(join(dir, 'notices.yaml'), '- id: province-2027-q1\n  level: province\n  title: 关于 2027 年第一季度全省政府网站检查情况的通报\n  date: 2027-04-20\n  units:\n    - kaisha-czj\n');
    expect(verifyPublished(dir)).toEqual([]);
    const again = buildPortal({ base: '/', contentDir: dir, timeoutMs: 150_000 });
    onTestFinished(() => again.remove());
    const after = publishedPages(again.dist);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const page of Object.keys(before)) expect(after[page], page).toBe(before[page]);
    // The edits do reach what is not published: the unit's own page shows its new name.
    expect(readFileSync(join(again.dist, 'units', 'kaisha-czj', 'index.html'), 'utf8')).toContain('凯沙县财政和金融工作局');
  }, 400_000);

  test('a notice of a published year edited or removed afterwards is refused by the check the build runs, naming notices.yaml and the pinned copy', () => {
    const original = readFileSync(join(dir, 'notices.yaml'), 'utf8');
    onTestFinished(() => writeFileSync(join(dir, 'notices.yaml'), original));
    edit('notices.yaml', /date: 2026-(\d\d)-(\d\d)/, 'date: 2026-$1-01');
    const problems = verifyPublished(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(describeProblems(dir, problems)).toMatch(/notices\.yaml: 通报 \S+（2026-\d\d-\d\d）在 2026-Q\d 发布时已计入 2026 年度考核，之后被改动或删除；请按 pinned\/2026-Q\d\/notices\.yaml 恢复/);
  });

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
