// What the crawler hands to the rules: everything gathered about one site, and nothing that needs the network.
import type { DutyAssignment } from '../schemas/duty.ts';
export type { DutyAssignment };
import type { RenderReason, RenderStats, Truncated } from '../schemas/findings.ts';
import type { CollectedSite, Site } from '../schemas/registry.ts';
import type { PagePart, Where } from '../schemas/findings.ts';

/** Where on a page an element is: part of the page, selector, text (the findings' own shape). */
export type { PagePart, Where };

/** What a link points at, as far as the referring page tells. */
export type LinkKind = 'page' | 'attachment' | 'image' | 'script' | 'style' | 'frame';

/** Why a request produced no HTTP response. */
export type FailureCode =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'redirect-loop'
  | 'too-many-redirects'
  /** The proxy answered, refusing to connect to the site (its status in the message). */
  | 'proxy'
  | 'private-address'
  | 'unsupported-url'
  | 'network';

/** The verdict on one link target. */
export interface LinkResult {
  url: string;
  /**
   * ok: opens. broken: does not open for anyone. inconclusive: refused to the crawler but not to a
   * browser, or rate-limited, so it cannot be judged. skipped: not checked (robots.txt, private address).
   */
  verdict: 'ok' | 'broken' | 'inconclusive' | 'skipped';
  /** Final HTTP status, when there was one. */
  status?: number;
  /** Network failure, when there was no usable response. */
  failure?: FailureCode;
  /** Short evidence in Chinese for people, e.g. "HTTP 404" or "连接超时（15 秒）". */
  detail: string;
}

/** A link target with the pages that refer to it. */
export interface SiteLink extends LinkResult {
  kind: LinkKind;
  /** Referring pages, sorted; the home page first when it is one of them. */
  referrers: string[];
  /** Where the link is on each referring page (its first place there), by the page's URL, when it was seen in the page's body. */
  whereOn?: Record<string, Where>;
}

/** One try at the home page. */
export interface HomeAttempt {
  ok: boolean;
  /** HTTP status or failure reason. */
  detail: string;
  elapsedMs: number;
}

/** Why the crawl rendered a page in Chromium (see gather/scripting.ts). */
export type { RenderReason };

/** How a page was rendered, when the crawl rendered it or meant to. */
export type PageRendering =
  /** Rendered: its facts are the rendered page's; `changed` says where the static reading differed. */
  | { status: 'rendered'; reasons: RenderReason[]; changed: string[]; finalUrl: string }
  /** Rendering failed (time limit, crash): its facts are the static reading's. */
  | { status: 'failed'; reasons: RenderReason[]; detail: string }
  /** The site's rendering budget was spent: its facts are the static reading's. */
  | { status: 'over-budget'; reasons: RenderReason[] }
  /** The crawl ran with --render never: its facts are the static reading's. */
  | { status: 'not-rendered'; reasons: RenderReason[] };

/** One same-site HTML page that was fetched and read. */
export interface PageSnapshot {
  url: string;
  /** After redirects. */
  finalUrl: string;
  depth: number;
  status: number;
  charset: string;
  title: string;
  /** What the rules read from the page. */
  facts: PageFacts;
  /** Rendered in Chromium (or meant to be): then `facts` are what the browser showed. */
  rendering?: PageRendering;
}

