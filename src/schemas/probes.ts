// Availability probe records, content/probes/<site-id>/<yyyy>.csv: one row per site per day and
// vantage, not one line per probe, so that a year of 20+ probes a day for thousands of sites stays
// small in git.
import { z } from 'astro/zod';
import { isIsoDate } from '../dates.ts';
import { vantageNameSchema } from './vantage.ts';

/**
 * Upper bounds of the latency buckets, in ms. Quantiles cannot be merged from quantiles, so each
 * day keeps how many successful probes fell in each bucket; adding a probe or another prober's day
 * is then exact, and p50/p95 are read from the buckets. The last bound is the national 15 s limit:
 * a slower answer is a failed probe, never a latency.
 */
export const LATENCY_BUCKETS_MS = [100, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000, 7000, 10000, 15000] as const;

export type LatencyColumn = `le_${(typeof LATENCY_BUCKETS_MS)[number]}ms`;

/** Column of a bucket: le_500ms counts successes that took more than the bound before and at most 500 ms. */
export const LATENCY_COLUMNS = LATENCY_BUCKETS_MS.map((ms) => `le_${ms}ms` as LatencyColumn);

/** Columns of a record file, in order: a row is keyed by where and when it was probed. */
export const PROBE_COLUMNS = ['vantage', 'date', 'tries', 'failures', 'p50_ms', 'p95_ms', 'max_ms', ...LATENCY_COLUMNS] as const;

/** Columns of the files written before probes recorded their vantage: still read, every row unnamed. */
export const PROBE_COLUMNS_WITHOUT_VANTAGE = PROBE_COLUMNS.slice(1);

// abort: a cell that is not a number stops the row's cross-checks, which would only repeat the error.
const count = z.string().regex(/^(0|[1-9]\d*)$/, { error: 'must be a whole number ≥ 0', abort: true }).transform(Number);
/** Empty on a day without a single successful probe. */
const optionalMs = z.union([z.literal('').transform(() => undefined), count]);
const latencyShape = Object.fromEntries(LATENCY_COLUMNS.map((c) => [c, count])) as Record<LatencyColumn, typeof count>;

/**
 * Upper bound of the q-quantile (nearest rank) of a day's successful probes: the bound of the bucket
 * holding that rank, or the day's maximum when it is lower. At least q of them loaded within it.
 */
export function latencyQuantile(buckets: readonly number[], maxMs: number | undefined, q: number): number | undefined {
  const n = buckets.reduce((a, b) => a + b, 0);
  if (n === 0 || maxMs === undefined) return undefined;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) return Math.min(LATENCY_BUCKETS_MS[i]!, maxMs);
  }
  return maxMs;
}

/** One row of a record file as CSV text gives it; the output is the day's record in numbers. */
export const probeDaySchema = z
  .strictObject({
    /** Where the probes ran (`--vantage`, or GOV_PORTAL_VANTAGE); empty when the prober named none. */
    vantage: z
      .string()
      .refine((v) => v === '' || vantageNameSchema.safeParse(v).success, 'must be empty (not named) or a vantage name: lower-case ASCII letters, digits and single hyphens, e.g. city-intranet')
      .transform((v) => v || undefined),
    /** The day, in Asia/Shanghai, YYYY-MM-DD. */
    date: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD'),
    /** Probes made that day. */
    tries: count.refine((n) => n >= 1, 'must be at least 1 (a day without probes has no row)'),
    /** Probes that failed: no answer, HTTP ≥ 400, or not loaded within 15 s. */
    failures: count,
    /** Median load time of the successful probes (an upper bound read from the buckets). */
    p50_ms: optionalMs,
    /** 95th percentile load time of the successful probes (an upper bound read from the buckets). */
    p95_ms: optionalMs,
    /** Slowest successful probe. */
    max_ms: optionalMs,
    /** Successful probes per latency bucket. */
    ...latencyShape,
  })
  .superRefine((d, ctx) => {
    const buckets = LATENCY_COLUMNS.map((c) => d[c]);
    const successes = d.tries - d.failures;
    if (successes < 0) {
      ctx.addIssue({ code: 'custom', path: ['failures'], message: `is ${d.failures}, more than the ${d.tries} tries` });
      return;
    }
    const inBuckets = buckets.reduce((a, b) => a + b, 0);
    if (inBuckets !== successes) {
      ctx.addIssue({ code: 'custom', path: [LATENCY_COLUMNS[0]!], message: `the latency columns count ${inBuckets} successful probes, but tries − failures is ${successes}` });
      return;
    }
    if (successes === 0) {
      for (const k of ['p50_ms', 'p95_ms', 'max_ms'] as const) {
        if (d[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'must be empty on a day without a successful probe' });
      }
      return;
    }
    if (d.max_ms === undefined) {
      ctx.addIssue({ code: 'custom', path: ['max_ms'], message: 'is empty, but the day has successful probes' });
      return;
    }
    const last = buckets.findLastIndex((n) => n > 0);
    const low = last === 0 ? 0 : LATENCY_BUCKETS_MS[last - 1]!;
    const high = LATENCY_BUCKETS_MS[last]!;
    if (d.max_ms > high || (last > 0 && d.max_ms <= low)) {
      ctx.addIssue({ code: 'custom', path: ['max_ms'], message: `is ${d.max_ms}, but the slowest success is counted in ${LATENCY_COLUMNS[last]} (${low}–${high} ms)` });
      return;
    }
    for (const [k, q] of [['p50_ms', 0.5], ['p95_ms', 0.95]] as const) {
      const expected = latencyQuantile(buckets, d.max_ms, q);
      if (d[k] !== expected) ctx.addIssue({ code: 'custom', path: [k], message: `is ${d[k] ?? 'empty'}, but the latency columns give ${expected}` });
    }
  });

/** A day's probe record for one site from one vantage. */
export type ProbeDay = z.output<typeof probeDaySchema>;
/** The same row as CSV text. */
export type ProbeDayRow = z.input<typeof probeDaySchema>;
