// Dates of the inspection calendar: as-of dates and quarters, in China's time zone.

/** Today in Asia/Shanghai as YYYY-MM-DD (the default 监测时间点). */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The quarter a date falls in: 2026-11-20 → 2026-Q4. */
export function quarterOf(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  return `${y}-Q${Math.floor((m! - 1) / 3) + 1}`;
}
