// One site's model: its look (template, encoding, compression), columns and dated items, message
// board, footer marks, page tags, search, seeded defects and control links. Rebuilt cheaply from
// (seed, site) on every cache miss, so the server keeps nothing per site and the truth needs no
// page rendering.
import { dayNumber, isoDay, type DateStyle } from './dates.ts';
import { HIDDEN_LINK_TARGETS, MESSAGE_SUBJECTS, OLD_DEPTS, TYPOS, TYPO_CONTROLS, type TypoControlKey, type TypoKey } from './names.ts';
import { at, hashString, rng, type Rng } from './random.ts';
import type { SandboxSite, SandboxWeb, SitePlan, TruthEntry } from './types.ts';

/** CMS style: TRS-like <ul> lists, legacy <table> lists, or modern card <div>s. */
export type Template = 'ul' | 'table' | 'cards';
/**
 * How a page's bytes and charset declarations relate: UTF-8 declared in the header; GBK declared
 * in the header; GBK declared as gb2312 only in <meta>; UTF-8 bytes wrongly declared gb2312 in
 * <meta> (a real case); UTF-8 with no declaration at all.
 */
export type Encoding = 'utf8-header' | 'gbk-header' | 'gb2312-meta' | 'utf8-declared-gb2312' | 'utf8-undeclared';
/** Content-Encoding a site uses when the request allows it. */
export type Compression = 'none' | 'gzip' | 'br';
/** Column classes of content/rules.yaml (`columns:`); every sandbox column name classes this way by its longest keyword. */
export type ColumnClass = 'news' | 'notice' | 'policy' | 'interpretation' | 'periodic' | 'data' | 'topic';
/** Required column classes of the column-missing item that the rules file folds into `periodic`. */
export type RequiredPeriodic = 'overview' | 'functions' | 'leaders';
/** column-missing targets: 概况信息, 机构职能, 领导信息, 动态要闻, 政策文件, 政策解读. */
export const REQUIRED_COLUMNS = ['overview', 'functions', 'leaders', 'news', 'policy', 'interpretation'] as const;
export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/** Rotated by site index (with a seed offset), so any 3 consecutive sites use all three. */
export const TEMPLATES: readonly Template[] = ['ul', 'table', 'cards'];
/** Rotated by site index, so any 5 consecutive sites use all five. */
export const ENCODINGS: readonly Encoding[] = ['utf8-header', 'gbk-header', 'gb2312-meta', 'utf8-declared-gb2312', 'utf8-undeclared'];
/** Rotated by site index. */
export const COMPRESSIONS: readonly Compression[] = ['gzip', 'none', 'br'];

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

/** Kinds of seeded broken links on the home page. */
export type BrokenKind = 'not-found' | 'server-error' | 'unknown-host' | 'redirect-loop' | 'timeout' | 'soft-404' | 'image';
/** Kinds of seeded broken links on deeper pages. */
export type DeepKind = 'article-404' | 'article-500' | 'list-unknown-host' | 'page2-404';
/** Footer identity marks (identity-mark-missing targets). */
export type Mark = 'conac' | 'site-code' | 'icp' | 'psb' | 'sponsor' | 'contact';
/** Links that look risky but work (or are no links at all): must not be reported. */
export type Trap = 'head-405' | 'html-entity' | 'non-ascii-path' | 'redirect-chain' | 'retry-503' | 'retry-429' | 'ua-403' | 'commented-link';
/** Message-board behaviour. */
export type BoardState = 'ok' | 'unanswered' | 'late' | 'silent';
/** How an injected off-site link is hidden on the home page. */
export type HiddenKind = 'display-none-div' | 'display-none-a' | 'offscreen' | 'font-size-0';
/** The 我为政府网站找错 entry in the footer: the national platform's script or an image link, or nothing. */
export type ErrorReport = 'pucha-script' | 'zfwzgl-script' | 'zfwzgl-link' | 'pucha-link' | 'none';
/** The header search form: where it submits and how that engine behaves. */
export type SearchVariant = 'plain' | 'was5' | 'jsearch' | 'remote' | 'broken';
/** Page tags a role's templates leave out. */
export type OmittedTag = 'ArticleTitle' | 'PubDate' | 'SiteIDCode';

interface Role {
  down?: true;
  home: BrokenKind[];
  deep: DeepKind[];
  missing: Mark[];
  comment?: Mark;
  stale: number;
  blank: number;
  homeStale?: true;
  board: BoardState;
  robots?: true;
  traps: Trap[];
  /** Wrong wordings in the home page's headline summary and in the newest article of the first column. */
  typos?: { home: TypoKey[]; article: TypoKey[] };
  /** Correct sentences that look like typos (in the home headline or the 概况 column). */
  typoControls?: TypoControlKey[];
  /** The newest item of the first column is dated weeks after the as-of date (a forged date). */
  futureDate?: true;
  /** The newest notice names a deadline after the as-of date in its text (not a publication date). */
  deadline?: true;
  hidden?: HiddenKind[];
  errorReport?: 'none';
  search?: 'none' | 'broken';
  omitTags?: OmittedTag[];
  /** The registry URL is not under .gov.cn. */
  domain?: 'nonstandard';
  /** The header shows no site name (logo without alt, no text). */
  noHeaderName?: true;
  noIpv6?: true;
  /** A required column class absent from the whole site. */
  lacks?: 'interpretation' | 'leaders';
  /** Make the stale columns the news/notice/policy ones (after one periodic): columns-not-updated. */
  staleFirstLevel?: true;
  /** A field the message board does not publish. */
  boardOmits?: 'answered' | 'replier';
  /** A message of the quarter judged answered weeks late (message-overdue); other boards have one by chance. */
  lateAnswer?: true;
  /** Age of the 数据发布 column on portals: within 3 months unless aging (3–6 months) or old (older). */
  data?: 'aging' | 'old';
}

