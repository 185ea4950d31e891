// One writer at a time per content folder: every command that writes content holds content/.lock
// while it reads, decides and writes, so that two inspectors' commands never interleave (two reviews
// of one quarter, a record during a publish, two crawls). A second writer waits a short while, then
// refuses, naming the command and the process that holds the lock; a lock left by a process that is
// gone (killed) is taken over, and the command says so.
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { processRuns } from './process.ts';
import { inTransaction, recoverContent } from './transaction.ts';

/** Who holds a content folder's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The command, as a person would type it: npm run publish -- 2026-Q4. */
  command: string;
  /** When it took the lock (ISO time). */
  since: string;
}

/** The lock file of a content folder. */
export const lockPath = (contentDir: string) => join(contentDir, '.lock');

/** How long a second writer waits for the lock before it refuses (GOV_PORTAL_LOCK_WAIT_MS sets it). */
export const LOCK_WAIT_MS = 30_000;

/** Sleep without an event loop (the commands that write are synchronous). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.command === 'string' && typeof h.since === 'string' ? (h as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** The process is gone: only decidable on this machine (a lock from another host is never taken over). */
function gone(h: LockHolder): boolean {
  return h.host === hostname() && !processRuns(h.pid);
}

const describe = (h: LockHolder) => `${h.command}（进程 ${h.pid}${h.host === hostname() ? '' : `，主机 ${h.host}`}，${h.since} 开始）`;

/**
 * Take the content folder's lock, waiting up to waitMs for another writer; returns the release.
 * Refuses with an InputError naming the holder when it does not come free.
 */
export function acquireContentLock(contentDir: string, command: string, o: { waitMs?: number; onTakeOver?: (h: LockHolder) => void } = {}): () => void {
  const path = lockPath(contentDir);
  const envWait = Number(process.env['GOV_PORTAL_LOCK_WAIT_MS']);
  const waitMs = o.waitMs ?? (Number.isFinite(envWait) && envWait >= 0 ? envWait : LOCK_WAIT_MS);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const until = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return () => release(path, me);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${contentDir}: no such content folder`);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder && gone(holder) && takeOver(path, holder)) {
      o.onTakeOver?.(holder);
      continue;
    }
    // A writer killed between creating the file and writing its name leaves it empty; a live one
    // writes it at once, so an unreadable lock older than a few seconds is left by a dead writer.
    if (!holder && unreadableFor(path) > UNREADABLE_LOCK_MS && takeOver(path, undefined)) {
      console.error(`接管了无法读取的写入锁 ${path}（写入者在写明身份前已退出）`);
      continue;
    }
    if (Date.now() >= until) {
      throw new InputError(
        holder
          ? `${contentDir} 正由另一个命令写入：${describe(holder)}。请等它结束后再运行；若该进程已不存在，删除 ${path} 即可。`
          : `${contentDir} 正由另一个命令写入（${path} 存在）。请等它结束后再运行。`,
      );
    }
    // Jittered, so that many waiting writers do not retry in step.
    sleepSync(20 + ((process.pid + attempt * 37) % 40));
  }
}

/** How long a lock may stay unreadable before it counts as left by a writer that died creating it. */
const UNREADABLE_LOCK_MS = 5_000;

/** Milliseconds since the unreadable lock file was last modified (0 when it is gone). */
function unreadableFor(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Remove a dead holder's lock (undefined: an unreadable one); true when it is gone (by us or by another taker). */
function takeOver(path: string, stale: LockHolder | undefined): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return !existsSync(path);
  }
  // Between reading the stale holder and the rename, another writer may have taken it over and
  // locked again: its lock goes back, unless yet another lock exists now.
  const moved = readHolder(aside);
  if (moved && (!stale || moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, path);
    } catch {
      // a newer lock is in place: that writer holds it
    }
  }
  unlinkSync(aside);
  return true;
}

/** Remove the lock when it is still ours. */
function release(path: string, me: LockHolder): void {
  const h = readHolder(path);
  if (h && h.pid === me.pid && h.since === me.since) unlinkSync(path);
}

/**
 * Run fn holding the content folder's lock (released when it returns or its promise settles). First
 * the folder is brought back to a consistent state if a killed command left it half-changed
 * (recoverContent, which says what it did); then fn runs as one transaction, all its files changed
 * or none, unless `transaction: false` (the crawl, which writes each site's file whole as it goes
 * and resumes where it stopped).
 */
export function withContentLock<T>(contentDir: string, command: string, fn: () => T, o: { transaction?: boolean } = {}): T {
  const release = acquireContentLock(contentDir, command, {
    onTakeOver: (h) => console.error(`接管了已退出进程留下的写入锁：${describe(h)}`),
  });
  let out: T;
  try {
    for (const line of recoverContent(contentDir)) console.error(line);
    out = o.transaction === false ? fn() : inTransaction(contentDir, command, fn);
  } catch (e) {
    release();
    throw e;
  }
  if (out instanceof Promise) return out.finally(release) as T;
  release();
  return out;
}
