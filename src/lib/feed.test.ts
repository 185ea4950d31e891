import { load } from 'cheerio';
import { describe, expect, it, vi } from 'vitest';
import { asOfInstant, atomFeed, noticeSummary, siteFeed, unitFeed, UNIT_FEED_NAMED, type FeedLinks, type FeedNotice } from './feed.ts';
import { row } from './fixtures.test-helpers.ts';
import type { QuarterSummary } from './quarters.ts';

const links: FeedLinks = {
  home: 'https://example.github.io/repo/',
  self: 'https://example.github.io/repo/feed.xml',
  quarter: (q) => `https://example.github.io/repo/quarters/${q}/`,
};

const q4: QuarterSummary = { quarter: '2026-Q4', sites: 24, failed: 9, passRate: 62.5, averageScore: 85.04, asOf: { from: '2026-11-18', to: '2026-11-20' } };
const q3: QuarterSummary = { quarter: '2026-Q3', sites: 3, failed: 1, passRate: (2 / 3) * 100, averageScore: 90, asOf: { from: '2026-08-20', to: '2026-08-20' } };

describe('notice text', () => {
  it('headline figures as the notice writes them', () => {
    expect(noticeSummary(q4)).toBe('以2026年11月18日至2026年11月20日为监测时间点，本季度共检查政府网站 24 个，发现不合格网站 9 个，合格率 62.5%，平均得分 85.0 分。');
    expect(noticeSummary(q3)).toBe('以2026年8月20日为监测时间点，本季度共检查政府网站 3 个，发现不合格网站 1 个，合格率 66.7%，平均得分 90.0 分。');
  });

  it('an as-of date is midnight in Beijing', () => {
    expect(asOfInstant('2026-11-20').toISOString()).toBe('2026-11-19T16:00:00.000Z');
  });
});

describe('atomFeed', () => {
  const notices: FeedNotice[] = [{ summary: q3, published: '2026-10-15', corrected: '2026-10-28' }, { summary: q4, published: '2027-01-10' }];
  const xml = atomFeed(notices, links);
  const $ = load(xml, { xml: true });

  it('is an Atom feed with absolute ids and links, dated by the latest publication or correction', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml.endsWith('</feed>\n')).toBe(true);
    expect($('feed > id').text()).toBe('https://example.github.io/repo/feed.xml');
    expect($('feed > link[rel="self"]').attr('href')).toBe('https://example.github.io/repo/feed.xml');
    expect($('feed > link[rel="alternate"]').attr('href')).toBe('https://example.github.io/repo/');
    // 2027-01-10 in Beijing.
    expect($('feed > updated').text()).toBe('2027-01-09T16:00:00.000Z');
    expect($('feed > author > name').text()).toBe('政府网站监管平台');
    expect($('feed > generator').length).toBe(0);
  });

  it('one entry per quarter, newest first', () => {
    const entries = $('entry')
      .toArray()
      .map((e) => ({
        title: $(e).children('title').text(),
        id: $(e).children('id').text(),
        link: $(e).children('link').attr('href'),
        updated: $(e).children('updated').text(),
        published: $(e).children('published').text(),
        summary: $(e).children('summary').text(),
      }));
    expect(entries).toEqual([
      {
        title: '关于2026年第四季度政府网站检查情况的通报',
        id: 'https://example.github.io/repo/quarters/2026-Q4/',
        link: 'https://example.github.io/repo/quarters/2026-Q4/',
        updated: '2027-01-09T16:00:00.000Z',
        published: '2027-01-09T16:00:00.000Z',
        summary: '以2026年11月18日至2026年11月20日为监测时间点，本季度共检查政府网站 24 个，发现不合格网站 9 个，合格率 62.5%，平均得分 85.0 分。',
      },
      {
        title: '关于2026年第三季度政府网站检查情况的通报',
        id: 'https://example.github.io/repo/quarters/2026-Q3/',
        link: 'https://example.github.io/repo/quarters/2026-Q3/',
        // Published on 2026-10-15, corrected on 2026-10-28.
        updated: '2026-10-27T16:00:00.000Z',
        published: '2026-10-14T16:00:00.000Z',
        summary: '以2026年8月20日为监测时间点，本季度共检查政府网站 3 个，发现不合格网站 1 个，合格率 66.7%，平均得分 90.0 分。',
      },
    ]);
  });

  it('a notice with no recorded publication date is dated by its as-of date', () => {
    const $d = load(atomFeed([{ summary: q3 }], links), { xml: true });
    expect($d('entry > updated').text()).toBe('2026-08-19T16:00:00.000Z');
    expect($d('entry > published').text()).toBe('2026-08-19T16:00:00.000Z');
  });

  it('is byte-stable: the same bytes at another time and in any input order', () => {
    vi.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z') });
    try {
      expect(atomFeed(notices.toReversed(), links)).toBe(xml);
      expect(atomFeed([], links)).not.toContain('2031');
    } finally {
      vi.useRealTimers();
    }
  });

  it('with no quarter it is still a valid feed, dated at the epoch', () => {
    const empty = load(atomFeed([], links), { xml: true });
    expect(empty('feed > updated').text()).toBe('1970-01-01T00:00:00.000Z');
    expect(empty('entry').length).toBe(0);
  });
});