/** Everything gathered about one site in one run. */
export interface SiteSnapshot {
  site: Site;
  asOf: string;
  home: {
    attempts: HomeAttempt[];
    /** Final URL of the home page, when it loaded. */
    url?: string;
    /** Decoded HTML of the home page, when it loaded. */
    html?: string;
    /**
     * Footers the home page loads from elsewhere: same-site iframes and scripts named like a footer
     * (www.gov.cn's bottom.htm, beijing.gov.cn's public_foot_2017.js), as decoded text.
     */
    footers?: Array<{ url: string; kind: 'frame' | 'script'; text: string }>;
    /** The site search submitted once with a query (GET forms only). */
    search?: { url: string; ok: boolean; detail: string; byScript?: true };
    /** Whether https://host/ of a site registered on http:// answers. */
    https?: { ok: boolean; detail: string };
  };
  pages: PageSnapshot[];
  /** What rendering came to, when the crawl could render (`--render auto` or `always`). */
  rendering?: RenderStats;
  /** Pages not read because the site's lists date them before the daily pass's window (crawlSite's `since`). */
  olderNotRead?: number;
  /** The crawl was cut short by a budget (time, link checks, an endless run of dated URLs). */
  truncated?: Truncated;
  /** Where the crawl ran from, when the office named it, and whether its network failures count. */
  vantage?: { name: string; trusted: boolean };
  /** False when this run's network failures do not count (an untrusted vantage): no veto rests on them. */
  networkTrusted?: boolean;
  links: SiteLink[];
  robots: 'honoured' | 'ignored' | 'absent' | 'unreachable';
  /** Columns found on the home page and its navigation, with their list pages. */
  columns: ColumnSnapshot[];
  /** The week of availability probes before the as-of date, when records exist. */
  probes?: ProbeWindow;
  /** DNS facts of the home page's host, when looked up. */
  dns?: DnsFacts;
  /** The site over IPv6 (crawl option ipv6), when the home host has AAAA records. */
  ipv6?: Ipv6Facts;
  /** axe-core's automatic WCAG checks on the home page and some column pages (crawl option auditPages, when pages are rendered). */
  accessibility?: AccessibilityAudit;
  /** The daily monitor's problems still open on the as-of date (content/monitor), when it has records of the site. */
  monitored?: MonitoredProblem[];
  /** The columns of the site the content duty plan (content/duty.yaml) gives to a unit, when it has any. */
  duty?: DutyAssignment[];
  /** Every published consultation message the crawl saw, once, merged across its list and own pages. */
  messages: SeenMessage[];
  /** The same-site attachments read for personal data (crawl option attachments), and how many more there were. */
  attachments?: { documents: AttachmentSnapshot[]; notRead: number };
  /** The websites whose 政府网站工作年度报表 this portal must collect (the registry's collectsReports), when it must. */
  collects?: CollectedSite[];
  /** The home host's certificate on 443 and the protocols it accepts (crawl option certificates). */
  certificate?: CertificateOutcome;
}

/** One attached document the crawl fetched and read. */
export interface AttachmentSnapshot {
  url: string;
  /** Bytes fetched. */
  bytes: number;
  outcome: DocumentOutcome;
}

/** A dated entry of a list or block: the item a column is judged by. */
export interface DatedItem {
  /** Link text, trimmed. */
  title: string;
  /** Absolute URL of the item, when it is a link. */
  url?: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** The page printed no year (e.g. [11-20]); it was inferred from the as-of date. */
  inferredYear?: true;
  /** Where the item is on its page: recorded only for a date after the as-of date (the only item a finding names). */
  where?: Where;
}

/** A block of a page with a heading, usually a "more" link, and a list of items (a column on the home page). */
export interface Block {
  /** Heading as shown, e.g. 通知公告. */
  name: string;
  /** Absolute URL of the 更多 link (text or image), when there is one. */
  more?: string;
  /** Absolute URL of the heading when it is a link itself. */
  headingUrl?: string;
  /** Items with a readable date, in page order. */
  items: DatedItem[];
  /** List entries with no readable date. */
  undated: number;
  /** Where its heading is on the page. */
  where?: Where;
}

/** What a column list page shows. */
export interface ListFacts {
  /** Dated items, in page order. */
  items: DatedItem[];
  /** Entries with no readable date. */
  undated: number;
  /** The page says it has nothing (暂无信息, 暂无数据…) or its list is empty. */
  empty: boolean;
  /** Absolute URLs of further list pages (下一页, 2, 3… , index_1.html). */
  pagination: string[];
}

