// The role table: which defects, traps and controls each site role seeds, and the kinds they are
// named by. web.ts assigns the roles; the README's Roles table says what each row means.
import type { TypoControlKey, TypoKey } from './names.ts';
import type { PersonalFile, PersonalForm } from './personal.ts';
import type { CertKind } from './certs.ts';
import { at } from './random.ts';

/** Kinds of seeded broken links on the home page. */
export type BrokenKind = 'not-found' | 'server-error' | 'unknown-host' | 'redirect-loop' | 'timeout' | 'soft-404' | 'redirect-home' | 'image';
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
/** How a site with AAAA records fails its visitors over IPv6 (roles' ipv6). */
export type Ipv6Defect = 'silent' | 'flaky' | 'stale' | 'partial' | 'dns';
/** Page tags a role's templates leave out. */
export type OmittedTag = 'ArticleTitle' | 'PubDate' | 'SiteIDCode';

/** One row of the role table: the defects, traps and controls a site of that role carries. */
export interface Role {
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
  /**
   * The site over IPv6: no AAAA record (none); AAAA records but no answer over IPv6 (silent); the home
   * page failing one try in three (flaky); a placeholder page instead of the home page (stale); only
   * the home page served, every page below it 502 (partial); its own zone's name servers without
   * IPv6 (dns). Other roles serve the same site over IPv6 as over IPv4.
   */
  ipv6?: 'none' | Ipv6Defect;
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
  /** A footer number printed, but not in its register's form: the 公安备案 number with 13 digits (identity-mark-malformed). */
  malformed?: 'psb';
  /** How the newest notice shows personal numbers (personal.ts): in full (personal-data-exposed) or safely (controls). */
  personal?: PersonalForm[];
  /** The documents that notice attaches: a table form in a format each. */
  personalFiles?: PersonalFile[];
  /** The home page's 政府网站工作年度报表 link: missing (with a 信息公开年报 link beside, which is another report), or only the year before's. Others link the year due. */
  websiteReport?: 'none' | 'older';
  /**
   * The top bar's entry to an elder-friendly and accessible mode: none, a button rather than a link,
   * or an image link named by its alt text. Others show two links, 无障碍浏览 and 长者模式.
   */
  accessEntry?: 'none' | 'button' | 'image';
  /**
   * A 政府信息公开年报 column (open-report.ts), linked from the home page: its reports of the year due
   * and the one before (current), of the two years before (older: the year due is missing), or of the
   * year due with a table whose sums do not add up (wrong-sums). Others keep no such list.
   */
  openReport?: OpenReportKind;
  /** The 长者模式 entry's script enlarges nothing (its toggle is empty); others set the page's text to 20px. */
  elderInert?: true;
  /** The 长者模式 enlarges the text but pales it (#aaa on white, 2.3:1): its contrast fails WCAG AA. */
  elderPale?: true;
  /** A 飘窗 drifting over the home page, with a 关闭 control: still shown in the 长者模式 (stays), or hidden by it (hidden, a control). */
  floatWindow?: 'stays' | 'hidden';
  /** The site also answers HTTPS on 443, with a certificate of this kind (certs.ts); without it, plain HTTP only. */
  tls?: CertKind;
}

/** What a site's 政府信息公开年报 column holds (see Role.openReport). */
export type OpenReportKind = 'current' | 'older' | 'wrong-sums';

