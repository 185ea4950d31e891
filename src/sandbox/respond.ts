// Routing: (host, method, path, User-Agent) → a reply. Pure apart from the per-server counters
// passed in (for the 503-once and 429-once pages), so it can be tested without sockets.
import iconv from 'iconv-lite';
import { articlePath, listPath, type Column, type Item } from './columns.ts';
import type { SiteModel } from './model.ts';
import { HIDDEN_LINK_TARGETS } from './names.ts';
import { JIUCUO_HOSTS, PATHS } from './paths.ts';
import {
  FRAMES, IMAGE_PATHS, columnJson, headingImagePath, columnJsonPath, commonJsFooter, errorBody, renderArticle, renderBoard, renderContact,
  renderFrame, renderFrameset, renderHome, renderList, renderRobots, renderScriptRedirect, renderSearch, renderSimple,
  renderCalendar, renderRemoved, renderSoft404, renderTitled, itemTitle, openReportPath, websiteReportPath, type Frame,
} from './render.ts';
import { FILE_TYPES, personalFileBytes, personalFilePath } from './personal.ts';
import { loopingPdf, macroDoc, zipBombXlsx } from './documents.ts';
import type { HostileStream } from './hostile.ts';
import { websiteReportYear } from './indicators.ts';
import { hashString } from './random.ts';
import { HOSTILE_HOST, type SandboxWeb } from './web.ts';

/** What the server should do. */
export type Reply =
  | { kind: 'send'; status: number; headers: Record<string, string>; body: Buffer; compressible: boolean }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** A hostile.sandbox.gov.cn endpoint, streamed by the server. */
  | { kind: 'hostile'; what: HostileStream };

/** One request as the router sees it. */
export interface SandboxRequest {
  host: string;
  method: string;
  /** Path and query as sent (percent-encoded). */
  path: string;
  userAgent: string;
}

/** What the router needs from the server. */
export interface RouterState {
  web: SandboxWeb;
  /** The model of site i (the server caches them). */
  model(index: number): SiteModel;
  /** Counts a request to key and returns how many came before it. */
  hit(key: string): number;
}

/** The User-Agent the ua-403 page refuses. */
export const INSPECTOR_UA = 'GovSiteInspector';

type Route =
  | { t: 'home' }
  /** A frame of a frameset home page. */
  | { t: 'frame'; frame: Frame }
  /** A home URL that only redirects to /index.html by script. */
  | { t: 'script-redirect' }
  /** The rows a script-built home block fetches. */
  | { t: 'json'; col: Column }
  /** /js/common.js on a site whose footer it writes. */
  | { t: 'common-js'; footer: string }
  | { t: 'list'; col: Column; page: number }
  | { t: 'article'; col: Column; item: Item }
  | { t: 'board' }
  | { t: 'contact' }
  | { t: 'internal' }
  | { t: 'soft404' }
  /** A search engine: the site's own (/search, TRS WAS5, 大汉 jsearch) or a broken one answering 500. */
  | { t: 'search'; broken?: true }
  | { t: 'simple'; name: string; text: string; trap?: 'head-405' | 'retry-503' | 'retry-429' | 'ua-403' }
  | { t: 'status'; code: number }
  | { t: 'redirect'; code: number; to: string }
  | { t: 'hang' }
  | { t: 'file'; type: string; body: Buffer }
  /** An attached document, written when asked for. */
  | { t: 'document'; type: string; body: () => Buffer }
  | { t: 'robots' };

const routeCache = new WeakMap<SiteModel, Map<string, Route>>();

