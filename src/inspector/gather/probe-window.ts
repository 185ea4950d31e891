// The week of probes the national rule judges a site on (站点无法访问: monitored for one week).
import type { ProbeDay } from '../../schemas/probes.ts';
import type { ProbeWindow } from '../snapshot.ts';
import { InputError } from '../../errors.ts';
import { isTrustedVantage } from '../../schemas/vantage.ts';
import { probeFile, readProbeFile } from '../../store/probe-records.ts';

/** Days monitored: one week, as in the national rule. */
export const WINDOW_DAYS = 7;

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(isoDate: string, n: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The days a window covers: the `length` days before the as-of date, asOf−length … asOf−1. The
 * as-of day itself is left out: it is still under way, and "the week before the 监测时间点" must
 * give the same answer whenever on that day the inspection runs.
 */
export function windowBounds(asOf: string, length = WINDOW_DAYS): { from: string; to: string } {
  return { from: addDays(asOf, -length), to: addDays(asOf, -1) };
}

/**
 * Sum of the records that fall in the window; undefined when none does. Only records from a vantage
 * rules.yaml trusts (any, when it lists none) are counted; the others are summed apart, to be shown:
 * a site that does not answer a runner abroad may answer every citizen.
 */
export function summariseWindow(days: readonly ProbeDay[], asOf: string, trustedVantages?: readonly string[], length = WINDOW_DAYS): ProbeWindow | undefined {
  const { from, to } = windowBounds(asOf, length);
  const inside = days.filter((d) => d.date >= from && d.date <= to);
  if (inside.length === 0) return undefined;
  const trusted = inside.filter((d) => isTrustedVantage(trustedVantages, d.vantage));
  const untrusted = inside.filter((d) => !isTrustedVantage(trustedVantages, d.vantage));
  const sum = (list: ProbeDay[], k: 'tries' | 'failures') => list.reduce((n, d) => n + d[k], 0);
  return {
    from,
    to,
    days: new Set(trusted.map((d) => d.date)).size,
    tries: sum(trusted, 'tries'),
    failures: sum(trusted, 'failures'),
    ...(untrusted.length
      ? { untrusted: { vantages: [...new Set(untrusted.map((d) => d.vantage ?? ''))].sort(), tries: sum(untrusted, 'tries'), failures: sum(untrusted, 'failures') } }
      : {}),
  };
}

/** A site's probes in the week before the as-of date, read from content/probes; undefined when it has none. */
export function loadProbeWindow(contentDir: string, siteId: string, asOf: string, trustedVantages?: readonly string[], length = WINDOW_DAYS): ProbeWindow | undefined {
  const { from, to } = windowBounds(asOf, length);
  const years = new Set([from.slice(0, 4), to.slice(0, 4)]);
  const days = [...years].flatMap((y) => readProbeFile(probeFile(contentDir, siteId, y)));
  return summariseWindow(days, asOf, trustedVantages, length);
}

/**
 * Every given site's window, read before an inspection starts, so that a bad record file is a
 * configuration error (all of them named at once) rather than a failure in the middle of a run.
 * Sites without records are absent from the map.
 */
export function loadProbeWindows(contentDir: string, siteIds: readonly string[], asOf: string, trustedVantages?: readonly string[], length = WINDOW_DAYS): Map<string, ProbeWindow> {
  const windows = new Map<string, ProbeWindow>();
  const errors: string[] = [];
  for (const id of siteIds) {
    try {
      const w = loadProbeWindow(contentDir, id, asOf, trustedVantages, length);
      if (w) windows.set(id, w);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) throw new InputError(errors.join('\n'));
  return windows;
}
