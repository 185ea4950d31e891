import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Finding, SiteQuarter } from '../../schemas/findings.ts';
import { MAX_SHOTS_PER_SITE, planShots, pruneShots, saveShots, shotName, withScreenshots } from './evidence.ts';

const HOME = 'http://www.linhe.gov.cn/';
const f = (indicator: string, target: string, page = HOME, more: Partial<Finding> = {}): Finding => ({ indicator, target, page, points: 0.2, detail: '', clause: 'x', ...more });

const site = (findings: Finding[], over: Partial<SiteQuarter> = {}): SiteQuarter => ({
  site: 'linhe',
  name: '临河区人民政府',
  url: HOME,
  unit: 'linhe-gov',
  quarter: '2026-Q4',
  asOf: '2026-11-20',
  verdict: 'fail',
  score: 55,
  vetoes: [],
  stats: { pages: 1, links: 1, inconclusive: 0 },
  findings,
  ...over,
});

describe('shotName', () => {
  test('the same site, indicator, target and page give the same name; any other gives another', () => {
    const a = f('broken-link', `${HOME}a.html`);
    expect(shotName('linhe', a)).toMatch(/^[0-9a-f]{16}\.jpg$/);
    const again: Finding = { ...a, detail: 'HTTP 404', points: 1 };
    expect(shotName('linhe', again)).toBe(shotName('linhe', a));
    const others = [shotName('kaisha', a), shotName('linhe', { ...a, indicator: 'typo' }), shotName('linhe', { ...a, target: `${HOME}b.html` }), shotName('linhe', { ...a, page: `${HOME}x/` })];
    expect(new Set([shotName('linhe', a), ...others]).size).toBe(5);
  });
});

describe('planShots', () => {
  test('a site that passes gets none', () => {
    expect(planShots(site([f('broken-link', 'x')], { verdict: 'pass' }))).toEqual([]);
  });

  test('vetoes first, then the deductions that cost most, one of each indicator in turn, up to the cap', () => {
    const findings = [
      ...Array.from({ length: 20 }, (_, i) => f('broken-link', `${HOME}b${String(i).padStart(2, '0')}.html`)),
      f('hidden-link', 'http://spam.example/', HOME, { points: 0, where: { part: 'body', selector: 'div.yqlj > a:nth-of-type(3)', text: '澳门新葡京' } }),
      f('typo', '政府网占', `${HOME}x.html`, { points: 1 }),
      f('typo', '人民政俯', `${HOME}y.html`, { points: 1 }),
    ];
    const plan = planShots(site(findings, { vetoes: ['hidden-link'] }));
    expect(plan).toHaveLength(MAX_SHOTS_PER_SITE);
    // The veto first, then by points lost: broken-link (20 × 0.2 = 4) before typo (2); then a second of each in turn.
    expect(plan.slice(0, 3).map((p) => findings[p.index]!.indicator)).toEqual(['hidden-link', 'broken-link', 'typo']);
    expect(plan.slice(3, 5).map((p) => findings[p.index]!.indicator)).toEqual(['broken-link', 'typo']);
    expect(plan.slice(5).every((p) => findings[p.index]!.indicator === 'broken-link')).toBe(true);
    expect(plan[0]).toEqual({ index: 20, url: HOME, selector: 'div.yqlj > a:nth-of-type(3)', path: `evidence/2026-Q4/linhe/${shotName('linhe', findings[20]!)}` });
  });

  test('the page shown is where the element is; manual findings, advice, bonus and findings off the web get none', () => {
    const findings = [
      f('column-stale', '通知公告', `${HOME}tzgg/`, { where: { part: 'body', selector: '#tzgg h3', text: '通知公告', page: HOME } }),
      f('message-overdue', '咨询', HOME, { source: 'manual', screenshot: 'evidence/2026-Q4/linhe-msg.png' }),
      f('https-missing', HOME, HOME, { points: 0 }),
      f('data-release-updated', 'x', HOME),
      f('site-unreachable', 'www.linhe.gov.cn', 'www.linhe.gov.cn', { points: 0 }),
    ];
    const plan = planShots(site(findings, { vetoes: ['site-unreachable'] }));
    expect(plan.map((p) => [findings[p.index]!.indicator, p.url, p.selector])).toEqual([['column-stale', HOME, '#tzgg h3']]);
  });

  test('personal data exposed is never pictured: the screenshot would show the numbers the finding masks', () => {
    const findings = [f('personal-data-exposed', `${HOME}gsgg/1.html`, `${HOME}gsgg/1.html`, { points: 0 }), f('typo', '政府网占', `${HOME}x.html`, { points: 1 })];
    const plan = planShots(site(findings, { vetoes: ['personal-data-exposed'] }));
    expect(plan.map((p) => findings[p.index]!.indicator)).toEqual(['typo']);
  });
});

describe('withScreenshots', () => {
  test('names each shot on its finding and leaves the others as they were', () => {
    const r = site([f('broken-link', 'a'), f('broken-link', 'b')]);
    const out = withScreenshots(r, [{ index: 1, path: 'evidence/2026-Q4/linhe/0123456789abcdef.jpg' }]);
    expect(out.findings.map((x) => x.screenshot)).toEqual([undefined, 'evidence/2026-Q4/linhe/0123456789abcdef.jpg']);
    expect(withScreenshots(r, [])).toBe(r);
  });
});

describe('saveShots', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'evidence-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the shots, then prunes the crawl’s earlier ones not taken again, never an inspector’s file', () => {
    const folder = join(dir, '2026-Q4', 'linhe');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'aaaaaaaaaaaaaaaa.jpg'), 'old');
    writeFileSync(join(folder, 'bbbbbbbbbbbbbbbb.jpg'), 'old');
    writeFileSync(join(folder, 'message.png'), 'an inspector’s');
    saveShots(folder, [{ name: 'bbbbbbbbbbbbbbbb.jpg', jpeg: Buffer.from('new') }]);
    expect(readdirSync(folder).sort()).toEqual(['aaaaaaaaaaaaaaaa.jpg', 'bbbbbbbbbbbbbbbb.jpg', 'message.png']);
    expect(readFileSync(join(folder, 'bbbbbbbbbbbbbbbb.jpg'), 'utf8')).toBe('new');
    pruneShots(folder, new Set(['bbbbbbbbbbbbbbbb.jpg']));
    expect(readdirSync(folder).sort()).toEqual(['bbbbbbbbbbbbbbbb.jpg', 'message.png']);
    saveShots(join(dir, '2026-Q4', 'kaisha'), []);
    pruneShots(join(dir, '2026-Q4', 'kaisha'), new Set());
    expect(existsSync(join(dir, '2026-Q4', 'kaisha'))).toBe(false);
  });
});