/** Every path a site answers, keyed by decoded path (plus query where it matters). */
export function routesOf(m: SiteModel): Map<string, Route> {
  const cached = routeCache.get(m);
  if (cached) return cached;
  const routes = new Map<string, Route>();
  const set = (path: string, route: Route): void => {
    if (routes.has(path)) throw new Error(`sandbox route clash on ${m.plan.host}: ${path}`);
    routes.set(path, route);
  };
  const s = m.scripted;
  set('/', s?.entry === 'script-redirect' ? { t: 'script-redirect' } : { t: 'home' });
  set('/index.html', { t: 'home' });
  if (s?.entry === 'frameset') for (const [frame, path] of Object.entries(FRAMES) as [Frame, string][]) set(path, { t: 'frame', frame });
  if (s?.lists === 'xhr') for (const c of m.columns) if (c.onHome) set(columnJsonPath(c), { t: 'json', col: c });
  const footer = commonJsFooter(m);
  if (footer !== null) set('/js/common.js', { t: 'common-js', footer });
  set('/robots.txt', { t: 'robots' });
  for (const c of m.columns) {
    for (let k = 0; k < c.pages; k++) set(listPath(c, k), { t: 'list', col: c, page: k });
    set(c.dir, { t: 'list', col: c, page: 0 });
    for (const it of c.items) {
      const p = articlePath(c, it);
      set(p, c.files?.has(it.id) ? { t: 'file', type: 'application/pdf', body: PDF } : { t: 'article', col: c, item: it });
      if (it.attachment?.ok) set(new URL(it.attachment.href, `http://x${p}`).pathname, { t: 'file', type: 'application/pdf', body: PDF });
    }
  }
  const spot = m.personal;
  if (spot) {
    const path = articlePath(spot.col, spot.item);
    const key = [m.seed, m.plan.host, 'personal', spot.item.id];
    // Written on request: a 15,000-site web builds its routes for every site it serves.
    spot.files.forEach((f, i) => set(personalFilePath(path, spot.item, i + 1, f.format), { t: 'document', type: FILE_TYPES[f.format], body: () => Buffer.from(personalFileBytes(f, key, m.plan.place.province.code, itemTitle(m, spot.col, spot.item))) }));
  }
  for (const d of m.oldDocs) set(d.path, { t: 'file', type: 'application/pdf', body: PDF });
  if (m.websiteReport.year !== null) set(websiteReportPath(m.websiteReport.year), { t: 'file', type: 'application/pdf', body: PDF });
  if (m.websiteReport.openReport) set(openReportPath(websiteReportYear(m.asOf)), { t: 'file', type: 'application/pdf', body: PDF });
  // /search is the engine of most sites (and the html-entity trap's target); others have their CMS's.
  if (m.search !== null) {
    set(PATHS.search, { t: 'search' });
    if (m.search.variant === 'was5' || m.search.variant === 'jsearch') set(m.search.action, { t: 'search' });
    if (m.search.variant === 'broken') set(m.search.action, { t: 'search', broken: true });
  }
  set(m.board.path, { t: 'board' });
  if (m.contactPage) set(PATHS.contact, { t: 'contact' });
  if (m.robotsDisallow) set(PATHS.internal, { t: 'internal' });
  if (m.soft404Path) set(m.soft404Path, { t: 'soft404' });
  for (const t of m.traps) {
    switch (t) {
      case 'head-405':
        set(PATHS.head405, { t: 'simple', name: '办事服务', text: '网上办事大厅入口。', trap: 'head-405' });
        break;
      case 'html-entity':
        break; // /search is on every site with a search form
      case 'non-ascii-path':
        set(PATHS.nonAscii, { t: 'simple', name: '党史学习教育', text: '党史学习教育专题。' });
        break;
      case 'redirect-chain': {
        const first = m.columns.find((c) => c.cls === 'policy') ?? m.columns[0];
        set(PATHS.chainStart, { t: 'redirect', code: 301, to: PATHS.chainMiddle });
        if (first) set(PATHS.chainMiddle, { t: 'redirect', code: 302, to: `${m.origin}${listPath(first, 0)}` });
        break;
      }
      case 'retry-503':
        set(PATHS.retry503, { t: 'simple', name: '政务服务', text: '政务服务事项目录。', trap: 'retry-503' });
        break;
      case 'retry-429':
        set(PATHS.retry429, { t: 'simple', name: '在线访谈', text: '在线访谈栏目。', trap: 'retry-429' });
        break;
      case 'ua-403':
        set(PATHS.ua403, { t: 'simple', name: '公共服务', text: '公共服务事项。', trap: 'ua-403' });
        break;
      case 'commented-link':
        break;
    }
  }
  for (const d of m.broken) {
    if (!d.target.startsWith(`${m.origin}/`)) continue;
    const u = new URL(d.target);
    const key = decodePath(u.pathname) + u.search;
    switch (d.kind) {
      case 'server-error':
      case 'article-500':
        set(key, { t: 'status', code: 500 });
        break;
      case 'redirect-loop':
        set(PATHS.loopA, { t: 'redirect', code: 302, to: PATHS.loopB });
        set(PATHS.loopB, { t: 'redirect', code: 302, to: PATHS.loopA });
        break;
      case 'timeout':
        set(key, { t: 'hang' });
        break;
      default:
        break; // 404s are simply absent; soft-404 is set above
    }
  }
  routeCache.set(m, routes);
  return routes;
}