describe('siteFeed and unitFeed', () => {
  const own = { home: 'https://example.github.io/repo/sites/hexi/', self: 'https://example.github.io/repo/sites/hexi/feed.xml', check: (s: string, q: string) => `https://example.github.io/repo/sites/${s}/#${q}` };
  const CLAUSE = '扣分：可用性—链接可用性';
  const broken = { indicator: 'broken-link', target: 'http://hexi.gov.cn/x', page: 'http://hexi.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: CLAUSE };
  const hexiQ2 = row({ site: 'hexi', name: '河西县人民政府', quarter: '2026-Q2', asOf: '2026-05-20', score: 99.8, findings: [broken] });
  const hexiQ3 = row({ site: 'hexi', name: '河西县人民政府', quarter: '2026-Q3', asOf: '2026-08-20', score: 100, verdict: 'fail', vetoes: ['site-unreachable'] });
  const hexiQ4 = row({ site: 'hexi', name: '河西县人民政府', quarter: '2026-Q4', asOf: '2026-11-20', score: 58, verdict: 'fail' });
  // 2026-Q4 is a draft; Q3 was corrected after publication; Q2's publication date was not recorded.
  const dates = (q: string) => ({ '2026-Q2': {}, '2026-Q3': { published: '2026-10-15', corrected: '2026-10-28' } })[q as '2026-Q2'];

  it('a site: one entry per published check, newest first, its veto named, dated by its notice; the draft left out', () => {
    const $s = load(siteFeed('河西县人民政府', [hexiQ2, hexiQ4, hexiQ3], dates, own), { xml: true });
    expect($s('feed > id').text()).toBe(own.self);
    expect($s('feed > title').text()).toBe('河西县人民政府 · 检查结果');
    expect($s('entry > title').toArray().map((e) => $s(e).text())).toEqual([
      '河西县人民政府：2026年第三季度检查不合格（单项否决：站点无法访问），得分 100.0 分',
      '河西县人民政府：2026年第二季度检查合格，得分 99.8 分',
    ]);
    expect($s('entry > link').toArray().map((e) => e.attribs['href'])).toEqual([own.check('hexi', '2026-Q3'), own.check('hexi', '2026-Q2')]);
    expect($s('entry > updated').toArray().map((e) => $s(e).text())).toEqual(['2026-10-27T16:00:00.000Z', '2026-05-19T16:00:00.000Z']);
    expect($s('entry > summary').eq(1).text()).toBe('检查发现的问题：链接不可用 1 个。共 1 条问题，每条的证据和整改方法见网站页面。');
    // Dated by its latest entry: the same bytes on every build.
    expect($s('feed > updated').text()).toBe('2026-10-27T16:00:00.000Z');
    expect(siteFeed('河西县人民政府', [hexiQ2, hexiQ4, hexiQ3], dates, own)).toBe(siteFeed('河西县人民政府', [hexiQ3, hexiQ2, hexiQ4], dates, own));
  });

  it('a site with only a draft: a valid feed without entries, dated at the epoch', () => {
    const $s = load(siteFeed('河西县人民政府', [hexiQ4], dates, own), { xml: true });
    expect($s('entry').length).toBe(0);
    expect($s('feed > updated').text()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('a unit: one entry per published quarter, the failing sites named with their veto or score, the others that lost points counted', () => {
    const unitLinks = { ...own, home: 'https://example.github.io/repo/units/hexi/', self: 'https://example.github.io/repo/units/hexi/feed.xml' };
    const eduQ3 = row({ site: 'hexi-edu', name: '河西县教育局', quarter: '2026-Q3', asOf: '2026-08-21', score: 55, verdict: 'fail' });
    const jtjQ3 = row({ site: 'hexi-jtj', name: '河西县交通运输局', quarter: '2026-Q3', asOf: '2026-08-19', score: 99.8, findings: [broken] });
    const $u = load(unitFeed('河西县人民政府办公室', [hexiQ2, hexiQ3, eduQ3, jtjQ3, hexiQ4], dates, unitLinks), { xml: true });
    expect($u('entry > title').toArray().map((e) => $u(e).text())).toEqual([
      '河西县人民政府办公室：2026年第三季度检查，负责的 3 个网站中不合格 2 个',
      '河西县人民政府办公室：2026年第二季度检查，负责的 1 个网站中不合格 0 个',
    ]);
    expect($u('entry > summary').toArray().map((e) => $u(e).text())).toEqual([
      '不合格：河西县人民政府（单项否决：站点无法访问）、河西县教育局（得分 55.0 分）。合格但有扣分问题的网站 1 个。各网站的问题见其网站页面。',
      '全部合格。合格但有扣分问题的网站 1 个。各网站的问题见其网站页面。',
    ]);
    expect($u('entry > id').toArray().map((e) => $u(e).text())).toEqual([`${unitLinks.home}#2026-Q3`, `${unitLinks.home}#2026-Q2`]);
    // The quarter's newest as-of date when the publication was not recorded.
    expect($u('entry > published').eq(1).text()).toBe('2026-05-19T16:00:00.000Z');
  });

  it(`a unit entry names the first ${UNIT_FEED_NAMED} failing sites and counts the rest`, () => {
    const many = Array.from({ length: UNIT_FEED_NAMED + 5 }, (_, i) => row({ site: `s${String(i).padStart(3, '0')}`, name: `网站${i}`, quarter: '2026-Q3', asOf: '2026-08-20', score: 50, verdict: 'fail' }));
    const summary = load(unitFeed('某单位', many, dates, own), { xml: true })('entry > summary').text();
    expect(summary).toContain(`网站${UNIT_FEED_NAMED - 1}（`);
    expect(summary).not.toContain(`网站${UNIT_FEED_NAMED}（`);
    expect(summary).toContain(`等 ${UNIT_FEED_NAMED + 5} 个。`);
  });
});
