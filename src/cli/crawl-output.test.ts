import { describe, expect, test } from 'vitest';
import { pace, progressReporter } from './crawl-output.ts';
import type { SiteQuarter } from '../schemas/findings.ts';
import type { Site } from '../schemas/registry.ts';

describe('the crawl’s progress', () => {
  test('the pace: requests per second of the run so far, and the hosts being fetched from now', () => {
    expect(pace({ requests: 2141, elapsedMs: 36_000, hostsBusy: 19, sitesAtOnce: 24 })).toBe('59.5 请求/s，24 个网站同时检查，19 个主机在访问');
    expect(pace({ requests: 0, elapsedMs: 0, hostsBusy: 0, sitesAtOnce: 0 })).toBe('0.0 请求/s，0 个网站同时检查，0 个主机在访问');
  });

  test('without a terminal, one line per site ends with the run’s pace', () => {
    let out = '';
    const stream = { isTTY: false, write: (s: string) => void (out += s) } as unknown as NodeJS.WriteStream;
    const p = progressReporter(stream);
    const site = { id: 'linhe' } as Site;
    const result = { site: 'linhe', verdict: 'fail', score: 88, findings: [{}, {}], stats: { pages: 40, links: 60, inconclusive: 0 } } as unknown as SiteQuarter;
    p.onEvent({ type: 'start', total: 2 });
    p.onEvent({ type: 'site-done', site, result, file: 'x.md', ms: 9_800, run: { requests: 300, elapsedMs: 10_000, hostsBusy: 7, sitesAtOnce: 3 } });
    expect(out).toBe('[1/2] linhe 不合格 88.0 分，问题 2 项，页面 40，链接 60（9.8 s） | 30.0 请求/s，3 个网站同时检查，7 个主机在访问\n');
  });
});
