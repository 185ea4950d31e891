// One site's model: its look (template, encoding, compression), columns and dated items, message
// board, footer marks, page tags, search, seeded defects and control links. Rebuilt cheaply from
// (seed, site) on every cache miss, so the server keeps nothing per site and the truth needs no
// page rendering.
import { boardOf, type Board } from './board.ts';
import { buildColumns, type Column, type Item } from './columns.ts';
import { dayNumber, isoDay, type DateStyle } from './dates.ts';
import { COMPRESSIONS, ENCODINGS, TEMPLATES, homeLayoutOf, isScripted, rot, tabStyleOf, scriptedOf, type Compression, type Encoding, type HomeLayout, type Scripted, type TabStyle, type Template } from './look.ts';
import {
  defectAdder, friendlyLinksOf, hiddenLinksOf, placeDeepDefects, placeHomeDefects, quickLinksOf,
  type Defect, type HiddenLink, type QuickLink,
} from './links.ts';
import { OLD_ISSUERS, TYPO_CONTROLS, type TypoControlKey, type TypoKey } from './names.ts';
import { PATHS, searchHost } from './paths.ts';
import { websiteReportYear } from './indicators.ts';
import { collectionPages, openReportsOf, reportCollectionOf, type OpenReports, type ReportCollection } from './open-report.ts';
import type { PersonalSpot } from './personal.ts';
import type { CertKind } from './certs.ts';
import { at, hashString, rng, type Rng } from './random.ts';
import { ROLES, roleOf, type Ipv6Defect, type Mark, type OmittedTag, type Role, type Trap } from './roles.ts';
import type { SandboxSite, SandboxWeb, SitePlan } from './types.ts';

/** The 我为政府网站找错 entry in the footer: the national platform's script or an image link, or nothing. */
export type ErrorReport = 'pucha-script' | 'zfwzgl-script' | 'zfwzgl-link' | 'pucha-link' | 'none';
/** The header search form: where it submits and how that engine behaves. */
export type SearchVariant = 'plain' | 'was5' | 'jsearch' | 'remote' | 'broken';

/** Presence and printed variant of each footer mark; 'none' and 'comment' count as missing. */
export interface Footer {
  conac: 'link' | 'script' | 'comment' | 'none';
  siteCode: 'fullwidth' | 'halfwidth' | 'trailing' | 'nocolon' | 'comment' | 'none';
  /** bare: printed without 备 and 号 (冀ICP12345678). */
  icp: 'plain' | 'fullhyphen' | 'linkonly' | 'bare' | 'comment' | 'none';
  /** split: 公网安备, the area code, the serial and 号 each in its own element. */
  psb: 'space' | 'nospace' | 'nohao' | 'split' | 'comment' | 'none';
  sponsor: 'label' | 'short' | 'suffix' | 'comment' | 'none';
  contact: 'link' | 'phone' | 'email' | 'comment' | 'none';
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
  /**
   * No form on a static page: an input and an image link whose inline function sends the visitor
   * to the engine (script-built sites say how their search is written in Scripted.search).
   */
  box: boolean;
}

