import { describe, expect, test } from 'vitest';
import { dateShape, repeatsItself, resolveLink } from './urls.ts';

const BASE = 'http://www.linhe.gov.cn/col/index.html';

describe('resolveLink', () => {
  test('resolves against the page, drops the fragment, and skips what leads nowhere to check', () => {
    expect(resolveLink('../a.html#top', BASE)).toBe('http://www.linhe.gov.cn/a.html');
    expect(resolveLink('javascript:void(0)', BASE)).toBeUndefined();
    expect(resolveLink('mailto:a@b.cn', BASE)).toBeUndefined();
    expect(resolveLink('#', BASE)).toBeUndefined();
  });

  test('a link resolved before is resolved again against another page, and gives the same answer twice', () => {
    for (let i = 0; i < 2; i++) {
      expect(resolveLink('a.html', BASE)).toBe('http://www.linhe.gov.cn/col/a.html');
      expect(resolveLink('a.html', 'http://www.linhe.gov.cn/other/')).toBe('http://www.linhe.gov.cn/other/a.html');
      expect(resolveLink('a.html', 'https://www.linhe.gov.cn/col/')).toBe('https://www.linhe.gov.cn/col/a.html');
      expect(resolveLink('javascript:go()', BASE)).toBeUndefined();
      expect(resolveLink(' a.html', BASE)).toBe('http://www.linhe.gov.cn/col/a.html');
    }
  });

  test('a session id is not part of a page: the same page under every session', () => {
    expect(resolveLink('/art/1.jsp;jsessionid=9F3A1C0B2D?id=5', BASE)).toBe('http://www.linhe.gov.cn/art/1.jsp?id=5');
    expect(resolveLink('/art/1.php?PHPSESSID=abc123&id=5', BASE)).toBe('http://www.linhe.gov.cn/art/1.php?id=5');
    expect(resolveLink('/art/1.asp?sid=77', BASE)).toBe('http://www.linhe.gov.cn/art/1.asp');
    // Other parameters, and names that merely contain "sid", stay.
    expect(resolveLink('/list.do?siteid=3&page=2', BASE)).toBe('http://www.linhe.gov.cn/list.do?siteid=3&page=2');
  });
});

describe('dateShape', () => {
  test('the URLs of a calendar share one shape, whatever the date', () => {
    const a = dateShape('http://www.linhe.gov.cn/cal/2026-11-01.html');
    expect(a).toBeDefined();
    expect(dateShape('http://www.linhe.gov.cn/cal/2027-01-31.html')).toBe(a);
    expect(dateShape('http://www.linhe.gov.cn/rl.do?date=20261101&type=1')).toBe(dateShape('http://www.linhe.gov.cn/rl.do?type=1&date=20270315'));
    expect(dateShape('http://www.linhe.gov.cn/rl?year=2026&month=11&day=1')).toBe(dateShape('http://www.linhe.gov.cn/rl?year=2031&month=2&day=28'));
  });

  test('articles keep shapes of their own: the id after the date differs', () => {
    expect(dateShape('http://www.linhe.gov.cn/xwzx/202611/t20261110_611973.html')).not.toBe(dateShape('http://www.linhe.gov.cn/xwzx/202611/t20261111_611980.html'));
  });

  test('a URL with no date has no shape (the page cap is its budget)', () => {
    expect(dateShape('http://www.linhe.gov.cn/col/col1825/index_3.html')).toBeUndefined();
    expect(dateShape('http://www.linhe.gov.cn/202611/index.html')).toBeUndefined();
  });
});

describe('repeatsItself', () => {
  test('a segment three times in a path is a loop of relative links, in a row or not', () => {
    expect(repeatsItself('http://www.linhe.gov.cn/zwgk/zwgk/zwgk/index.html')).toBe(true);
    expect(repeatsItself('http://www.linhe.gov.cn/a/b/a/b/a/')).toBe(true);
    expect(repeatsItself('http://www.linhe.gov.cn/xxgk/zwgk/xxgk/zwgk/zwgk/')).toBe(true);
  });

  test('real paths repeat a segment at most twice', () => {
    expect(repeatsItself('http://www.linhe.gov.cn/xxgk/xxgk/index.html')).toBe(false);
    expect(repeatsItself('http://www.linhe.gov.cn/a/b/a/b/')).toBe(false);
    expect(repeatsItself('http://www.linhe.gov.cn/2026/11/11/t20261111_1.html')).toBe(false);
    expect(repeatsItself('http://www.linhe.gov.cn/col/col1825/index.html')).toBe(false);
  });
});
