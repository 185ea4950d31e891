// 整改情况 for the pages: each published quarter's named problems with what the re-checks
// (npm run rectify) and the units' replies came to, as of the build day.
import type { SiteQuarter } from '../schemas/findings.ts';
import type { QuarterFile } from '../schemas/quarter.ts';
import { RECTIFICATION_NAMES, RECTIFICATION_STATES, type RectificationState } from '../schemas/rectification.ts';
import { byUnit, namedProblems, readRechecks, readRectifyReplies, rectifications, type Rectification, type UnitRectification } from '../store/rectification.ts';
import { formatDate } from './format.ts';
import { isProblemIndicator } from '../inspector/catalogue/index.ts';
import { unitAndBelow, type UnitTree } from './units.ts';

/** A published quarter's rectification as the pages show it. */
export interface QuarterRectification {
  quarter: string;
  /** 整改期限 (the quarter file's rectifyBy). */
  deadline: string;
  /** The day the states are worked out for (the build day): before the deadline they are pending. */
  asOf: string;
  /** The day of the latest re-check (npm run rectify), when there was one. */
  lastCheck?: string;
  list: Rectification[];
  units: UnitRectification[];
}

/** Each published quarter with a deadline: its problems, their verified states and replies (the findings' own, then those after publication). */
export function rectificationOf(contentDir: string, quarters: ReadonlyArray<{ quarter: string; rows: readonly SiteQuarter[]; file?: { data: Pick<QuarterFile, 'status' | 'rectifyBy'> } | undefined }>, asOf: string): Map<string, QuarterRectification> {
  const out = new Map<string, QuarterRectification>();
  for (const q of quarters) {
    const deadline = q.file?.data.rectifyBy;
    if (q.file?.data.status !== 'published' || !deadline) continue;
    const replies = q.rows.flatMap((r) => r.findings.flatMap((f) => (f.reply ? [{ site: r.site, indicator: f.indicator, target: f.target, ...f.reply }] : [])));
    const rechecks = readRechecks(contentDir, q.quarter);
    const list = rectifications(namedProblems(q.rows, isProblemIndicator), rechecks, [...replies, ...readRectifyReplies(contentDir, q.quarter)], deadline, asOf);
    const lastCheck = rechecks.at(-1)?.date;
    out.set(q.quarter, { quarter: q.quarter, deadline, asOf, ...(lastCheck ? { lastCheck } : {}), list, units: byUnit(list) });
  }
  return out;
}

/** The states a table shows: always the four verified ones, 整改期限未到 only when some problem is still pending. */
export function shownStates(units: readonly UnitRectification[]): RectificationState[] {
  return RECTIFICATION_STATES.filter((s) => s !== 'pending' || units.some((u) => u.counts.pending > 0));
}

/** 2026年第三季度通报的 12 个问题（整改期限2026年11月5日，最近一次复核2026年11月20日）：已整改 8 个、逾期整改 1 个、未整改 2 个、未能复核 1 个。 */
export function rectificationSentence(r: QuarterRectification, quarterName: (q: string) => string): string {
  const total = r.list.length;
  const count = (s: RectificationState) => r.list.filter((x) => x.state === s).length;
  const parts = shownStates(r.units).map((s) => `${RECTIFICATION_NAMES[s]} ${count(s)} 个`);
  return `${quarterName(r.quarter)}通报的 ${total} 个问题（整改期限${formatDate(r.deadline)}，${recheckedText(r)}）：${parts.join('、')}。`;
}

/** 最近一次复核2026年11月20日, or 尚未复核. */
export function recheckedText(r: Pick<QuarterRectification, 'lastCheck'>): string {
  return r.lastCheck ? `最近一次复核${formatDate(r.lastCheck)}` : '尚未复核';
}

/** A unit's named problems of a quarter (its own sites' and those of units under it), in the notice's order. */
export function unitRectification(r: QuarterRectification, units: UnitTree, unit: string): Rectification[] {
  const mine = new Set(unitAndBelow(units, unit));
  return r.list.filter((x) => mine.has(x.unit));
}
