import { describe, expect, test } from 'vitest';
import rule, { nameForms } from './domain-nonstandard.ts';
import { context, page, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('domain-nonstandard', { points: { each: 1 } });
const withHeader = (url: string, header: string, kind: 'portal' | 'department' = 'portal') =>
  snapshot({ url, kind, pages: [page(url, { header }, 0)] });

describe('nameForms', () => {
  test.each([
    ['临河市人民政府', ['临河市人民政府', '临河市']],
    ['临河市教育局', ['临河市教育局', '教育局']],
    ['临河市人民政府门户网站', ['临河市人民政府门户网站', '临河市人民政府', '临河市']],
    ['国家税务总局', ['国家税务总局']],
  ])('%s', (name, forms) => {
    expect(nameForms(name)).toEqual(forms);
  });
});

describe('domain-nonstandard', () => {
  test.each([
    ['a portal at www.<place>.gov.cn', 'http://www.linhe.gov.cn/', 'portal'],
    ['the national portal', 'http://www.gov.cn/', 'portal'],
    ['a department at <dept>.<place>.gov.cn', 'http://jyj.linhe.gov.cn/', 'department'],
    ['a department under its portal', 'http://www.linhe.gov.cn/jyj/', 'department'],
  ] as const)('%s passes', (_n, url, kind) => {
    expect(rule.run(withHeader(url, '临河市人民政府 临河市教育局', kind), ctx)).toEqual({ status: 'pass' });
  });

  test.each([
    ['a .com.cn domain', 'http://www.linhejy.com.cn/', 'department', '域名 www.linhejy.com.cn 不在 .gov.cn 下'],
    ['a portal without www', 'http://linhe.gov.cn/', 'portal', '门户网站域名 linhe.gov.cn 不符合 www.地名.gov.cn 的形式'],
  ] as const)('%s is a domain finding', (_n, url, kind, detail) => {
    expect(rule.run(withHeader(url, '临河市人民政府 临河市教育局', kind), ctx)).toEqual({
      status: 'fail',
      findings: [{ indicator: 'domain-nonstandard', target: 'domain', page: url, points: 1, detail }],
    });
  });

  test('a header that shows only the place of a 人民政府 portal names it', () => {
    expect(rule.run(withHeader('http://www.linhe.gov.cn/', '中国·临河市 今天是2026年11月20日'), ctx)).toEqual({ status: 'pass' });
  });

  test('a header without the name is a header-name finding', () => {
    expect(rule.run(withHeader('http://www.linhe.gov.cn/', '今天是2026年11月20日 无障碍 长者模式'), ctx)).toMatchObject({
      status: 'fail',
      findings: [{ target: 'header-name', detail: '首页页头未见网站名称“临河市人民政府”' }],
    });
  });

  test('an unreadable header (no text, no alt) is not judged', () => {
    expect(rule.run(withHeader('http://www.linhe.gov.cn/', ''), ctx)).toEqual({ status: 'pass' });
  });
});