/** Paths of the HTML pages a site answers with 200 (its distinct pages). */
export function htmlPagesOf(m: SiteModel): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [path, r] of routesOf(m)) {
    // A frameset's frames are its home page; JSON and scripts are no pages.
    if (r.t === 'file' || r.t === 'document' || r.t === 'robots' || r.t === 'status' || r.t === 'redirect' || r.t === 'hang' || r.t === 'frame' || r.t === 'json' || r.t === 'common-js') continue;
    // Search engines are reached through forms; /search only by a link on sites with the html-entity trap.
    if (r.t === 'search' && (path !== PATHS.search || !m.traps.includes('html-entity'))) continue;
    // '/' and '/index.html', or a column dir and its index.html, are one page.
    const id = r.t === 'home' || r.t === 'script-redirect' ? 'home' : r.t === 'list' ? `list:${r.col.slug}:${r.page}` : path;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(r.t === 'search' ? `${path}?a=1&b=2` : path);
  }
  return out;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// 1×1 transparent GIF and PNG.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const CSS = 'body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}.w1200{width:1200px;margin:0 auto}a{color:#333;text-decoration:none}.nav{background:#b70000}.nav li{display:inline-block}.nav a{color:#fff;padding:0 20px}.footer{background:#eee;text-align:center;padding:20px 0}.elder,.elder *{font-size:20px!important}.elder-pale,.elder-pale *{color:#aaa!important;background:#fff!important}.elder .pc-elder-hide{display:none}\n';
const JS = 'function addFavorite(){try{window.external.addFavorite(location.href,document.title)}catch(e){alert("请使用Ctrl+D收藏")}}\n';

function imageReply(path: string): Buffer {
  return path.endsWith('.png') ? PNG : GIF;
}

/** A reply with a body of its own: status, content type, extra headers. */
export function send(status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}, compressible = false): Reply {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { kind: 'send', status, headers: { 'content-type': type, ...extra }, body: buf, compressible };
}

/** A redirect in the site's server's style. */
function moved(m: SiteModel, code: number, to: string): Reply {
  return send(code, 'text/html', `<html><head><title>${code}</title></head><body><a href="${to}">${to}</a></body></html>\n`, { location: to, server: m.server });
}

/** A session id as a Java CMS prints it: 32 upper-case hex digits, new for each answer. */
function sessionIdOf(host: string, n: number): string {
  const h = (k: string) => hashString(`${host}:${n}:${k}`).toString(16).toUpperCase().padStart(8, '0');
  return `${h('a')}${h('b')}${h('c')}${h('d')}`;
}

/** A session id in a link's path, as sites with sessions print it. */
export const SESSION_ID = /;jsessionid=[0-9A-F]{32}/g;

/** A page or URL without its session ids: what a crawler that strips them reads (the truth is written without them). */
export function withoutSessionIds(s: string): string {
  return s.replace(SESSION_ID, '');
}

/**
 * The page's on-site links (root-relative or relative) with the session id in their path, as the
 * servlet's encodeURL writes the template's links; what scripts write is left as it is.
 */
