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

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, so no time zone shifts a day); throws on anything else (a programmer error). */
export function dayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

/** The YYYY-MM-DD date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 2026-Q4 → 2026年第四季度 */
export function quarterName(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}年第${['一', '二', '三', '四'][Number(q) - 1] ?? q}季度`;
}