/** A document issued before its issuer was renamed: a row of a policy column's last list page, linking to its PDF. */
export interface OldDoc {
  col: Column;
  /** The issuer's name then (a reformed name today). */
  issuer: string;
  /** What it is about (关于做好…工作的通知). */
  about: string;
  /** Its document number, e.g. 银保监发〔2021〕12号. */
  number: string;
  title: string;
  date: string;
  /** Path of its PDF. */
  path: string;
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
  /** Documents issued before a reform, listed on the last list page of a policy column (their titles keep the old name), or []. */
  oldDocs: OldDoc[];
  /** Another site's host this site links to a removed page of (a soft 404 there) and a short real page of (a control), or null. */
  sister: string | null;
  /** pagesPerSite: the bound on distinct HTML pages. */
  maxPages: number;
  /** Seeded wrong wordings and where each is printed (each exactly once on the site). */
  typos: { key: TypoKey; spot: TextSpot }[];
  /** Correct sentences that contain a dictionary wrong form, each printed once (see typoControlSpot). */
  typoControls: TypoControlKey[];
  /** The article of the home headline and the article typos, when not the first column's newest item (a later day's web, daily.ts: it stays where it was). */
  typoAt?: { col: Column; item: Item } | null;
  /** The forged publication date of the first column's newest item, or null. */
  futureDate: string | null;
  /** A deadline after the as-of date named in the newest notice's text (a control), or null. */
  deadline: { col: Column; item: Item; date: string } | null;
  hiddenLinks: HiddenLink[];
  /** The article that shows personal numbers, in full or safely (personal.ts), or null. */
  personal: PersonalSpot | null;
  /** The kind of certificate the site presents on 443 (certs.ts), or null for plain HTTP only. */
  https: CertKind | null;
  /** How the top bar offers the elder-friendly and accessible mode (roles.ts accessEntry): two links by default. */
  accessEntry: 'links' | 'none' | 'button' | 'image';
  /** What the 长者模式 entry (links, image) does when clicked: the page's text to 20px, that and pale (roles.ts elderPale), or nothing (roles.ts elderInert); null without one. */
  elderMode: 'enlarges' | 'pale' | 'inert' | null;
  /** A 飘窗 over the home page that the 长者模式 leaves (stays) or hides (hidden), or null (roles.ts floatWindow). */
  floatWindow: 'stays' | 'hidden' | null;
  /** The year of the 政府网站工作年度报表 the home page links, or null for none; and whether a 信息公开年报 link stands beside it. */
  websiteReport: { year: number | null; openReport: boolean };
  /** The 政府信息公开年报 column with its reports (roles.ts openReport), among the last of `columns`, or null. */
  openReports: OpenReports | null;
  /** The column collecting the other websites' 年度报表 (the registry's collectsReports), the last of `columns`, or null. */
  collection: ReportCollection | null;
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
  /** The site over IPv6 (roles.ts): none (no AAAA record), full (the same site as over IPv4) or a defect. */
  ipv6: 'none' | 'full' | Ipv6Defect;
  /** The parts a script-built site writes with scripts (what the site serves; a browser shows the same page), or null. */
  scripted: Scripted | null;
  /** How the home page lays out its column blocks (look.ts). */
  homeLayout: HomeLayout;
  /** How its tab boxes map tabs to panes (tabs layout only). */
  tabStyle: TabStyle;
  /** The home page shows a 活动日历 whose every date is a page linking more dates, without end. */
  calendar: boolean;
  /** Every page's on-site links carry a new ;jsessionid=… in each answer (a Java CMS that finds no cookie): endless distinct URLs of the same pages. */
  sessions: boolean;
  /** The session id of the answer being served (set per request by the router on a site with sessions). */
  sessionId?: string;
}

/** Columns the main menu shows before the 更多 drop-down. */
const NAV_VISIBLE = 7;

const TRAP_PAGES = new Set<string>(['head-405', 'html-entity', 'non-ascii-path', 'retry-503', 'retry-429', 'ua-403']);

