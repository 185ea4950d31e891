// The controls of one site: what looks like a defect but must NOT be reported (traps, hidden menus,
// historical topics, counts below a threshold, correct text containing a wrong form, unusual but
// valid variants, what a script-built site's scripts write), as truth-shaped entries.
import { articlePath, listPath } from './columns.ts';
import { HOME_BLOCK } from './look.ts';
import { citation, homeGroups } from './render.ts';
import { CERT_TARGETS, openReportTruth, siteTruth, staleAndBlank, type Push } from './ground-truth.ts';
import { newestReport } from './open-report.ts';
import { SERIOUS_TYPO_LIMIT, websiteReportYear } from './indicators.ts';
import { navDropdown, typoControlSpot, urlOf, type SiteModel } from './model.ts';
import { OLD_DEPTS, TYPOS, TYPO_CONTROLS } from './names.ts';
import { PATHS } from './paths.ts';
import type { Mark } from './roles.ts';
import type { TruthEntry } from './types.ts';
import { personalEntries } from './personal.ts';

/** Whether the site's truth has an entry of this indicator (and target, when given). */
type Has = (indicator: string, target?: string) => boolean;

/** Things on this site that must NOT be reported (known negatives), as truth-shaped entries. */
export function siteControls(m: SiteModel, truth: readonly TruthEntry[] = siteTruth(m)): TruthEntry[] {
  if (m.down) return [];
  const site = m.site.id;
  const out: TruthEntry[] = [];
  const push: Push = (indicator, target, page, note) => {
    out.push({ site, indicator, target, page, note });
  };
  const has: Has = (indicator, target) => truth.some((t) => t.indicator === indicator && (target === undefined || t.target === target));
  linkControls(m, push);
  columnControls(m, has, push);
  wordingControls(m, has, push);
  variantControls(m, push);
  if (m.scripted) {
    const seen = new Set(out.map((c) => `${c.indicator} ${c.target}`));
    scriptedControls(m, has, (indicator, target, page, note) => {
      if (!seen.has(`${indicator} ${target}`)) push(indicator, target, page, note);
    });
  }
  return out;
}

/** Links that work or must not be followed: pseudo-links, the traps, robots-disallowed and hidden off-site links. */
function linkControls(m: SiteModel, push: Push): void {
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
  if (m.sister) {
    link(`http://${m.sister}${PATHS.brief}`, 'another site\'s real page with little text: no soft 404');
    link(`http://${m.sister}${PATHS.movedBrief}`, 'another site\'s page moved by a redirect to a real page (not its home): no soft 404');
  }
  for (const h of m.hiddenLinks) link(h.href, 'hidden off-site link: answers 200');
}

/** Historical topics, same-site links in the closed drop-down menu, counts below the thresholds, old data releases. */
function columnControls(m: SiteModel, has: Has, push: Push): void {
  for (const c of m.columns) {
    if (c.cls === 'topic' && !c.blank) push('column-stale', c.name, urlOf(m, listPath(c, 0)), 'historical topic: never stale');
  }

  // The links in a tab box's panes hidden by inline CSS (all but the first) are no 暗链 either.
  if (m.homeLayout === 'tabs' && m.tabStyle !== 'aria') {
    for (const g of homeGroups(m)) {
      if (g.length < 2) continue;
      for (const c of g.slice(1)) {
        for (const it of c.items.slice(0, HOME_BLOCK[m.template])) push('hidden-link', urlOf(m, articlePath(c, it)), m.home, 'an article link in a hidden tab pane');
        if (m.tabStyle === 'set-tab') push('hidden-link', urlOf(m, listPath(c, 0)), m.home, 'the 更多 link of a hidden tab pane');
      }
    }
  }
  // Same-site links in the closed drop-down menu are hidden but are no 暗链; a required column
  // listed only there is still present.
  const shownOnHome = new Set(m.columns.filter((c) => c.onHome).map((c) => c.name));
  for (const c of navDropdown(m)) {
    push('hidden-link', urlOf(m, listPath(c, 0)), m.home, 'same-site link in a closed drop-down menu');
    if (c.req && !shownOnHome.has(c.name)) push('column-missing', c.req, m.home, `${c.name} is listed only in the drop-down menu`);
  }

  const { stale, blank } = staleAndBlank(m);
  if ((stale.length > 0 || blank.length > 0) && !has('columns-not-updated')) {
    push('columns-not-updated', m.home, m.home, `below the thresholds: ${stale.length} stale, ${blank.length} blank`);
  }
  for (const c of m.columns) {
    if (c.cls === 'data' && !c.blank && !has('data-release-updated', c.name)) push('data-release-updated', c.name, urlOf(m, listPath(c, 0)), 'newest release older than 6 months: no bonus');
  }
}

/**
 * Wording: correct text that contains a wrong form; serious typos that stay at the limit; a
 * deadline after the as-of date in a notice's text.
 */
function wordingControls(m: SiteModel, has: Has, push: Push): void {
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
  // Names before a reform, in the titles of documents issued before it and in a citation of one.
  for (const d of m.oldDocs) if (!has('typo', d.issuer)) push('typo', d.issuer, urlOf(m, listPath(d.col, d.col.pages - 1)), `correct text: ${d.title}`);
  const cited = citation(m);
  if (cited && !has('typo', cited.issuer)) push('typo', cited.issuer, urlOf(m, articlePath(cited.col, cited.item)), `correct text: ${cited.sentence}`);
  if (m.deadline) push('severe-error', m.deadline.date, urlOf(m, articlePath(m.deadline.col, m.deadline.item)), 'a deadline in the text of a notice, not a publication date');
}

