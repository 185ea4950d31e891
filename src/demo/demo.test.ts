import { expect, test } from 'vitest';
import { compareToTruth, totals } from '../sandbox/truth.ts';
import type { TruthEntry } from '../sandbox/web.ts';
import { formatScripted } from './demo.ts';

const entry = (site: string, indicator: string, target: string): TruthEntry => ({ site, indicator, target, page: 'http://x/', note: '' });

test('the script-built sites’ line: both render modes, then what the rendered crawl missed or wrongly reported', () => {
  const truth = [entry('a', 'broken-link', 'http://a/1'), entry('a', 'identity-mark-missing', 'icp'), entry('b', 'search-missing', 'http://b/')];
  const indicators = ['broken-link', 'identity-mark-missing', 'search-missing'];
  const scored = (findings: { site: string; indicator: string; target: string }[]) => {
    const scores = compareToTruth(findings, truth, indicators);
    return { totals: totals(scores), scores };
  };
  const rendered = scored([{ site: 'a', indicator: 'broken-link', target: 'http://a/1' }, { site: 'a', indicator: 'identity-mark-missing', target: 'icp' }]);
  const never = scored([{ site: 'a', indicator: 'identity-mark-missing', target: 'icp' }, { site: 'a', indicator: 'identity-mark-missing', target: 'psb' }]);
  expect(formatScripted({ sites: 2, render: 'auto', rendered, never })).toBe([
    '脚本生成内容的网站（2 个）：render auto 精确率 1.00 召回率 0.67（检出 2，误报 0，漏检 1） · render never 精确率 0.50 召回率 0.33（检出 1，误报 1，漏检 2）',
    '  render auto 漏检 search-missing b http://b/',
    '',
  ].join('\n'));
});
