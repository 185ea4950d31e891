// The ground truth of one site: every seeded defect the crawler must report, as truth entries,
// computed from the site's model alone (nothing is rendered).
import { articlePath, listPath, type Column } from './columns.ts';
import { dayNumber } from './dates.ts';
import {
  DATA_BONUS_DAYS, LATE_ANSWER_DAYS, openReportYear, websiteReportYear, NOT_UPDATED, OVERDUE_LOOKBACK_DAYS, REQUIRED_COLUMNS, SERIOUS_TYPO_LIMIT, SILENT_DAYS,
  UNANSWERED_DAYS, WINDOW_DAYS, type RequiredColumn,
} from './indicators.ts';
import { typoArticle, urlOf, type SiteModel } from './model.ts';
import { TYPOS } from './names.ts';
import type { BrokenKind, DeepKind, HiddenKind, Ipv6Defect, Mark } from './roles.ts';
import type { TruthEntry } from './types.ts';
import type { CertKind } from './certs.ts';
import { personalEntries } from './personal.ts';
import { newestReport } from './open-report.ts';

/** Records one entry (of the truth or of the controls) for the site being judged. */
export type Push = (indicator: string, target: string, page: string, note: string) => void;

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
  const push: Push = (indicator, target, page, note) => {
    out.push({ site, indicator, target, page, note });
  };
  linkAndMarkTruth(m, push);
  columnTruth(m, push);
  boardTruth(m, push);
  wordingTruth(m, push);
  pageTruth(m, push);
  return out.sort((a, b) => (a.indicator === b.indicator ? cmp(a.target, b.target) : cmp(a.indicator, b.indicator)));
}

/** Broken links (each target once) and missing footer marks. */
function linkAndMarkTruth(m: SiteModel, push: Push): void {
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
  // Printed, so not missing, but not in the form beian.gov.cn issues (6 + 8 digits): advice.
  if (m.footer.psb !== 'none' && m.footer.psb !== 'comment' && m.psbNo.length !== PSB_DIGITS) {
    push('identity-mark-malformed', 'psb', m.home, `公安备案 number printed with ${m.psbNo.length} digits`);
  }
}

/** Digits of a 公安备案 number as beian.gov.cn issues it. */
const PSB_DIGITS = 14;

/** Columns: stale, blank, not updated, missing, and the data-release bonus. */
function columnTruth(m: SiteModel, push: Push): void {
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
}

/** The message board: unanswered, not public, answered late. */
function boardTruth(m: SiteModel, push: Push): void {
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
}

/** Wording and dates: typos, serious ones past the veto limit, a forged date. */
function wordingTruth(m: SiteModel, push: Push): void {
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
}

/** Home page, header, footer, page tags, search, host. */
function pageTruth(m: SiteModel, push: Push): void {
  for (const h of m.hiddenLinks) push('hidden-link', new URL(h.href).href, m.home, `off-site link hidden with ${HIDDEN_NOTES[h.how]}`);
  for (const e of personalEntries(m)) if (e.leaks) push('personal-data-exposed', e.target, e.page, e.note);
  if (m.errorReport === 'none') push('error-report-entry-missing', m.home, m.home, 'no 我为政府网站找错 entry on any page');
  if (m.search === null) push('search-missing', m.home, m.home, 'no search form');
  else if (m.search.variant === 'broken') push('search-missing', m.home, m.home, 'the search form submits to a page answering HTTP 500');
  for (const tag of [...m.omitTags].sort()) push('meta-tags-missing', tag, m.home, tag === 'SiteIDCode' ? 'absent from every page' : 'absent from every article page');
  if (!m.plan.host.endsWith('.gov.cn')) push('domain-nonstandard', 'domain', m.home, `${m.plan.host} is not under .gov.cn`);
  if (m.headerName === 'none') push('domain-nonstandard', 'header-name', m.home, 'the page header shows no site name');
  if (m.ipv6 === 'none') push('ipv6-missing', m.plan.host, m.home, 'no AAAA record');
  else if (m.ipv6 === 'silent') push('ipv6-missing', m.plan.host, m.home, 'AAAA records, but the home page does not answer over IPv6');
  else if (m.ipv6 !== 'full') for (const [target, note] of IPV6_TRUTH[m.ipv6]) push('ipv6-incomplete', target, m.home, note);
  if (m.accessEntry === 'none') push('accessibility-entry-missing', m.home, m.home, 'no elder-friendly or accessible mode entry on the home page');
  for (const [rule, note] of axeTruth(m)) push('accessibility-issues', rule, m.home, note);
  if (elderEntryLegible(m)) {
    if (m.elderMode === 'inert') push('accessibility-issues', 'elder-mode-text', m.home, 'the 长者模式 entry does not enlarge the text');
    if (m.elderMode === 'pale') push('accessibility-issues', 'elder-mode-contrast', m.home, 'the 长者模式 pales the text to #aaa on white');
    if (m.elderMode && m.floatWindow === 'stays') push('accessibility-issues', 'elder-mode-ads', m.home, 'the home page’s 飘窗 stays in the 长者模式');
  }
  const due = websiteReportYear(m.asOf);
  if (m.websiteReport.year === null) push('annual-report-missing', 'website-report', m.home, `no website report on the home page (${due} due)`);
  else if (m.websiteReport.year !== due) push('annual-report-missing', 'website-report', m.home, `the home page links only the ${m.websiteReport.year} website report (${due} due)`);
  for (const [target, page, note] of openReportTruth(m)) push('annual-report-missing', target, page, note);
  if (m.collection) push('annual-report-missing', 'website-report-collection', urlOf(m, listPath(m.collection.col, 0)), `the collecting column omits ${m.collection.missing.id}'s report`);
  if (m.https === null) push('https-missing', m.home, m.home, 'served over plain HTTP only (advice)');
  else if (m.https !== 'valid') push('certificate-invalid', CERT_TARGETS[m.https], m.home, CERT_NOTES[m.https]);
}