/** Variants that are right however unusual they look. */
function variantControls(m: SiteModel, push: Push): void {
  // An entry as a button, or an image link named by its alt text, is an entry.
  if (m.accessEntry === 'button' || m.accessEntry === 'image') push('accessibility-entry-missing', m.home, m.home, `the mode's entry is ${m.accessEntry === 'button' ? 'a button (无障碍)' : 'an image link (alt 关怀版)'}`);
  // The year due linked on the home page: nothing to report.
  if (m.websiteReport.year === websiteReportYear(m.asOf) && !m.down) push('annual-report-missing', 'website-report', m.home, `the home page links the ${m.websiteReport.year} website report`);
  // A 年报 list with the report due, and reports whose tables add up.
  const reports = m.openReports;
  if (reports) {
    const truth = new Set(openReportTruth(m).map(([t]) => t));
    const list = urlOf(m, listPath(reports.col, 0));
    if (!truth.has('open-report')) push('annual-report-missing', 'open-report', list, 'the 年报 list has the report of the year due');
    if (!truth.has('open-report-table')) push('annual-report-missing', 'open-report-table', urlOf(m, articlePath(reports.col, newestReport(reports))), 'the newest report’s table adds up');
  }
  // An elder mode that keeps the page's contrast, and one that hides the home page's 飘窗.
  if (m.elderMode === 'enlarges' || m.elderMode === 'inert') push('accessibility-issues', 'elder-mode-contrast', m.home, 'the 长者模式 keeps the page’s colours');
  if (m.elderMode && m.floatWindow === 'hidden') push('accessibility-issues', 'elder-mode-ads', m.home, 'the 长者模式 hides the home page’s 飘窗');
  // A valid certificate, chain sent, TLS 1.2 and up only: nothing to say about it.
  if (m.https === 'valid') for (const t of Object.values(CERT_TARGETS)) push('certificate-invalid', t, m.home, 'a valid certificate with its chain');
  // A page or a document that shows personal numbers only safely must not be named for them.
  for (const e of personalEntries(m)) if (!e.leaks) push('personal-data-exposed', e.target, e.page, e.note);
  if (m.errorReport === 'zfwzgl-link' || m.errorReport === 'pucha-link') push('error-report-entry-missing', m.home, m.home, 'entry is an image link, not the script');
  if (m.search?.variant === 'remote') push('search-missing', m.home, m.home, `search submits to ${new URL(m.search.action).host}`);
  if (m.tagCase === 'lower') {
    for (const tag of ['SiteName', 'ColumnName']) push('meta-tags-missing', tag, m.home, 'tag name written in lower case');
  }
  if (m.search?.box && !m.scripted && m.search.variant !== 'broken') push('search-missing', m.home, m.home, 'a search box with no form: its image link\'s function sends the visitor to the engine');
  if (m.footer.icp === 'bare') {
    push('identity-mark-missing', 'icp', m.home, 'ICP number printed without 备 and 号');
    push('identity-mark-malformed', 'icp', m.home, 'ICP number without 备 and 号 is still in form');
  }
  if (m.footer.psb === 'split') {
    push('identity-mark-missing', 'psb', m.home, '公安备案 number split over four elements');
    if (m.psbNo.length === 14) push('identity-mark-malformed', 'psb', m.home, '公安备案 number split over four elements is still in form');
  }
  if (m.headerName === 'alt') push('domain-nonstandard', 'header-name', m.home, 'the name is the logo image\'s alt text');
}

/**
 * What a script-built site's scripts write is on the page a visitor sees, so it is there: the
 * footer marks it has, its 找错 entry, its search, the rows of its lists and home blocks.
 */
function scriptedControls(m: SiteModel, has: Has, push: Push): void {
  const s = m.scripted;
  if (!s) return;
  const by = s.footer === 'inline' ? 'document.write in an inline script' : 'document.write in /js/common.js';
  const marks: [Mark, string][] = [
    ['conac', m.footer.conac], ['site-code', m.footer.siteCode], ['icp', m.footer.icp],
    ['psb', m.footer.psb], ['sponsor', m.footer.sponsor], ['contact', m.footer.contact],
  ];
  for (const [mark, v] of marks) if (v !== 'none' && v !== 'comment') push('identity-mark-missing', mark, m.home, `written by ${by}`);
  if (m.errorReport !== 'none') push('error-report-entry-missing', m.home, m.home, `the 找错 entry is written by ${by}`);
  if (s.search !== 'static' && !has('search-missing')) {
    push('search-missing', m.home, m.home, s.search === 'form' ? 'a search form written by script, submitted by an onclick link' : 'a search box written by script with no form: its onclick function opens the engine');
  }
  if (s.lists !== 'document-write') {
    for (const c of m.columns) {
      if (!c.blank && c.items.length > 0) push('column-blank', c.name, urlOf(m, listPath(c, 0)), 'its rows are written by script from inline data');
    }
  }
  if (s.lists !== 'list-data' && !has('homepage-not-updated')) {
    push('homepage-not-updated', m.home, m.home, s.lists === 'xhr' ? 'the home blocks\' rows are fetched by XHR from /api/column/' : 'the home blocks\' rows are written by document.write');
  }
}
