import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { row } from './fixtures.test-helpers.ts';
import { siteJson, unitJson, type OwnDataLinks } from './own-data.ts';

const B = 'https://example.github.io/repo/';
const links: OwnDataLinks = {
  site: (s) => `${B}sites/${s}/`,
  check: (s, q) => `${B}sites/${s}/#${q}`,
  finding: (s, q, id) => `${B}sites/${s}/#${q}-${id}`,
  siteFeed: (s) => `${B}sites/${s}/feed.xml`,
  siteData: (s) => `${B}sites/${s}/data.json`,
  unit: (u) => `${B}units/${u}/`,
  unitFeed: (u) => `${B}units/${u}/feed.xml`,
  unitData: (u) => `${B}units/${u}/data.json`,
  notice: (q) => `${B}quarters/${q}/`,
  quarterData: (q) => `${B}data/${q}/data.json.gz`,
};
const broken = (target: string) => ({ indicator: 'broken-link', target, page: 'http://hexi.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: '扣分' });
const sha8 = (target: string) => createHash('sha256').update(`${target}\nhttp://hexi.gov.cn/`).digest('hex').slice(0, 8);
const Q2 = row({ site: 'hexi', name: '河西县政府', quarter: '2026-Q2', asOf: '2026-05-20', score: 99.8, findings: [broken('http://hexi.gov.cn/a')], unit: 'hexi' });
const Q3 = row({ site: 'hexi', name: '河西县人民政府', quarter: '2026-Q3', asOf: '2026-08-20', score: 99.8, findings: [broken('http://hexi.gov.cn/b')], unit: 'hexi', region: '河西县' });
const Q4 = row({ site: 'hexi', name: '河西县人民政府', quarter: '2026-Q4', asOf: '2026-11-20', score: 58, verdict: 'fail', vetoes: ['site-unreachable'], unit: 'hexi', region: '河西县' });
const isDraft = (q: string) => q === '2026-Q4';

describe('siteJson', () => {
  const data = JSON.parse(siteJson([Q2, Q4, Q3], isDraft, links));

  it('names the site as its latest check does, with its page, feed and every check newest first, each with its status', () => {
    expect(data).toMatchObject({ schemaVersion: 1, site: 'hexi', name: '河西县人民政府', url: 'http://hexi.gov.cn/', unit: 'hexi', region: '河西县', page: `${B}sites/hexi/`, feed: `${B}sites/hexi/feed.xml` });
    expect(data.checks.map((c: { quarter: string; status: string }) => `${c.quarter} ${c.status}`)).toEqual(['2026-Q4 draft', '2026-Q3 published', '2026-Q2 published']);
    expect(data.checks[0]).toMatchObject({ verdict: 'fail', vetoes: ['site-unreachable'], score: 58, findingCount: 0, notice: `${B}quarters/2026-Q4/`, data: `${B}data/2026-Q4/data.json.gz` });
  });

  it('gives the findings of the latest check and the latest published one, each with its id and permalink; older checks link to their open data', () => {
    expect(data.checks[0].findings).toEqual([]);
    expect(data.checks[1].findings).toEqual([{ id: `broken-link-${sha8('http://hexi.gov.cn/b')}`, ...broken('http://hexi.gov.cn/b'), permalink: `${B}sites/hexi/#2026-Q3-broken-link-${sha8('http://hexi.gov.cn/b')}` }]);
    expect(data.checks[2].findings).toBeUndefined();
    expect(data.checks[2].findingCount).toBe(1);
  });

  it('with a published latest check, only that one carries findings', () => {
    const d = JSON.parse(siteJson([Q2, Q3], isDraft, links));
    expect(d.checks.map((c: { findings?: unknown[] }) => c.findings !== undefined)).toEqual([true, false]);
  });
});

describe('unitJson', () => {
  const other = row({ site: 'hexi-edu', name: '河西县教育局', quarter: '2026-Q3', asOf: '2026-08-20', score: 96, unit: 'hexi-edu' });
  const data = JSON.parse(unitJson({ unit: 'hexi', name: '河西县人民政府办公室', parent: { unit: 'city', name: '市政府办公室' }, children: [{ unit: 'hexi-edu', name: '河西县教育局' }] }, [Q2, Q3, Q4, other], isDraft, links));

  it('lists its own sites with their latest and latest published check, and its parent and children by link', () => {
    expect(data.parent).toEqual({ unit: 'city', name: '市政府办公室', page: `${B}units/city/`, data: `${B}units/city/data.json` });
    expect(data.units).toEqual([{ unit: 'hexi-edu', name: '河西县教育局', page: `${B}units/hexi-edu/`, data: `${B}units/hexi-edu/data.json` }]);
    expect(data.sites.map((s: { site: string }) => s.site)).toEqual(['hexi']);
    const [site] = data.sites;
    expect(site).toMatchObject({ name: '河西县人民政府', data: `${B}sites/hexi/data.json`, feed: `${B}sites/hexi/feed.xml` });
    expect(site.latest).toMatchObject({ quarter: '2026-Q4', status: 'draft', verdict: 'fail' });
    expect(site.latestPublished).toMatchObject({ quarter: '2026-Q3', status: 'published', verdict: 'pass', findingCount: 1 });
    expect(site.latest.findings).toBeUndefined();
  });

  it('a site whose latest check is published has no latestPublished', () => {
    const d = JSON.parse(unitJson({ unit: 'hexi', name: '河西', children: [] }, [Q2, Q3], isDraft, links));
    expect(d.sites[0].latestPublished).toBeUndefined();
    expect(d.parent).toBeUndefined();
  });
});
