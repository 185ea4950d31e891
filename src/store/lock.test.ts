import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { writeSiteQuarter } from '../inspector/report/site-quarter.ts';
import { crawlFinding, makeFixture, QUARTER, refusal, tempFolders, type Fixture } from '../workflow/fixture.test-helpers.ts';
import { acquireContentLock, lockPath, withContentLock, type LockHolder } from './lock.ts';

const folder = tempFolders('lock');

/** A process id that is certainly gone: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the content folder lock', () => {
  test('a second writer waits, then refuses naming the command and the process that holds it; after release it gets in', () => {
    const d = folder();
    const release = acquireContentLock(d, 'npm run publish -- 2026-Q4');
    const t0 = Date.now();
    const message = refusal(() => acquireContentLock(d, 'npm run record', { waitMs: 300 }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(message).toContain(`正由另一个命令写入：npm run publish -- 2026-Q4（进程 ${process.pid}，`);
    release();
    expect(existsSync(lockPath(d))).toBe(false);
    acquireContentLock(d, 'npm run record', { waitMs: 0 })();
  });

  test('a lock left by a process that is gone is taken over, and said so; one from another machine is not', () => {
    const d = folder();
    const stale: LockHolder = { pid: deadPid(), host: hostname(), command: 'npm run publish -- 2026-Q3', since: '2026-12-01T10:00:00.000Z' };
    writeFileSync(lockPath(d), JSON.stringify(stale));
    const taken: LockHolder[] = [];
    const release = acquireContentLock(d, 'npm run review', { waitMs: 0, onTakeOver: (h) => taken.push(h) });
    expect(taken).toEqual([stale]);
    expect(JSON.parse(readFileSync(lockPath(d), 'utf8'))).toMatchObject({ pid: process.pid, command: 'npm run review' });
    release();
    writeFileSync(lockPath(d), JSON.stringify({ ...stale, host: 'another-host' }));
    expect(() => acquireContentLock(d, 'npm run review', { waitMs: 50 })).toThrow(/npm run publish -- 2026-Q3（进程 \d+，主机 another-host/);
  });

  test('an empty lock, left by a writer killed before it wrote its name, is taken over once it is a few seconds old', () => {
    const d = folder();
    writeFileSync(lockPath(d), '');
    expect(() => acquireContentLock(d, 'npm run review', { waitMs: 50 })).toThrow(/正由另一个命令写入（.*\.lock 存在）/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(d), old, old);
    const release = acquireContentLock(d, 'npm run review', { waitMs: 0 });
    expect(JSON.parse(readFileSync(lockPath(d), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  test('withContentLock releases when the work throws and when its promise settles', async () => {
    const d = folder();
    expect(() => withContentLock(d, 'x', () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(existsSync(lockPath(d))).toBe(false);
    await withContentLock(d, 'x', async () => {
      expect(existsSync(lockPath(d))).toBe(true);
    });
    expect(existsSync(lockPath(d))).toBe(false);
  });
});

describe('two inspectors at once (real processes)', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  let fx: Fixture;
  afterEach(() => fx.remove());
  const run = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    new Promise<{ code: number | null; out: string; ended: number }>((done) => {
      const p = spawn(process.execPath, [script, ...args, '--content', fx.content], { cwd: ROOT, env: { ...process.env, ...env } });
      let out = '';
      p.stdout.on('data', (b) => (out += b));
      p.stderr.on('data', (b) => (out += b));
      p.on('close', (code) => done({ code, out, ended: Date.now() }));
    });
  const review = (target: string, reason: string, env?: NodeJS.ProcessEnv) =>
    run('scripts/review.ts', ['--quarter', QUARTER, '--site', 'linhe-czj', '--indicator', 'typo', '--target', target, '--dismiss', '--reason', reason, '--inspector', '李四', '--date', '2026-11-21'], env);
  const record = (target: string, env?: NodeJS.ProcessEnv) =>
    run('scripts/record.ts', ['--quarter', QUARTER, '--site', 'linhe', '--indicator', 'message-overdue', '--target', target, '--points', '0.5', '--inspector', '张三', '--date', '2026-11-12', '--evidence', '未答复。'], env);

  test('reviews of two sites of one quarter started together both land, in the review file and in the findings files, every time', async () => {
    for (let round = 0; round < 6; round++) {
      fx = makeFixture();
      const [a, b] = await Promise.all([
        run('scripts/review.ts', ['--quarter', QUARTER, '--site', 'linhe-czj', '--indicator', 'severe-error', '--target', '国务院总里', '--dismiss', '--reason', '网民原话', '--inspector', '李四', '--date', '2026-11-21']),
        run('scripts/review.ts', ['--quarter', QUARTER, '--site', 'linhe', '--indicator', 'column-stale', '--target', '工作动态', '--dismiss', '--reason', '已核实更新', '--inspector', '王五', '--date', '2026-11-21']),
      ]);
      expect([a.code, b.code], `${a.out}\n${b.out}`).toEqual([0, 0]);
      const review = fx.read(`review/${QUARTER}.yaml`);
      expect(review).toContain('网民原话');
      expect(review).toContain('已核实更新');
      expect(fx.site('linhe-czj').verdict).toBe('pass');
      expect(fx.site('linhe').score).toBe(100);
      expect(existsSync(lockPath(fx.content))).toBe(false);
      if (round < 5) fx.remove();
    }
  }, 120_000);

  test('100 pairs of a review and a record on one quarter, eight processes at a time: every decision and every record lands, in its file and in the findings', async () => {
    fx = makeFixture();
    const PAIRS = 100;
    const czj = fx.site('linhe-czj');
    writeSiteQuarter(fx.content, { ...czj, findings: [...czj.findings, ...Array.from({ length: PAIRS }, (_, i) => crawlFinding('typo', `错字${i}`, 0.1))] }, '');
    const jobs = Array.from({ length: PAIRS }, (_, i) => [() => review(`错字${i}`, `复核${i}`, { GOV_PORTAL_LOCK_WAIT_MS: '120000' }), () => record(`咨询${i}`, { GOV_PORTAL_LOCK_WAIT_MS: '120000' })]).flat();
    const results: Array<{ code: number | null; out: string }> = [];
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) results.push(await job());
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(results.filter((r) => r.code !== 0).map((r) => r.out)).toEqual([]);
    expect(results).toHaveLength(2 * PAIRS);
    const decisions = parseYaml(fx.read(`review/${QUARTER}.yaml`)).decisions as Array<{ target: string; reason: string }>;
    expect(new Set(decisions.map((d) => d.reason)).size).toBe(PAIRS);
    expect(fx.site('linhe-czj').dismissed?.filter((f) => f.indicator === 'typo')).toHaveLength(PAIRS);
    expect(readdirSync(join(fx.content, 'manual', QUARTER))).toHaveLength(PAIRS);
    expect(fx.site('linhe').findings.filter((f) => f.indicator === 'message-overdue')).toHaveLength(PAIRS);
    expect(existsSync(lockPath(fx.content))).toBe(false);
  }, 400_000);

  test('a crawl and a record of the same site: the record waits for the crawl and lands after it, not overwritten', async () => {
    fx = makeFixture();
    copyFileSync(join(ROOT, 'content', 'dictionary.yaml'), join(fx.content, 'dictionary.yaml'));
    // Every request is answered slowly by one local server acting as the proxy, so the crawl holds the lock for a while.
    const server = createServer((req, res) => {
      setTimeout(() => {
        res.writeHead(req.url?.endsWith('/robots.txt') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>临河市人民政府</title></head><body><a href="/a.html">工作动态</a></body></html>');
      }, 300);
    });
    server.on('connect', (_req, socket) => socket.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const crawl = run('scripts/crawl.ts', ['--quarter', QUARTER, '--as-of', '2026-11-20', '--only', 'linhe', '--timeout', '3', '--render', 'never'], { HTTP_PROXY: proxy, HTTPS_PROXY: proxy, NO_PROXY: '' });
      for (let i = 0; i < 200 && !existsSync(lockPath(fx.content)); i++) await new Promise((r) => setTimeout(r, 25));
      expect(readFileSync(lockPath(fx.content), 'utf8')).toContain('npm run crawl');
      const [c, r] = await Promise.all([crawl, record('咨询', { GOV_PORTAL_LOCK_WAIT_MS: '120000' })]);
      expect([c.code, r.code], `${c.out}\n${r.out}`).toEqual([0, 0]);
      expect(r.ended).toBeGreaterThanOrEqual(c.ended - 50);
      const linhe = fx.site('linhe');
      expect(linhe.findings.map((f) => f.target)).toContain('咨询');
      // And the file is the crawl's (the fixture's said 10 pages): written first, then re-scored with the record.
      expect(linhe.stats.pages).toBeLessThan(10);
    } finally {
      server.close();
    }
  }, 120_000);

  test('two publishes of one quarter started together: one publishes, the other waits and then refuses, naming why; a held lock is named', async () => {
    fx = makeFixture();
    fx.write(`quarters/${QUARTER}.md`, `---\nquarter: ${QUARTER}\nissuer: 临河市人民政府办公室\nto: 各部门\nstatus: draft\n---\n\n正文\n`);
    const both = await Promise.all([run('scripts/publish.ts', [QUARTER, '--date', '2026-12-01']), run('scripts/publish.ts', [QUARTER, '--date', '2026-12-01'])]);
    expect(both.map((b) => b.code).sort()).toEqual([0, 2]);
    expect(both.find((b) => b.code === 2)!.out).toContain(`${QUARTER} was already published on 2026-12-01`);
    const release = acquireContentLock(fx.content, `npm run publish -- ${QUARTER}`);
    try {
      const third = await run('scripts/publish.ts', [QUARTER], { GOV_PORTAL_LOCK_WAIT_MS: '300' });
      expect(third.code).toBe(2);
      expect(third.out).toContain(`正由另一个命令写入：npm run publish -- ${QUARTER}（进程 ${process.pid}，`);
    } finally {
      release();
    }
  }, 60_000);
});
