import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatBytes, parseCpuMs, processCpuMs, parsePss, parseStat, parseVmRss, processesUnder, processTree, samplePeakRss, treeRss } from './proc-memory.ts';

describe('parseStat', () => {
  it.each([
    ['1234 (node) S 1200 1234 1200 0 -1 4194560 1 0 0 0', { pid: 1234, ppid: 1200 }],
    // A command name with spaces and parentheses: the fields start after the last ')'.
    ['77 (my (odd) name) R 5 77 5 0', { pid: 77, ppid: 5 }],
    ['', undefined],
    ['garbage', undefined],
  ])('%j', (text, want) => expect(parseStat(text)).toEqual(want));
});

describe('parseCpuMs', () => {
  it.each([
    // utime 250 and stime 30 ticks (fields 14 and 15), 100 a second.
    ['1234 (node) S 1200 1234 1200 0 -1 4194560 5000 0 3 0 250 30 0 0 20 0 11 0 100', 2800],
    ['77 (a) b) c) R 5 77 5 0 -1 0 0 0 0 0 7 0 0 0', 70],
    ['1234 (node) S 1200 1234', undefined],
    ['garbage', undefined],
  ])('%j', (text, want) => expect(parseCpuMs(text)).toBe(want));
  it('reads a running process, and nothing of one that is gone', () => {
    expect(processCpuMs(process.pid)).toBeGreaterThanOrEqual(0);
    expect(processCpuMs(2 ** 30)).toBeUndefined();
  });
});

describe('parseVmRss', () => {
  it('reads VmRSS in kB as bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nRssAnon:\t 1 kB\n')).toBe(204800 * 1024);
  });
  it('is undefined without the line (zombies, kernel threads)', () => {
    expect(parseVmRss('Name:\tkworker\nState:\tI (idle)\n')).toBeUndefined();
  });
});

describe('parsePss', () => {
  it('reads Pss in kB as bytes, not SwapPss', () => {
    expect(parsePss('55d0-7ffd ---p 00000000 00:00 0 [rollup]\nRss:\t 204800 kB\nPss:\t 102400 kB\nSwapPss:\t 7 kB\n')).toBe(102400 * 1024);
    expect(parsePss('Rss: 1 kB\n')).toBeUndefined();
  });
});

describe('processTree', () => {
  const parents = new Map([[10, 1], [11, 10], [12, 10], [13, 11], [20, 1], [21, 20]]);
  it.each([
    [10, [10, 11, 12, 13]],
    [11, [11, 13]],
    [20, [20, 21]],
    [99, [99]],
  ])('under %i', (root, want) => expect(processTree(root, parents).sort((a, b) => a - b)).toEqual(want));
});

