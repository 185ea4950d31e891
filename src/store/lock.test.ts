import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { makeFixture, QUARTER, type Fixture } from '../workflow/fixture.test-helpers.ts';
import { acquireContentLock, lockPath, withContentLock, type LockHolder } from './lock.ts';

const dirs: string[] = [];
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

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
    let message = '';
    try {
      acquireContentLock(d, 'npm run record', { waitMs: 300 });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      message = (e as Error).message;
    }
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
  const run = (script: string, args: string[]) =>
    new Promise<{ code: number | null; out: string }>((done) => {
      const p = spawn(process.execPath, [script, ...args, '--content', fx.content], { cwd: ROOT });
      let out = '';
      p.stdout.on('data', (b) => (out += b));
      p.stderr.on('data', (b) => (out += b));
      p.on('close', (code) => done({ code, out }));
    });

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
});
