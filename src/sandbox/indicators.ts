// The checklist as the sandbox seeds and judges it: column classes, the required columns, and the
// windows and thresholds of indicators.md. Generation keeps its dates clear of these; the truth
// applies them.

/** Column classes of content/rules.yaml (`columns:`); every sandbox column name classes this way by its longest keyword. */
export type ColumnClass = 'news' | 'notice' | 'policy' | 'interpretation' | 'periodic' | 'data' | 'topic';
/** Required column classes of the column-missing item that the rules file folds into `periodic`. */
export type RequiredPeriodic = 'overview' | 'functions' | 'leaders';
/** column-missing targets: 概况信息, 机构职能, 领导信息, 动态要闻, 政策文件, 政策解读. */
export const REQUIRED_COLUMNS = ['overview', 'functions', 'leaders', 'news', 'policy', 'interpretation'] as const;
/** One column-missing target. */
export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/**
 * Days a column may go without a new item (indicators.md: news 2 weeks; notices, policies and
 * interpretations 6 months; periodic columns 1 year). 数据发布 columns are judged only by the
 * data-release bonus, finished topics never.
 */
export const WINDOW_DAYS: Record<Exclude<ColumnClass, 'topic' | 'data'>, number> = { news: 14, notice: 183, policy: 183, interpretation: 183, periodic: 365 };
/** data-release-updated: updated within 3 months earns 2 points, within 6 months 1. */
export const DATA_BONUS_DAYS = { two: 92, one: 183 } as const;
/** columns-not-updated: ≥ 5 stale news/notice/policy columns, ≥ 10 stale columns of any class, or ≥ 5 blank columns. */
export const NOT_UPDATED = { firstLevel: 5, any: 10, blank: 5 } as const;
/** interaction-unresponsive: a message left unanswered for more than 3 months. */
export const UNANSWERED_DAYS = 92;
/** messages-not-public: no published message in the 2 months before the as-of date. */
export const SILENT_DAYS = 61;
/** message-overdue: the published messages judged are those of the 92 days before the as-of date. */
export const OVERDUE_LOOKBACK_DAYS = 92;
/**
 * message-overdue: a wait of this many calendar days is more than 5 working days in any year (at most
 * 9 days off in a row plus 3 weekends); the sandbox's answers take at most 4 days or at least this.
 */
export const LATE_ANSWER_DAYS = 21;
/** severe-error: more than this many serious wording errors on a site is a veto (past practice). */
export const SERIOUS_TYPO_LIMIT = 3;
/** severe-error: a publication date at least this many days after the as-of date is forged. */
export const FUTURE_DATE_DAYS = 7;
/** annual-report-missing: the 政府网站工作年度报表 of a year is due on this day (MM-DD) of the next (国办函〔2018〕12号). */
export const WEBSITE_REPORT_DUE = '01-31';

/**
 * annual-report-missing: the 政府信息公开工作年度报告 of a year is due on this day (MM-DD) of the next:
 * a department's by 31 January, a local government's by 31 March (政府信息公开条例 第四十九条).
 */
export const OPEN_REPORT_DUE = { department: '01-31', government: '03-31' } as const;

/** The latest year whose open report was due by asOf, for a department site or a portal. */
export function openReportYear(asOf: string, dept: boolean): number {
  const y = Number(asOf.slice(0, 4));
  return asOf > `${y}-${dept ? OPEN_REPORT_DUE.department : OPEN_REPORT_DUE.government}` ? y - 1 : y - 2;
}

/** The latest year whose website report was due by asOf. */
export function websiteReportYear(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  return asOf > `${y}-${WEBSITE_REPORT_DUE}` ? y - 1 : y - 2;
}
