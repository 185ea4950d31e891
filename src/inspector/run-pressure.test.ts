import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { runPressure } from './inspect.ts';

test('run pressure: requests waiting, a late event loop, and live memory read after a full collection', async () => {
  let waiting = 3;
  const p = runPressure({ get waiting() { return waiting; } });
  try {
    expect(p.read()).toMatchObject({ waitingRequests: 3, liveBytes: 0 });
    // A loop kept busy 60 ms at a time for 400 ms: its timers run some 50 ms late, most of them.
    const busy = setInterval(() => {
      const until = Date.now() + 60;
      while (Date.now() < until);
    }, 1);
    await sleep(400);
    clearInterval(busy);
    expect(p.read().loopDelayMs).toBeGreaterThan(30);
    // A prompt loop reads near 0 once the window is read again.
    await sleep(200);
    expect(p.read().loopDelayMs).toBeLessThan(100);
    // A full collection, and the observer's entry delivered.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    await sleep(50);
    waiting = 0;
    const after = p.read();
    expect(after.waitingRequests).toBe(0);
    expect(after.liveBytes).toBeGreaterThan(2 ** 20);
    expect(after.liveBytes).toBeLessThan(process.memoryUsage().rss);
  } finally {
    p.stop();
  }
});