/** A published consultation message (留言) with what the page shows of it. */
export interface PublishedMessage {
  /** Subject as shown. */
  title: string;
  /** Absolute URL of the message's own page, when it is a link. */
  url?: string;
  /** 留言时间, YYYY-MM-DD. */
  asked?: string;
  /** 答复时间, YYYY-MM-DD. */
  answered?: string;
  /** 答复单位 / 办理单位, when shown. */
  replier?: string;
  /** 答复内容 is shown (on the list or the message page). */
  replyShown: boolean;
  /** Status text when shown: 已回复, 未回复, 办理中… */
  status?: string;
  /** Where its row is on a board page (none on the message's own page, which is all about it). */
  where?: Where;
}

/** What a message's status says: answered, not answered yet, or not a valid message (不予受理, 重复…). */
export type MessageStatusKind = 'answered' | 'unanswered' | 'invalid';

/** A published message as the whole crawl saw it. */
export interface SeenMessage extends PublishedMessage {
  /** The board page it was listed on (as fetched); its own page when it was seen only there. */
  board: string;
  /** Its own page was read, or it has none: everything the site publishes about it was seen. */
  complete: boolean;
  /** Its own page was read. */
  ownPageRead: boolean;
  /** What its status says, when it shows one the crawler can read. */
  statusKind?: MessageStatusKind;
}

/** A link to a consultation channel (领导信箱, 咨询, 留言, 市长信箱…). */
export interface Channel {
  name: string;
  url: string;
  /** Where the link is on the page (navigation entries). */
  where?: Where;
}

/** A site search form. */
export interface SearchForm {
  /** Absolute URL the form submits to. */
  action: string;
  method: 'get' | 'post';
  /** Name of the text field. */
  field: string;
  /** Where the form is on the page. */
  where?: Where;
  /**
   * A box outside any form, which only the page's script submits: its input's position among the
   * page's text inputs (features.ts TEXT_INPUTS) and its button's among its controls (TRIGGERS),
   * when it has one (else Enter is pressed). `action` is then the page itself.
   */
  script?: { input: number; trigger?: number };
}

/** The search the crawl tries (gather/site.ts) and the rule points at: the page's first GET form with a named field, or its first box that only a script submits. */
export function searchToTry(facts: Pick<PageFacts, 'search'>): SearchForm | undefined {
  return facts.search.find((f) => f.method === 'get' && (f.field !== '' || f.script !== undefined));
}

/** A link styled so a visitor cannot see it. */
export interface HiddenLink {
  url: string;
  text: string;
  /** How it is hidden, e.g. "display:none", "font-size:0". */
  how: string;
  /** Where the link is in the page's markup. */
  where?: Where;
}

/** A run of a page's visible text and the element that holds it: from `at` (an offset in PageFacts.text) up to the next run. */
export interface TextRun {
  at: number;
  part?: PagePart;
  selector: string;
}

