import { describe, expect, test } from 'vitest';
import { collectedSites, type Site } from './registry.ts';

const site = (id: string, over: Partial<Site> = {}): Site => ({ id, name: `${id} 网站`, url: `http://${id}.gov.cn/`, unit: 'u', kind: 'department', ...over });

describe('collectedSites', () => {
  const province = site('sheng', { kind: 'portal', collectsReports: true });
  const sites = [province, site('a'), site('b', { closed: '2026-03-01' }), site('c', { closed: '2026-12-31' }), site('zl', { kind: 'column', url: 'http://a.gov.cn/zl/' })];

  test('every other website of the registry still open on the as-of date: not itself, not a 专栏, not one closed by then', () => {
    expect(collectedSites(province, sites, '2026-11-20')?.map((s) => s.id)).toEqual(['a', 'c']);
  });

  test('a site the registry does not mark collects none', () => {
    expect(collectedSites(site('a'), sites, '2026-11-20')).toBeUndefined();
  });
});
