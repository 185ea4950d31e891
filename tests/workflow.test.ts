// One quarter walked through the inspectors' commands, as an office runs it: sample → crawl (the
// sample only, through the simulated web) → a manual record → review (a dismissal that survives a
// re-crawl) → publish → changes refused → a correction with its erratum → the portal, with the
// erratum, the dismissal and the annual page. Every step is the real command in a child process.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { writeDemoRegistry } from '../src/demo/demo.ts';
import { parseSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { readQuarterFile } from '../src/store/quarter-file.ts';
import { startSandbox, type RunningSandbox } from '../src/sandbox/server.ts';
import { buildPortal } from './build-portal.test-helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const Q = '2026-Q4';
let sandbox: RunningSandbox;
let work: string;
let dir: string;

/** Run a script as the office would (npm run <name> is node scripts/<name>.ts); bounded in time. */
function run(script: string, args: string[], timeoutMs = 90_000): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, HTTP_PROXY: sandbox.proxyUrl, HTTPS_PROXY: sandbox.proxyUrl, NO_PROXY: '', CONTENT_DIR: dir };
    const child = spawn(process.execPath, [join('scripts', `${script}.ts`), ...args], { cwd: ROOT, env, timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('close', (status) => resolve({ status, out }));
  });
}
const c = () => ['--content', dir];
const findings = () => Object.fromEntries(readdirSync(join(dir, 'findings', Q)).map((f) => [f.slice(0, -3), parseSiteQuarter(readFileSync(join(dir, 'findings', Q, f), 'utf8'), f).data]));
const crawlArgs = () => [...c(), '--as-of', '2026-11-20', '--sample', '--timeout', '3', '--site-concurrency', '4'];

