// The scoring rules file, content/rules.yaml.
import { z } from 'astro/zod';
import { monitorConfigSchema } from './monitor.ts';
import { vantageNameSchema } from './vantage.ts';

/** One indicator's settings. */
export const indicatorConfigSchema = z.strictObject({
  /** Switched-off indicators are not checked at all. */
  enabled: z.boolean().default(true),
  /** Most points the indicator's findings can cost together; absent for vetoes and advice. */
  cap: z.number().min(0).optional(),
  /** Named point values the rule reads, e.g. home: 0.2. */
  points: z.record(z.string(), z.number().min(0)).default({}),
  /** Named thresholds and windows the rule reads, e.g. days: 14. */
  params: z.record(z.string(), z.number().min(0)).default({}),
});

/** Column classes of the national table. */
export const COLUMN_CLASSES = ['news', 'notice', 'policy', 'interpretation', 'periodic', 'data', 'topic'] as const;
export type ColumnClass = (typeof COLUMN_CLASSES)[number];

/** How a column class is recognised and how long it may go without a new item. */
export const columnClassSchema = z.strictObject({
  /** Days a column of this class may go without a new item; null: never stale (finished topics). */
  window: z.number().int().positive().nullable(),
  /** A column belongs to the class whose keyword is the longest one its name contains. */
  keywords: z.array(z.string().trim().min(1)).min(1),
});

/**
 * How a quarterly notice's 二、主要问题 names sites. summary (the default): each problem with its
 * counts, naming only the non-compliant sites (the form of ../shared/seeds/001: 附件1 lists them).
 * by-site: every site with the problem named under it, compliant or not (the form of seed 004,
 * 问题网站 and 问题专栏 by problem); the notice says that being named there is not being 通报.
 */
export const NOTICE_FORMS = ['summary', 'by-site'] as const;
export type NoticeForm = (typeof NOTICE_FORMS)[number];

/**
 * The items a 专栏 registered as an entity (kind: column) is judged on when rules.yaml does not list
 * them: what a part of a site can fail by itself (it is unreachable, stale, blank, has broken links,
 * typos, severe errors or hidden links, its problems go unheeded or its plan columns late). The
 * whole site's items (its marks, domain, search, required columns, services, bonuses) are not a
 * 专栏's: they are judged on the website.
 */
export const DEFAULT_COLUMN_ENTITY_ITEMS: readonly string[] = [
  'site-unreachable',
  'broken-link',
  'reminders-unheeded',
  'duty-column-late',
  'hidden-link',
  'homepage-not-updated',
  'columns-not-updated',
  'column-stale',
  'column-blank',
  'typo',
  'severe-error',
];

/** content/rules.yaml */
export const rulesConfigSchema = z.strictObject({
  /** A score below this fails. National default 60. */
  passLine: z.number().min(0).max(100),
  /** Bonus items count only for a score above this. National default 80. */
  bonusAbove: z.number().min(0).max(100),
  /** Departments without public services: the deduction part is out of this many points, scaled to 100. National default 75. */
  noServicesOutOf: z.number().positive().max(100),
  /** Points a responsible unit loses in the office's yearly assessment (日常考核), per item. */
  assessment: z.strictObject({
    /** Per site of the unit judged 不合格 in a quarter; one amount, or one per site kind (a 专栏 entity: column, else the department amount). */
    failingSite: z.union([z.number().min(0), z.strictObject({ portal: z.number().min(0), department: z.number().min(0), column: z.number().min(0).optional() })]),
    /** Per message answered late (message-overdue and error-report-overdue records). */
    overdueMessage: z.number().min(0),
    /** Per self-inspection report not submitted (self-inspection-missing records). */
    selfInspectionMissing: z.number().min(0),
    /** Per problem a notice named that was not fixed by its deadline (整改情况: 未整改; fixed late counts too); absent: not counted. */
    notRectified: z.number().min(0).optional(),
    /** Per quarter's city notice naming the unit (seed 003: 2). */
    namedByCity: z.number().min(0),
    /** Named at least this many times in a year by each level ⇒ not rated 良好 or above (seed 003: 1, 1, 3). */
    ratingCap: z.strictObject({
      stateCouncil: z.number().int().min(1),
      province: z.number().int().min(1),
      city: z.number().int().min(1),
    }),
  }),
  /** Rectification (整改) of a notice's problems: the deadline is this many working days after publication unless the quarter file sets rectifyBy. */
  rectification: z.strictObject({ workdays: z.number().int().min(1) }).optional(),
  /** The notice's form (NOTICE_FORMS); absent: summary. */
  notice: z.strictObject({ form: z.enum(NOTICE_FORMS) }).optional(),
  /** Column classes by name keywords, with their windows. */
  columns: z.strictObject(Object.fromEntries(COLUMN_CLASSES.map((c) => [c, columnClassSchema])) as Record<ColumnClass, typeof columnClassSchema>),
  /** Columns every site must have (column-missing), by id: the name of the item and the words that show it exists. */
  requiredColumns: z.record(
    z.string().regex(/^[a-z]+$/, 'must be a lower-case ASCII id'),
    z.strictObject({
      /** The item's name as in the national table, e.g. 政策解读. */
      name: z.string().min(1),
      /** A column, menu entry or link text containing one of these shows the column exists. */
      keywords: z.array(z.string().trim().min(1)).min(1),
    }),
  ),
  /** Settings per indicator id. */
  indicators: z.record(z.string(), indicatorConfigSchema),
  /**
   * Where checks may run from for a network failure to count (a runner inside the supervised network,
   * the office's own machine): names given with `--vantage NAME` to `npm run crawl` and `npm run probe`.
   * A site that does not answer a crawl or a probe from anywhere else is not judged unreachable, and
   * its links' timeouts are not broken. Absent: every vantage counts.
   */
  trustedVantages: z.array(vantageNameSchema).min(1).optional(),
  /**
   * 专栏 registered as entities (sites.yaml kind: column): the indicator ids they are judged on;
   * every other item is not applicable to them. Absent: DEFAULT_COLUMN_ENTITY_ITEMS.
   */
  columnEntities: z.strictObject({ indicators: z.array(z.string().min(1)).min(1) }).optional(),
  /** The daily monitor (npm run monitor): what it judges, how far it reads, when it reminds; absent: DEFAULT_MONITOR. */
  monitor: monitorConfigSchema.optional(),
});
export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type IndicatorConfig = z.infer<typeof indicatorConfigSchema>;

/** The indicator ids a 专栏 entity is judged on under this rules file. */
export function columnEntityItems(config: Pick<RulesConfig, 'columnEntities'>): ReadonlySet<string> {
  return new Set(config.columnEntities?.indicators ?? DEFAULT_COLUMN_ENTITY_ITEMS);
}
