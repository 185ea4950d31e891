// Seed 004 (临沧市 2019 年第二季度通报) counts websites and 专栏 apart: "全市在线运行政府网站 14 个…，
// 30 个市级部门信息公开专栏", and names 专栏 by their own problems. Its registry is transcribed in
// tests/fixtures/seed-004; here a web of those sites, with the 专栏 under the city portal's
// /xxgk/<dept>/, is served on 127.0.0.1 (one server is every host and the forward proxy) and crawled
// with the project's own crawl, rules and notice wording, judging the items the seed's notice speaks
// of: 严重错别字 (its 五), 栏目超过半年未更新 (二), 断链 (三). Each 专栏 is crawled within its prefix
// and the city portal's crawl leaves the 专栏 to them: their severe errors fail them, not the portal.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noticeSummary } from '../lib/feed.ts';
import { problemParagraph } from '../lib/notice.ts';
import { problemsByIndicator } from '../lib/problems.ts';
import { summarizeQuarter } from '../lib/quarters.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import { entityPrefix } from '../schemas/registry.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import { loadDictionary } from '../store/dictionary.ts';
import { loadRegistry } from '../store/registry.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { resolveOptions } from './gather/options.ts';
import { startPageServer, type PageServer } from './gather/page-server.test-helpers.ts';
import { inspect } from './inspect.ts';
import { loadCalendar } from './workdays.ts';
import { readSiteEvents } from '../store/monitor-records.ts';
import { runMonitor } from '../workflow/monitor/daily.ts';
import { readQuarterFile } from '../store/quarter-file.ts';
import { byUnit, deadlineOf, readRechecks, readRectifyReplies, rectificationFile, rectifications } from '../store/rectification.ts';
import { publishedProblems, runRectify, saveRectifyAnswer } from '../workflow/rectify.ts';

const FIXTURE = 'tests/fixtures/seed-004';
const AS_OF = '2019-06-20';

/** What the seed says of each entity that has a problem, by registry id. */
const SEVERE = new Set(['fengqing', 'yongde', 'lincang-bhq-xxgk', 'lincang-nkj-xxgk', 'lincang-scjgj-xxgk', 'lincang-dzj-xxgk']);
const STALE = new Set(['lincang-sfj-xxgk', 'lincang-jtj-xxgk', 'lincang-swj-xxgk']);
const BROKEN = new Set(['lincang-gtj-xxgk', 'lincang-sfj-xxgk']);
/** Rectification: the day each of these fixed its problems after the notice (the others never do). */
const FIXED: Readonly<Record<string, string>> = { 'lincang-jtj-xxgk': '2019-07-10', 'lincang-gtj-xxgk': '2019-07-10', fengqing: '2019-07-10', 'lincang-swj-xxgk': '2019-08-01' };
/** The day the web is served as of. */
let day = AS_OF;
const fixed = (id: string) => FIXED[id] !== undefined && day >= FIXED[id];
/** Four serious forms (more than severe-error's maxSerious, 3): the dictionary's own entries. */
const SERIOUS = '中华人民共合国、中华人民供和国、中华人名共和国、中共人民共和国';

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** One entity's pages under `base` ('' for a host's root, /xxgk/sfj for a 专栏): front page, two column lists, their articles. */
function entityPage(id: string, name: string, base: string, path: string, extra = ''): string | undefined {
  const columns = [
    { name: '工作动态', dir: `${base}/gzdt/`, dates: ['2019-06-18', '2019-06-11'] },
    { name: '通知公告', dir: `${base}/tzgg/`, dates: !STALE.has(id) ? ['2019-05-30'] : fixed(id) ? [FIXED[id]!, '2018-11-01'] : ['2018-11-01'] },
  ];
  const article = (dir: string, d: string) => `${dir}t${d.replaceAll('-', '')}.html`;
  if (path === `${base}/index.html` || (base === '' && path === '/')) {
    const nav = columns.map((c) => `<li><a href="${c.dir}index.html">${c.name}</a></li>`).join('');
    return page(name, `<div class="nav"><ul><li><a href="/">网站首页</a></li>${nav}</ul></div>${extra}<div class="main"><p>欢迎访问${name}。</p></div>`);
  }
  for (const c of columns) {
    if (path === `${c.dir}index.html`) return page(`${c.name}_${name}`, `<div class="list"><ul>${c.dates.map((d) => `<li><a href="${article(c.dir, d)}">${c.name}信息</a><span>${d}</span></li>`).join('')}</ul></div>`);
    const d = c.dates.find((x) => path === article(c.dir, x));
    if (!d) continue;
    const newest = d === c.dates[0];
    const text = newest && c.name === '工作动态' && SEVERE.has(id) && !fixed(id) ? `学习${SERIOUS}宪法。` : `${c.name}工作进展情况。`;
    const attachment = d === '2018-11-01' || d === '2019-05-30' ? (BROKEN.has(id) && !fixed(id) ? `<p><a href="${base}/fj/${d}.pdf">附件：通知全文</a></p>` : '') : '';
    return page(`${c.name}信息_${name}`, `<h1>${c.name}信息</h1><div class="info">发布时间：${d}</div><div class="content"><p>${text}</p>${attachment}</div>`);
  }
  return undefined;
}

