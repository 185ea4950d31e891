// One site's model: its look (template, encoding, compression), columns and dated items, message
// board, footer marks, seeded defects and control links. Rebuilt cheaply from (seed, site) on
// every cache miss, so the server keeps nothing per site and the truth needs no page rendering.
import { dayNumber, isoDay, type DateStyle } from './dates.ts';
import { MESSAGE_SUBJECTS, OLD_DEPTS } from './names.ts';
import { at, hashString, rng, type Rng } from './random.ts';
import type { SandboxSite, SandboxWeb, SitePlan, TruthEntry } from './web.ts';

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
/** Column classes of indicators.md with their update windows. */
export type ColumnClass = 'news' | 'policy' | 'periodic' | 'topic';

/** Rotated by site index (with a seed offset), so any 3 consecutive sites use all three. */
export const TEMPLATES: readonly Template[] = ['ul', 'table', 'cards'];
/** Rotated by site index, so any 5 consecutive sites use all five. */
export const ENCODINGS: readonly Encoding[] = ['utf8-header', 'gbk-header', 'gb2312-meta', 'utf8-declared-gb2312', 'utf8-undeclared'];
/** Rotated by site index. */
export const COMPRESSIONS: readonly Compression[] = ['gzip', 'none', 'br'];

/** Days a column may go without a new item (indicators.md: 2 weeks, 6 months, 1 year). */
export const WINDOW_DAYS: Record<Exclude<ColumnClass, 'topic'>, number> = { news: 14, policy: 183, periodic: 365 };
/** interaction-unresponsive: a message left unanswered for more than 3 months. */
export const UNANSWERED_DAYS = 92;
/** messages-not-public: no published message in the 2 months before the as-of date. */
export const SILENT_DAYS = 61;

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
}