/**
 * Builds one site's model (cheap: no text, no HTML). The site's random stream is drawn by the
 * steps in this order, which fixes the generated web: columns, deep defects, board, phone,
 * deadline, registrations. Everything else is rotated by site index or fixed by the role.
 */
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
  const dateStyle = rot(['iso', 'cn', 'slash'] as const, plan, seed, 'date');
  const footer = footerOf(plan, role, seed);
  const { extras, traps, columnBudget } = pageBudget(role, footer, pagesPerSite, site.collectsReports ? collectionPages(web.sites.length) : 0);
  const columns = buildColumns(plan, r, role, template, columnBudget, asOfDay);
  const broken: Defect[] = [];
  const add = defectAdder(origin, broken);
  const soft404Path = placeHomeDefects(role, plan, cityPlace, extras, add);
  // A soft 404 on another site's host: a link to a page the sister site has removed.
  const sister = role.home.includes('soft-404') ? sisterHost(web, plan) : null;
  if (sister) {
    add('soft-404', `http://${sister}${PATHS.removed}`, '政务公开（旧版）', '/');
    add('soft-404', `http://${sister}${PATHS.titled}`, '办事指南（旧版）', '/');
    add('redirect-home', `http://${sister}${PATHS.movedHome}`, '通知公告（旧版）', '/');
  }
  placeDeepDefects(role, columns, plan, cityPlace.pinyin, r, add);
  const board = boardOf(plan, role, r, asOfDay);
  const phone = `${plan.place.areaCode}-${r.int(2, 8)}${String(r.int(0, 999999)).padStart(6, '0')}`;
  const { typos, futureDate, deadline } = wordingOf(role, columns, r, asOfDay);
  const reg = registrations(plan, placeFull, r);
  const search = searchFormOf(plan, site, role, seed);
  const scripted = role.down ? null : scriptedFor(plan, seed, search);
  const homeLayout = homeLayoutOf(plan, scripted);
  // Tab boxes also show the blank columns: a pane with an empty list.
  if (homeLayout === 'tabs') for (const c of columns) if (c.blank) c.onHome = true;
  const openReports = role.down ? null : openReportsOf(role.openReport, plan.dept !== null, asOf, plan.index);
  const collection = role.down ? null : reportCollectionOf(site, web.sites, websiteReportYear(asOf));

  return {
    plan,
    site,
    origin,
    home: site.url,
    seed,
    asOf,
    asOfDay,
    down: role.down === true,
    template,
    encoding: rot(ENCODINGS, plan, seed, 'encoding'),
    compression: rot(COMPRESSIONS, plan, seed, 'compression'),
    dateStyle,
    homeDateStyle: rot<DateStyle>(['md', dateStyle, 'paren', dateStyle], plan, seed, 'homedate'),
    clock: template === 'cards' ? 'script' : 'text',
    server: rot(['nginx', 'Apache', 'Microsoft-IIS/7.5', 'nginx/1.20.1', 'TRS WCM'], plan, seed, 'server'),
    sponsorName: plan.dept ? site.name : `${placeFull}人民政府办公室`,
    operatorName: `${cityPlace.name}${cityPlace.suffix}大数据中心`,
    cityName: placeFull,
    phone,
    email: `${plan.dept ? plan.dept.code : 'zfb'}@${plan.place.pinyin}.gov.cn`,
    address: reg.address,
    icpNo: reg.icpNo,
    psbNo: role.malformed === 'psb' ? reg.psbNo.slice(0, -1) : reg.psbNo,
    conacId: reg.conacId,
    // The 年报 column comes last, after everything drawn from the others.
    columns: [...columns, ...(openReports ? [openReports.col] : []), ...(collection ? [collection.col] : [])],
    openReports,
    collection,
    board,
    footer,
    broken,
    traps,
    quickLinks: [...quickLinksOf(traps, extras.has('internal')), ...(sister ? [{ href: `http://${sister}${PATHS.brief}`, text: '联系方式' }, { href: `http://${sister}${PATHS.movedBrief}`, text: '联系我们' }] : [])],
    sister,
    oldDocs: oldDocsOf(plan, columns, placeFull),
    friendlyLinks: friendlyLinksOf(web, plan),
    robotsDisallow: extras.has('internal'),
    contactPage: extras.has('contact'),
    soft404Path,
    maxPages: pagesPerSite,
    typos,
    typoControls: [...(role.typoControls ?? [])],
    futureDate,
    deadline,
    hiddenLinks: hiddenLinksOf(role, plan),
    personal: personalSpotOf(columns, role),
    https: role.down ? null : (role.tls ?? null),
    accessEntry: role.accessEntry ?? 'links',
    elderMode: role.accessEntry === 'none' || role.accessEntry === 'button' ? null : role.elderInert ? 'inert' : role.elderPale ? 'pale' : 'enlarges',
    floatWindow: role.down ? null : (role.floatWindow ?? null),
    websiteReport: { year: role.websiteReport === 'none' ? null : websiteReportYear(asOf) - (role.websiteReport === 'older' ? 1 : 0), openReport: role.websiteReport === 'none' },
    errorReport: role.errorReport ?? rot(['pucha-script', 'zfwzgl-script', 'pucha-script', 'zfwzgl-link', 'pucha-link'] as const, plan, seed, 'jiucuo'),
    search,
    omitTags: new Set(role.omitTags ?? []),
    tagCase: template === 'table' ? 'lower' : 'canonical',
    headerName: role.noHeaderName ? 'none' : template === 'table' ? 'alt' : 'text',
    navVisible: NAV_VISIBLE,
    ipv6: role.ipv6 ?? 'full',
    scripted,
    homeLayout,
    tabStyle: tabStyleOf(plan),
    calendar: hasCalendar(plan),
    sessions: hasSessions(plan),
  };
}

/** The newest notice (通知公告, 公示) of the site, or its newest policy document, shows the role's personal numbers. */
function personalSpotOf(columns: readonly Column[], role: Role): PersonalSpot | null {
  if (!role.personal?.length && !role.personalFiles?.length) return null;
  const col = columns.find((c) => c.cls === 'notice' && !c.blank && c.items.length > 0) ?? columns.find((c) => c.cls === 'policy' && !c.blank && c.items.length > 0);
  const item = col?.items[0];
  return col && item ? { col, item, forms: [...(role.personal ?? [])], files: [...(role.personalFiles ?? [])] } : null;
}

