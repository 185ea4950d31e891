// The fixed layout every sandbox site shares: paths of fixed pages and trap targets, the search
// and 找错 hosts, and the images that exist. The server routes by these; the pages link to them.

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
  /** Every site answers it with 200 and an error message (a removed page another site still links to). */
  removed: '/zwgk/old/index.html',
  /** Every site answers it with a real page with little text (a control beside the removed page). */
  brief: '/zwgk/lxfs.html',
  /** Every site answers it with 200, its own header and footer, and only its title saying the page was not found. */
  titled: '/zwgk/old/detail.html',
  /** Every site redirects it to its home page (a removed article: a soft 404 by redirect). */
  movedHome: '/art/2019/3/5/art_1_1.html',
  /** Every site redirects it to the brief page (a page that moved, not one that is gone: a control). */
  movedBrief: '/zwgk/old/lxfs.html',
  /** The 活动日历 of a site with a calendar: ?date=YYYY-MM-DD, every date a page linking its month's dates and the next and last months. */
  calendar: '/hdrl/index.jsp',
} as const;

/** Host of a place's shared search engine (search.<place>.gov.cn). */
export function searchHost(pinyin: string): string {
  return `search.${pinyin}.gov.cn`;
}

/** Hosts of the national error-report platform and its older operator. */
export const JIUCUO_HOSTS = { zfwzgl: 'zfwzgl.www.gov.cn', pucha: 'pucha.kaipuyun.cn' } as const;

/** Images the sites really have. */
export const GOOD_IMAGES = ['/images/logo.png', '/images/banner.jpg', '/images/more.gif', '/images/ga.png', '/images/zt1.jpg', '/images/jiucuo.png'] as const;
