import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../schemas/findings.ts';
import { checkFindingIds, findingIds } from './finding-id.ts';
import { findingAnchor, paths } from './urls.ts';

const f = (over: Partial<Finding> = {}): Finding => ({ indicator: 'broken-link', target: 'http://a.gov.cn/x', page: 'http://a.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: '扣分', ...over });

describe('findingIds', () => {
  it('is the indicator and 8 hex digits of SHA-256 over target and page', () => {
    const one = f();
    // Worked out by hand from the documented recipe, not from the function.
    const hex = createHash('sha256').update('http://a.gov.cn/x\nhttp://a.gov.cn/').digest('hex').slice(0, 8);
    expect(findingIds([one]).get(one)).toBe(`broken-link-${hex}`);
    expect(findingIds([one]).get(one)).toMatch(/^broken-link-[0-9a-f]{8}$/);
  });

  it('does not change with the points, evidence, review, reply or the findings around it', () => {
    const a = f();
    const b = f({ points: 0.1, detail: 'HTTP 500', review: { decision: 'confirmed', inspector: '张三', date: '2026-11-02' }, reply: { text: '已修复', date: '2026-11-03' } });
    const other = f({ target: 'http://a.gov.cn/y' });
    expect(findingIds([a]).get(a)).toBe(findingIds([other, b]).get(b));
  });

  it('differs by indicator, target and page', () => {
    const list = [f(), f({ indicator: 'typo' }), f({ target: 'http://a.gov.cn/y' }), f({ page: 'http://a.gov.cn/list/' })];
    expect(new Set(findingIds(list).values()).size).toBe(4);
  });

  it('numbers repeats in file order', () => {
    const a = f();
    const b = f({ source: 'manual' });
    const c = f({ detail: 'again' });
    const ids = findingIds([a, b, c]);
    expect(ids.get(b)).toBe(`${ids.get(a)}-2`);
    expect(ids.get(c)).toBe(`${ids.get(a)}-3`);
  });

  it('keeps a finding’s id when review moves it to the dismissed list', () => {
    const a = f();
    const b = f({ target: 'http://a.gov.cn/y' });
    const before = checkFindingIds({ findings: [a, b] });
    const after = checkFindingIds({ findings: [a], dismissed: [b] });
    expect(after.get(b)).toBe(before.get(b));
    expect(after.get(a)).toBe(before.get(a));
  });
});

describe('findingAnchor', () => {
  it('puts the quarter first, on the site page', () => {
    expect(findingAnchor('2026-Q3', 'typo-0123abcd')).toBe('2026-Q3-typo-0123abcd');
    expect(paths.finding('kaisha', '2026-Q3', 'typo-0123abcd')).toBe('sites/kaisha/#2026-Q3-typo-0123abcd');
  });
});

describe('checkFindingIds, asked again', () => {
  const f = (target: string): Finding => ({ indicator: 'broken-link', target, page: 'http://www.linhe.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: '扣分' });
  it('gives the same ids without working them out again, and new ones when the row’s lists are others', () => {
    const row = { findings: [f('http://www.linhe.gov.cn/a')], dismissed: [f('http://www.linhe.gov.cn/b')] };
    const first = checkFindingIds(row);
    expect(checkFindingIds(row)).toBe(first);
    expect([...first.values()]).toEqual([...findingIds([...row.findings, ...row.dismissed]).values()]);
    const changed = { ...row, findings: [f('http://www.linhe.gov.cn/c')] };
    expect([...checkFindingIds(changed).keys()]).toEqual([changed.findings[0], row.dismissed[0]]);
    row.findings = [f('http://www.linhe.gov.cn/d')];
    expect(checkFindingIds(row)).not.toBe(first);
    expect(checkFindingIds(row).get(row.findings[0]!)).toMatch(/^broken-link-[0-9a-f]{8}$/);
  });
});