/** Everything the rules need from one page, read in one parse. */
export interface PageFacts {
  /** Standard meta tags (SiteName, SiteDomain, SiteIDCode, ColumnName, ArticleTitle, PubDate…) by canonical name; "" when present but empty. */
  meta: Record<string, string>;
  /** Visible text: no scripts, styles, comments or attributes; block boundaries as newlines. */
  text: string;
  /** Where the text is on the page, run by run in text order (for the wording errors found in it). */
  textWhere?: TextRun[];
  /** Column blocks (home and hub pages). */
  blocks: Block[];
  /** The page as a column list, when it has a list. */
  list?: ListFacts;
  /** The article's publication date as shown, YYYY-MM-DD. */
  pubDate?: string;
  /** Breadcrumb names after 当前位置, outermost first. */
  breadcrumb: string[];
  /** Navigation entries (the main menu). */
  nav: Channel[];
  /** Distinct short link texts of the page (menus, column names), for columns it only links to. */
  menu: string[];
  /** Links to consultation channels. */
  channels: Channel[];
  /** Published consultation messages this page lists or shows. */
  messages: PublishedMessage[];
  /** Site search forms. */
  search: SearchForm[];
  /** A 我为政府网站找错 entry: a link to the national error-report platform or its _jiucuo_ script. */
  errorReport: boolean;
  /** Invisible off-site links. */
  hiddenLinks: HiddenLink[];
  /** Text and image alt text of the page header (logo, banner, top bar), for the site name. */
  header: string;
  /** Dates printed after the as-of date (not the header clock): a forged or mistyped publication date. */
  futureDates: string[];
  /** Personal numbers the page shows in full, masked (gather/personal-data.ts), when it shows any. */
  personalData?: PersonalDataFound;
  /**
   * Tables that read like a 政府信息公开工作年度报告's application table (本年新收…), as grids with
   * merged cells repeated in each row and column they span (gather/page/tables.ts), when the page has any.
   */
  reportTables?: string[][][];
}

/** A column as the crawl found it: where its name came from, its list pages and its items. */
export interface ColumnSnapshot {
  name: string;
  /** Where the name was read: a home block heading, the main navigation, a ColumnName meta or a breadcrumb. */
  source: 'block' | 'nav' | 'meta' | 'breadcrumb';
  /** The column's list URL (the first page). */
  url: string;
  /** Items shown for it on the home page. */
  homeItems: DatedItem[];
  /** Items read on its list pages, in order of reading. */
  items: DatedItem[];
  /** List pages read. */
  pagesRead: number;
  /** Every further list page its pages link to (下一页, 2, 3…, followed from page to page) was read: `items` is the whole column. */
  complete?: true;
  /** Entries of its list pages with no readable date (not in `items`), when there are any. */
  undated?: number;
  /** The list page loaded and says it has nothing. */
  blank: boolean;
  /** The list page could not be loaded or read (then the column is not judged). */
  unread?: string;
  /** Where the crawl found it: its block's heading or its menu entry, on the page named in `page`. */
  where?: Where;
}

/** A problem the daily monitor found and still had open on the as-of date, with the reminders of its current spell. */
export interface MonitoredProblem {
  /** Its id in content/monitor (indicator and hash of the target). */
  id: string;
  indicator: string;
  /** The indicator's Chinese title, e.g. 栏目更新不及时. */
  title: string;
  target: string;
  /** Where it was last seen opening. */
  page: string;
  /** The unit it was last recorded against (the duty plan's for a column it gives another unit). */
  unit?: string;
  /** The day it was first seen, and the day its current spell began. */
  opened: string;
  since: string;
  /** Reminders to its unit in the current spell, up to the as-of date, and the day of the last one. */
  reminders: number;
  lastReminder?: string;
}

/** Availability probes of the week before the as-of date (from content/probes). */
export interface ProbeWindow {
  /** First and last day covered, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Days with at least one probe from a trusted vantage. */
  days: number;
  /** Probes from trusted vantages (all of them when rules.yaml lists no trustedVantages): the ones that may decide. */
  tries: number;
  failures: number;
  /** Probes from vantages rules.yaml does not trust: shown, never counted against the site. */
  untrusted?: {
    /** Their names, sorted; '' stands for probes that named no vantage. */
    vantages: string[];
    tries: number;
    failures: number;
  };
}

/** The two queries the IPv6 checks make; each rejects with a Node DNS error (err.code) on failure. */
export interface DnsResolver {
  /** A name's IPv6 addresses (AAAA). */
  resolve6(host: string): Promise<string[]>;
  /** A zone's name servers (NS); ENODATA where the name is not a zone of its own. */
  resolveNs(name: string): Promise<string[]>;
}

