// The findings file: one per site per quarter, written by the crawl, read by the portal.
import { z } from 'astro/zod';
import { idSchema } from './registry.ts';
import { vantageNameSchema } from './vantage.ts';

/** A quarter as written in file names and URLs, e.g. 2026-Q4. */
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q4');

/**
 * A calendar date YYYY-MM-DD. YAML 1.1 readers (Astro's frontmatter parser) turn an unquoted
 * date into a Date, so accept one and give back the string.
 */
export const isoDateSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((s) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
    }, 'is not a day of the calendar'),
);

/** An indicator id from ../shared/indicators.md, kebab-case. */
export const indicatorIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case indicator id');

/** Why the crawl rendered a page in Chromium (`--render auto`: its static reading could not decide). */
export const RENDER_REASONS = ['write', 'list', 'redirect', 'empty', 'home-marks', 'footer', 'always'] as const;
export type RenderReason = (typeof RENDER_REASONS)[number];

/** The reasons in Chinese, as the crawl's output and the site page show them. */
export const RENDER_REASON_NAMES: Readonly<Record<RenderReason, string>> = {
  write: '脚本写入页面内容',
  list: '列表由脚本填充',
  redirect: '脚本跳转',
  empty: '页面主体由脚本生成',
  'home-marks': '首页标识、找错入口或搜索可能由脚本生成',
  footer: '页面底部由脚本生成（首页即如此）',
  always: '全部渲染',
};

/** What rendering came to on a site: pages rendered (by reason), and pages that needed it but were read statically. */
export const renderStatsSchema = z.strictObject({
  /** Pages rendered in Chromium; their findings rest on what the browser showed. */
  pages: z.number().int().min(0),
  /** Pages rendered, by reason (a page may have several). */
  reasons: z.partialRecord(z.enum(RENDER_REASONS), z.number().int().min(1)),
  /** Pages that needed rendering but could not be rendered (time limit, crash): read statically. */
  failed: z.number().int().min(0).optional(),
  /** Pages that needed rendering beyond the site's budget (--max-rendered): read statically. */
  overBudget: z.number().int().min(0).optional(),
  /** Pages that needed rendering in a crawl with --render never: read statically. */
  notRendered: z.number().int().min(0).optional(),
});
export type RenderStats = z.infer<typeof renderStatsSchema>;

/** Why a site's crawl was cut short: its time, its link checks, an endless run of dated URLs (a calendar), or paths that repeat themselves. */
export const TRUNCATION_REASONS = ['time', 'links', 'dates', 'repeats'] as const;
export type TruncationReason = (typeof TRUNCATION_REASONS)[number];

/** The reasons in Chinese, as the findings file's summary and the site page say them. */
export const TRUNCATION_REASON_NAMES: Readonly<Record<TruncationReason, string>> = {
  time: '超出每站检查时间',
  links: '超出每站链接检查上限',
  dates: '日期链接无穷无尽（日历等）',
  repeats: '链接路径自我重复（相对链接无穷嵌套）',
};

/** What a budget kept the crawl from reading: pages not fetched and link targets not checked. */
export const truncatedSchema = z.strictObject({
  reasons: z.array(z.enum(TRUNCATION_REASONS)).min(1),
  pagesNotRead: z.number().int().min(0),
  linksNotChecked: z.number().int().min(0),
});
export type Truncated = z.infer<typeof truncatedSchema>;

