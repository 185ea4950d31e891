import { expect, test } from 'vitest';
import { compareToTruth, totals } from '../sandbox/truth.ts';
import type { SandboxWeb, TruthEntry } from '../sandbox/web.ts';
import { classScores, formatClasses, formatScripted } from './demo.ts';

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

test('each trap class is scored on its own sites only: a miss or a false finding elsewhere does not touch it', () => {
  const truth = [entry('a', 'column-blank', '财政信息'), entry('a', 'typo', '社会主意'), entry('b', 'broken-link', 'http://b/1'), entry('c', 'column-stale', '工作动态')];
  const web = {
    truth,
    controls: [entry('a', 'typo', '中国银行保险监督管理委员会'), entry('b', 'broken-link', 'http://b/brief')],
    traps: new Map([['tab-box', ['a']], ['soft-404-other-host', ['b']]]),
  } as unknown as SandboxWeb;
  const indicators = ['column-blank', 'column-stale', 'typo', 'broken-link'];
  // Site a: all found, plus its reformed-name control reported; b: its soft 404 missed; c (no class): missed.
  const found = [
    { site: 'a', indicator: 'column-blank', target: '财政信息' },
    { site: 'a', indicator: 'typo', target: '社会主意' },
    { site: 'a', indicator: 'typo', target: '中国银行保险监督管理委员会' },
  ];
  const classes = classScores(web, found, indicators);
  expect(classes.map((c) => [c.name, c.sites, c.controls, c.totals.tp, c.totals.fp, c.totals.fn])).toEqual([
    ['tab-box', 1, 1, 2, 1, 0],
    ['soft-404-other-host', 1, 1, 0, 0, 1],
  ]);
  expect(formatClasses(classes)).toBe([
    'trap class           sites  controls  TP  FP  FN  precision  recall',
    '-------------------  -----  --------  --  --  --  ---------  ------',
    'tab-box                  1         1   2   1   0       0.67    1.00',
    'soft-404-other-host      1         1   0   0   1       1.00    0.00',
    '  tab-box 误报 typo a 中国银行保险监督管理委员会',
    '  soft-404-other-host 漏检 broken-link b http://b/1',
    '',
  ].join('\n'));
});