/** A calendar on sites 2, 10 and 18 of every 24 (static and script-built): the endless-calendar trap. */
function hasCalendar(plan: SitePlan): boolean {
  return !plan.hostile && plan.index % 8 === 2;
}

/** Session ids in the links of sites 6, 14 and 22 of every 24 (static and script-built): the session-id trap. */
function hasSessions(plan: SitePlan): boolean {
  return !plan.hostile && plan.index % 8 === 6;
}

/** The site's script-built parts; a search that does not exist is not scripted (a broken one may be a bare box: only trying it in a browser finds where it goes). */
function scriptedFor(plan: SitePlan, seed: number, search: SearchForm | null): Scripted | null {
  const s = scriptedOf(plan, seed);
  if (!s) return null;
  if (search === null) return { ...s, search: 'static' };
  return s;
}

/** The footer marks: the role's missing and commented-out ones, the others in a rotated printed variant. */
function footerOf(plan: SitePlan, role: Role, seed: number): Footer {
  const mark = <V extends string>(m: Mark, variants: readonly V[]): V | 'none' | 'comment' => {
    if (role.missing.includes(m)) return 'none';
    if (role.comment === m) return 'comment';
    return rot(variants, plan, seed, `mark:${m}`);
  };
  return {
    conac: mark('conac', ['link', 'script'] as const),
    siteCode: mark('site-code', ['fullwidth', 'halfwidth', 'trailing', 'nocolon'] as const),
    icp: mark('icp', ['plain', 'fullhyphen', 'linkonly', 'bare'] as const),
    psb: mark('psb', ['space', 'nospace', 'nohao', 'split'] as const),
    sponsor: mark('sponsor', ['label', 'short', 'suffix'] as const),
    contact: mark('contact', ['link', 'phone', 'email'] as const),
  };
}

/**
 * Page budget: home and board always; then optional pages by priority; the rest is columns. A
 * contact link with no room for its page becomes a phone number in the footer.
 */
function pageBudget(role: Role, footer: Footer, budget: number, collecting: number): { extras: Set<string>; traps: Trap[]; columnBudget: number } {
  const optional: string[] = [];
  if (role.home.includes('soft-404')) optional.push('soft404');
  for (const t of role.traps) if (TRAP_PAGES.has(t)) optional.push(t);
  if (role.robots) optional.push('internal');
  if (footer.contact === 'link') optional.push('contact');
  const minColumnPages = 6;
  // A 政府信息公开年报 column: its list and two reports (open-report.ts).
  // And a column collecting other websites' 年度报表: its list pages (its entries are PDF files).
  const reports = (role.openReport ? 3 : 0) + collecting;
  const room = Math.max(0, budget - 2 - reports - minColumnPages);
  const extras = new Set(optional.slice(0, room));
  if (footer.contact === 'link' && !extras.has('contact')) footer.contact = 'phone';
  const traps = role.traps.filter((t) => !TRAP_PAGES.has(t) || extras.has(t));
  return { extras, traps, columnBudget: budget - 2 - reports - extras.size };
}

/**
 * Wording: typos each printed once, in the home headline summary or the first column's newest
 * article; a forged date; a deadline in the newest notice (the one draw from r).
 */
function wordingOf(role: Role, columns: Column[], r: Rng, asOfDay: number): Pick<SiteModel, 'typos' | 'futureDate' | 'deadline'> {
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
  return { typos, futureDate, deadline };
}

/** Address and registration numbers, drawn from r in this order. */
function registrations(plan: SitePlan, placeFull: string, r: Rng): Pick<SiteModel, 'address' | 'icpNo' | 'psbNo' | 'conacId'> {
  return {
    address: `${placeFull}${r.pick(['人民路', '政务大道', '府前街', '建设路', '迎宾大道'])}${r.int(1, 199)}号`,
    icpNo: `${plan.place.province.abbr}ICP备${String(r.int(5000000, 19999999)).padStart(8, '0')}号`,
    psbNo: `${plan.place.adminCode}02${String(r.int(0, 999999)).padStart(6, '0')}`,
    conacId: String(r.int(60000000, 69999999)),
  };
}

