// Commands that finish or undo. A command that writes several content files (publish: findings,
// quarter file, manifest; review: review file and findings file; record:import: thousands of
// records and the re-score) runs as one transaction: all its files change, or none. Each file is
// still replaced atomically (atomic.ts); before the first change to a file, a hard link to its old
// version is kept in content/.transaction/ and a line appended to the journal there. Deleting the
// journal is the commit. A command killed before that leaves the journal behind, and the next
// command that takes the content lock puts every file back as it was, saying so; it also removes
// the temporary files that killed writers left. Only the content lock's holder writes, so recovery
// under the lock never races a live transaction.
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { faultPoint } from './fault.ts';
import { processRuns } from './process.ts';

/** The folder of a content folder's transaction in progress (or interrupted). */
export const transactionDir = (contentDir: string) => join(contentDir, '.transaction');
const journalOf = (contentDir: string) => join(transactionDir(contentDir), 'journal');

interface Header {
  command: string;
  pid: number;
  since: string;
}
interface Entry {
  /** Relative to the content folder, with /. */
  file: string;
  /** The backup's name in the transaction folder; null when the file did not exist. */
  backup: string | null;
}

interface Active {
  root: string;
  contentDir: string;
  fd: number;
  header: Header;
  touched: Set<string>;
}
let active: Active | undefined;

/**
 * Run fn as one transaction on the content folder (the caller holds its lock): committed when fn
 * returns or its promise fulfils, rolled back when it throws or rejects. Inside a transaction of the
 * same folder, fn simply joins it.
 */
export function inTransaction<T>(contentDir: string, command: string, fn: () => T): T {
  if (active && active.root === resolve(contentDir)) return fn();
  if (active) throw new Error(`a transaction on ${active.contentDir} is already open`);
  mkdirSync(transactionDir(contentDir), { recursive: true });
  const header: Header = { command, pid: process.pid, since: new Date().toISOString() };
  const fd = openSync(journalOf(contentDir), 'w');
  writeSync(fd, `${JSON.stringify(header)}\n`);
  const tx: Active = { root: resolve(contentDir), contentDir, fd, header, touched: new Set() };
  active = tx;
  const end = (ok: boolean) => {
    active = undefined;
    closeSync(tx.fd);
    if (ok) commit(contentDir);
    else rollback(contentDir);
  };
  let out: T;
  try {
    out = fn();
  } catch (e) {
    end(false);
    throw e;
  }
  if (out instanceof Promise) {
    return out.then(
      (v) => {
        end(true);
        return v;
      },
      (e: unknown) => {
        end(false);
        throw e;
      },
    ) as T;
  }
  end(true);
  return out;
}

/**
 * Called before a file is replaced or removed: inside a transaction on the folder that holds it, its
 * old version (or its absence) is kept and journaled, once per file.
 */
export function beforeChange(path: string): void {
  const tx = active;
  if (!tx) return;
  const abs = resolve(path);
  if (!abs.startsWith(tx.root + sep)) return;
  const file = relative(tx.root, abs).split(sep).join('/');
  if (tx.touched.has(file) || file.startsWith('.transaction/')) return;
  tx.touched.add(file);
  let backup: string | null = null;
  if (existsSync(abs)) {
    backup = String(tx.touched.size);
    const to = join(transactionDir(tx.contentDir), backup);
    // The file is only ever replaced by a rename, so a hard link keeps its old bytes for free.
    try {
      linkSync(abs, to);
    } catch {
      copyFileSync(abs, to);
    }
    faultPoint();
  }
  writeSync(tx.fd, `${JSON.stringify({ file, backup } satisfies Entry)}\n`);
  faultPoint();
}

function commit(contentDir: string): void {
  faultPoint();
  rmSync(journalOf(contentDir));
  faultPoint();
  rmSync(transactionDir(contentDir), { recursive: true, force: true });
}

/** Put back every file the journal lists; idempotent, so a rollback cut short is simply run again. */
function rollback(contentDir: string): Header | undefined {
  const dir = transactionDir(contentDir);
  let header: Header | undefined;
  const entries: Entry[] = [];
  const lines = readFileSync(journalOf(contentDir), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      // Only the last line can be cut short, by a kill while it was appended: that file was not changed yet.
      if (i < lines.length - 1 && lines.slice(i + 1).some(Boolean)) throw new Error(`${journalOf(contentDir)}:${i + 1}: unreadable journal line; restore the content folder from git`);
      return;
    }
    if (i === 0) header = parsed as Header;
    else entries.push(parsed as Entry);
  });
  for (const e of entries.reverse()) {
    const target = join(contentDir, e.file);
    if (e.backup === null) rmSync(target, { force: true });
    else if (existsSync(join(dir, e.backup))) {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(dir, e.backup), target);
    }
    faultPoint();
  }
  rmSync(journalOf(contentDir));
  rmSync(dir, { recursive: true, force: true });
  return header;
}

/** A writeFileAtomic temporary file: .NAME.PID.HEX.tmp */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Bring the content folder back to a consistent state after a command that was killed: roll back its
 * unfinished transaction and remove temporary files whose writer is gone. Returns what it did, in
 * words for the person running the next command. Run under the content lock.
 */
export function recoverContent(contentDir: string): string[] {
  const said: string[] = [];
  if (existsSync(journalOf(contentDir))) {
    const touched = readFileSync(journalOf(contentDir), 'utf8').split('\n').filter(Boolean).length - 1;
    const h = rollback(contentDir);
    said.push(
      `上次的写入命令未完成${h ? `：${h.command}（进程 ${h.pid}，${h.since} 开始）` : ''}；它改动的 ${touched} 个文件已恢复原状，请重新运行该命令。`,
    );
  } else if (existsSync(transactionDir(contentDir))) {
    // Committed, or begun without a change, then killed before the folder was removed.
    rmSync(transactionDir(contentDir), { recursive: true, force: true });
  }
  let temps = 0;
  if (existsSync(contentDir)) {
    for (const rel of readdirSync(contentDir, { recursive: true, encoding: 'utf8' })) {
      const m = TEMP_FILE.exec(rel.split(sep).pop()!);
      if (m && !processRuns(Number(m[1]))) {
        rmSync(join(contentDir, rel), { force: true });
        temps++;
      }
    }
  }
  if (temps) said.push(`删除了被中断的命令留下的 ${temps} 个临时文件。`);
  return said;
}

/** The command whose transaction was interrupted, for read-only commands that must not read half a change. */
export function interruptedTransaction(contentDir: string): string | undefined {
  if (!existsSync(journalOf(contentDir))) return undefined;
  const first = readFileSync(journalOf(contentDir), 'utf8').split('\n')[0] ?? '';
  try {
    const h = JSON.parse(first) as Header;
    return `${h.command}（进程 ${h.pid}，${h.since} 开始）`;
  } catch {
    return '(unknown command)';
  }
}
