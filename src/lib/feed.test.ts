import { load } from 'cheerio';
import { describe, expect, it, vi } from 'vitest';
import { asOfInstant, atomFeed, noticeSummary, type FeedLinks, type FeedNotice } from './feed.ts';
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
