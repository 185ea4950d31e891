import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { HostScheduler } from './scheduler.ts';

const task = (log: string[], name: string, ms = 20) => async () => {
  log.push(`start ${name}`);
  await sleep(ms);
  log.push(`end ${name}`);
  return name;
};

/** A task that records how many copies of it ran at once. */
function concurrencyProbe() {
  let active = 0;
  let most = 0;
  const job = async () => {
    active++;
    most = Math.max(most, active);
    await sleep(10);
    active--;
  };
  return { job, most: () => most };
}

describe('HostScheduler', () => {
  test('hosts busy: those with a task running or waiting for its pause, none once all are done', async () => {
    const s = new HostScheduler(10, 2, 0);
    let seen = 0;
    await Promise.all(['a.gov.cn', 'b.gov.cn', 'c.gov.cn'].map((h) => s.run(h, async () => {
      await sleep(10);
      seen = Math.max(seen, s.hostsBusy);
    })));
    expect(seen).toBe(3);
    expect(s.hostsBusy).toBe(0);
  });

  test('waiting: tasks whose host’s turn came but the run has no free slot', async () => {
    // One slot for the run, three hosts: while one task runs, the other two wait for the run's slot.
    const s = new HostScheduler(1, 2, 0);
    let seen = 0;
    await Promise.all(['a.gov.cn', 'b.gov.cn', 'c.gov.cn'].map((h) => s.run(h, async () => {
      await sleep(10);
      seen = Math.max(seen, s.waiting);
    })));
    expect(seen).toBe(2);
    expect(s.waiting).toBe(0);
  });

  test('the politeness bound is the busiest host’s starts at one per pause; a host’s Crawl-delay counts', async () => {
    const s = new HostScheduler(10, 2, 5);
    expect(s.politenessBound()).toBeUndefined();
    await Promise.all([...[...Array(4)].map(() => s.run('a.gov.cn', async () => 1)), ...[...Array(3)].map(() => s.run('b.gov.cn', async () => 1))]);
    // 4 starts on a.gov.cn: the first at once, three pauses of 5 ms.
    expect(s.politenessBound()).toEqual({ host: 'a.gov.cn', starts: 4, boundMs: 15 });
    s.setHostDelay('c.gov.cn', 40);
    await Promise.all([...Array(2)].map(() => s.run('c.gov.cn', async () => 1)));
    expect(s.politenessBound()).toEqual({ host: 'c.gov.cn', starts: 2, boundMs: 40 });
  });

  test('never runs more than perHost tasks on one host', async () => {
    const s = new HostScheduler(10, 2, 0);
    const probe = concurrencyProbe();
    await Promise.all([...Array(8)].map(() => s.run('a.gov.cn', probe.job)));
    expect(probe.most()).toBe(2);
    expect(s.maxActivePerHost).toBe(2);
  });

  test('respects the global limit across hosts', async () => {
    const s = new HostScheduler(3, 5, 0);
    const probe = concurrencyProbe();
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((h) => s.run(h, probe.job)));
    expect(probe.most()).toBe(3);
  });

  test('spaces the starts of requests to one host by the delay, and a Crawl-delay lengthens it', async () => {
    const s = new HostScheduler(10, 4, 30);
    const starts: number[] = [];
    await Promise.all([0, 1, 2].map(() => s.run('a', async () => void starts.push(performance.now()))));
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(25);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(25);
    s.setHostDelay('b', 80);
    const b: number[] = [];
    await Promise.all([0, 1].map(() => s.run('b', async () => void b.push(performance.now()))));
    expect(b[1]! - b[0]!).toBeGreaterThanOrEqual(75);
  });

  test('returns the task result and lets errors through', async () => {
    const s = new HostScheduler(1, 1, 0);
    const log: string[] = [];
    expect(await s.run('a', task(log, 'x'))).toBe('x');
    await expect(s.run('a', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await s.run('a', task(log, 'y'))).toBe('y');
  });
});