/** The header search form: none or broken by role, else a rotated engine (a place's shared one only for portals under .gov.cn). */
function searchFormOf(plan: SitePlan, site: SandboxSite, role: Role, seed: number): SearchForm | null {
  if (role.search === 'none') return null;
  const box = staticSearchBox(plan);
  const form = formOf(plan, site, role, seed);
  return { ...form, box };
}

/**
 * A static site's search is a box with no form for every fourth role, shifted by one each dozen:
 * 3 static sites of 12, among them the broken-search role (the last) in the first dozen and every
 * other static dozen after it, so that the demo's small webs meet a broken form-less search.
 */
function staticSearchBox(plan: SitePlan): boolean {
  return !isScripted(plan) && (plan.role + Math.floor(plan.index / ROLES.length)) % 4 === 3;
}

function formOf(plan: SitePlan, site: SandboxSite, role: Role, seed: number): Omit<SearchForm, 'box'> {
  if (role.search === 'broken') return { variant: 'broken', action: PATHS.brokenSearch, field: 'searchword', hidden: [['siteid', site.siteCode.slice(-4)]] };
  const v = rot(['plain', 'was5', 'jsearch', 'remote'] as const, plan, seed, 'search');
  const searchVariant: SearchVariant = v === 'remote' && (plan.dept !== null || role.domain === 'nonstandard') ? 'jsearch' : v;
  switch (searchVariant) {
    case 'plain':
      return { variant: 'plain', action: PATHS.search, field: 'q', hidden: [] };
    case 'was5':
      return { variant: 'was5', action: PATHS.was5, field: 'searchword', hidden: [['channelid', String(200000 + (hashString(plan.host) % 90000))]] };
    case 'jsearch':
      return { variant: 'jsearch', action: PATHS.jsearch, field: 'q', hidden: [['websiteid', site.siteCode], ['tpl', '1']] };
    default:
      return { variant: 'remote', action: `http://${searchHost(plan.place.pinyin)}${PATHS.remoteSearch}`, field: 'keyword', hidden: [['websiteid', site.siteCode]] };
  }
}

/** Another site that is up, for a link to its removed page: the parent portal, else a sibling of the same place. */
function sisterHost(web: SandboxWeb, plan: SitePlan): string | null {
  const up = (p: SitePlan | undefined): p is SitePlan => p !== undefined && p.index !== plan.index && !p.hostile && roleOf(p.role).down !== true;
  const portal = web.portals.get((plan.place.city ?? plan.place).pinyin);
  const parent = portal === undefined ? undefined : web.plans[portal];
  if (up(parent)) return parent.host;
  return web.plans.find((p) => up(p) && p.place.pinyin === plan.place.pinyin)?.host ?? null;
}

/** Every third site lists, in its policy column, documents issued before their issuer was renamed (one per reformed issuer). */
function oldDocsOf(plan: SitePlan, columns: Column[], placeFull: string): OldDoc[] {
  const col = columns.find((c) => c.cls === 'policy' && !c.blank && c.items.length > 0);
  if (!col || plan.index % 3 !== 1) return [];
  return OLD_ISSUERS.map((o, k) => {
    const n = 10 + ((plan.index * 7 + k * 13) % 80);
    const date = `${o.year}-${String(3 + ((k * 4) % 9)).padStart(2, '0')}-${12 + (k % 16)}`;
    const number = `${o.prefix}〔${o.year}〕${n}号`;
    return {
      col,
      issuer: o.name,
      about: o.about,
      number,
      title: `${placeFull}转发${o.name}关于做好${o.about}工作的通知（${number}）`,
      date,
      path: `${col.dir}${o.year}/P0${date.replaceAll('-', '')}${n}.pdf`,
    };
  });
}

/** Absolute URL of a path on the model's site. */
export function urlOf(m: SiteModel, path: string): string {
  // Generated column and article paths are plain ASCII: no need to parse them (15,000-site runs).
  if (/^\/[\w./-]*$/.test(path)) return m.origin + path;
  return new URL(path, m.origin).href;
}

/** The article that carries the site's article typos: the newest item of the first column. */
export function typoArticle(m: SiteModel): { col: Column; item: Item } | null {
  if (m.typoAt !== undefined) return m.typoAt;
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

/** The columns the main menu lists only in its closed 更多栏目 drop-down (display:none). */
export function navDropdown(m: SiteModel): Column[] {
  return m.columns.slice(m.navVisible);
}
