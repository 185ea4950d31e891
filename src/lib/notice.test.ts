import { describe, expect, it } from 'vitest';
import { CHINESE_ORDINALS, namedSites, noticeTitle } from './notice.ts';

describe('notice wording', () => {
  it('titles the notice as the offices do', () => {
    expect(noticeTitle('2026-Q4')).toBe('关于2026年第四季度政府网站检查情况的通报');
  });
  it('numbers sub-items in Chinese', () => {
    expect([CHINESE_ORDINALS[0], CHINESE_ORDINALS[9], CHINESE_ORDINALS[10], CHINESE_ORDINALS[19], CHINESE_ORDINALS[20]]).toEqual(['一', '十', '十一', '二十', '二十一']);
  });
  it('names at most the limit and counts the rest', () => {
    expect(namedSites(['a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1 });
    expect(namedSites(['a'], 2)).toEqual({ shown: ['a'], more: 0 });
  });
});