/** Role of a site by index mod 12; any 12 consecutive sites carry every defect kind. */
export const ROLES: readonly Role[] = [
  { down: true, home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', traps: [] },
  {
    home: ['not-found', 'image'], deep: [], missing: ['psb'], stale: 0, blank: 0, board: 'late', traps: ['head-405', 'html-entity'],
    typos: { home: ['chuxin'], article: [] }, omitTags: ['ArticleTitle', 'PubDate'],
  },
  {
    home: ['server-error', 'unknown-host'], deep: ['article-404'], missing: ['site-code'], stale: 6, blank: 0, board: 'ok', traps: ['non-ascii-path', 'redirect-chain'],
    staleFirstLevel: true, typoControls: ['historical', 'inWord'], lateAnswer: true,
  },
  {
    home: ['redirect-loop', 'soft-404'], deep: [], missing: [], comment: 'conac', stale: 0, blank: 1, board: 'ok', robots: true, traps: ['retry-503'],
    search: 'none', noHeaderName: true,
  },
  {
    home: ['timeout'], deep: [], missing: ['sponsor'], stale: 0, blank: 0, homeStale: true, board: 'ok', traps: ['retry-429'],
    errorReport: 'none', data: 'old',
  },
  {
    home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', robots: true, traps: ['ua-403', 'commented-link'],
    typoControls: ['historical', 'inWord'], deadline: true,
  },
  {
    home: ['not-found', 'not-found'], deep: ['list-unknown-host'], missing: ['icp', 'contact'], stale: 0, blank: 0, board: 'silent', traps: ['head-405'],
    typos: { home: ['shehui', 'zongli'], article: ['gongfu', 'gonghe'] }, noIpv6: true,
  },
  {
    home: ['image', 'unknown-host'], deep: ['article-500'], missing: [], comment: 'contact', stale: 1, blank: 2, board: 'ok', traps: [],
    hidden: ['display-none-div', 'display-none-a'], lacks: 'leaders', lateAnswer: true,
  },
  {
    home: ['server-error'], deep: ['page2-404'], missing: ['conac'], stale: 0, blank: 0, board: 'unanswered', traps: ['html-entity', 'non-ascii-path'],
    futureDate: true, omitTags: ['SiteIDCode'],
  },
  {
    home: ['soft-404'], deep: [], missing: [], stale: 1, blank: 0, board: 'ok', traps: ['redirect-chain', 'retry-503', 'commented-link'],
    typos: { home: ['shehui'], article: ['zongli', 'gonghe', 'guotu'] }, boardOmits: 'answered', data: 'aging',
  },
  {
    home: ['redirect-loop', 'not-found'], deep: [], missing: ['psb', 'site-code'], stale: 0, blank: 0, board: 'unanswered', traps: ['retry-429', 'ua-403'],
    domain: 'nonstandard', typos: { home: [], article: ['chuxin'] },
  },
  {
    home: ['image'], deep: ['article-404'], missing: [], comment: 'sponsor', stale: 0, blank: 1, board: 'ok', robots: true, traps: [],
    search: 'broken', lacks: 'interpretation', hidden: ['offscreen', 'font-size-0'],
  },
];

/** The role table entry of a role index. */
export function roleOf(role: number): Role {
  return at(ROLES, role);
}

/** One dated entry of a column; its article lives at articlePath. */
export interface Item {
  id: number;
  date: string;
  /** An attachment link in the article body (maybe a seeded broken one). */
  attachment?: { href: string; ok: boolean };
}

/** A row appended to a column's last list page that links somewhere else (a seeded deep defect). */
export interface ExtraRow {
  href: string;
  date: string;
}

/** A column (栏目) with its dated items, newest first. */
export interface Column {
  slug: string;
  /** Name as shown on the site. */
  name: string;
  cls: ColumnClass;
  /** The required class of a periodic column (概况, 机构职能, 领导信息), if it is one. */
  req?: RequiredPeriodic;
  /** Directory, e.g. /xwzx/ywdt/ ; list pages are index.html, index_1.html… */
  dir: string;
  items: Item[];
  pageSize: number;
  /** Number of list pages (at least 1). */
  pages: number;
  blank: boolean;
  /** Shown as a block on the home page. */
  onHome: boolean;
  extraRows: ExtraRow[];
}

/** A citizen's message on the board; answered is null while unanswered. */
export interface Message {
  subject: string;
  asked: string;
  answered: string | null;
}

/** The 领导信箱 message board. */
export interface Board {
  path: string;
  name: string;
  messages: Message[];
  /** Fields the board publishes for each message (留言时间 always). */
  shows: { answered: boolean; replier: boolean; reply: boolean };
}

/** Presence and printed variant of each footer mark; 'none' and 'comment' count as missing. */
export interface Footer {
  conac: 'link' | 'script' | 'comment' | 'none';
  siteCode: 'fullwidth' | 'halfwidth' | 'trailing' | 'nocolon' | 'comment' | 'none';
  icp: 'plain' | 'fullhyphen' | 'linkonly' | 'comment' | 'none';
  psb: 'space' | 'nospace' | 'nohao' | 'comment' | 'none';
  sponsor: 'label' | 'short' | 'suffix' | 'comment' | 'none';
  contact: 'link' | 'phone' | 'email' | 'comment' | 'none';
}

/** A seeded broken link. */
export interface Defect {
  kind: BrokenKind | DeepKind;
  href: string;
  text: string;
  /** Path of the page carrying it ('/' for the home page). */
  page: string;
  /** new URL(href, pageUrl).href without the fragment. */
  target: string;
  image: boolean;
}

/** A quick link on the home page (trap or plain). */
export interface QuickLink {
  href: string;
  text: string;
}

/** An off-site link injected into the home page and hidden with inline CSS (暗链). */
export interface HiddenLink {
  href: string;
  text: string;
  how: HiddenKind;
}

/** The header search form. */
export interface SearchForm {
  variant: SearchVariant;
  /** The form's action as written in the page. */
  action: string;
  /** Name of the text field. */
  field: string;
  /** Hidden inputs the CMS adds (the engine works without them). */
  hidden: [string, string][];
}

/** Where a wrong wording (or a sentence that only looks like one) is printed. */
export type TextSpot = 'home' | 'article';

/** Everything needed to serve one site and to state its truth. */
export interface SiteModel {
  plan: SitePlan;
  site: SandboxSite;
  /** http://host */
  origin: string;
  /** Home page URL as in the registry. */
  home: string;
  seed: number;
  asOf: string;
  asOfDay: number;
  down: boolean;
  template: Template;
  encoding: Encoding;
  compression: Compression;
  /** Date style of list pages and articles. */
  dateStyle: Exclude<DateStyle, 'md' | 'paren'>;
  /** Date style of home-page blocks. */
  homeDateStyle: DateStyle;
  clock: 'text' | 'script';
  server: string;
  /** The unit shown as sponsor, e.g. 临河市人民政府办公室. */
  sponsorName: string;
  /** 承办 unit (not a sponsor). */
  operatorName: string;
  cityName: string;
  phone: string;
  email: string;
  address: string;
  icpNo: string;
  psbNo: string;
  conacId: string;
  columns: Column[];
  board: Board;
  footer: Footer;
  broken: Defect[];
  traps: Trap[];
  /** Plain and trap links in the home page's quick-link box. */
  quickLinks: QuickLink[];
  /** 友情链接: the national portal and the parent portal when it is up. */
  friendlyLinks: QuickLink[];
  robotsDisallow: boolean;
  contactPage: boolean;
  soft404Path: string | null;
  /** pagesPerSite: the bound on distinct HTML pages. */
  maxPages: number;
  /** Seeded wrong wordings and where each is printed (each exactly once on the site). */
  typos: { key: TypoKey; spot: TextSpot }[];
  /** Correct sentences that contain a dictionary wrong form, each printed once (see typoControlSpot). */
  typoControls: TypoControlKey[];
  /** The forged publication date of the first column's newest item, or null. */
  futureDate: string | null;
  /** A deadline after the as-of date named in the newest notice's text (a control), or null. */
  deadline: { col: Column; item: Item; date: string } | null;
  hiddenLinks: HiddenLink[];
  errorReport: ErrorReport;
  /** The header search form, or null when the site has none. */
  search: SearchForm | null;
  /** Page tags the templates leave out. */
  omitTags: ReadonlySet<OmittedTag>;
  /** Legacy templates write the page-tag names in lower case (names are case-insensitive). */
  tagCase: 'canonical' | 'lower';
  /** How the header names the site: text and logo alt, logo alt only, or not at all. */
  headerName: 'text' | 'alt' | 'none';
  /** The main menu shows this many columns; the rest sit in a closed drop-down (display:none). */
  navVisible: number;
  /** The host has AAAA records. */
  ipv6: boolean;
}

/** Paths of fixed pages and trap targets. */
export const PATHS = {
  board: '/hdjl/ldxx/index.html',
  contact: '/lxwm/index.html',
  internal: '/internal/index.html',
  head405: '/bsfw/index.html',
  search: '/search',
  searchHref: '/search?a=1&amp;b=2',
  was5: '/was5/web/search',
  jsearch: '/jsearchfront/search.do',
  brokenSearch: '/cms/search/searchResults.jsp',
  remoteSearch: '/jrobotfront/search.do',
  nonAscii: '/专题/党史学习/index.html',
  chainStart: '/zwgk/index.shtml',
  chainMiddle: '/zwgk/index.jsp',
  retry503: '/zwfw/index.html',
  retry429: '/hdjl/zxft/index.html',
  ua403: '/ggfw/index.html',
  commented: '/old/zwdt/index.html',
  loopA: '/wzdt/index.htm',
  loopB: '/wzdt/',
  timeout: '/wsdc/index.jsp',
} as const;

/** Host of a place's shared search engine (search.<place>.gov.cn). */
export function searchHost(pinyin: string): string {
  return `search.${pinyin}.gov.cn`;
}

/** Hosts of the national error-report platform and its older operator. */
export const JIUCUO_HOSTS = { zfwzgl: 'zfwzgl.www.gov.cn', pucha: 'pucha.kaipuyun.cn' } as const;

const NOT_FOUND_LINKS: readonly (readonly [string, string])[] = [
  ['/xxgk/zfxxgkml/index.html', '政府信息公开目录'],
  ['/bmfw/jycx/index.shtml', '便民查询'],
  ['/ztzl/2019lh/index.html', '2019年全国两会专题'],
  ['/zwfw/bsznold/index.htm', '办事指南（旧版）'],
  ['/col/col1825/index.html', '网站监管专题'],
];
const SERVER_ERROR_LINKS: readonly (readonly [string, string])[] = [
  ['/bsfw/bszn.jsp?id=3021', '办事指南查询'],
  ['/cms/search/list.jsp?cid=12', '政策文件检索'],
  ['/wsdc/vote.jsp?vid=18', '民意征集'],
];
const SOFT_404 = ['/zwgk/zfxxgkzd/index.html', '政府信息公开制度'] as const;

/** Images the sites really have. */
export const GOOD_IMAGES = ['/images/logo.png', '/images/banner.jpg', '/images/more.gif', '/images/ga.png', '/images/zt1.jpg', '/images/jiucuo.png'] as const;

interface ColumnSpec {
  slug: string;
  name: string;
  cls: ColumnClass;
  req?: RequiredPeriodic;
  group: 'xwzx' | 'zwgk' | 'ztzl';
}

/**
 * Portal columns in order of priority: a small page budget keeps the first ones. The six required
 * classes come first, then 数据发布 and the historical topics; a site that goes stale everywhere
 * needs its extra news columns before those.
 */
function portalColumns(plan: SitePlan, role: Role): ColumnSpec[] {
  const county = plan.place.level === 'county';
  const core: ColumnSpec[] = [
    { slug: 'ywdt', name: '要闻动态', cls: 'news', group: 'xwzx' },
    { slug: 'tzgg', name: '通知公告', cls: 'notice', group: 'zwgk' },
    { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
    { slug: 'zcjd', name: '政策解读', cls: 'interpretation', group: 'zwgk' },
    { slug: 'jgzn', name: '机构职能', cls: 'periodic', req: 'functions', group: 'zwgk' },
    { slug: 'ldxx', name: '领导信息', cls: 'periodic', req: 'leaders', group: 'zwgk' },
    { slug: 'sqgk', name: `${plan.place.suffix}情概况`, cls: 'periodic', req: 'overview', group: 'zwgk' },
  ];
  const extraNews: ColumnSpec[] = [
    { slug: 'bmdt', name: '部门动态', cls: 'news', group: 'xwzx' },
    county ? { slug: 'xzdt', name: '乡镇动态', cls: 'news', group: 'xwzx' } : { slug: 'xqdt', name: '县区动态', cls: 'news', group: 'xwzx' },
  ];
  const more: ColumnSpec[] = [
    { slug: 'sjfb', name: '数据发布', cls: 'data', group: 'zwgk' },
    { slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' },
  ];
  const rest: ColumnSpec[] = [
    { slug: 'rsxx', name: '人事信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
    { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'zdxm', name: '重大项目', cls: 'periodic', group: 'zwgk' },
  ];
  return withoutLacking(role.staleFirstLevel ? [...core, ...extraNews, ...more, ...rest] : [...core, ...more, ...extraNews, ...rest], role);
}

/** Department columns in order of priority (no 数据发布: the data bonus is for portals). */
function deptColumns(role: Role): ColumnSpec[] {
  const core: ColumnSpec[] = [
    { slug: 'gzdt', name: '工作动态', cls: 'news', group: 'xwzx' },
    { slug: 'tzgg', name: '通知公告', cls: 'notice', group: 'zwgk' },
    { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
    { slug: 'zcjd', name: '政策解读', cls: 'interpretation', group: 'zwgk' },
    { slug: 'jgzn', name: '机构职能', cls: 'periodic', req: 'functions', group: 'zwgk' },
    { slug: 'ldxx', name: '领导信息', cls: 'periodic', req: 'leaders', group: 'zwgk' },
    { slug: 'dwgk', name: '单位概况', cls: 'periodic', req: 'overview', group: 'zwgk' },
  ];
  const extraNews: ColumnSpec[] = [
    { slug: 'jcdt', name: '基层动态', cls: 'news', group: 'xwzx' },
    { slug: 'tpxw', name: '图片新闻', cls: 'news', group: 'xwzx' },
  ];
  const more: ColumnSpec[] = [{ slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' }];
  const rest: ColumnSpec[] = [
    { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
    { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
    { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
  ];
  return withoutLacking(role.staleFirstLevel ? [...core, ...extraNews, ...more, ...rest] : [...core, ...more, ...extraNews, ...rest], role);
}

function withoutLacking(specs: ColumnSpec[], role: Role): ColumnSpec[] {
  if (role.lacks === 'interpretation') return specs.filter((s) => s.cls !== 'interpretation');
  if (role.lacks === 'leaders') return specs.filter((s) => s.req !== 'leaders');
  return specs;
}

/** Every column a site of this plan could have (for tests). */
export function columnPool(plan: SitePlan): { name: string; cls: ColumnClass; req?: RequiredPeriodic }[] {
  return plan.dept ? deptColumns(roleOf(plan.role)) : portalColumns(plan, roleOf(plan.role));
}

const PAGE_SIZE: Record<Template, number> = { ul: 8, table: 10, cards: 6 };
/** How many items a home block shows. */
export const HOME_BLOCK: Record<Template, number> = { ul: 7, table: 6, cards: 5 };
/** Columns the main menu shows before the 更多 drop-down. */
const NAV_VISIBLE = 7;

/** Keeps generated ages out of the bands around each window, so no date sits on a boundary. */
function avoidBands(age: number): number {
  if (age >= 11 && age <= 17) return 18;
  if (age >= 55 && age <= 68) return 69;
  if (age >= 85 && age <= 100) return 101;
  if (age >= 170 && age <= 196) return 197;
  if (age >= 345 && age <= 385) return 386;
  return age;
}

function rot<T>(xs: readonly T[], plan: SitePlan, seed: number, key: string): T {
  return at(xs, (plan.index + (hashString(`${seed}:${key}`) % xs.length)) % xs.length);
}

/** Article URL path of an item: TRS-style /dir/yyyymm/tyyyymmdd_id.html */
export function articlePath(col: Column, item: Item): string {
  const ymd = item.date.replaceAll('-', '');
  return `${col.dir}${ymd.slice(0, 6)}/t${ymd}_${item.id}.html`;
}

/** Path of list page k of a column. */
export function listPath(col: Column, k: number): string {
  return `${col.dir}${k === 0 ? 'index.html' : `index_${k}.html`}`;
}

/** Builds one site's model (cheap: no text, no HTML). */
export function buildSiteModel(web: SandboxWeb, index: number): SiteModel {
  const plan = at(web.plans, index);
  const site = at(web.sites, index);
  const { seed, asOf, pagesPerSite } = web.options;
  const r = rng(seed, 'site', plan.host);
  const role = roleOf(plan.role);
  const asOfDay = dayNumber(asOf);
  const origin = `http://${plan.host}`;
  const cityPlace = plan.place.city ?? plan.place;
  const placeFull = plan.place.name + plan.place.suffix;

  const template = rot(TEMPLATES, plan, seed, 'template');
  const encoding = rot(ENCODINGS, plan, seed, 'encoding');
  const compression = rot(COMPRESSIONS, plan, seed, 'compression');
  const dateStyle = rot(['iso', 'cn', 'slash'] as const, plan, seed, 'date');
  const homeDateStyle = rot<DateStyle>(['md', dateStyle, 'paren', dateStyle], plan, seed, 'homedate');

  const mark = <V extends string>(m: Mark, variants: readonly V[]): V | 'none' | 'comment' => {
    if (role.missing.includes(m)) return 'none';
    if (role.comment === m) return 'comment';
    return rot(variants, plan, seed, `mark:${m}`);
  };
  const footer: Footer = {
    conac: mark('conac', ['link', 'script'] as const),
    siteCode: mark('site-code', ['fullwidth', 'halfwidth', 'trailing', 'nocolon'] as const),
    icp: mark('icp', ['plain', 'fullhyphen', 'linkonly'] as const),
    psb: mark('psb', ['space', 'nospace', 'nohao'] as const),
    sponsor: mark('sponsor', ['label', 'short', 'suffix'] as const),
    contact: mark('contact', ['link', 'phone', 'email'] as const),
  };

  // Page budget: home and board always; then optional pages by priority; the rest is columns.
  const budget = pagesPerSite;
  const optional: string[] = [];
  if (role.home.includes('soft-404')) optional.push('soft404');
  for (const t of role.traps) if (TRAP_PAGES.has(t)) optional.push(t);
  if (role.robots) optional.push('internal');
  if (footer.contact === 'link') optional.push('contact');
  const minColumnPages = 6;
  const room = Math.max(0, budget - 2 - minColumnPages);
  const extras = new Set(optional.slice(0, room));
  if (footer.contact === 'link' && !extras.has('contact')) footer.contact = 'phone';
  const traps = role.traps.filter((t) => !TRAP_PAGES.has(t) || extras.has(t));
  const columnBudget = budget - 2 - extras.size;

  const columns = buildColumns(plan, r, role, template, columnBudget, asOfDay);

  // Seeded broken links.
  const broken: Defect[] = [];
  const home = site.url;
  const add = (kind: BrokenKind | DeepKind, href: string, text: string, page: string, image = false): void => {
    const pageUrl = new URL(page, origin).href;
    const u = new URL(href, pageUrl);
    u.hash = '';
    broken.push({ kind, href, text, page, target: u.href, image });
  };
  const kindCount = new Map<string, number>();
  let soft404Path: string | null = null;
  for (const kind of role.home) {
    const k = kindCount.get(kind) ?? 0;
    kindCount.set(kind, k + 1);
    const v = plan.index + k;
    switch (kind) {
      case 'not-found': {
        const [p, t] = at(NOT_FOUND_LINKS, v % NOT_FOUND_LINKS.length);
        add(kind, p, t, '/');
        break;
      }
      case 'server-error': {
        const [p, t] = at(SERVER_ERROR_LINKS, v % SERVER_ERROR_LINKS.length);
        add(kind, p, t, '/');
        break;
      }
      case 'unknown-host': {
        if (v % 2 === 0) {
          const old = at(OLD_DEPTS, v % OLD_DEPTS.length);
          add(kind, `http://${old.code}.${cityPlace.pinyin}.gov.cn/`, `原${cityPlace.name}${cityPlace.suffix}${old.name}`, '/');
        } else {
          add(kind, 'http://www.nosuchplace.gov.cn/', '对口支援地区', '/');
        }
        break;
      }
      case 'redirect-loop':
        add(kind, PATHS.loopA, '网站地图', '/');
        break;
      case 'timeout':
        add(kind, PATHS.timeout, '网上调查', '/');
        break;
      case 'soft-404':
        if (extras.has('soft404')) {
          soft404Path = SOFT_404[0];
          add(kind, SOFT_404[0], SOFT_404[1], '/');
        }
        break;
      case 'image':
        add(kind, `/uploads/images/2019/banner_${(v % 7) + 1}.jpg`, '专题图片', '/', true);
        break;
    }
  }
  placeDeepDefects(role, columns, plan, cityPlace.pinyin, r, add);

  // Message board.
  const boardName = plan.dept
    ? (plan.dept.name.endsWith('委员会') ? '主任信箱' : '局长信箱')
    : `${plan.place.suffix}长信箱`;
  const board: Board = {
    path: PATHS.board,
    name: boardName,
    messages: buildMessages(r, role.board, asOfDay, role.lateAnswer === true),
    shows: { answered: role.boardOmits !== 'answered', replier: role.boardOmits !== 'replier', reply: true },
  };

  const quickLinks: QuickLink[] = [];
  for (const t of traps) {
    if (t === 'head-405') quickLinks.push({ href: PATHS.head405, text: '办事服务' });
    if (t === 'html-entity') quickLinks.push({ href: PATHS.searchHref, text: '高级检索' });
    if (t === 'non-ascii-path') quickLinks.push({ href: PATHS.nonAscii, text: '党史学习教育' });
    if (t === 'redirect-chain') quickLinks.push({ href: PATHS.chainStart, text: '政务公开' });
    if (t === 'retry-503') quickLinks.push({ href: PATHS.retry503, text: '政务服务' });
    if (t === 'retry-429') quickLinks.push({ href: PATHS.retry429, text: '在线访谈' });
    if (t === 'ua-403') quickLinks.push({ href: PATHS.ua403, text: '公共服务' });
  }
  if (extras.has('internal')) quickLinks.push({ href: PATHS.internal, text: '内部办公' });

  const friendlyLinks: QuickLink[] = [{ href: 'http://www.gov.cn/', text: '中国政府网' }];
  const parentPlace = plan.dept ? plan.place : plan.place.city;
  if (parentPlace) {
    const parent = web.portals.get(parentPlace.pinyin);
    const parentPlan = parent === undefined ? undefined : web.plans[parent];
    if (parentPlan && roleOf(parentPlan.role).down !== true) {
      friendlyLinks.push({ href: `http://${parentPlan.host}/`, text: `${parentPlace.name}${parentPlace.suffix}人民政府` });
    }
  }
  const sponsorName = plan.dept ? site.name : `${placeFull}人民政府办公室`;
  const phoneNo = `${plan.place.areaCode}-${r.int(2, 8)}${String(r.int(0, 999999)).padStart(6, '0')}`;

  // Wording: typos each printed once, in the home headline summary or the first column's newest article.
  const typos: { key: TypoKey; spot: TextSpot }[] = [
    ...(role.typos?.home ?? []).map((key) => ({ key, spot: 'home' as const })),
    ...(role.typos?.article ?? []).map((key) => ({ key, spot: 'article' as const })),
  ];
  const first = columns[0];
  const futureDate = role.futureDate && first?.items[0] ? first.items[0].date : null;
  const notice = columns.find((c) => c.cls === 'notice' && c.onHome && c.items.length > 0);
  const deadline = role.deadline && notice?.items[0]
    ? { col: notice, item: notice.items[0], date: isoDay(asOfDay + r.int(15, 30)) }
    : null;

  const hiddenLinks: HiddenLink[] = (role.hidden ?? []).map((how, k) => {
    const [host, text] = at(HIDDEN_LINK_TARGETS, (plan.index + k) % HIDDEN_LINK_TARGETS.length);
    return { href: `http://${host}/`, text, how };
  });

  const searchVariant = ((): SearchVariant => {
    const v = rot(['plain', 'was5', 'jsearch', 'remote'] as const, plan, seed, 'search');
    return v === 'remote' && (plan.dept !== null || role.domain === 'nonstandard') ? 'jsearch' : v;
  })();
  let search: SearchForm | null;
  if (role.search === 'none') search = null;
  else if (role.search === 'broken') search = { variant: 'broken', action: PATHS.brokenSearch, field: 'searchword', hidden: [['siteid', site.siteCode.slice(-4)]] };
  else {
    switch (searchVariant) {
      case 'plain':
        search = { variant: 'plain', action: PATHS.search, field: 'q', hidden: [] };
        break;
      case 'was5':
        search = { variant: 'was5', action: PATHS.was5, field: 'searchword', hidden: [['channelid', String(200000 + (hashString(plan.host) % 90000))]] };
        break;
      case 'jsearch':
        search = { variant: 'jsearch', action: PATHS.jsearch, field: 'q', hidden: [['websiteid', site.siteCode], ['tpl', '1']] };
        break;
      default:
        search = { variant: 'remote', action: `http://${searchHost(plan.place.pinyin)}${PATHS.remoteSearch}`, field: 'keyword', hidden: [['websiteid', site.siteCode]] };
        break;
    }
  }

  return {
    plan,
    site,
    origin,
    home,
    seed,
    asOf,
    asOfDay,
    down: role.down === true,
    template,
    encoding,
    compression,
    dateStyle,
    homeDateStyle,
    clock: template === 'cards' ? 'script' : 'text',
    server: rot(['nginx', 'Apache', 'Microsoft-IIS/7.5', 'nginx/1.20.1', 'TRS WCM'], plan, seed, 'server'),
    sponsorName,
    operatorName: `${cityPlace.name}${cityPlace.suffix}大数据中心`,
    cityName: placeFull,
    phone: phoneNo,
    email: `${plan.dept ? plan.dept.code : 'zfb'}@${plan.place.pinyin}.gov.cn`,
    address: `${placeFull}${r.pick(['人民路', '政务大道', '府前街', '建设路', '迎宾大道'])}${r.int(1, 199)}号`,
    icpNo: `${plan.place.province.abbr}ICP备${String(r.int(5000000, 19999999)).padStart(8, '0')}号`,
    psbNo: `${plan.place.adminCode}02${String(r.int(0, 999999)).padStart(6, '0')}`,
    conacId: String(r.int(60000000, 69999999)),
    columns,
    board,
    footer,
    broken,
    traps,
    quickLinks,
    friendlyLinks,
    robotsDisallow: extras.has('internal'),
    contactPage: extras.has('contact'),
    soft404Path,
    maxPages: budget,
    typos,
    typoControls: [...(role.typoControls ?? [])],
    futureDate,
    deadline,
    hiddenLinks,
    errorReport: role.errorReport ?? rot(['pucha-script', 'zfwzgl-script', 'pucha-script', 'zfwzgl-link', 'pucha-link'] as const, plan, seed, 'jiucuo'),
    search,
    omitTags: new Set(role.omitTags ?? []),
    tagCase: template === 'table' ? 'lower' : 'canonical',
    headerName: role.noHeaderName ? 'none' : template === 'table' ? 'alt' : 'text',
    navVisible: NAV_VISIBLE,
    ipv6: role.noIpv6 !== true,
  };
}

const TRAP_PAGES = new Set<string>(['head-405', 'html-entity', 'non-ascii-path', 'retry-503', 'retry-429', 'ua-403']);

/**
 * Columns a budget affords: each needs a list page and an article, so a small budget goes to as
 * many columns as it can; a larger one also leaves room for more articles and a second list page.
 * A site stale everywhere gets two more.
 */
function columnCount(poolSize: number, budget: number, role: Role): number {
  const base = (budget <= 16 ? Math.floor(budget / 2) : Math.max(8, Math.floor(budget / 2.6))) + (role.staleFirstLevel ? 2 : 0);
  return Math.max(1, Math.min(poolSize, Math.floor(budget / 2), base));
}

function buildColumns(plan: SitePlan, r: Rng, role: Role, template: Template, budget: number, asOfDay: number): Column[] {
  const pool = plan.dept ? deptColumns(role) : portalColumns(plan, role);
  const count = columnCount(pool.length, budget, role);
  const pageSize = PAGE_SIZE[template];
  const columns: Column[] = pool.slice(0, count).map((s) => {
    const c: Column = {
      slug: s.slug,
      name: s.name,
      cls: s.cls,
      dir: `/${s.group === 'ztzl' ? 'ztzl' : `${s.group}/${s.slug}`}/`,
      items: [],
      pageSize,
      pages: 1,
      blank: false,
      onHome: false,
      extraRows: [],
    };
    if (s.req) c.req = s.req;
    return c;
  });

  // Which columns are blank or stale. Never the first news column; blank ones preferably where a
  // blank column does not also hide a required class.
  const first = at(columns, 0);
  const firstLevel = (c: Column): boolean => c.cls === 'notice' || c.cls === 'policy' || c.cls === 'interpretation';
  const blankOrder = [
    ...columns.filter((c) => c.cls === 'periodic' && !c.req),
    ...columns.filter((c) => c.cls === 'news' && c !== first),
    ...columns.filter((c) => c.cls === 'notice'),
    ...columns.filter((c) => c.cls === 'periodic' && c.req),
    ...columns.filter((c) => c.cls === 'interpretation' || c.cls === 'policy'),
  ];
  const blank = new Set<Column>();
  for (const c of blankOrder) if (blank.size < role.blank) blank.add(c);
  const open = (c: Column): boolean => !blank.has(c);
  const periodic = columns.filter((c) => c.cls === 'periodic' && open(c));
  // One periodic column first, then news and first-level columns, then the other periodic ones.
  const staleOrder = [
    ...periodic.slice(0, 1),
    ...columns.filter((c) => ((c.cls === 'news' && c !== first) || firstLevel(c)) && open(c)),
    ...periodic.slice(1),
  ];
  const stale = new Set<Column>();
  for (const c of staleOrder) if (stale.size < role.stale) stale.add(c);
  for (const c of blank) c.blank = true;

  // Home blocks: news and first-level columns, up to six.
  let shown = 0;
  for (const c of columns) {
    if ((c.cls === 'news' || firstLevel(c)) && shown < 6) {
      c.onHome = true;
      shown++;
    }
  }

  // Articles: every non-blank column gets one; the first column may get a second list page.
  const filled = columns.filter((c) => !c.blank);
  let articles = budget - columns.length;
  const counts = new Map<Column, number>(filled.map((c) => [c, 1]));
  articles -= filled.length;
  if (articles >= pageSize + 1) {
    counts.set(first, pageSize + 1);
    first.pages = 2;
    articles -= pageSize + 1;
  }
  // Round-robin the rest without creating more pagination.
  let progress = true;
  while (articles > 0 && progress) {
    progress = false;
    for (const c of filled) {
      if (articles <= 0) break;
      const n = counts.get(c) ?? 0;
      const cap = c === first ? first.pages * pageSize : pageSize;
      if (n < cap && !(c.cls === 'topic' && n >= 4)) {
        counts.set(c, n + 1);
        articles--;
        progress = true;
      }
    }
  }

  // A large budget lengthens the first column, one list page at a time.
  while (articles >= 2) {
    const add = Math.min(pageSize, articles - 1);
    counts.set(first, (counts.get(first) ?? 0) + add);
    articles -= add + 1;
  }

  let nextId = r.int(100000, 800000);
  for (const c of filled) {
    const n = counts.get(c) ?? 0;
    const isStale = stale.has(c) || (role.homeStale === true && c.cls === 'news');
    let age: number;
    let gap: [number, number];
    switch (c.cls) {
      case 'news':
        age = isStale ? r.int(22, 90) : c === first ? r.int(0, 3) : r.int(0, 8);
        gap = [1, 5];
        break;
      case 'notice':
      case 'policy':
      case 'interpretation':
        age = isStale ? r.int(200, 420) : role.homeStale && c.onHome ? r.int(25, 150) : r.int(0, 150);
        gap = [4, 25];
        break;
      case 'periodic':
        age = isStale ? r.int(400, 800) : r.int(3, 300);
        gap = [15, 60];
        break;
      case 'data':
        age = role.data === 'old' ? r.int(200, 330) : role.data === 'aging' ? r.int(101, 165) : r.int(3, 50);
        gap = [20, 40];
        break;
      case 'topic':
        age = r.int(420, 1400);
        gap = [20, 90];
        break;
    }
    age = avoidBands(age);
    for (let k = 0; k < n; k++) {
      c.items.push({ id: nextId++, date: isoDay(asOfDay - age) });
      age = avoidBands(age + r.int(gap[0], gap[1]));
    }
    c.pages = Math.max(1, Math.ceil(n / pageSize));
    // Some policy documents carry a working attachment.
    if (c.cls === 'policy' || c.cls === 'notice' || c.cls === 'interpretation') {
      for (const it of c.items) {
        if (r.chance(0.3)) it.attachment = { href: `./P0${it.date.replaceAll('-', '')}${it.id}.pdf`, ok: true };
      }
    }
  }
  // A forged date: the first column's newest item is dated weeks after the as-of date.
  const newest = first.items[0];
  if (role.futureDate && newest) newest.date = isoDay(asOfDay + r.int(FUTURE_DATE_DAYS + 3, 40));
  return columns;
}

function placeDeepDefects(
  role: Role,
  columns: Column[],
  plan: SitePlan,
  cityPinyin: string,
  r: Rng,
  add: (kind: DeepKind, href: string, text: string, page: string) => void,
): void {
  const filled = columns.filter((c) => !c.blank && c.cls !== 'topic' && c.items.length > 0);
  if (filled.length === 0) return;
  const lastItemOf = (c: Column): Item => at(c.items, c.items.length - 1);
  let k = 0;
  for (let kind of role.deep) {
    const col = at(filled, (plan.index + k++) % filled.length);
    const paged = columns.find((c) => c.pages >= 2);
    if (kind === 'page2-404' && !paged) kind = 'article-404';
    switch (kind) {
      case 'article-404': {
        const item = lastItemOf(col);
        const href = `./P0${item.date.replaceAll('-', '')}${item.id}.doc`;
        item.attachment = { href, ok: false };
        add(kind, href, '附件', articlePath(col, item));
        break;
      }
      case 'article-500': {
        const item = lastItemOf(col);
        const href = `/download.jsp?fileid=${r.int(10000, 99999)}`;
        item.attachment = { href, ok: false };
        add(kind, href, '附件', articlePath(col, item));
        break;
      }
      case 'list-unknown-host': {
        const old = at(OLD_DEPTS, plan.index % OLD_DEPTS.length);
        const oldest = lastItemOf(col).date;
        const date = isoDay(dayNumber(oldest) - 3);
        const href = `http://${old.code}.${cityPinyin}.gov.cn/art/${date.slice(0, 4)}/${Number(date.slice(5, 7))}/${Number(date.slice(8))}/art_${r.int(1000, 9999)}_${r.int(100000, 999999)}.html`;
        col.extraRows.push({ href, date });
        add(kind, href, '转载', listPath(col, col.pages - 1));
        break;
      }
      case 'page2-404': {
        const c = paged as Column;
        const oldest = lastItemOf(c).date;
        const date = isoDay(dayNumber(oldest) - 2);
        const ymd = date.replaceAll('-', '');
        const href = `./${ymd.slice(0, 6)}/t${ymd}_${r.int(10, 99999)}.html`;
        c.extraRows.push({ href, date });
        add(kind, href, '已删除的文章', listPath(c, c.pages - 1));
        break;
      }
    }
  }
}

function buildMessages(r: Rng, state: BoardState, asOfDay: number, lateAnswer: boolean): Message[] {
  const subjects = r.shuffle(MESSAGE_SUBJECTS);
  const out: { askedAge: number; answerAfter: number | null }[] = [];
  // Newest first; healthy boards answer within 4 days, which is never more than 4 working days.
  let age = state === 'silent' ? r.int(75, 110) : r.int(3, 30);
  const n = r.int(6, 9);
  for (let k = 0; k < n; k++) {
    out.push({ askedAge: age, answerAfter: r.int(1, 4) });
    age += r.int(6, 30);
  }
  if (state !== 'silent' && r.chance(0.5)) out.unshift({ askedAge: r.int(0, 2), answerAfter: null });
  // Half the boards, and every board of a role with lateAnswer, have an older message answered weeks
  // late: LATE_ANSWER_DAYS or more is over 5 working days whatever the holidays, and a message asked
  // 45 days before the as-of date is never cut short by it. The role's is of the quarter judged.
  let older = out.findIndex((m) => m.askedAge >= 45 && (!lateAnswer || m.askedAge <= OVERDUE_LOOKBACK_DAYS));
  if (lateAnswer && older < 0) older = out.push({ askedAge: r.int(45, OVERDUE_LOOKBACK_DAYS), answerAfter: 1 }) - 1;
  if (older >= 0 && (lateAnswer || r.chance(0.5))) at(out, older).answerAfter = r.int(LATE_ANSWER_DAYS, 40);
  if (state === 'unanswered') {
    out.splice(2, 0, { askedAge: r.int(110, 250), answerAfter: null });
  }
  if (state === 'late') {
    const asked = r.int(160, 300);
    out.splice(2, 0, { askedAge: asked, answerAfter: Math.min(r.int(100, 140), asked - 1) });
  }
  out.sort((a, b) => a.askedAge - b.askedAge);
  // An answer is never dated after the as-of date.
  return out.map((m, k) => ({
    subject: at(subjects, k % subjects.length),
    asked: isoDay(asOfDay - m.askedAge),
    answered: m.answerAfter === null ? null : isoDay(asOfDay - m.askedAge + Math.min(m.answerAfter, m.askedAge)),
  }));
}

/** Absolute URL of a path on the model's site. */
export function urlOf(m: SiteModel, path: string): string {
  // Generated column and article paths are plain ASCII: no need to parse them (15,000-site runs).
  if (/^\/[\w./-]*$/.test(path)) return m.origin + path;
  return new URL(path, m.origin).href;
}

/** The article that carries the site's article typos: the newest item of the first column. */
export function typoArticle(m: SiteModel): { col: Column; item: Item } | null {
  const col = m.columns[0];
  const item = col?.items[0];
  return col && item ? { col, item } : null;
}

/** Where a typo control sentence is printed: the home headline, or the newest article of the 概况 column (home when there is none). */
export function typoControlSpot(m: SiteModel, key: TypoControlKey): { col: Column; item: Item } | 'home' {
  if (TYPO_CONTROLS[key].spot === 'home') return 'home';
  const col = m.columns.find((c) => c.req === 'overview' && !c.blank && c.items.length > 0);
  const item = col?.items[0];
  return col && item ? { col, item } : 'home';
}

/** Names of the stale columns (judged ones only: not topics, not 数据发布), and of the blank ones. */
export function staleAndBlank(m: SiteModel): { stale: Column[]; blank: Column[] } {
  const stale: Column[] = [];
  const blank: Column[] = [];
  for (const c of m.columns) {
    if (c.cls === 'topic' || c.cls === 'data') continue;
    const newest = c.items[0] ? dayNumber(c.items[0].date) : null;
    if (c.blank) blank.push(c);
    else if (newest !== null && m.asOfDay - newest > WINDOW_DAYS[c.cls]) stale.push(c);
  }
  return { stale, blank };
}

/** The required column classes the site shows (a blank column still counts as present). */
export function requiredPresent(m: SiteModel): Set<RequiredColumn> {
  const out = new Set<RequiredColumn>();
  for (const c of m.columns) {
    if (c.req) out.add(c.req);
    if (c.cls === 'news' || c.cls === 'policy' || c.cls === 'interpretation') out.add(c.cls);
  }
  return out;
}

/** The seeded defects of one site as ground-truth entries, sorted by indicator then target. */
export function siteTruth(m: SiteModel): TruthEntry[] {
  const site = m.site.id;
  if (m.down) {
    return [{ site, indicator: 'site-unreachable', target: m.home, page: m.home, note: 'connection refused' }];
  }
  const out: TruthEntry[] = [];
  const push = (indicator: string, target: string, page: string, note: string): void => {
    out.push({ site, indicator, target, page, note });
  };
  const seen = new Set<string>();
  for (const d of m.broken) {
    if (seen.has(d.target)) continue;
    seen.add(d.target);
    push('broken-link', d.target, d.page === '/' ? m.home : urlOf(m, d.page), BROKEN_NOTES[d.kind]);
  }
  const marks: [Mark, string][] = [
    ['conac', m.footer.conac], ['site-code', m.footer.siteCode], ['icp', m.footer.icp],
    ['psb', m.footer.psb], ['sponsor', m.footer.sponsor], ['contact', m.footer.contact],
  ];
  for (const [mark, v] of marks) {
    if (v === 'none' || v === 'comment') push('identity-mark-missing', mark, m.home, v === 'comment' ? 'only inside an HTML comment' : 'absent from the footer');
  }

  // Columns: stale, blank, not updated, missing, and the data-release bonus.
  const { stale, blank } = staleAndBlank(m);
  for (const c of blank) push('column-blank', c.name, urlOf(m, listPath(c, 0)), '暂无信息');
  for (const c of stale) push('column-stale', c.name, urlOf(m, listPath(c, 0)), `${c.cls} column, newest item ${c.items[0]?.date}`);
  const firstLevelStale = stale.filter((c) => c.cls !== 'periodic').length;
  if (firstLevelStale >= NOT_UPDATED.firstLevel || stale.length >= NOT_UPDATED.any || blank.length >= NOT_UPDATED.blank) {
    push('columns-not-updated', m.home, m.home, `${firstLevelStale} stale news/notice/policy columns, ${stale.length} stale, ${blank.length} blank`);
  }
  let homeNewest = -Infinity;
  for (const c of m.columns) {
    const newest = c.items[0] ? dayNumber(c.items[0].date) : null;
    if (c.onHome && newest !== null) homeNewest = Math.max(homeNewest, newest);
  }
  if (m.asOfDay - homeNewest > WINDOW_DAYS.news) push('homepage-not-updated', m.home, m.home, 'no home-page item in the last 14 days');
  const present = requiredPresent(m);
  for (const req of REQUIRED_COLUMNS) if (!present.has(req)) push('column-missing', req, m.home, `no ${REQUIRED_NAMES[req]} column anywhere on the site`);
  for (const c of m.columns) {
    if (c.cls !== 'data' || c.blank || !c.items[0]) continue;
    const age = m.asOfDay - dayNumber(c.items[0].date);
    if (age <= DATA_BONUS_DAYS.one) {
      push('data-release-updated', c.name, urlOf(m, listPath(c, 0)), `bonus ${age <= DATA_BONUS_DAYS.two ? 2 : 1}: newest release ${c.items[0].date}`);
    }
  }

  // The message board.
  const boardUrl = urlOf(m, m.board.path);
  const unresponsive = m.board.messages.some((msg) => {
    const asked = dayNumber(msg.asked);
    if (m.asOfDay - asked > 365) return false;
    const answered = msg.answered === null ? m.asOfDay : dayNumber(msg.answered);
    return answered - asked > UNANSWERED_DAYS;
  });
  if (unresponsive) push('interaction-unresponsive', boardUrl, boardUrl, 'a message left unanswered for more than 3 months');
  const newestMsg = Math.max(...m.board.messages.map((msg) => dayNumber(msg.asked)));
  const unpublished: string[] = [];
  if (m.asOfDay - newestMsg > SILENT_DAYS) unpublished.push('no published message in the last 2 months');
  if (!m.board.shows.answered) unpublished.push('messages shown without 答复时间');
  if (!m.board.shows.replier) unpublished.push('messages shown without 答复单位');
  if (unpublished.length > 0) push('messages-not-public', boardUrl, boardUrl, unpublished.join('; '));
  // Late answers are seen only where the board shows when messages were answered.
  if (m.board.shows.answered) {
    for (const msg of m.board.messages) {
      const asked = dayNumber(msg.asked);
      const waited = (msg.answered === null ? m.asOfDay : dayNumber(msg.answered)) - asked;
      if (m.asOfDay - asked <= OVERDUE_LOOKBACK_DAYS && waited >= LATE_ANSWER_DAYS) {
        push('message-overdue', `《${msg.subject}》${msg.asked}`, boardUrl, `${msg.answered === null ? 'unanswered' : 'answered'} ${waited} days after it was asked`);
      }
    }
  }

  // Wording and dates.
  const article = typoArticle(m);
  const articleUrl = article ? urlOf(m, articlePath(article.col, article.item)) : m.home;
  const serious: string[] = [];
  for (const t of m.typos) {
    const spec = TYPOS[t.key];
    const page = t.spot === 'home' ? m.home : articleUrl;
    push('typo', spec.wrong, page, `${spec.serious ? 'serious' : 'normal'} wording error`);
    if (spec.serious) serious.push(spec.wrong);
  }
  if (serious.length > SERIOUS_TYPO_LIMIT) {
    for (const t of m.typos) {
      const spec = TYPOS[t.key];
      if (spec.serious) push('severe-error', spec.wrong, t.spot === 'home' ? m.home : articleUrl, `one of ${serious.length} serious wording errors`);
    }
  }
  if (m.futureDate) push('severe-error', m.futureDate, articleUrl, 'publication date after the as-of date (forged)');

  // Home page, header, footer, page tags, search, host.
  for (const h of m.hiddenLinks) push('hidden-link', new URL(h.href).href, m.home, `off-site link hidden with ${HIDDEN_NOTES[h.how]}`);
  if (m.errorReport === 'none') push('error-report-entry-missing', m.home, m.home, 'no 我为政府网站找错 entry on any page');
  if (m.search === null) push('search-missing', m.home, m.home, 'no search form');
  else if (m.search.variant === 'broken') push('search-missing', m.home, m.home, 'the search form submits to a page answering HTTP 500');
  for (const tag of [...m.omitTags].sort()) push('meta-tags-missing', tag, m.home, tag === 'SiteIDCode' ? 'absent from every page' : 'absent from every article page');
  if (!m.plan.host.endsWith('.gov.cn')) push('domain-nonstandard', 'domain', m.home, `${m.plan.host} is not under .gov.cn`);
  if (m.headerName === 'none') push('domain-nonstandard', 'header-name', m.home, 'the page header shows no site name');
  if (!m.ipv6) push('ipv6-missing', m.plan.host, m.home, 'no AAAA record');
  push('https-missing', m.home, m.home, 'served over plain HTTP only (advice)');
  return out.sort((a, b) => (a.indicator === b.indicator ? cmp(a.target, b.target) : cmp(a.indicator, b.indicator)));
}

const REQUIRED_NAMES: Record<RequiredColumn, string> = {
  overview: '概况信息', functions: '机构职能', leaders: '领导信息', news: '动态要闻', policy: '政策文件', interpretation: '政策解读',
};

const HIDDEN_NOTES: Record<HiddenKind, string> = {
  'display-none-div': 'display:none on its parent div',
  'display-none-a': 'display:none on the link',
  offscreen: 'position:absolute;left:-9999px',
  'font-size-0': 'font-size:0',
};

const BROKEN_NOTES: Record<BrokenKind | DeepKind, string> = {
  'not-found': 'HTTP 404',
  'server-error': 'HTTP 500',
  'unknown-host': 'host does not resolve',
  'redirect-loop': 'redirect loop',
  timeout: 'never answers',
  'soft-404': '200 page saying the page does not exist',
  image: 'image 404',
  'article-404': 'attachment 404 in an article',
  'article-500': 'attachment HTTP 500 in an article',
  'list-unknown-host': 'list item on a host that does not resolve',
  'page2-404': 'list item on page 2 answers 404',
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The columns the main menu lists only in its closed 更多栏目 drop-down (display:none). */
export function navDropdown(m: SiteModel): Column[] {
  return m.columns.slice(m.navVisible);
}

/** Things on this site that must NOT be reported (known negatives), as truth-shaped entries. */
export function siteControls(m: SiteModel, truth: readonly TruthEntry[] = siteTruth(m)): TruthEntry[] {
  if (m.down) return [];
  const site = m.site.id;
  const out: TruthEntry[] = [];
  const push = (indicator: string, target: string, page: string, note: string): void => {
    out.push({ site, indicator, target, page, note });
  };
  const link = (href: string, note: string, page = '/'): void => {
    const pageUrl = urlOf(m, page);
    const u = new URL(href, pageUrl);
    u.hash = '';
    push('broken-link', u.href, pageUrl === urlOf(m, '/') ? m.home : pageUrl, note);
  };
  if (m.footer.contact === 'email') link(`mailto:${m.email}`, 'mailto: link');
  link('javascript:void(0)', 'javascript: link');
  link('#top', 'fragment link');
  for (const t of m.traps) {
    switch (t) {
      case 'head-405':
        link(PATHS.head405, 'HEAD answers 405, GET 200');
        break;
      case 'html-entity':
        link(PATHS.searchHref.replace('&amp;', '&'), 'href written with &amp;');
        break;
      case 'non-ascii-path':
        link(PATHS.nonAscii, 'Chinese characters in the path');
        break;
      case 'redirect-chain':
        link(PATHS.chainStart, '301 → 302 → 200');
        break;
      case 'retry-503':
        link(PATHS.retry503, '503 once, then 200');
        break;
      case 'retry-429':
        link(PATHS.retry429, '429 with Retry-After: 1 once, then 200');
        break;
      case 'ua-403':
        link(PATHS.ua403, 'inconclusive: 403 to the inspector User-Agent only');
        break;
      case 'commented-link':
        link(PATHS.commented, 'link inside an HTML comment (404 if fetched)');
        break;
    }
  }
  if (m.robotsDisallow) link(PATHS.internal, 'disallowed by robots.txt: must not be fetched');
  for (const h of m.hiddenLinks) link(h.href, 'hidden off-site link: answers 200');
  for (const c of m.columns) {
    if (c.cls === 'topic' && !c.blank) push('column-stale', c.name, urlOf(m, listPath(c, 0)), 'historical topic: never stale');
  }

  // Same-site links in the closed drop-down menu are hidden but are no 暗链; a required column
  // listed only there is still present.
  const shownOnHome = new Set(m.columns.filter((c) => c.onHome).map((c) => c.name));
  for (const c of navDropdown(m)) {
    push('hidden-link', urlOf(m, listPath(c, 0)), m.home, 'same-site link in a closed drop-down menu');
    if (c.req && !shownOnHome.has(c.name)) push('column-missing', c.req, m.home, `${c.name} is listed only in the drop-down menu`);
  }

  const { stale, blank } = staleAndBlank(m);
  const has = (indicator: string, target?: string): boolean => truth.some((t) => t.indicator === indicator && (target === undefined || t.target === target));
  if ((stale.length > 0 || blank.length > 0) && !has('columns-not-updated')) {
    push('columns-not-updated', m.home, m.home, `below the thresholds: ${stale.length} stale, ${blank.length} blank`);
  }
  for (const c of m.columns) {
    if (c.cls === 'data' && !c.blank && !has('data-release-updated', c.name)) push('data-release-updated', c.name, urlOf(m, listPath(c, 0)), 'newest release older than 6 months: no bonus');
  }

  // Wording: correct text that contains a wrong form; serious typos that stay at the limit; a
  // deadline after the as-of date in a notice's text.
  for (const key of m.typoControls) {
    const c = TYPO_CONTROLS[key];
    const spot = typoControlSpot(m, key);
    if (!has('typo', c.looksLike)) push('typo', c.looksLike, spot === 'home' ? m.home : urlOf(m, articlePath(spot.col, spot.item)), `correct text: ${c.sentence}`);
  }
  // A link to a department merged away in 2018, named 原<city><old name>: history, not an error.
  for (const d of m.broken) {
    const old = d.kind === 'unknown-host' ? OLD_DEPTS.find((o) => d.text.startsWith('原') && d.text.endsWith(o.name)) : undefined;
    if (old && !has('typo', old.name)) push('typo', old.name, m.home, `historical mention: ${d.text}`);
  }
  const serious = m.typos.filter((t) => TYPOS[t.key].serious);
  if (serious.length > 0 && serious.length <= SERIOUS_TYPO_LIMIT) {
    for (const t of serious) push('severe-error', TYPOS[t.key].wrong, m.home, `only ${serious.length} serious wording errors (the veto needs more than ${SERIOUS_TYPO_LIMIT})`);
  }
  if (m.deadline) push('severe-error', m.deadline.date, urlOf(m, articlePath(m.deadline.col, m.deadline.item)), 'a deadline in the text of a notice, not a publication date');

  // Variants that are right however unusual they look.
  if (m.errorReport === 'zfwzgl-link' || m.errorReport === 'pucha-link') push('error-report-entry-missing', m.home, m.home, 'entry is an image link, not the script');
  if (m.search?.variant === 'remote') push('search-missing', m.home, m.home, `search submits to ${new URL(m.search.action).host}`);
  if (m.tagCase === 'lower') {
    for (const tag of ['SiteName', 'ColumnName']) push('meta-tags-missing', tag, m.home, 'tag name written in lower case');
  }
  if (m.headerName === 'alt') push('domain-nonstandard', 'header-name', m.home, 'the name is the logo image\'s alt text');
  return out;
}
