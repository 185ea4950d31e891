// Calendar dates as 'YYYY-MM-DD' strings and day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;

/** Days since the epoch of an ISO date; throws on anything else. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t).toISOString().slice(0, 10);
  if (back !== iso) throw new Error(`not a calendar date: ${iso}`);
  return t / DAY_MS;
}

/** The ISO date of a day number. */
export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** How a date is printed on a page. */
export type DateStyle = 'iso' | 'cn' | 'slash' | 'md' | 'paren';

/** Prints a date: 2026-11-20, 2026年11月20日, 2026/11/20, [11-20] or （2026-11-20）. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-');
  switch (style) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'md':
      return `[${m}-${d}]`;
    case 'paren':
      return `（${iso}）`;
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 今天是2026年11月20日 星期五: the header clock many portals print. */
export function clockText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const w = WEEKDAYS[new Date(dayNumber(iso) * DAY_MS).getUTCDay()] ?? '';
  return `今天是${y}年${m}月${d}日 星期${w}`;
}
