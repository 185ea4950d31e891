// The links a site's pages carry besides its menus and columns: the seeded broken links (on the
// home page and deep in columns), the quick links that hold the traps, the friendly links and the
// hidden off-site links (暗链). Only the deep broken links draw from the site's random stream.
import { articlePath, listPath, type Column, type Item } from './columns.ts';
import { dayNumber, isoDay } from './dates.ts';
import { HIDDEN_LINK_TARGETS, OLD_DEPTS } from './names.ts';
import { PATHS } from './paths.ts';
import { at, type Rng } from './random.ts';
import { roleOf, type BrokenKind, type DeepKind, type HiddenKind, type Role, type Trap } from './roles.ts';
import type { Place, SandboxWeb, SitePlan } from './types.ts';

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

/** Reports a broken link by appending it to broken, its target resolved against the page carrying it. */
export function defectAdder(origin: string, broken: Defect[]): (kind: BrokenKind | DeepKind, href: string, text: string, page: string, image?: boolean) => void {
  return (kind, href, text, page, image = false) => {
    const pageUrl = new URL(page, origin).href;
    const u = new URL(href, pageUrl);
    u.hash = '';
    broken.push({ kind, href, text, page, target: u.href, image });
  };
}

/** Seeds the role's broken links on the home page; returns the soft-404 path when the budget has room for that page. */
export function placeHomeDefects(
  role: Role,
  plan: SitePlan,
  cityPlace: Place,
  extras: ReadonlySet<string>,
  add: (kind: BrokenKind, href: string, text: string, page: string, image?: boolean) => void,
): string | null {
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
  return soft404Path;
}

/** Seeds the role's deep broken links (attachments, list rows) in the columns and reports each through add. */
export function placeDeepDefects(
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

/** The home page's quick-link box: a link to each trap page the site kept, and to the robots-disallowed page. */
export function quickLinksOf(traps: readonly Trap[], internal: boolean): QuickLink[] {
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
  if (internal) quickLinks.push({ href: PATHS.internal, text: '内部办公' });
  return quickLinks;
}

/** 友情链接: the national portal, and the parent portal when it is up. */
export function friendlyLinksOf(web: SandboxWeb, plan: SitePlan): QuickLink[] {
  const friendlyLinks: QuickLink[] = [{ href: 'http://www.gov.cn/', text: '中国政府网' }];
  const parentPlace = plan.dept ? plan.place : plan.place.city;
  if (parentPlace) {
    const parent = web.portals.get(parentPlace.pinyin);
    const parentPlan = parent === undefined ? undefined : web.plans[parent];
    if (parentPlan && roleOf(parentPlan.role).down !== true) {
      friendlyLinks.push({ href: `http://${parentPlan.host}/`, text: `${parentPlace.name}${parentPlace.suffix}人民政府` });
    }
  }
  return friendlyLinks;
}

/** The role's hidden off-site links, each to a host that answers. */
export function hiddenLinksOf(role: Role, plan: SitePlan): HiddenLink[] {
  return (role.hidden ?? []).map((how, k) => {
    const [host, text] = at(HIDDEN_LINK_TARGETS, (plan.index + k) % HIDDEN_LINK_TARGETS.length);
    return { href: `http://${host}/`, text, how };
  });
}