/** One axe rule's violations over the pages audited, counted per rule. */
export interface AxeViolation {
  /** axe's rule id, e.g. image-alt. */
  rule: string;
  /** axe's impact: minor, moderate, serious or critical. */
  impact: string;
  /** What the rule asks, in axe's Simplified Chinese, e.g. 图像必须有替代文本. */
  help: string;
  /** The WCAG success criteria it checks, e.g. ['1.1.1']. */
  wcag: string[];
  /** Elements that fail it, over all the pages. */
  elements: number;
  /** The pages where it fails, in the order audited. */
  pages: string[];
  /** A few failing elements: the page and the element's CSS selector. */
  examples: Array<{ page: string; selector: string }>;
}

/** What axe-core found on the pages of a site it checked. */
export interface AccessibilityAudit {
  /** e.g. axe-core 4.14.1. */
  engine: string;
  /** Pages audited, in order; one that could not be loaded counts for nothing. */
  pages: Array<{ url: string; ok: boolean; detail?: string }>;
  /** Violations by rule, sorted by rule id. */
  violations: AxeViolation[];
  /** The home page's 长者模式 entry followed, when it has one. */
  elder?: ElderMode;
}

/**
 * The elder-friendly mode: the entry's words, the median text size (px) before and after following
 * it, and what the mode then shows: text whose colour contrast fails WCAG AA (axe-core's
 * color-contrast, in the mode only), and floating windows (飘窗) or pop-ups still over the page; or
 * why it was not seen.
 */
export type ElderMode =
  | { entry: string; before: number; after: number; contrast?: { elements: number; examples: string[] }; floating?: FloatingWindow[] }
  | { entry: string; failed: string };

/** A window floating over a page (飘窗, 弹窗): positioned out of the flow, with a link, and moving or with a 关闭 control. */
export interface FloatingWindow {
  selector: string;
  /** Its text and image alt, shortened. */
  words: string;
  /** It moved while watched (a 飘窗 drifting over the page). */
  moving: boolean;
  /** It offers to be closed (关闭, ×). */
  closable: boolean;
}

/** What DNS says about the home page's host. */
export interface DnsFacts {
  /** IPv6 addresses (AAAA records). */
  aaaa: 'yes' | 'no' | 'unknown';
  /** Evidence, e.g. "无 AAAA 记录" or the resolver's error. */
  detail: string;
  /** The AAAA records, when there are. */
  addresses?: string[];
  /** The delegation chain of the host's name, when it was read. */
  chain?: DnsChain;
}

/** One zone above a host (its own, its parent's… up to the top-level domain) and its name servers. */
export interface DnsZone {
  /** e.g. kaisha.gov.cn, gov.cn, cn. */
  zone: string;
  /** Its name servers (NS), sorted. */
  servers: string[];
  /** Those with an AAAA record. */
  withIpv6: string[];
  /** Those whose AAAA query did not complete. */
  unknown?: string[];
}

/**
 * Whether the host's name resolves over IPv6 all the way down: every zone on the way has a name
 * server with an IPv6 address ('no' names a zone without one; 'unknown' when a query failed).
 */
export interface DnsChain {
  status: 'yes' | 'no' | 'unknown';
  zones: DnsZone[];
  detail?: string;
}

/**
 * The site as a visitor over IPv6 sees it (gather/ipv6.ts), when the home host has AAAA records.
 * Measured only from a run that reached IPv6 at all (a reference host answered over it).
 */
export interface Ipv6Facts {
  /** This run reached IPv6 (`detail` says how it knows); when false nothing else was measured. */
  reachable: boolean;
  detail: string;
  /** The home page fetched over IPv6 `tries` times, spaced like the home page's tries. */
  home?: {
    tries: number;
    /** Tries that ended in a page (status below 400). */
    ok: number;
    /** Each try's outcome, e.g. "HTTP 200" or "connection reset". */
    outcomes: string[];
  };
  /** The home page over IPv4 (as the crawl fetched it) against the same over IPv6, when both came. */
  consistency?: {
    v4Title: string;
    v6Title: string;
    /** Same-site link paths both show, over those either shows (Jaccard), 0 to 1. */
    linkSimilarity: number;
  };
  /** Second-level (depth 1) and third-level (depth 2) pages the crawl read, fetched again over IPv6 (a sample). */
  levels?: Array<{ level: 2 | 3; checked: number; ok: number; failed: Array<{ url: string; outcome: string }> }>;
}