function withSessionIds(html: string, id: string): string {
  return html
    .split(/(<script\b[\s\S]*?<\/script>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(<a\s[^>]*?href=")(?!https?:|\/\/|javascript:|mailto:|#)([^"?#]*)/gi, (_, a: string, path: string) => (path === '' ? a : `${a}${path};jsessionid=${id}`))))
    .join('');
}

/** Encodes an HTML page as the site serves it (charset header, bytes). */
export function htmlReply(m: SiteModel, status: number, page: string, extra: Record<string, string> = {}): Reply {
  const html = m.sessionId ? withSessionIds(page, m.sessionId) : page;
  switch (m.encoding) {
    case 'utf8-header':
      return send(status, 'text/html; charset=utf-8', html, { server: m.server, ...extra }, true);
    case 'gbk-header':
      return send(status, 'text/html; charset=GBK', iconv.encode(html, 'gbk'), { server: m.server, ...extra }, true);
    case 'gb2312-meta':
      return send(status, 'text/html', iconv.encode(html, 'gbk'), { server: m.server, ...extra }, true);
    case 'utf8-declared-gb2312':
    case 'utf8-undeclared':
      return send(status, 'text/html', html, { server: m.server, ...extra }, true);
  }
}

/** A script in the site's own encoding, declared in the header (it then wins over the page's). */
function scriptReply(m: SiteModel, js: string): Reply {
  const gbk = m.encoding === 'gbk-header' || m.encoding === 'gb2312-meta';
  return send(200, `application/javascript; charset=${gbk ? 'GBK' : 'utf-8'}`, gbk ? iconv.encode(js, 'gbk') : js, { server: m.server }, true);
}

function errorReply(m: SiteModel, status: number, extra: Record<string, string> = {}): Reply {
  return send(status, 'text/html', errorBody(m.server, status), { server: m.server, ...extra });
}

/** The reply a real proxy gives when it cannot reach the origin. */
export function badGateway(reason: 'dns' | 'refused', host: string): Reply {
  const text = reason === 'dns' ? `DNS lookup failed for ${host}` : `Connection refused by ${host}`;
  return send(502, 'text/html', `<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>${text}</p></body></html>\n`, { 'x-sandbox-error': reason });
}

const jiucuo = (p: string): Reply | null =>
  p === '/exposure/jiucuo.js' ? send(200, 'application/javascript', 'void 0;\n') : p === '/exposure/jiucuo.html' ? externalPage('我为政府网站找错') : null;

/** Well-known hosts outside the registry that government pages link to. */
const EXTERNAL: Record<string, (path: string) => Reply | null> = {
  'www.gov.cn': (p) => (p === '/' || p === '/index.htm' ? externalPage('中国政府网') : null),
  'bszs.conac.cn': (p) => (p === '/sitename' ? externalPage('党政机关网站标识') : null),
  'dcs.conac.cn': (p) => (p === '/image/red.png' ? send(200, 'image/png', PNG) : p.startsWith('/js/') && p.endsWith('.js') ? send(200, 'application/javascript', 'void 0;\n') : null),
  'beian.miit.gov.cn': (p) => (p === '/' ? externalPage('ICP/IP地址/域名信息备案管理系统') : null),
  'www.beian.gov.cn': (p) => (p === '/portal/registerSystemInfo' ? externalPage('全国互联网安全管理服务平台') : null),
  [JIUCUO_HOSTS.pucha]: jiucuo,
  [JIUCUO_HOSTS.zfwzgl]: jiucuo,
  // Hosts of injected hidden links: they answer, so the links are not broken, only hidden.
  ...Object.fromEntries(HIDDEN_LINK_TARGETS.map(([host, text]) => [host, (): Reply => externalPage(text)])),
};

/** The portal index whose shared search engine a host is (search.<place>.gov.cn), if it is served. */
function searchHostSite(web: SandboxWeb, host: string): number | undefined {
  const m = /^search\.([a-z]+)\.gov\.cn$/.exec(host);
  return m ? web.portals.get(m[1] ?? '') : undefined;
}

function externalPage(title: string): Reply {
  return send(200, 'text/html; charset=utf-8', `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`);
}

/** True when the sandbox answers for this host (registry sites, well-known hosts, hostile). */
export function knownHost(web: SandboxWeb, host: string): boolean {
  return web.hosts.has(host) || host in EXTERNAL || host === HOSTILE_HOST || searchHostSite(web, host) !== undefined;
}

/** True when the host is a registry site that refuses connections. */
export function downHost(state: RouterState, host: string): boolean {
  const i = state.web.hosts.get(host) ?? searchHostSite(state.web, host);
  return i !== undefined && !state.web.plans[i]?.hostile && state.model(i).down;
}

/** Answers one request. */
export function respond(state: RouterState, req: SandboxRequest): Reply {
  const host = req.host.toLowerCase();
  const q = req.path.indexOf('?');
  const rawPath = q < 0 ? req.path : req.path.slice(0, q);
  const search = q < 0 ? '' : req.path.slice(q);
  const path = decodePath(rawPath).replace(/;jsessionid=[^/;]*/i, '');

  if (host === HOSTILE_HOST) return hostile(path);
  const external = EXTERNAL[host];
  if (external) {
    if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    return external(path) ?? send(404, 'text/html', errorBody('nginx', 404));
  }
  const portal = searchHostSite(state.web, host);
  if (portal !== undefined) return sharedSearch(state, portal, path, search);
  const index = state.web.hosts.get(host);
  if (index === undefined) return badGateway('dns', host);
  const model = state.model(index);
  if (model.down) return badGateway('refused', host);
  // A Java CMS that finds no cookie gives each answer a new session id in its links, and takes any.
  const m = model.sessions ? { ...model, sessionId: sessionIdOf(host, state.hit(`session ${host}`)) } : model;

  const routes = routesOf(m);
  const route = routes.get(path + search) ?? routes.get(path);
  if (!route) {
    if (m.homeLayout === 'image-heading' && m.columns.some((c) => c.onHome && headingImagePath(m, c) === path)) return send(200, path.endsWith('.gif') ? 'image/gif' : 'image/png', path.endsWith('.gif') ? GIF : PNG, { server: m.server });
    if (path.startsWith('/images/') && IMAGE_PATHS.has(path)) return send(200, path.endsWith('.png') ? 'image/png' : path.endsWith('.gif') ? 'image/gif' : 'image/jpeg', imageReply(path), { server: m.server });
    if (path === '/css/style.css') return send(200, 'text/css', CSS, { server: m.server }, true);
    if (path === '/js/jquery.min.js' || path === '/js/common.js') return send(200, 'application/javascript', JS, { server: m.server }, true);
    if (path === '/favicon.ico') return send(200, 'image/x-icon', GIF, { server: m.server });
    if (path === PATHS.removed) return htmlReply(m, 200, renderRemoved(m));
    if (path === PATHS.brief) return htmlReply(m, 200, renderSimple(m, '联系方式', `联系电话：${m.phone}`, 'served'));
    if (path === PATHS.titled) return htmlReply(m, 200, renderTitled(m));
    if (path === PATHS.movedHome) return moved(m, 302, '/');
    if (path === PATHS.movedBrief) return moved(m, 301, PATHS.brief);
    if (path === PATHS.calendar && m.calendar) {
      const date = /^\?date=((?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))$/.exec(search)?.[1];
      return date ? htmlReply(m, 200, renderCalendar(m, date, 'served')) : errorReply(m, 404);
    }
    return errorReply(m, 404);
  }
  switch (route.t) {
    case 'home':
      return htmlReply(m, 200, m.scripted?.entry === 'frameset' ? renderFrameset(m) : renderHome(m, 'served'));
    case 'frame':
      return htmlReply(m, 200, renderFrame(m, route.frame, 'served'));
    case 'script-redirect':
      return htmlReply(m, 200, renderScriptRedirect(m));
    case 'json':
      return send(200, 'application/json; charset=utf-8', columnJson(m, route.col), { server: m.server }, true);
    case 'common-js':
      return scriptReply(m, JS + route.footer);
    case 'list':
      return htmlReply(m, 200, renderList(m, route.col, route.page, 'served'));
    case 'article':
      return htmlReply(m, 200, renderArticle(m, route.col, route.item, 'served'));
    case 'board':
      return htmlReply(m, 200, renderBoard(m, 'served'));
    case 'contact':
      return htmlReply(m, 200, renderContact(m, 'served'));
    case 'internal':
      return htmlReply(m, 200, renderSimple(m, '内部办公', '内部办公系统，请使用工作账号登录。', 'served'));
    case 'soft404':
      return htmlReply(m, 200, renderSoft404(m));
    case 'search': {
      if (route.broken) return errorReply(m, 500);
      // A crawler that keeps "&amp;" from an href sends ?a=1&amp;b=2: the search engine rejects it.
      const params = queryParams(search, m);
      if ([...params.keys()].some((k) => k.startsWith('amp;'))) return errorReply(m, 404);
      const field = m.search?.field ?? 'q';
      return htmlReply(m, 200, renderSearch(m, params.get(field) ?? params.get('q') ?? '', params.get('cid'), 'served'));
    }
    case 'simple': {
      const key = `${host} ${path}`;
      if (route.trap === 'head-405' && req.method === 'HEAD') return errorReply(m, 405, { allow: 'GET, POST' });
      if (route.trap === 'retry-503' && state.hit(key) === 0) return errorReply(m, 503, { 'retry-after': '1' });
      if (route.trap === 'retry-429' && state.hit(key) === 0) return errorReply(m, 429, { 'retry-after': '1' });
      if (route.trap === 'ua-403' && req.userAgent.includes(INSPECTOR_UA)) return errorReply(m, 403);
      return htmlReply(m, 200, renderSimple(m, route.name, route.text, 'served'));
    }
    case 'status':
      return errorReply(m, route.code);
    case 'redirect':
      return moved(m, route.code, route.to);
    case 'hang':
      return { kind: 'hang' };
    case 'file':
      return send(200, route.type, route.body, { server: m.server });
    case 'document':
      return send(200, route.type, route.body(), { server: m.server });
    case 'robots':
      return send(200, 'text/plain', renderRobots(m), { server: m.server });
  }
}

/** search.<place>.gov.cn: the portal's engine, shared by the place's sites that use it. */
function sharedSearch(state: RouterState, portal: number, path: string, search: string): Reply {
  const m = state.model(portal);
  if (m.down) return badGateway('refused', m.plan.host);
  if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
  if (path !== PATHS.remoteSearch) return errorReply(m, 404);
  const params = queryParams(search, m);
  return htmlReply(m, 200, renderSearch(m, params.get('keyword') ?? params.get('q') ?? '', params.get('cid'), 'served'));
}

/**
 * Query parameters as a search engine reads them: UTF-8 percent-encoding, or GBK on a GBK site when
 * the bytes are not valid UTF-8 (a form submitted from a GBK page).
 */
function queryParams(search: string, m: SiteModel): URLSearchParams {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const params = new URLSearchParams();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    params.append(decodeComponent(k, m), decodeComponent(v, m));
  }
  return params;
}

function decodeComponent(s: string, m: SiteModel): string {
  const plus = s.replaceAll('+', ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    if (m.encoding !== 'gbk-header' && m.encoding !== 'gb2312-meta') return plus;
    const bytes: number[] = [];
    for (let i = 0; i < plus.length; i++) {
      const h = plus[i] === '%' ? /^[0-9a-f]{2}$/i.exec(plus.slice(i + 1, i + 3)) : null;
      if (h) {
        bytes.push(parseInt(h[0], 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(plus[i] ?? '', 'utf8'));
      }
    }
    return iconv.decode(Buffer.from(bytes), 'gbk');
  }
}

function hostile(path: string): Reply {
  switch (path) {
    case '/endless':
    case '/huge':
    case '/bomb':
    case '/slow-headers':
      return { kind: 'hostile', what: path.slice(1) as HostileStream };
    case '/files/huge.pdf':
      return { kind: 'hostile', what: 'huge-pdf' };
    case '/files/bomb.xlsx':
      return send(200, FILE_TYPES.xlsx, zipBombXlsx());
    case '/files/loop.pdf':
      return send(200, FILE_TYPES.pdf, Buffer.from(loopingPdf()));
    case '/files/macro.doc':
      return send(200, 'application/msword', macroDoc());
    case '/robots.txt':
      return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    case '/':
    case '/index.html':
      return send(200, 'text/html; charset=utf-8', HOSTILE_HOME, {}, true);
    default:
      return send(404, 'text/html', errorBody('nginx', 404));
  }
}

const HOSTILE_HOME = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>沙箱测试站点</title></head>
<body><h1>沙箱测试站点</h1>
<ul>
<li><a href="/endless">无尽页面</a></li>
<li><a href="/huge">超大页面</a></li>
<li><a href="/bomb">压缩炸弹</a></li>
<li><a href="/slow-headers">慢响应头</a></li>
</ul>
<p>附件：<a href="/files/bomb.xlsx">名单.xlsx</a> <a href="/files/huge.pdf">汇编.pdf</a> <a href="/files/loop.pdf">目录.pdf</a> <a href="/files/macro.doc">通知.doc</a></p>
<p>主办单位：沙箱测试单位　网站标识码：9900000001　<a href="http://beian.miit.gov.cn/">京ICP备00000000号</a>　京公网安备 11000000000000号　电话：010-12345678</p>
</body></html>
`;