let server: PageServer;
let dir: string;
let results: SiteQuarter[];
let rulesConfig: RulesConfig;
const options = () => resolveOptions({ proxy: { http: server.origin, https: server.origin }, timeoutMs: 3_000, retries: 0, homeAttempts: 1, homeAttemptGapMs: 0, hostDelayMs: 0, render: 'never', robots: false, siteConcurrency: 8 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seed-004-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const f of ['rules.yaml', 'dictionary.yaml', 'holidays.yaml']) cpSync(join('content', f), join(dir, f));
  const registry = loadRegistry(dir);
  const byHost = new Map<string, Array<{ id: string; name: string; base: string }>>();
  for (const s of registry.sites) {
    const u = new URL(entityPrefix(s));
    byHost.set(u.hostname, [...(byHost.get(u.hostname) ?? []), { id: s.id, name: s.name, base: u.pathname.replace(/\/$/, '') }]);
  }
  const columns = registry.sites.filter((s) => s.kind === 'column');
  // The city portal links to every 专栏 from its 信息公开 block: its crawl must leave them to themselves.
  const xxgk = `<div class="xxgk"><h2>信息公开</h2><ul>${columns.map((c) => `<li><a href="${new URL(c.url).pathname}">${c.name}</a></li>`).join('')}</ul></div>`;
  server = await startPageServer((path, host) => {
    const entities = [...(byHost.get(host) ?? [])].sort((a, b) => b.base.length - a.base.length);
    const e = entities.find((x) => path.startsWith(`${x.base}/`));
    return e && entityPage(e.id, e.name, e.base, path, e.id === 'lincang' ? xxgk : '');
  });
  const shipped = loadRulesConfig(dir);
  // The items the seed's notice speaks of; the others are switched off, as an office checking only these would.
  const judged = new Set(['severe-error', 'typo', 'column-stale', 'broken-link']);
  rulesConfig = { ...shipped, indicators: Object.fromEntries(Object.entries(shipped.indicators).map(([id, c]) => [id, { ...c, enabled: judged.has(id) }])) };
  const summary = await inspect({
    sites: registry.sites,
    contentDir: dir,
    quarter: '2019-Q2',
    asOf: AS_OF,
    options: options(),
    rulesConfig,
    dictionary: loadDictionary(dir),
    calendar: loadCalendar(dir),
  });
  expect(summary.internalErrors).toEqual([]);
  results = summary.results;
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('seed 004: websites and 专栏 counted apart', () => {
  test('the registry: 14 websites (1 city portal, 8 county portals, 5 department sites) and 30 专栏 without a 网站标识码', () => {
    const sites = loadRegistry(dir).sites;
    expect(sites.filter((s) => s.kind === 'portal')).toHaveLength(9);
    expect(sites.filter((s) => s.kind === 'department')).toHaveLength(5);
    const columns = sites.filter((s) => s.kind === 'column');
    expect(columns).toHaveLength(30);
    expect(columns.every((c) => c.siteCode === undefined && c.url.startsWith('http://www.lincang.gov.cn/xxgk/'))).toBe(true);
  });

  test('总体情况: 14 websites and 30 专栏, 2 failing websites and 4 failing 专栏 (the seed\'s 五)', () => {
    expect(results).toHaveLength(44);
    expect(results.filter((r) => r.column)).toHaveLength(30);
    // Websites: 12 of 14 pass (85.7 %). The two failing ones also lose 4 × 0.1 for the same four forms
    // as typos (99.6), the others nothing: (12 × 100 + 2 × 99.6) / 14 = 99.94.
    expect(noticeSummary(summarizeQuarter(results))).toBe('以2019年6月20日为监测时间点，本季度共检查政府网站 14 个、专栏 30 个，发现不合格网站 2 个、不合格专栏 4 个，网站合格率 85.7%，平均得分 99.9 分。');
    expect(results.filter((r) => r.verdict === 'fail').map((r) => r.site).sort()).toEqual([...SEVERE].sort());
  });

  test('二、主要问题: each problem names the websites and 专栏 the seed names, counted apart', () => {
    const failing = new Set(results.filter((r) => r.verdict === 'fail').map((r) => r.site));
    const problems = problemsByIndicator(results);
    const para = (id: string) => problemParagraph(problems.find((p) => p.indicator === id)!, 'by-site', failing);
    const names = (id: string) => para(id).named.map((s) => s.site).sort();
    expect(para('severe-error').head).toMatch(/^[^：]+（单项否决）：涉及网站 2 个、专栏 4 个，共 \d+ 处$/);
    expect(names('severe-error')).toEqual([...SEVERE].sort());
    expect(para('column-stale').head).toMatch(/：涉及专栏 3 个，共 3 处$/);
    expect(names('column-stale')).toEqual([...STALE].sort());
    expect(para('broken-link').head).toMatch(/：涉及专栏 2 个，共 2 处$/);
    expect(names('broken-link')).toEqual([...BROKEN].sort());
    // The four serious forms are typos too (0.1 each): six entities, 24 findings.
    expect(para('typo').head).toMatch(/：涉及网站 2 个、专栏 4 个，共 24 处$/);
    expect(problems.map((p) => p.indicator).sort()).toEqual(['broken-link', 'column-stale', 'severe-error', 'typo']);
  });

  test('each 专栏 is crawled within its prefix, and the city portal leaves the 专栏 to them', () => {
    const registry = new Map(loadRegistry(dir).sites.map((s) => [s.id, s]));
    for (const r of results.filter((x) => x.column)) {
      const prefix = entityPrefix(registry.get(r.site)!);
      expect(r.findings.every((f) => f.page.startsWith(prefix)), r.site).toBe(true);
      // Front page, two lists, three articles (the stale notice column has one item).
      expect(r.stats.pages, r.site).toBe(6);
    }
    const city = results.find((r) => r.site === 'lincang')!;
    expect(city.verdict).toBe('pass');
    expect(city.findings).toEqual([]);
    // Its own front page, lists and articles only; the thirty 专栏' front pages are links it checked.
    expect(city.stats.pages).toBe(6);
    expect(city.stats.links).toBeGreaterThanOrEqual(30);
  });

  test('the daily monitor reads a 专栏 within its prefix too, and charges its problems to the 专栏\u2019s unit, not the portal\u2019s', async () => {
    const registry = loadRegistry(dir);
    const pick = registry.sites.filter((s) => s.id === 'lincang' || s.id === 'lincang-sfj-xxgk');
    const s = await runMonitor({ sites: pick, columnEntities: registry.sites.filter((x) => x.kind === 'column'), contentDir: dir, date: AS_OF, options: options(), rulesConfig, dictionary: loadDictionary(dir), calendar: loadCalendar(dir) });
    expect(s.internalErrors).toEqual([]);
    expect(readSiteEvents(dir, 'lincang')).toEqual([]);
    const opened = readSiteEvents(dir, 'lincang-sfj-xxgk').filter((e) => e.event === 'open');
    // The seed's 二 and 三 for 市司法局信息公开专栏: the stale 通知公告 and the dead attachment.
    expect(opened.map((e) => [e.target, e.unit]).sort()).toEqual([
      ['http://www.lincang.gov.cn/xxgk/sfj/fj/2018-11-01.pdf', 'lincang-sfj'],
      ['通知公告', 'lincang-sfj'],
    ]);
  });

  test('整改: the notice published, its problems re-checked at the deadline and after; each unit\u2019s 整改情况 and replies', async () => {
    // Published on Friday 07-05; 15 working days (rules.yaml rectification.workdays) end on 07-26.
    mkdirSync(join(dir, 'quarters'), { recursive: true });
    writeFileSync(join(dir, 'quarters', '2019-Q2.md'), '---\nquarter: 2019-Q2\nissuer: 临沧市人民政府办公室\nto: 各县（区）人民政府，市直各部门\nstatus: published\npublished: 2019-07-05\ndate: 2019-07-05\n---\n');
    const deadline = deadlineOf(readQuarterFile(dir, '2019-Q2')!, loadRulesConfig(dir), loadCalendar(dir));
    expect(deadline).toBe('2019-07-26');
    const registry = loadRegistry(dir);
    const named = publishedProblems(dir, '2019-Q2');
    // Six entities × (4 severe-error + 4 typo), three stale 通知公告, two dead attachments.
    expect(named).toHaveLength(6 * 8 + 3 + 2);
    const recheckOn = async (date: string) => {
      day = date;
      return runRectify({ contentDir: dir, quarter: '2019-Q2', date, sites: registry.sites, options: options(), rulesConfig, dictionary: loadDictionary(dir), calendar: loadCalendar(dir) });
    };
    const first = await recheckOn('2019-07-26');
    expect(first.internalErrors).toEqual([]);
    const bytes = readFileSync(rectificationFile(dir, '2019-Q2'), 'utf8');
    // Re-running the day changes nothing.
    await recheckOn('2019-07-26');
    expect(readFileSync(rectificationFile(dir, '2019-Q2'), 'utf8')).toBe(bytes);
    await recheckOn('2019-08-09');

    // 市司法局 answers 已整改 after publication: kept apart from the signed review, shown beside the result.
    saveRectifyAnswer(dir, '2019-Q2', { site: 'lincang-sfj-xxgk', indicator: 'column-stale', target: '通知公告', date: '2019-07-20', text: '已整改，已补发通知公告。' });
    expect(() => saveRectifyAnswer(dir, '2019-Q2', { site: 'lincang', indicator: 'typo', target: '攻府', date: '2019-07-20', text: '已整改' })).toThrow(/named no problem typo "攻府" on lincang/);

    const list = rectifications(named, readRechecks(dir, '2019-Q2'), readRectifyReplies(dir, '2019-Q2'), deadline!, '2019-08-09');
    const stateOf = (site: string, indicator: string) => [...new Set(list.filter((r) => r.site === site && r.indicator === indicator).map((r) => r.state))];
    // Worked out from FIXED: 交通 and 国土 and 凤庆 fixed 07-10 (before the deadline); 水务 on 08-01 (after it); the rest never.
    expect(stateOf('lincang-jtj-xxgk', 'column-stale')).toEqual(['fixed']);
    expect(stateOf('lincang-gtj-xxgk', 'broken-link')).toEqual(['fixed']);
    expect(stateOf('fengqing', 'severe-error')).toEqual(['fixed']);
    expect(stateOf('fengqing', 'typo')).toEqual(['fixed']);
    expect(list.find((r) => r.site === 'lincang-swj-xxgk')).toMatchObject({ state: 'fixed-late', checked: '2019-08-09', fixedOn: '2019-08-09' });
    expect(list.filter((r) => r.site === 'lincang-sfj-xxgk').map((r) => [r.indicator, r.state, r.reply?.text])).toEqual([
      ['broken-link', 'not-fixed', undefined],
      ['column-stale', 'not-fixed', '已整改，已补发通知公告。'],
    ]);
    expect(stateOf('yongde', 'severe-error')).toEqual(['not-fixed']);
    const units = new Map(byUnit(list).map((u) => [u.unit, u]));
    expect(units.get('fengqing-bgs')).toMatchObject({ named: 8, counts: { fixed: 8, 'not-fixed': 0 } });
    expect(units.get('lincang-sfj')).toMatchObject({ named: 2, counts: { 'not-fixed': 2 } });
    expect(units.get('lincang-swj')).toMatchObject({ named: 1, counts: { 'fixed-late': 1 } });
    // Before the deadline nothing is decided yet.
    expect(new Set(rectifications(named, readRechecks(dir, '2019-Q2'), [], '2019-09-30', '2019-08-09').map((r) => r.state))).toEqual(new Set(['pending']));
  }, 60_000);
});
