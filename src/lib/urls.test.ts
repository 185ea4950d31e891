import { describe, expect, it } from 'vitest';
import { allQuartersDataHref, evidenceHref, evidenceOrigin, externalHref, joinBase, paths } from './urls.ts';

describe('joinBase', () => {
  it.each([
    ['/', '', '/'],
    ['/', 'quarters/2026-Q4/', '/quarters/2026-Q4/'],
    ['/', '/quarters/2026-Q4/', '/quarters/2026-Q4/'],
    ['/repo', '', '/repo/'],
    ['/repo', 'quarters/2026-Q4/', '/repo/quarters/2026-Q4/'],
    ['/repo/', 'quarters/2026-Q4/', '/repo/quarters/2026-Q4/'],
    ['/repo/', '/sites/linhe/#2026-Q3', '/repo/sites/linhe/#2026-Q3'],
    ['repo', 'favicon.svg', '/repo/favicon.svg'],
    ['/a/b/', 'favicon.svg', '/a/b/favicon.svg'],
    ['', 'x/', '/x/'],
  ])('base %j + %j → %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  it('refuses absolute URLs: external links never go through the base', () => {
    expect(() => joinBase('/', 'http://www.linhe.gov.cn/')).toThrow();
    expect(() => joinBase('/', '//evil.example/')).toThrow();
    expect(() => joinBase('/', 'javascript:alert(1)')).toThrow();
  });
});

describe('evidenceHref', () => {
  it('links a screenshot under the base, or under EVIDENCE_URL when the screenshots are kept elsewhere', () => {
    const path = 'evidence/2026-Q4/linhe/0123456789abcdef.jpg';
    expect(evidenceHref(path, undefined)).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path}`);
    expect(evidenceHref(path, 'https://evidence.example.gov.cn/shots/')).toBe('https://evidence.example.gov.cn/shots/2026-Q4/linhe/0123456789abcdef.jpg');
    // An inspector's picture elsewhere under public/ stays the portal's own.
    expect(evidenceHref('img/x.png', 'https://evidence.example.gov.cn')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/img/x.png`);
  });

  it('gives the origin the Content-Security-Policy must allow, and refuses what is not http(s)', () => {
    expect(evidenceOrigin('https://evidence.example.gov.cn/shots/')).toBe('https://evidence.example.gov.cn');
    expect(evidenceOrigin(undefined)).toBeUndefined();
    expect(() => evidenceOrigin('javascript:alert(1)')).toThrow(/EVIDENCE_URL/);
  });
});

describe('paths', () => {
  it('builds the page paths', () => {
    expect(paths.home()).toBe('');
    expect(paths.quarter('2026-Q4')).toBe('quarters/2026-Q4/');
    expect(paths.site('linhe')).toBe('sites/linhe/');
    expect(paths.site('linhe', '2026-Q4')).toBe('sites/linhe/#2026-Q4');
    expect(paths.unit('linhe-office')).toBe('units/linhe-office/');
    expect(paths.assessments()).toBe('assessment/');
    expect(paths.assessment('2026')).toBe('assessment/2026/');
    // The two large files are published compressed, sites.csv as it is.
    expect(paths.dataFile('2026-Q4', 'findings.csv')).toBe('data/2026-Q4/findings.csv.gz');
    expect(paths.dataFile('2026-Q4', 'data.json')).toBe('data/2026-Q4/data.json.gz');
    expect(paths.dataFile('2026-Q4', 'sites.csv')).toBe('data/2026-Q4/sites.csv');
  });
});

describe('allQuartersDataHref', () => {
  it('links the portal’s own data/all/, or the files under OPEN_DATA_ALL_URL, all compressed', () => {
    expect(allQuartersDataHref('sites.csv', '')).toBe('/data/all/sites.csv.gz');
    expect(allQuartersDataHref('data.json', '')).toBe('/data/all/data.json.gz');
    expect(allQuartersDataHref('findings.csv', 'https://github.com/office/portal/releases/download/open-data/')).toBe('https://github.com/office/portal/releases/download/open-data/findings.csv.gz');
    expect(allQuartersDataHref('findings.csv', 'https://github.com/office/portal/releases/download/open-data')).toBe('https://github.com/office/portal/releases/download/open-data/findings.csv.gz');
    expect(() => allQuartersDataHref('sites.csv', 'releases/open-data')).toThrow(/OPEN_DATA_ALL_URL must be an http\(s\) URL/);
  });
});

describe('externalHref', () => {
  it.each([
    ['http://www.linhe.gov.cn/', 'http://www.linhe.gov.cn/'],
    ['https://www.hexi.gov.cn/a?b=1', 'https://www.hexi.gov.cn/a?b=1'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['mailto:a@b.cn', null],
    ['工作动态', null],
    ['/relative/path', null],
  ])('%j → %j', (url, expected) => {
    expect(externalHref(url)).toBe(expected);
  });
});