/** Role of a site by index mod 12; any 12 consecutive sites carry every defect kind. */
export const ROLES: readonly Role[] = [
  { down: true, home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', traps: [] },
  { home: ['not-found', 'image'], deep: [], missing: ['psb'], stale: 0, blank: 0, board: 'late', traps: ['head-405', 'html-entity'] },
  { home: ['server-error', 'unknown-host'], deep: ['article-404'], missing: ['site-code'], stale: 2, blank: 0, board: 'ok', traps: ['non-ascii-path', 'redirect-chain'] },
  { home: ['redirect-loop', 'soft-404'], deep: [], missing: [], comment: 'conac', stale: 0, blank: 1, board: 'ok', robots: true, traps: ['retry-503'] },
  { home: ['timeout'], deep: [], missing: ['sponsor'], stale: 0, blank: 0, homeStale: true, board: 'ok', traps: ['retry-429'] },
  { home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', robots: true, traps: ['ua-403', 'commented-link'] },
  { home: ['not-found', 'not-found'], deep: ['list-unknown-host'], missing: ['icp', 'contact'], stale: 0, blank: 0, board: 'silent', traps: ['head-405'] },
  { home: ['image', 'unknown-host'], deep: ['article-500'], missing: [], comment: 'contact', stale: 1, blank: 2, board: 'ok', traps: [] },
  { home: ['server-error'], deep: ['page2-404'], missing: ['conac'], stale: 0, blank: 0, board: 'unanswered', traps: ['html-entity', 'non-ascii-path'] },
  { home: ['soft-404'], deep: [], missing: [], stale: 1, blank: 0, board: 'ok', traps: ['redirect-chain', 'retry-503', 'commented-link'] },
  { home: ['redirect-loop', 'not-found'], deep: [], missing: ['psb', 'site-code'], stale: 0, blank: 0, board: 'unanswered', traps: ['retry-429', 'ua-403'] },
  { home: ['image'], deep: ['article-404'], missing: [], comment: 'sponsor', stale: 0, blank: 1, board: 'ok', robots: true, traps: [] },
];

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
}

/** Paths of fixed pages and trap targets. */
export const PATHS = {
  board: '/hdjl/ldxx/index.html',
  contact: '/lxwm/index.html',
  internal: '/internal/index.html',
  head405: '/bsfw/index.html',
  search: '/search',
  searchHref: '/search?a=1&amp;b=2',
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
export const GOOD_IMAGES = ['/images/logo.png', '/images/banner.jpg', '/images/more.gif', '/images/ga.png', '/images/zt1.jpg'] as const;

interface ColumnSpec {
  slug: string;
  name: string;
  cls: ColumnClass;
  group: 'xwzx' | 'zwgk' | 'ztzl';
}

const PORTAL_COLUMNS = (county: boolean): ColumnSpec[] => [
  { slug: 'ywdt', name: '要闻动态', cls: 'news', group: 'xwzx' },
  { slug: 'tzgg', name: '通知公告', cls: 'policy', group: 'zwgk' },
  { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
  { slug: 'bmdt', name: '部门动态', cls: 'news', group: 'xwzx' },
  { slug: 'rsxx', name: '人事信息', cls: 'periodic', group: 'zwgk' },
  { slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' },
  { slug: 'zcjd', name: '政策解读', cls: 'policy', group: 'zwgk' },
  { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
  county
    ? { slug: 'xzdt', name: '乡镇动态', cls: 'news', group: 'xwzx' }
    : { slug: 'xqdt', name: '县区动态', cls: 'news', group: 'xwzx' },
  { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
  { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
  { slug: 'zdxm', name: '重大项目', cls: 'periodic', group: 'zwgk' },
];

const DEPT_COLUMNS: ColumnSpec[] = [
  { slug: 'gzdt', name: '工作动态', cls: 'news', group: 'xwzx' },
  { slug: 'tzgg', name: '通知公告', cls: 'policy', group: 'zwgk' },
  { slug: 'zcwj', name: '政策文件', cls: 'policy', group: 'zwgk' },
  { slug: 'jcdt', name: '基层动态', cls: 'news', group: 'xwzx' },
  { slug: 'jgzn', name: '机构职能', cls: 'periodic', group: 'zwgk' },
  { slug: 'ztzl', name: '专题专栏', cls: 'topic', group: 'ztzl' },
  { slug: 'zcjd', name: '政策解读', cls: 'policy', group: 'zwgk' },
  { slug: 'ldxx', name: '领导信息', cls: 'periodic', group: 'zwgk' },
  { slug: 'czxx', name: '财政信息', cls: 'periodic', group: 'zwgk' },
  { slug: 'ghjh', name: '规划计划', cls: 'periodic', group: 'zwgk' },
  { slug: 'tjxx', name: '统计信息', cls: 'periodic', group: 'zwgk' },
];

const PAGE_SIZE: Record<Template, number> = { ul: 8, table: 10, cards: 6 };
/** How many items a home block shows. */
export const HOME_BLOCK: Record<Template, number> = { ul: 7, table: 6, cards: 5 };

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
  const role = at(ROLES, plan.role);
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
  const board: Board = { path: PATHS.board, name: boardName, messages: buildMessages(r, role.board, asOfDay) };

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
    const parent = web.hosts.get(`www.${parentPlace.pinyin}.gov.cn`);
    const parentPlan = parent === undefined ? undefined : web.plans[parent];
    if (parentPlan && ROLES[parentPlan.role]?.down !== true) {
      friendlyLinks.push({ href: `http://www.${parentPlace.pinyin}.gov.cn/`, text: `${parentPlace.name}${parentPlace.suffix}人民政府` });
    }
  }
  const sponsorName = plan.dept ? site.name : `${placeFull}人民政府办公室`;
  const phoneNo = `${plan.place.areaCode}-${r.int(2, 8)}${String(r.int(0, 999999)).padStart(6, '0')}`;
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
  };
}

const TRAP_PAGES = new Set<string>(['head-405', 'html-entity', 'non-ascii-path', 'retry-503', 'retry-429', 'ua-403']);

function buildColumns(plan: SitePlan, r: Rng, role: Role, template: Template, budget: number, asOfDay: number): Column[] {
  const pool = plan.dept ? DEPT_COLUMNS : PORTAL_COLUMNS(plan.place.level === 'county');
  const count = Math.min(pool.length, Math.max(3, Math.floor(budget / 4)));
  const pageSize = PAGE_SIZE[template];
  const columns: Column[] = pool.slice(0, count).map((s) => ({
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
  }));

  // Which columns are stale or blank: periodic ones first, never the first news column.
  const first = at(columns, 0);
  const candidates = [
    ...columns.filter((c) => c.cls === 'periodic'),
    ...columns.filter((c) => c.cls === 'news' && c !== first),
    ...columns.filter((c) => c.cls === 'policy'),
  ];
  const blank = new Set<Column>();
  for (const c of candidates) if (blank.size < role.blank) blank.add(c);
  const stale = new Set<Column>();
  // Prefer a periodic column, then a news or policy one, for the stale set.
  const staleOrder = [
    ...candidates.filter((c) => c.cls === 'periodic' && !blank.has(c)).slice(0, 1),
    ...candidates.filter((c) => c.cls !== 'periodic' && !blank.has(c)),
    ...candidates.filter((c) => c.cls === 'periodic' && !blank.has(c)).slice(1),
  ];
  for (const c of staleOrder) if (stale.size < role.stale) stale.add(c);
  for (const c of blank) c.blank = true;

  // Home blocks: news and policy columns, up to six.
  let shown = 0;
  for (const c of columns) {
    if ((c.cls === 'news' || c.cls === 'policy') && shown < 6) {
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
      case 'policy':
        age = isStale ? r.int(200, 420) : role.homeStale && c.onHome ? r.int(25, 150) : r.int(0, 150);
        gap = [4, 25];
        break;
      case 'periodic':
        age = isStale ? r.int(400, 800) : r.int(3, 300);
        gap = [15, 60];
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
    if (c.cls === 'policy') {
      for (const it of c.items) {
        if (r.chance(0.3)) it.attachment = { href: `./P0${it.date.replaceAll('-', '')}${it.id}.pdf`, ok: true };
      }
    }
  }
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

function buildMessages(r: Rng, state: BoardState, asOfDay: number): Message[] {
  const subjects = r.shuffle(MESSAGE_SUBJECTS);
  const out: { askedAge: number; answerAfter: number | null }[] = [];
  // Newest first; healthy boards answer in 1–6 days, one old message answered a little late.
  let age = state === 'silent' ? r.int(75, 110) : r.int(3, 30);
  const n = r.int(6, 9);
  for (let k = 0; k < n; k++) {
    out.push({ askedAge: age, answerAfter: r.int(1, 6) });
    age += r.int(6, 30);
  }
  if (state !== 'silent' && r.chance(0.5)) out.unshift({ askedAge: r.int(0, 2), answerAfter: null });
  if (out.length > 3 && r.chance(0.5)) at(out, 3).answerAfter = r.int(15, 40);
  if (state === 'unanswered') {
    out.splice(2, 0, { askedAge: r.int(110, 250), answerAfter: null });
  }
  if (state === 'late') {
    const asked = r.int(160, 300);
    out.splice(2, 0, { askedAge: asked, answerAfter: Math.min(r.int(100, 140), asked - 1) });
  }
  out.sort((a, b) => a.askedAge - b.askedAge);
  return out.map((m, k) => ({
    subject: at(subjects, k % subjects.length),
    asked: isoDay(asOfDay - m.askedAge),
    answered: m.answerAfter === null ? null : isoDay(asOfDay - m.askedAge + m.answerAfter),
  }));
}

/** Absolute URL of a path on the model's site. */
export function urlOf(m: SiteModel, path: string): string {
  return new URL(path, m.origin).href;
}

/** The seeded defects of one site as ground-truth entries, sorted by indicator then target. */
export function siteTruth(m: SiteModel): TruthEntry[] {
  const site = m.site.id;
  if (m.down) {
    return [{ site, indicator: 'site-unreachable', target: m.home, page: m.home, note: 'connection refused' }];
  }
  const out: TruthEntry[] = [];
  const seen = new Set<string>();
  for (const d of m.broken) {
    if (seen.has(d.target)) continue;
    seen.add(d.target);
    out.push({ site, indicator: 'broken-link', target: d.target, page: d.page === '/' ? m.home : urlOf(m, d.page), note: BROKEN_NOTES[d.kind] });
  }
  const marks: [Mark, string][] = [
    ['conac', m.footer.conac], ['site-code', m.footer.siteCode], ['icp', m.footer.icp],
    ['psb', m.footer.psb], ['sponsor', m.footer.sponsor], ['contact', m.footer.contact],
  ];
  for (const [mark, v] of marks) {
    if (v === 'none' || v === 'comment') {
      out.push({ site, indicator: 'identity-mark-missing', target: mark, page: m.home, note: v === 'comment' ? 'only inside an HTML comment' : 'absent from the footer' });
    }
  }
  let homeNewest = -Infinity;
  for (const c of m.columns) {
    const newest = c.items[0] ? dayNumber(c.items[0].date) : null;
    if (c.onHome && newest !== null) homeNewest = Math.max(homeNewest, newest);
    if (c.cls === 'topic') continue;
    const page = urlOf(m, listPath(c, 0));
    if (c.blank) {
      out.push({ site, indicator: 'column-blank', target: c.name, page, note: '暂无信息' });
    } else if (newest !== null && m.asOfDay - newest > WINDOW_DAYS[c.cls]) {
      out.push({ site, indicator: 'column-stale', target: c.name, page, note: `${c.cls} column, newest item ${c.items[0]?.date}` });
    }
  }
  if (m.asOfDay - homeNewest > WINDOW_DAYS.news) {
    out.push({ site, indicator: 'homepage-not-updated', target: m.home, page: m.home, note: 'no home-page item in the last 14 days' });
  }
  const boardUrl = urlOf(m, m.board.path);
  const unresponsive = m.board.messages.some((msg) => {
    const asked = dayNumber(msg.asked);
    if (m.asOfDay - asked > 365) return false;
    const answered = msg.answered === null ? m.asOfDay : dayNumber(msg.answered);
    return answered - asked > UNANSWERED_DAYS;
  });
  if (unresponsive) {
    out.push({ site, indicator: 'interaction-unresponsive', target: boardUrl, page: boardUrl, note: 'a message left unanswered for more than 3 months' });
  }
  const newestMsg = Math.max(...m.board.messages.map((msg) => dayNumber(msg.asked)));
  if (m.asOfDay - newestMsg > SILENT_DAYS) {
    out.push({ site, indicator: 'messages-not-public', target: boardUrl, page: boardUrl, note: 'no published message in the last 2 months' });
  }
  return out.sort((a, b) => (a.indicator === b.indicator ? cmp(a.target, b.target) : cmp(a.indicator, b.indicator)));
}

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

/** Things on this site that must NOT be reported (known negatives), as truth-shaped entries. */
export function siteControls(m: SiteModel): TruthEntry[] {
  if (m.down) return [];
  const site = m.site.id;
  const out: TruthEntry[] = [];
  const link = (href: string, note: string, page = '/'): void => {
    const pageUrl = urlOf(m, page);
    const u = new URL(href, pageUrl);
    u.hash = '';
    out.push({ site, indicator: 'broken-link', target: u.href, page: pageUrl === urlOf(m, '/') ? m.home : pageUrl, note });
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
  for (const c of m.columns) {
    if (c.cls === 'topic' && !c.blank) {
      out.push({ site, indicator: 'column-stale', target: c.name, page: urlOf(m, listPath(c, 0)), note: 'historical topic: never stale' });
    }
  }
  return out;
}