// Personal numbers (gather/personal-data.ts finds them, rules/personal-data-exposed.ts judges them): masked only.

/** The kinds of personal numbers found. */
export type PersonalKind = 'id-card' | 'bank-card' | 'mobile';

/** What a document shows of one kind, masked. */
export interface PersonalKindFound {
  /** Distinct numbers. */
  count: number;
  /** Up to three, masked, in the order found. */
  examples: string[];
  /** Where in the document (sheet, page, table), distinct, in the order found. */
  places: string[];
  /** Mobiles: the most in one list of people. */
  largestList?: number;
}

/** What one document shows, by kind (only the kinds found). */
export type PersonalDataFound = Partial<Record<PersonalKind, PersonalKindFound>>;

/** How many of a kind make a finding; 0 turns the kind off (rules.yaml: personal-data-exposed params). */
export interface PersonalDataThresholds {
  idCards: number;
  bankCards: number;
  /** Mobile numbers in one list of people (never below MIN_LIST: shorter lists are not read). */
  mobiles: number;
}

/** The fewest mobile numbers read as a list of people. */
export const MIN_LIST = 3;


/** The formats of attachments read for personal data (gather/attachments). */
export type AttachmentFormat = 'xlsx' | 'docx' | 'pdf' | 'csv' | 'xls' | 'doc';

/** Why an attachment could not be read, for counting. */
export type UnreadableKind = 'too-large' | 'bomb' | 'macro' | 'corrupt' | 'encrypted' | 'compression' | 'timeout' | 'memory' | 'unsupported' | 'mismatch' | 'error';

/** What reading one document came to. */
export type DocumentOutcome =
  /** Read: its format by content, how many sheets or pages, and the personal numbers it shows, masked. */
  | { status: 'read'; format: AttachmentFormat; units: number; found?: PersonalDataFound }
  /** Not read, and why (in Chinese, for the evidence). */
  | { status: 'unreadable'; kind: UnreadableKind; detail: string };

/** What the site's certificate and handshake show. */
export interface CertificateFacts {
  /** The protocol the handshake settled on, e.g. TLSv1.3. */
  protocol: string;
  /** The certificate's subject common name, when it has one. */
  subject?: string;
  /** DNS names it is issued for (subjectAltName; the common name when it has none). */
  names: string[];
  /** Who issued it: organisation and common name. */
  issuer: string;
  /** Validity, YYYY-MM-DD (UTC). */
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint of the certificate. */
  fingerprint: string;
  /** Its names cover the host. */
  nameMatches: boolean;
  /**
   * The chain to a trusted root: complete; incomplete (the issuer of a certificate sent is neither
   * sent nor a known root: an intermediate left out, or an issuer the roots do not know); or
   * self-signed (the leaf, or a root the server sends that no store holds).
   */
  chain: 'complete' | 'incomplete' | 'self-signed';
  /** The verifier's own word for what failed, when something did (OpenSSL's code, e.g. CERT_HAS_EXPIRED). */
  verifyError?: string;
  /** Protocols below TLS 1.2 the server still accepts. */
  weakProtocols: string[];
}

export type CertificateOutcome =
  | { status: 'ok'; facts: CertificateFacts }
  /** Nothing answers TLS on 443 (refused, closed, a proxy that will not tunnel): the site has no HTTPS to judge. */
  | { status: 'no-tls'; detail: string }
  /** It answered but the handshake or the read failed (time limit, reset): not judged. */
  | { status: 'failed'; detail: string };