/** Role of a site by index mod 12; any 12 consecutive sites carry every defect kind. */
export const ROLES: readonly Role[] = [
  { down: true, home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', traps: [] },
  {
    home: ['not-found', 'image'], deep: [], missing: ['psb'], stale: 0, blank: 0, board: 'late', traps: ['head-405', 'html-entity'],
    typos: { home: ['chuxin'], article: [] }, omitTags: ['ArticleTitle', 'PubDate'], tls: 'expired', ipv6: 'silent', floatWindow: 'hidden',
  },
  {
    home: ['server-error', 'unknown-host'], deep: ['article-404'], missing: ['site-code'], stale: 6, blank: 0, board: 'ok', traps: ['non-ascii-path', 'redirect-chain'],
    staleFirstLevel: true, typoControls: ['historical', 'inWord'], lateAnswer: true, tls: 'valid', accessEntry: 'button', ipv6: 'flaky',
  },
  {
    home: ['redirect-loop', 'soft-404'], deep: [], missing: [], comment: 'conac', stale: 0, blank: 1, board: 'ok', robots: true, traps: ['retry-503'],
    search: 'none', noHeaderName: true, tls: 'wrong-name', websiteReport: 'none', ipv6: 'stale',
  },
  {
    home: ['timeout'], deep: [], missing: ['sponsor'], stale: 0, blank: 0, homeStale: true, board: 'ok', traps: ['retry-429'],
    errorReport: 'none', data: 'old', malformed: 'psb', tls: 'expiring', accessEntry: 'none', openReport: 'older',
  },
  {
    home: [], deep: [], missing: [], stale: 0, blank: 0, board: 'ok', robots: true, traps: ['ua-403', 'commented-link'],
    typoControls: ['historical', 'inWord'], deadline: true, personal: ['masked-table', 'sample-guide', 'bad-check', 'staff-directory', 'body-account'],
    personalFiles: [{ form: 'masked-table', format: 'xlsx' }, { form: 'staff-directory', format: 'pdf' }, { form: 'bad-check', format: 'docx' }, { form: 'staff-directory', format: 'csv' }], tls: 'valid',
    openReport: 'current',
  },
  {
    home: ['not-found', 'not-found'], deep: ['list-unknown-host'], missing: ['icp', 'contact'], stale: 0, blank: 0, board: 'silent', traps: ['head-405'],
    typos: { home: ['shehui', 'zongli'], article: ['gongfu', 'gonghe'] }, ipv6: 'none', personal: ['card-text', 'body-account'],
    personalFiles: [{ form: 'ids-table', format: 'pdf' }],
  },
  {
    home: ['image', 'unknown-host'], deep: ['article-500'], missing: [], comment: 'contact', stale: 1, blank: 2, board: 'ok', traps: [],
    hidden: ['display-none-div', 'display-none-a'], lacks: 'leaders', lateAnswer: true, personal: ['ids-table'],
    personalFiles: [{ form: 'phones-table', format: 'xlsx' }, { form: 'ids-table', format: 'csv' }], ipv6: 'partial', floatWindow: 'stays',
  },
  {
    home: ['server-error'], deep: ['page2-404'], missing: ['conac'], stale: 0, blank: 0, board: 'unanswered', traps: ['html-entity', 'non-ascii-path'],
    futureDate: true, omitTags: ['SiteIDCode'], tls: 'incomplete', accessEntry: 'image',
  },
  {
    home: ['soft-404'], deep: [], missing: [], stale: 1, blank: 0, board: 'ok', traps: ['redirect-chain', 'retry-503', 'commented-link'],
    typos: { home: ['shehui'], article: ['zongli', 'gonghe', 'guotu'] }, boardOmits: 'answered', data: 'aging', personal: ['staff-directory', 'masked-table'],
    personalFiles: [{ form: 'masked-table', format: 'docx' }], tls: 'self-signed', websiteReport: 'older', elderInert: true,
  },
  {
    home: ['redirect-loop', 'not-found'], deep: [], missing: ['psb', 'site-code'], stale: 0, blank: 0, board: 'unanswered', traps: ['retry-429', 'ua-403'],
    domain: 'nonstandard', typos: { home: [], article: ['chuxin'] }, tls: 'weak-protocol', ipv6: 'dns', elderPale: true,
  },
  {
    home: ['image'], deep: ['article-404'], missing: [], comment: 'sponsor', stale: 0, blank: 1, board: 'ok', robots: true, traps: [],
    search: 'broken', lacks: 'interpretation', hidden: ['offscreen', 'font-size-0'], personal: ['phones-table', 'sample-guide'],
    personalFiles: [{ form: 'ids-table', format: 'docx' }, { form: 'phones-table', format: 'pdf' }, { form: 'masked-table', format: 'xlsx' }], accessEntry: 'none',
    openReport: 'wrong-sums',
  },
];

/** The role table entry of a role index. */
export function roleOf(role: number): Role {
  return at(ROLES, role);
}
