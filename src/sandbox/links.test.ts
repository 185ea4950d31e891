// The truth is only useful if it is true: crawl every site with a simple reference crawler and
// check that exactly the seeded links fail, at the pages the truth names (on the script-built sites
// of the second dozen, as a browser shows their pages).
import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkLink, probeSite, type ProbeResult } from './reference-crawler.ts';
import { startSandbox, type RunningSandbox } from './server.ts';

const OPTIONS = [
  { sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20' },
  { sites: 12, pagesPerSite: 12, seed: 20260401, asOf: '2026-03-31' },
  { sites: 24, pagesPerSite: 20, seed: 7, asOf: '2025-06-30' },
];

describe.each(OPTIONS)('served links match the truth (seed $seed, $pagesPerSite pages)', (opts) => {
  let sb: RunningSandbox;
  let agent: ProxyAgent;
  const probes = new Map<string, ProbeResult>();
  const verdicts = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    sb = await startSandbox(opts);
    agent = new ProxyAgent({ uri: sb.proxyUrl });
    const up = sb.web.sites.filter((s) => !sb.web.truth.some((t) => t.site === s.id && t.indicator === 'site-unreachable'));
    await Promise.all(up.map(async (s) => {
      const probe = await probeSite(agent, s.url);
      probes.set(s.id, probe);
      const v = new Map<string, string>();
      const allowed = [...probe.links.keys()].filter((link) => !probe.disallowed.includes(link));
      await Promise.all(allowed.map(async (link) => v.set(link, await checkLink(agent, link))));
      verdicts.set(s.id, v);
    }));
  });

  afterAll(async () => {
    await agent?.close();
    await sb?.close();
  });

  test('every site but the down ones was crawled, within the page budget', () => {
    expect(probes.size).toBe(opts.sites - sb.web.truth.filter((t) => t.indicator === 'site-unreachable').length);
    for (const [, p] of probes) {
      expect(p.pages.length).toBeGreaterThan(3);
      expect(p.pages.length).toBeLessThanOrEqual(opts.pagesPerSite);
    }
  });

  test('broken links found = broken links seeded, with the same referring page', () => {
    for (const [site, v] of verdicts) {
      const probe = probes.get(site) as ProbeResult;
      const found = [...v].filter(([, verdict]) => verdict !== 'ok').map(([link]) => `${link} @ ${probe.links.get(link)}`).sort();
      const seeded = sb.web.truth.filter((t) => t.site === site && t.indicator === 'broken-link').map((t) => `${t.target} @ ${t.page}`).sort();
      expect({ site, broken: found }).toEqual({ site, broken: seeded });
    }
  });

  test('robots.txt-disallowed pages were skipped and never requested', () => {
    const withRobots = sb.web.controls.filter((c) => c.note.startsWith('disallowed by robots'));
    expect(withRobots.length).toBeGreaterThan(0);
    for (const c of withRobots) {
      expect(probes.get(c.site)?.disallowed).toContain(c.target);
      const u = new URL(c.target);
      expect(sb.requests(u.hostname, u.pathname)).toBe(0);
    }
  });

  test('commented-out links are invisible to an HTML parser', () => {
    for (const c of sb.web.controls.filter((x) => x.note.startsWith('link inside an HTML comment'))) {
      expect(probes.get(c.site)?.links.has(c.target)).toBe(false);
    }
  });
});
