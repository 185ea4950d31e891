// Politeness: a global limit on requests in flight, a per-host limit, and a pause between two
// requests that start on the same host.
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';

interface HostGate {
  active: number;
  /** Tasks started on the host in the run. */
  starts: number;
  nextStart: number;
  /** A longer pause asked for by the host (robots.txt Crawl-delay), if any. */
  delayMs?: number;
  waiting: Array<() => void>;
}

/** Runs tasks keyed by host within the global and per-host limits. */
export class HostScheduler {
  readonly #global: LimitFunction;
  readonly #perHost: number;
  readonly #delayMs: number;
  readonly #gates = new Map<string, HostGate>();
  #maxActivePerHost = 0;
  /** Hosts whose `active` is above 0, kept as it changes (a run knows tens of thousands of hosts). */
  #hostsBusy = 0;

  constructor(global: number, perHost: number, delayMs: number) {
    this.#global = pLimit(global);
    this.#perHost = perHost;
    this.#delayMs = delayMs;
  }

  /** Hosts with a task started or waiting for its pause right now (the progress line's "hosts busy"). */
  get hostsBusy(): number {
    return this.#hostsBusy;
  }

  /** Tasks whose host's turn has come, waiting for one of the run's slots. */
  get waiting(): number {
    return this.#global.pendingCount;
  }

  /** Highest number of tasks seen running at once on one host (for tests and the benchmark). */
  get maxActivePerHost(): number {
    return this.#maxActivePerHost;
  }

  /**
   * The politeness lower bound of the run so far: each host's starts at its pace (one per pause,
   * the first at once), the slowest host's. No schedule can end the run sooner.
   */
  politenessBound(): { host: string; starts: number; boundMs: number } | undefined {
    let worst: { host: string; starts: number; boundMs: number } | undefined;
    for (const [host, g] of this.#gates) {
      const boundMs = (g.starts - 1) * (g.delayMs ?? this.#delayMs);
      if (!worst || boundMs > worst.boundMs || (boundMs === worst.boundMs && g.starts > worst.starts)) worst = { host, starts: g.starts, boundMs };
    }
    return worst;
  }

  /** Make the pause between two requests to a host at least delayMs (robots.txt Crawl-delay). */
  setHostDelay(host: string, delayMs: number): void {
    const gate = this.#gate(host);
    gate.delayMs = Math.max(delayMs, this.#delayMs);
  }

  #gate(host: string): HostGate {
    let gate = this.#gates.get(host);
    if (!gate) {
      gate = { active: 0, starts: 0, nextStart: 0, waiting: [] };
      this.#gates.set(host, gate);
    }
    return gate;
  }

  /** Run fn when the host has a free slot, its pause has passed, and the run has a free slot. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const gate = this.#gate(host);
    while (gate.active >= this.#perHost) await new Promise<void>((resolve) => gate.waiting.push(resolve));
    if (gate.active++ === 0) this.#hostsBusy++;
    gate.starts++;
    this.#maxActivePerHost = Math.max(this.#maxActivePerHost, gate.active);
    try {
      const now = Date.now();
      const start = Math.max(now, gate.nextStart);
      gate.nextStart = start + (gate.delayMs ?? this.#delayMs);
      if (start > now) await sleep(start - now);
      return await this.#global(fn);
    } finally {
      if (--gate.active === 0) this.#hostsBusy--;
      gate.waiting.shift()?.();
    }
  }
}