beforeAll(async () => {
  sandbox = await startSandbox({ sites: 12, pagesPerSite: 20, seed: 1, asOf: '2026-11-20' });
  work = mkdtempSync(join(tmpdir(), 'workflow-'));
  dir = join(work, 'content');
  mkdirSync(join(dir, 'quarters'), { recursive: true });
  for (const f of ['rules.yaml', 'dictionary.yaml']) cpSync(join(ROOT, 'content', f), join(dir, f));
  writeDemoRegistry(dir, sandbox.web);
  writeFileSync(join(dir, 'quarters', `${Q}.md`), `---\nquarter: ${Q}\nissuer: 沂石市人民政府办公室\nto: 各县区人民政府，市政府各部门\n---\n\n（一）抓好整改。\n`);
  // A screenshot beside the content folder, where records find public/.
  mkdirSync(join(work, 'public', 'evidence'), { recursive: true });
  writeFileSync(join(work, 'public', 'evidence', 'message.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a quarter from sample to publication', () => {
  let sampled: string[];
  let recorded: string;
  let dismissed: { site: string; indicator: string; target: string };

  test('sample: half the sites, by seed, written into the quarter file; the same seed draws the same sites', async () => {
    const r = await run('sample', [...c(), '--quarter', Q, '--ratio', '0.5', '--seed', '42', '--date', '2026-11-15']);
    expect(r.status, r.out).toBe(0);
    const sample = readQuarterFile(dir, Q)!.sample!;
    expect(sample).toMatchObject({ seed: 42, ratio: 0.5, drawn: '2026-11-15' });
    expect(sample.sites).toHaveLength(6); // ⌈0.5 × 12⌉
    sampled = sample.sites;
    const before = readFileSync(join(dir, 'quarters', `${Q}.md`), 'utf8');
    expect((await run('sample', [...c(), '--quarter', Q, '--ratio', '0.5', '--seed', '42', '--date', '2026-11-16'])).status).toBe(0);
    expect(readFileSync(join(dir, 'quarters', `${Q}.md`), 'utf8')).toBe(before);
  });

  test('crawl --sample checks exactly the sampled sites', async () => {
    const r = await run('crawl', crawlArgs(), 150_000);
    expect(r.status, r.out).toBe(0);
    expect(Object.keys(findings()).sort()).toEqual([...sampled].sort());
  }, 180_000);

  test('record: an overdue consultation costs its site 4 points', async () => {
    const before = findings();
    // A sampled site that passed the crawl with room for 4 points.
    recorded = Object.values(before).find((f) => f.verdict === 'pass' && f.score >= 70)!.site;
    expect(recorded, 'a passing site in the sample').toBeDefined();
    const r = await run('record', [...c(), '--quarter', Q, '--site', recorded, '--indicator', 'message-overdue', '--target', '11 月 3 日咨询“入学报名”', '--inspector', '王敏', '--date', '2026-11-18', '--screenshot', 'evidence/message.png', '--evidence', '11 月 3 日通过领导信箱提交咨询，至 11 月 18 日未答复。']);
    expect(r.status, r.out).toBe(0);
    const after = findings()[recorded]!;
    // message-overdue: 4 points (rules.yaml points.each), under its cap of 7.
    expect(Math.round((before[recorded]!.score - after.score) * 10) / 10).toBe(4);
    expect(after.findings.find((f) => f.source === 'manual')).toMatchObject({ indicator: 'message-overdue', inspector: '王敏', screenshot: 'evidence/message.png' });
  });

  test('review: a dismissed veto no longer fails its site, and a re-crawl does not bring it back', async () => {
    const all = findings();
    const site = Object.values(all).find((f) => f.vetoes.length === 1 && f.findings.filter((x) => x.indicator === f.vetoes[0]).length > 0 && f.score >= 60)!;
    expect(site, 'a sampled site failing on exactly one veto').toBeDefined();
    const f = site.findings.find((x) => x.indicator === site.vetoes[0])!;
    dismissed = { site: site.site, indicator: f.indicator, target: f.target };
    // Every finding of that veto with the same target is dismissed together; other targets keep the veto.
    const sameVeto = site.findings.filter((x) => x.indicator === f.indicator);
    const r = await run('review', [...c(), '--quarter', Q, '--site', site.site, '--indicator', f.indicator, '--target', f.target, '--dismiss', '--reason', '人工核实无此问题', '--inspector', '李刚', '--date', '2026-11-21']);
    expect(r.status, r.out).toBe(0);
    const after = findings()[site.site]!;
    expect(after.dismissed?.map((x) => x.target)).toContain(f.target);
    if (sameVeto.every((x) => x.target === f.target)) expect(after.vetoes).toEqual([]);
    const beforeRecrawl = JSON.stringify(findings());
    const again = await run('crawl', crawlArgs(), 150_000);
    expect(again.status, again.out).toBe(0);
    expect(findings()).toEqual(JSON.parse(beforeRecrawl));
    expect(findings()[recorded]!.findings.some((x) => x.source === 'manual')).toBe(true);
  }, 180_000);

  test('publish signs the quarter; crawl, record and review then refuse to change it', async () => {
    const r = await run('publish', [Q, ...c(), '--date', '2026-12-20']);
    expect(r.status, r.out).toBe(0);
    expect(readQuarterFile(dir, Q)).toMatchObject({ status: 'published', published: '2026-12-20' });
    expect((await run('check-published', c())).status).toBe(0);
    const files = JSON.stringify(findings());
    for (const [script, args] of [
      ['crawl', crawlArgs()],
      ['record', [...c(), '--quarter', Q, '--site', recorded, '--indicator', 'message-overdue', '--target', '另一条', '--inspector', '王敏', '--date', '2026-11-19', '--evidence', '未答复']],
      ['review', [...c(), '--quarter', Q, '--site', dismissed.site, '--indicator', dismissed.indicator, '--target', dismissed.target, '--confirm', '--inspector', '李刚']],
    ] as const) {
      const refused = await run(script, [...args]);
      expect(refused.status, `${script}: ${refused.out}`).toBe(2);
      expect(refused.out).toContain('was published on 2026-12-20');
    }
    expect(JSON.stringify(findings())).toBe(files);
  }, 120_000);

  test('a hand edit breaks the check until npm run correct records an erratum and re-signs', async () => {
    // The inspector reverses the dismissal by hand in the review file.
    const path = join(dir, 'review', `${Q}.yaml`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('decision: dismissed', 'decision: confirmed').replace(/\n\s*reason: 人工核实无此问题/, ''));
    const broken = await run('check-published', c());
    expect(broken.status).toBe(1);
    expect(broken.out).toContain(`review/${Q}.yaml`);
    const r = await run('correct', [Q, ...c(), '--what', '恢复认定一项单项否决问题', '--why', '复核发现此前排除有误', '--date', '2026-12-28']);
    expect(r.status, r.out).toBe(0);
    const q = readQuarterFile(dir, Q)!;
    expect(q.errata).toEqual([{ date: '2026-12-28', what: '恢复认定一项单项否决问题', why: '复核发现此前排除有误', files: expect.arrayContaining([`review/${Q}.yaml`, `findings/${Q}/${dismissed.site}.md`]) }]);
    // The finding counts again.
    expect(findings()[dismissed.site]!.vetoes).toContain(dismissed.indicator);
    expect((await run('check-published', c())).status).toBe(0);
  }, 120_000);

  test('the portal shows the erratum, the manual finding and the annual page', () => {
    const built = buildPortal({ base: '/gov-portal', contentDir: dir });
    onTestFinished(() => built.remove());
    const notice = readFileSync(join(built.dist, 'quarters', Q, 'index.html'), 'utf8');
    expect(notice).toContain('恢复认定一项单项否决问题');
    expect(notice).toContain('复核发现此前排除有误');
    const site = readFileSync(join(built.dist, 'sites', recorded, 'index.html'), 'utf8');
    expect(site).toContain('人工检查');
    expect(site).toContain('王敏');
    expect(site).toContain('href="/gov-portal/evidence/message.png"');
    // The annual page counts the published quarter for the top unit, which answers for every site:
    // 2 points per non-compliant site (rules.yaml failingSite: 2), 5 for the one overdue consultation,
    // and 2 for being named once in a city notice (namedByCity).
    const $ = cheerio.load(readFileSync(join(built.dist, 'assessment', '2026', 'index.html'), 'utf8'));
    const failing = Object.values(findings()).filter((f) => f.verdict === 'fail').length;
    expect(failing).toBeGreaterThan(0);
    const row = $('table')
      .first()
      .find('tbody tr')
      .filter((_, tr) => $(tr).find('td, th').eq(1).text().trim() === '沂石市人民政府');
    const cells = row.find('td, th').map((_, c) => $(c).text().trim()).get();
    // 序号, 单位, 一…四季度, 留言超期, 自查报告, 未按期整改, 日常考核扣分, 市, 省, 国务院, 通报扣分, 合计, 评级限制.
    // 未按期整改 is 0: the notice's problems have had no re-check (npm run rectify), so none is 未整改.
    expect(cells.slice(5, 15)).toEqual([`-${2 * failing}`, '-5', '0', '0', `-${2 * failing + 5}`, '1', '0', '0', '-2', `-${2 * failing + 7}`]);
  }, 240_000);
});
