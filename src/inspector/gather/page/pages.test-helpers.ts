// Pages for the page readers' tests: hand-written ones in the shapes of the three CMS templates and
// of real portals, the sandbox web's sites, and the real captures of ../shared/real-pages.
import * as cheerio from 'cheerio';
import { buildSiteModel } from '../../../sandbox/model.ts';
import { generateWeb } from '../../../sandbox/web.ts';
import { realHtml, type RealLabel } from '../real-pages.test-helpers.ts';
import type { Block, DatedItem } from '../../snapshot.ts';

/** The as-of date of the hand-written pages. */
export const AS_OF = '2026-11-20';
/** The home page the hand-written pages belong to. */
export const HOME = 'http://www.example.gov.cn/';
/** A hand-written page: the body given, in a minimal document. */
export const page = (body: string) => cheerio.load(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);
/** The newest date among some items. */
export const newest = (items: readonly DatedItem[]) => items.map((i) => i.date).sort().at(-1);
/** The blocks of one name. */
export const named = (blocks: Block[], name: string) => blocks.filter((b) => b.name === name);

/** A 通知公告 list page around a list: a menu, a breadcrumb, a dated side column, a pager and anything after. */
export const listPage = (list: string, pager = '', extra = '') => page(`<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/zcwj/">政策文件</a></li></ul></div>
    <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
    <div class="main"><div class="side"><h3>热点</h3><ul><li><a href="/x/1.html">侧栏一</a>2026-11-20</li><li><a href="/x/2.html">侧栏二</a>2026-11-20</li></ul></div>
    <div class="list-wrap">${list}<div class="page">${pager}</div></div></div>${extra}`);
/** A <ul class="list"> of n linked rows, dated 2026-10-30 down unless told otherwise. */
export const rows = (n: number, date = (i: number) => `2026-10-${String(30 - i).padStart(2, '0')}`) =>
  `<ul class="list">${Array.from({ length: n }, (_, i) => `<li><a href="/tzgg/${i}.html">通知${i}</a><span>${date(i)}</span></li>`).join('')}</ul>`;

/** The sandbox webs the readers are checked against, each with the models of its sites that are up. */
export function sandboxWebs() {
  const cases = [
    { sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' },
    { sites: 12, pagesPerSite: 14, seed: 4242, asOf: '2026-01-05' },
  ];
  return cases.map((opts) => {
    const web = generateWeb(opts);
    const models = web.sites.map((_, i) => buildSiteModel(web, i)).filter((m) => !m.down);
    return { opts, models };
  });
}

/** A real page, decoded and parsed as the crawler does. */
export const load = (file: string) => cheerio.load(realHtml(file));

/**
 * The as-of date of each capture, so that MM-DD dates get their year: the labels give only the
 * month (capturedAround 2018-03); the newest dates shown are 2018-03-22 (alt.gov.cn) and
 * 2022-04-27 (wsjkw.sh.gov.cn), and bjda.gov.cn's createDate meta is 2018-03-21.
 */
export const asOfOf = (l: RealLabel) => (l.host.includes('wsjkw.sh.gov.cn') ? '2022-04-28' : '2018-03-22');