describe('treeRss over a /proc folder', () => {
  const proc = mkdtempSync(join(tmpdir(), 'proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  const add = (pid: number, ppid: number, rssKb?: number) => {
    mkdirSync(join(proc, String(pid)));
    writeFileSync(join(proc, String(pid), 'stat'), `${pid} (p${pid}) S ${ppid} 0 0`);
    writeFileSync(join(proc, String(pid), 'status'), rssKb === undefined ? 'Name:\tz\n' : `Name:\tp\nVmRSS:\t${rssKb} kB\n`);
  };
  add(100, 1, 1000);
  add(101, 100, 3000);
  add(102, 101); // a zombie: no VmRSS
  add(200, 1, 9000); // not in the tree
  mkdirSync(join(proc, 'self'));
  mkdirSync(join(proc, '300')); // gone between listing and reading

  it('sums the tree and names its largest process', () => {
    expect(treeRss(100, proc)).toEqual({ total: 4000 * 1024, largest: 3000 * 1024, processes: 2 });
    expect(treeRss(101, proc)).toEqual({ total: 3000 * 1024, largest: 3000 * 1024, processes: 1 });
  });

  it('leaves out the subtrees asked to (the sandbox beside the crawler)', () => {
    expect(treeRss(100, proc, [101])).toEqual({ total: 1000 * 1024, largest: 1000 * 1024, processes: 1 });
  });

  it('sums the proportional sets when every process gives one', () => {
    writeFileSync(join(proc, '100', 'smaps_rollup'), 'Rss: 1000 kB\nPss:\t 600 kB\n');
    expect(treeRss(100, proc).pss).toBeUndefined(); // 101 has none yet
    writeFileSync(join(proc, '101', 'smaps_rollup'), 'Pss: 1500 kB\n');
    expect(treeRss(100, proc)).toEqual({ total: 4000 * 1024, largest: 3000 * 1024, processes: 2, pss: 2100 * 1024 });
    rmSync(join(proc, '100', 'smaps_rollup'));
    rmSync(join(proc, '101', 'smaps_rollup'));
  });

  it('samples the peak and when it was', () => {
    let clock = 1000;
    writeFileSync(join(proc, '101', 'status'), 'VmRSS:\t3000 kB\n');
    const s = samplePeakRss(100, 10_000, proc, () => clock);
    expect(s.latest()).toEqual({ total: 4000 * 1024, largest: 3000 * 1024, processes: 2 });
    clock = 3500;
    writeFileSync(join(proc, '101', 'status'), 'VmRSS:\t5000 kB\n');
    expect(s.stop()).toEqual({ total: 6000 * 1024, at: 2500, largest: 5000 * 1024, processes: 2, samples: 2 });
  });

  /** fn with fake timers, 100 and 101 giving proportional sets of 600 and 1500 kB; both removed after. */
  const withRollups = (fn: () => void) => {
    vi.useFakeTimers();
    try {
      writeFileSync(join(proc, '100', 'smaps_rollup'), 'Pss: 600 kB\n');
      writeFileSync(join(proc, '101', 'smaps_rollup'), 'Pss: 1500 kB\n');
      fn();
    } finally {
      vi.useRealTimers();
      rmSync(join(proc, '100', 'smaps_rollup'));
      rmSync(join(proc, '101', 'smaps_rollup'));
    }
  };

  it('reads the proportional sets once a pssEveryMs, and at the last reading', () =>
    withRollups(() => {
      let clock = 0;
      writeFileSync(join(proc, '101', 'status'), 'VmRSS:\t3000 kB\n');
      const s = samplePeakRss(100, 100, proc, () => clock, [], 1_000);
      expect(s.latest().pss).toBe(2100 * 1024);
      // 500 ms later: the resident sets are read, the proportional ones are not.
      clock = 500;
      writeFileSync(join(proc, '101', 'status'), 'VmRSS:\t5000 kB\n');
      writeFileSync(join(proc, '101', 'smaps_rollup'), 'Pss: 9000 kB\n');
      vi.advanceTimersByTime(100);
      expect(s.latest()).toEqual({ total: 6000 * 1024, largest: 5000 * 1024, processes: 2 });
      // A second after the first: both.
      clock = 1_000;
      vi.advanceTimersByTime(100);
      expect(s.latest().pss).toBe(9600 * 1024);
      clock = 1_100;
      writeFileSync(join(proc, '101', 'smaps_rollup'), 'Pss: 1000 kB\n');
      writeFileSync(join(proc, '100', 'smaps_rollup'), 'Pss: 10000 kB\n');
      vi.advanceTimersByTime(100);
      expect(s.latest().pss).toBeUndefined();
      expect(s.stop()).toMatchObject({ pss: 11000 * 1024, total: 6000 * 1024, samples: 5 });
    }));

  it('reads the proportional sets at every reading when they are asked for as often, even from a timer a little early', () =>
    withRollups(() => {
      let clock = 0;
      const s = samplePeakRss(100, 1_000, proc, () => clock, [], 1_000);
      clock = 999;
      vi.advanceTimersByTime(1_000);
      expect(s.latest().pss).toBe(2100 * 1024);
      s.stop();
    }));

  it('reads the tree down through the threads’ children files where the kernel keeps them, without listing every process', () => {
    const down = mkdtempSync(join(tmpdir(), 'proc-'));
    try {
      // No stat files at all: only the children files say who is whose.
      const task = (pid: number, tid: number, children: string) => {
        mkdirSync(join(down, String(pid), 'task', String(tid)), { recursive: true });
        writeFileSync(join(down, String(pid), 'task', String(tid), 'children'), children);
      };
      const status = (pid: number, rssKb: number) => writeFileSync(join(down, String(pid), 'status'), `VmRSS:\t${rssKb} kB\n`);
      task(500, 500, '520 ');
      task(500, 501, '510 530 '); // a child started from another thread
      task(510, 510, '511 ');
      task(511, 511, '');
      task(520, 520, '');
      status(500, 1000);
      status(510, 200);
      status(511, 30);
      status(520, 4);
      mkdirSync(join(down, '530')); // gone: no task folder, no status
      expect(processesUnder(500, down).sort()).toEqual([500, 510, 511, 520, 530]);
      expect(treeRss(500, down, [], false)).toEqual({ total: 1234 * 1024, largest: 1000 * 1024, processes: 4 });
      expect(treeRss(500, down, [510], false)).toEqual({ total: 1004 * 1024, largest: 1000 * 1024, processes: 2 });
    } finally {
      rmSync(down, { recursive: true, force: true });
    }
  });

  it('reads this process on the real /proc', () => {
    const r = treeRss(process.pid);
    expect(r.processes).toBeGreaterThanOrEqual(1);
    expect(r.total).toBeGreaterThan(10 * 2 ** 20);
  });
});

describe('formatBytes', () => {
  it.each([
    [20 * 1024, '20 kB'],
    [300 * 2 ** 20, '300 MB'],
    [1536 * 2 ** 20, '1.50 GB'],
    [4 * 2 ** 30, '4.00 GB'],
  ])('%d → %s', (b, s) => expect(formatBytes(b)).toBe(s));
});
