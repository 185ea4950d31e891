// Number and verdict display, shared by every page so a score reads the same everywhere.

/** A score with one decimal, e.g. 98.6, 100.0. */
export function formatScore(score: number): string {
  return (Math.round(score * 10) / 10).toFixed(1);
}

/** A percentage with at most one decimal and no trailing .0, as the notices write it: 66.7, 100. */
export function formatPercent(percent: number): string {
  return String(Math.round(percent * 10) / 10);
}

/** 合格 or 不合格. */
export function verdictName(verdict: 'pass' | 'fail'): string {
  return verdict === 'pass' ? '合格' : '不合格';
}

/** 2026-11-20 → 2026年11月20日, as the notices write dates. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** One date, or "from 至 to" when a quarter's checks ran on several as-of dates. */
export function formatDateRange(range: { from: string; to: string }): string {
  return range.from === range.to ? formatDate(range.from) : `${formatDate(range.from)}至${formatDate(range.to)}`;
}

/**
 * A change as the notices word it: 提高 2.5 个百分点, 下降 1.2 分, 持平. unit is what follows the
 * number (个百分点, 分, 个); the figure is rounded to one decimal before deciding its direction.
 */
export function formatChange(delta: number, unit: string, words: { up: string; down: string } = { up: '提高', down: '下降' }): string {
  // Half away from zero, so a rise and a fall of the same size read the same.
  const rounded = (Math.sign(delta) * Math.round(Math.abs(delta) * 10)) / 10;
  if (rounded === 0) return '持平';
  return `${rounded > 0 ? words.up : words.down} ${String(Math.abs(rounded))} ${unit}`;
}