/** An inspector's decision on an automated finding (content/review/<quarter>.yaml). */
export const reviewDecisionSchema = z.strictObject({
  /** confirmed: checked by a person and upheld; dismissed: a false finding, which does not count. */
  decision: z.enum(['confirmed', 'dismissed']),
  /** Why; required for a dismissal, shown on the site page. */
  reason: z.string().trim().min(1).optional(),
  /** Who decided. */
  inspector: z.string().trim().min(1),
  /** When. */
  date: isoDateSchema,
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** The inspected site's answer to a finding (right of reply), shown next to it. */
export const replySchema = z.strictObject({
  /** The answer, as the site gave it. */
  text: z.string().trim().min(1),
  /** When it was received. */
  date: isoDateSchema,
});
export type Reply = z.infer<typeof replySchema>;

/** The parts of a page a visitor names: the header (logo, banner, top bar), the navigation, the body, the footer. */
export const PAGE_PARTS = ['header', 'nav', 'body', 'footer'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

/** Where on a page the element of a finding is, for the web editor who must find it. */
export const whereSchema = z.strictObject({
  /** The part of the page it is in, when that can be told (not for a pop-up after the footer, say). */
  part: z.enum(PAGE_PARTS).optional(),
  /** A CSS selector that finds it in the browser's developer tools, e.g. #footer > ul > li:nth-of-type(3) > a. */
  selector: z.string().min(1),
  /** What it shows: a link's text, a column's heading, the sentence around a wrong word; "" when nothing (an image without alt text). */
  text: z.string(),
  /** The page it is on, when not the finding's own (a column's heading on the home page). */
  page: z.string().min(1).optional(),
});
export type Where = z.infer<typeof whereSchema>;

/** Pages a finding's alsoOn lists at most; past them it counts. */
export const ALSO_ON_LISTED = 50;

/**
 * The other pages where the same problem is seen, when one finding stands for several (a broken
 * link's other referring pages, the other pages lacking a tag): the first ALSO_ON_LISTED of them in
 * the crawl's order, and how many more there are.
 */
export const alsoOnSchema = z.strictObject({
  pages: z.array(z.string().min(1)).min(1).max(ALSO_ON_LISTED),
  more: z.number().int().min(0),
});
export type AlsoOn = z.infer<typeof alsoOnSchema>;

/** One observed problem. */
export const findingSchema = z.strictObject({
  /** Indicator id, e.g. broken-link. */
  indicator: indicatorIdSchema,
  /** What is wrong: the URL, column name, word or mark id. */
  target: z.string().min(1),
  /** The page where it was seen. */
  page: z.string().min(1),
  /** Where on the page, when the finding is about an element of it (not about something missing). */
  where: whereSchema.optional(),
  /** The other pages where the same is seen; the finding is charged once, for all of them. */
  alsoOn: alsoOnSchema.optional(),
  /** Points deducted (or, for a bonus item, added) for this one finding before the item's cap; 0 for vetoes and advice. */
  points: z.number().min(0),
  /** Human-readable evidence, e.g. "HTTP 404". */
  detail: z.string(),
  /** The national clause the finding applies, e.g. 扣分：可用性—链接不可用（首页每处 0.2 分…）. */
  clause: z.string().min(1),
  /** Recorded by an inspector (content/manual/<quarter>/), not found by the crawl. */
  source: z.literal('manual').optional(),
  /** The manual record's file, relative to the content folder. */
  record: z.string().min(1).optional(),
  /** Who recorded it (manual findings). */
  inspector: z.string().min(1).optional(),
  /** When it was observed (manual findings). */
  date: isoDateSchema.optional(),
  /** A screenshot under public/, as a path from the site's root, e.g. evidence/2026-Q4/x.png. */
  screenshot: z.string().min(1).optional(),
  /** An inspector's decision on an automated finding. */
  review: reviewDecisionSchema.optional(),
  /** The site's answer. */
  reply: replySchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** A rule that failed to run on this site: reported, never silently dropped. */
export const ruleErrorSchema = z.strictObject({
  /** The rule's indicator id. */
  indicator: indicatorIdSchema,
  /** The error message. */
  message: z.string(),
});

/** A rule that could not judge this site, and why: it is not scored, and the site page says so. */
export const notApplicableSchema = z.strictObject({
  /** The rule's indicator id. */
  indicator: indicatorIdSchema,
  /** Why, for people, e.g. 首页无法打开 or 2027 年节假日安排未录入，无法计算工作日. */
  reason: z.string().min(1),
});

/** Frontmatter of content/findings/<quarter>/<site>.md. */
export const siteQuarterSchema = z.strictObject({
  /** Registry id of the site. */
  site: idSchema,
  /** Site name at the time of the check. */
  name: z.string().min(1),
  /** Home page URL. */
  url: z.string().min(1),
  /** Registry id of the responsible unit. */
  unit: idSchema,
  /** Region, when the registry gives one. */
  region: z.string().optional(),
  /** A 专栏 registered as an entity (kind: column), crawled within its prefix: notices count it apart from websites. */
  column: z.literal(true).optional(),
  /** The quarter this check belongs to. */
  quarter: quarterSchema,
  /** 监测时间点: the as-of date every window is measured from. */
  asOf: isoDateSchema,
  /** 合格 (pass) or 不合格 (fail). */
  verdict: z.enum(['pass', 'fail']),
  /** 100 − capped deductions (+ bonus), one decimal. */
  score: z.number(),
  /** Bonus points included in the score (portal sites above the bonus line). */
  bonus: z.number().min(0).optional(),
  /** The deduction part was scored out of 75 and scaled to 100: a department without public services. */
  noServices: z.literal(true).optional(),
  /** Ids of the veto items that hold. */
  vetoes: z.array(indicatorIdSchema),
  /** What the crawl saw: pages fetched, distinct links checked, links that could not be judged. */
  stats: z.strictObject({
    pages: z.number().int().min(0),
    links: z.number().int().min(0),
    inconclusive: z.number().int().min(0),
    /** Pages rendered in Chromium, when the crawl rendered any or meant to. */
    rendered: renderStatsSchema.optional(),
    /** The crawl of this site was cut short by a budget; its findings from what was read stand. */
    truncated: truncatedSchema.optional(),
    /** Where the crawl ran from (--vantage), and whether rules.yaml trusts it for network failures. */
    vantage: z.strictObject({ name: vantageNameSchema, trusted: z.boolean() }).optional(),
    /** Attached documents read for personal data, when the crawl read any: read, bytes, those it could not read and why, those over the budget. */
    attachments: z.strictObject({
      read: z.number().int().min(0),
      bytes: z.number().int().min(0),
      unreadable: z.array(z.strictObject({ url: z.string(), detail: z.string() })).optional(),
      notRead: z.number().int().min(1).optional(),
    }).optional(),
  }),
  /** Every observed problem that counts, sorted by indicator, target, page. */
  findings: z.array(findingSchema),
  /** Automated findings an inspector dismissed (each with its review): shown, never counted. */
  dismissed: z.array(findingSchema).optional(),
  /** Rules that threw on this site; their indicators are not judged. */
  errors: z.array(ruleErrorSchema).optional(),
  /** Rules that did not apply to this site, with the reason; their indicators are not judged. */
  notApplicable: z.array(notApplicableSchema).optional(),
});
export type SiteQuarter = z.infer<typeof siteQuarterSchema>;
