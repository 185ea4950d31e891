// Issue 11: from 1 January 2027 the package's holiday data ends. A crawl in a year the calendar lacks
// runs to the end with only the rules that count working days not applicable (and says so once);
// with the year in content/holidays.yaml they apply; a bad file is refused before anything is written.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDemoRegistry } from '../src/demo/demo.ts';
import { parseSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { startSandbox, type RunningSandbox } from '../src/sandbox/server.ts';

const AS_OF = '2027-01-15';
const CRAWL = resolve(import.meta.dirname, '../scripts/crawl.ts');
let sandbox: RunningSandbox;
let dir: string;
let only: string[];

/** npm run crawl through the sandbox's proxy, as an office would run it; bounded in time. */
function crawl(): Promise<{ code: number | null; out: string }> {
  const args = [CRAWL, '--content', dir, '--as-of', AS_OF, '--only', only.join(','), '--timeout', '2', '--max-pages', '12', '--concurrency', '32', '--per-host', '4', '--site-concurrency', '8'];
  return new Promise((done) => {
    const child = execFile(process.execPath, args, { env: { ...process.env, HTTP_PROXY: sandbox.proxyUrl, HTTPS_PROXY: sandbox.proxyUrl }, timeout: 120_000 }, (_e, stdout, stderr) => done({ code: child.exitCode, out: stdout + stderr }));
  });
}

const files = () => {
  const q = join(dir, 'findings', '2027-Q1');
  return Object.fromEntries(readdirSync(q).map((f) => [f, readFileSync(join(q, f), 'utf8')]));
};
const overdue = (text: string) => parseSiteQuarter(text).data.findings.filter((f) => f.indicator === 'message-overdue').map((f) => f.target);

beforeAll(async () => {
  sandbox = await startSandbox({ sites: 12, pagesPerSite: 12, seed: 1, asOf: AS_OF });
  dir = mkdtempSync(join(tmpdir(), 'calendar-year-'));
  writeDemoRegistry(dir, sandbox.web);
  // The sites with a late answer seeded, and one reachable site without.
  const late = [...new Set(sandbox.web.truth.filter((t) => t.indicator === 'message-overdue').map((t) => t.site))];
  const down = new Set(sandbox.web.truth.filter((t) => t.indicator === 'site-unreachable').map((t) => t.site));
  const calm = sandbox.web.sites.find((s) => !late.includes(s.id) && !down.has(s.id) && s.id !== 'hostile')!.id;
  only = [...late, calm];
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`a crawl as of ${AS_OF}`, () => {
  test('without 2027 in the calendar: runs to the end, message-overdue not applicable on every site with the reason, said once', async () => {
    expect(only.length).toBeGreaterThan(1);
    const { code, out } = await crawl();
    expect(code, out).toBe(0);
    expect(out.split('2027 年节假日安排未录入').length - 1).toBe(1);
    expect(out).toContain(join(dir, 'holidays.yaml'));
    const written = files();
    expect(Object.keys(written).sort()).toEqual(only.map((id) => `${id}.md`).sort());
    for (const [name, text] of Object.entries(written)) {
      const data = parseSiteQuarter(text, name).data;
      expect(data.notApplicable?.find((n) => n.indicator === 'message-overdue')?.reason, name).toBe('2027 年节假日安排未录入，无法计算工作日');
      expect(overdue(text)).toEqual([]);
    }
    // The other rules ran: broken links, footer marks and the like were found as seeded.
    const others = Object.values(written).flatMap((t) => parseSiteQuarter(t).data.findings.map((f) => f.indicator));
    expect(new Set(others).size).toBeGreaterThan(5);
  }, 150_000);

  test('with 2027 in content/holidays.yaml: message-overdue applies and finds exactly the seeded late answers', async () => {
    // A made-up arrangement for the test, not the State Council's.
    writeFileSync(join(dir, 'holidays.yaml'), '2027:\n  source: 测试用安排（非官方）\n  holidays:\n    - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }\n');
    const { code, out } = await crawl();
    expect(code, out).toBe(0);
    expect(out).not.toContain('节假日安排未录入');
    const found = Object.entries(files()).flatMap(([name, text]) => overdue(text).map((t) => `${name.slice(0, -3)} ${t}`));
    const seeded = sandbox.web.truth.filter((t) => t.indicator === 'message-overdue').map((t) => `${t.site} ${t.target}`);
    expect(found.sort()).toEqual(seeded.sort());
    expect(found.length).toBeGreaterThan(0);
  }, 150_000);

  test('a bad holidays.yaml is refused with file, line and field, before any file is written', async () => {
    const before = files();
    writeFileSync(join(dir, 'holidays.yaml'), '2027:\n  source: 测试\n  holidays: []\n  workdays:\n    - 2027-02-10\n');
    const { code, out } = await crawl();
    expect(code).toBe(2);
    expect(out).toContain(`${join(dir, 'holidays.yaml')}:5: 2027.workdays[0]: 2027-02-10 is a 星期三`);
    expect(files()).toEqual(before);
  }, 60_000);
});
