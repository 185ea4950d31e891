// Peak memory of a process and everything it starts (astro build, its esbuild and pagefind
// children), read from Linux's /proc: the sum of the tree's resident sets, polled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** pid and parent pid from the text of /proc/<pid>/stat; undefined for anything else. */
export function parseStat(text: string): { pid: number; ppid: number } | undefined {
  // The command name sits in parentheses and may itself hold spaces and ')': split after the last one.
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isInteger(pid)) return undefined;
  const ppid = Number(text.slice(close + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? { pid, ppid } : undefined;
}

/**
 * CPU time a process has used, user and system, in ms, from the text of /proc/<pid>/stat (its utime
 * and stime fields, in the kernel's USER_HZ ticks: 100 a second on Linux). Undefined for anything else.
 */
export function parseCpuMs(text: string): number | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const f = text.slice(close + 2).split(' ');
  const utime = Number(f[11]);
  const stime = Number(f[12]);
  return Number.isInteger(utime) && Number.isInteger(stime) && f.length > 12 ? (utime + stime) * 10 : undefined;
}

/** CPU time used so far by a running process (parseCpuMs of its stat), undefined once it is gone. */
export function processCpuMs(pid: number, proc = '/proc'): number | undefined {
  const stat = readGone(join(proc, String(pid), 'stat'));
  return stat === undefined ? undefined : parseCpuMs(stat);
}

/** Resident set in bytes from the text of /proc/<pid>/status (its VmRSS line, in kB); undefined when absent (a zombie, a kernel thread). */
export function parseVmRss(text: string): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The root and all its descendants, given each process's parent. */
export function processTree(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    if (out.includes(pid)) continue;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** A file's text, or undefined when the process is gone (it may exit between listing and reading). */
function readGone(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Proportional set size in bytes from the text of /proc/<pid>/smaps_rollup (its Pss line, in kB). */
export function parsePss(text: string): number | undefined {
  const m = /^Pss:\s+(\d+)\s+kB$/m.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** One reading: the tree's summed resident set and its largest process, in bytes. */
export interface TreeRss {
  total: number;
  /**
   * The tree's summed proportional set size: memory shared between its processes (Chromium's
   * processes share most of theirs) counted once in all, not once per process. Undefined where
   * the kernel does not give it.
   */
  pss?: number;
  largest: number;
  processes: number;
}

/**
 * Root and its descendants now, leaving out the subtrees of `exclude`. Read down from the root through
 * each thread's list of children (/proc/<pid>/task/<tid>/children) where the kernel gives it: a few
 * files, where listing every process of the machine to find their parents reads hundreds, ten times a
 * second (4.3 s of a 58 s crawl's CPU on two cores).
 */
export function processesUnder(root: number, proc = '/proc', exclude: readonly number[] = []): number[] {
  return childrenDown(root, proc, exclude) ?? parentsUp(root, proc, exclude);
}

/** The tree by the threads' children files; undefined where the kernel keeps none (or the root is gone). */
function childrenDown(root: number, proc: string, exclude: readonly number[]): number[] | undefined {
  if (!existsSync(join(proc, String(root), 'task', String(root), 'children'))) return undefined;
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    if (out.includes(pid) || exclude.includes(pid)) continue;
    out.push(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(join(proc, String(pid), 'task'));
    } catch {
      continue; // gone since its parent listed it
    }
    for (const tid of tasks) {
      for (const child of (readGone(join(proc, String(pid), 'task', tid, 'children')) ?? '').split(' ')) if (/^\d+$/.test(child)) todo.push(Number(child));
    }
  }
  return out;
}

/** The tree by every process's parent, from a listing of all of them. */
function parentsUp(root: number, proc: string, exclude: readonly number[]): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readGone(join(proc, name, 'stat'));
    const s = stat === undefined ? undefined : parseStat(stat);
    if (s && !exclude.includes(s.pid)) parents.set(s.pid, s.ppid);
  }
  return processTree(root, parents);
}

/**
 * Read the resident sets of root and its descendants now, leaving out the subtrees of `exclude`;
 * withPss: their proportional sets too. That costs far more than the rest: the kernel walks the
 * process's page tables, some 12 ms for a process of 360 MB, so a reading grows with the crawler.
 */
export function treeRss(root: number, proc = '/proc', exclude: readonly number[] = [], withPss = true): TreeRss {
  let total = 0;
  let largest = 0;
  let processes = 0;
  let pss: number | undefined = withPss ? 0 : undefined;
  for (const pid of processesUnder(root, proc, exclude)) {
    const status = readGone(join(proc, String(pid), 'status'));
    const rss = status === undefined ? undefined : parseVmRss(status);
    if (rss === undefined) continue;
    total += rss;
    largest = Math.max(largest, rss);
    processes++;
    if (pss === undefined) continue;
    const rollup = readGone(join(proc, String(pid), 'smaps_rollup'));
    const p = rollup === undefined ? undefined : parsePss(rollup);
    pss = p === undefined || pss === undefined ? undefined : pss + p;
  }
  return { total, largest, processes, ...(pss === undefined ? {} : { pss }) };
}

/** Peaks seen by a sampler. */
export interface PeakRss {
  /** Highest sum over the tree at one reading. */
  total: number;
  /** Highest summed proportional set size at one reading, where the kernel gives it. */
  pss?: number;
  /** When that was, in ms since sampling started (to place it among the build's phases). */
  at: number;
  /** Highest resident set of a single process. */
  largest: number;
  /** Most processes in the tree at one reading. */
  processes: number;
  samples: number;
}

/** A running sampler: the latest reading (for progress lines) and stop(), which returns the peaks. */
export interface RssSampler {
  latest(): TreeRss;
  stop(): PeakRss;
}

/**
 * Poll treeRss(root) every intervalMs until stop(), which takes one last reading and returns the
 * peaks. The proportional sets are read at most once every pssEveryMs (and at the first and last
 * readings): read every 100 ms, they took a third of a core from a crawl of 1 GB on two cores.
 */
export function samplePeakRss(root: number, intervalMs = 200, proc = '/proc', now: () => number = () => performance.now(), exclude: readonly number[] = [], pssEveryMs = 1_000): RssSampler {
  const started = now();
  const peak: PeakRss = { total: 0, at: 0, largest: 0, processes: 0, samples: 0 };
  let last: TreeRss = { total: 0, largest: 0, processes: 0 };
  let pssAt = -Infinity;
  const read = (final = false) => {
    // Half an interval's slack: a timer that fires a little early still reads at the pace asked for.
    const withPss = final || now() - pssAt >= pssEveryMs - intervalMs / 2;
    if (withPss) pssAt = now();
    const r = treeRss(root, proc, exclude, withPss);
    if (r.processes === 0) return;
    last = r;
    if (r.pss !== undefined) peak.pss = Math.max(peak.pss ?? 0, r.pss);
    if (r.total > peak.total) {
      peak.total = r.total;
      peak.at = Math.round(now() - started);
    }
    peak.largest = Math.max(peak.largest, r.largest);
    peak.processes = Math.max(peak.processes, r.processes);
    peak.samples++;
  };
  read();
  const timer = setInterval(() => read(), intervalMs);
  return {
    latest: () => last,
    stop() {
      clearInterval(timer);
      read(true);
      return { ...peak };
    },
  };
}

/** 1536 MiB → "1.50 GB", 300 MiB → "300 MB", 20 KiB → "20 kB" (binary units, as RSS is counted). */
export function formatBytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb < 1) return `${(bytes / 1024).toFixed(0)} kB`;
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(0)} MB`;
}