/**
 * Whether a visitor's browser shows the 长者模式 entry legibly. A frameset site's top frame, which holds
 * it, is UTF-8 sent without a charset (declared gb2312, or not at all) on two encodings: Chrome reads it
 * as GBK, the entry is garbled, and the mode cannot be found to be judged.
 */
export function elderEntryLegible(m: SiteModel): boolean {
  return !(m.scripted?.entry === 'frameset' && (m.encoding === 'utf8-declared-gb2312' || m.encoding === 'utf8-undeclared'));
}

/**
 * The 政府信息公开年报 column's defects: the report of the year due missing from it (the year is the
 * as-of date's, so a later day's web may owe one more), and the newest report's table broken.
 */
export function openReportTruth(m: SiteModel): Array<[target: string, page: string, note: string]> {
  const r = m.openReports;
  if (!r) return [];
  const due = openReportYear(m.asOf, m.plan.dept !== null);
  const newest = Math.max(...r.years.values());
  const out: Array<[string, string, string]> = [];
  if (newest < due) out.push(['open-report', urlOf(m, listPath(r.col, 0)), `the 年报 list's newest report is of ${newest} (${due} due)`]);
  if (r.defect) out.push(['open-report-table', urlOf(m, articlePath(r.col, newestReport(r))), `the ${newest} report's table breaks its ${r.defect} sum`]);
  return out;
}

/** ipv6-incomplete's targets and notes for each seeded IPv6 defect that leaves the home page answering. */
const IPV6_TRUTH: Readonly<Record<Exclude<Ipv6Defect, 'silent'>, ReadonlyArray<readonly [string, string]>>> = {
  flaky: [['home-rate', 'the home page over IPv6 fails one try in three']],
  stale: [['content', 'over IPv6 the home page is a placeholder page']],
  partial: [
    ['links-2', 'over IPv6 only the home page is served: second-level pages answer 502'],
    ['links-3', 'over IPv6 only the home page is served: third-level pages answer 502'],
  ],
  dns: [['dns-chain', "the site's own zone is served by name servers without IPv6"]],
};

/**
 * The WCAG A/AA failures axe finds on a site's home page and column list pages, by the templates'
 * markup (render.ts): the HTML 4.01 and XHTML templates name no language; the table template's header
 * search box has no label (its hint is a value, not a placeholder, whether scripts write it or not); the 友情链接 drop-down of every home
 * page has no name; a logo image without alt (a header that names nothing) is a link with no text; the
 * table template's image headings have no alt.
 */
export function axeTruth(m: SiteModel): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (m.template !== 'cards') out.push(['html-has-lang', `the ${m.template} template's <html> has no lang`]);
  if (m.headerName === 'none' || (m.template === 'table' && m.homeLayout === 'image-heading')) out.push(['image-alt', m.headerName === 'none' ? 'the logo image has no alt' : "the home blocks' heading images have no alt"]);
  if (m.template === 'table' && m.search !== null && !m.search.box) out.push(['label', "the table template's search box has no label"]);
  if (m.headerName === 'none') out.push(['link-name', 'the logo link has no text']);
  out.push(['select-name', 'the 友情链接 drop-down has no name']);
  return out;
}

/** certificate-invalid's target for each seeded kind of certificate. */
export const CERT_TARGETS: Readonly<Record<Exclude<CertKind, 'valid'>, string>> = {
  expired: 'expired',
  expiring: 'expiring',
  'wrong-name': 'name-mismatch',
  incomplete: 'incomplete-chain',
  'self-signed': 'self-signed',
  'weak-protocol': 'weak-protocol',
};

const CERT_NOTES: Readonly<Record<Exclude<CertKind, 'valid'>, string>> = {
  expired: 'certificate expired 20 days before the as-of date',
  expiring: 'certificate expires 20 days after the as-of date',
  'wrong-name': 'certificate issued for another host',
  incomplete: 'the intermediate certificate is not sent',
  'self-signed': 'self-signed certificate',
  'weak-protocol': 'TLS 1.0 and 1.1 still accepted',
};

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
  'redirect-home': 'a deep link redirected to its site\'s home page',
  image: 'image 404',
  'article-404': 'attachment 404 in an article',
  'article-500': 'attachment HTTP 500 in an article',
  'list-unknown-host': 'list item on a host that does not resolve',
  'page2-404': 'list item on page 2 answers 404',
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
