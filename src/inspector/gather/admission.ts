// How many sites a run crawls at once. Each site mostly waits for its host's pause, so a run keeps
// many sites going; how many depends on what the network and the machine can take, which no fixed
// figure knows (a sandbox answers in milliseconds, a county's server in seconds). The run starts
// with `min` sites and adds more while there is room, up to `max`, and stops adding while many
// requests wait for a slot of the run's, while the event loop lags (a page's answer read late could run into
// its deadline), or while memory is over budget. A busy event loop alone is no reason: a run whose
// CPU is the limit ends soonest with its sites started early, each then waiting its pauses in parallel.

/** What the run looks like now. */
export interface RunPressure {
  /** Requests whose host's turn has come, waiting for one of the run's slots (--concurrency). */
  waitingRequests: number;
  /** How late the event loop ran its timers in the last interval, 90th percentile, in ms. */
  loopDelayMs: number;
  /**
   * The crawler's live memory in bytes: its heap and buffers in use just after the last full garbage
   * collection, what the sites running hold.
   */
  liveBytes: number;
  /** The crawler's resident set in bytes: the live memory and the garbage V8 has not yet collected. */
  rssBytes: number;
}

export interface AdmissionOptions {
  /** Sites always allowed at once (the first started at once). */
  min: number;
  /** Sites never exceeded; equal to min for a fixed number. */
  max: number;
  /**
   * No site is added while the crawler's resident set or its live memory is above this; the target is
   * lowered while its live memory is. (The resident set alone would lower it for garbage V8 has not
   * collected yet, which another site does not add to.)
   */
  memoryBytes: number;
  /** The run's slots for requests in flight (--concurrency): sites are added while at most an eighth as many requests wait for one. */
  slots: number;
  /** How often the run's pressure is read, in ms. */
  intervalMs?: number;
}

/** Sites are added while the event loop runs its timers within this of their time, in ms. */
const PROMPT_MS = 100;
/** Later than this, or memory over: the target is lowered. (A queue for the run's slots comes and goes with a site's burst of link checks: it only holds growth.) */
const LATE_MS = 500;

/** A running site's hold on its place: a long wait (the pause between two home-page tries) gives it up. */
export interface SiteSlot {
  /** Wait for p without holding a place: another site runs meanwhile; the site then resumes before any new one starts. */
  idle<U>(p: Promise<U>): Promise<U>;
}

/** Starts tasks (sites) within a number at once that adapts to the run's pressure between min and max. */
export class SiteAdmission {
  readonly #o: Required<AdmissionOptions>;
  readonly #pressure: () => RunPressure;
  readonly #queue: Array<() => void> = [];
  #running = 0;
  #target: number;
  #peak = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #onClose: () => void;

  /** `onClose`: stops whatever reads the pressure (close()). */
  constructor(o: AdmissionOptions, pressure: () => RunPressure, onClose: () => void = () => {}) {
    if (!(o.min >= 1 && o.max >= o.min)) throw new Error(`sites at once: need 1 ≤ min ≤ max, got ${o.min} and ${o.max}`);
    this.#o = { intervalMs: 250, ...o };
    this.#pressure = pressure;
    this.#target = o.min;
    this.#onClose = onClose;
  }

  /** The run is over: stop reading its pressure. */
  close(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#onClose();
  }

  /** Sites running now. */
  get running(): number {
    return this.#running;
  }

  /** Most sites that ran at once. */
  get peak(): number {
    return this.#peak;
  }

  /** Run fn once the run admits another site. */
  async run<T>(fn: (slot: SiteSlot) => Promise<T>): Promise<T> {
    await this.#enter('back');
    try {
      return await fn({ idle: (p) => this.#idle(p) });
    } finally {
      this.#leave();
    }
  }

  #enter(where: 'front' | 'back'): Promise<void> {
    return new Promise<void>((admit) => {
      if (where === 'front') this.#queue.unshift(admit);
      else this.#queue.push(admit);
      this.#pump();
    });
  }

  #leave(): void {
    this.#running--;
    this.#pump();
  }

  async #idle<U>(p: Promise<U>): Promise<U> {
    this.#leave();
    try {
      return await p;
    } finally {
      await this.#enter('front');
    }
  }

  /** Start queued sites up to the target; read the pressure while more could be started. */
  #pump(): void {
    while (this.#running < this.#target && this.#queue.length > 0) {
      this.#running++;
      this.#peak = Math.max(this.#peak, this.#running);
      this.#queue.shift()!();
    }
    const canGrow = this.#queue.length > 0 && this.#o.max > this.#o.min;
    if (canGrow && !this.#timer) {
      this.#timer = setInterval(() => this.#adjust(), this.#o.intervalMs);
      this.#timer.unref();
    } else if (!canGrow && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Raise the target by an eighth while there is room, lower it by an eighth when late or over memory. */
  #adjust(): void {
    const p = this.#pressure();
    const step = Math.max(1, Math.floor(this.#target / 8));
    const overMemory = p.liveBytes > this.#o.memoryBytes;
    if (p.loopDelayMs > LATE_MS || overMemory) this.#target = Math.max(this.#o.min, this.#target - step);
    // Only when the sites running fill the target: sites still starting up say nothing yet.
    else if (p.waitingRequests <= this.#o.slots / 8 && p.loopDelayMs < PROMPT_MS && p.rssBytes <= this.#o.memoryBytes && this.#running >= this.#target) this.#target = Math.min(this.#o.max, this.#target + step);
    this.#pump();
  }
}
