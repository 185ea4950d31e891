import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapUrl } from './robots.ts';

describe('sitemapUrl', () => {
  it.each([
    ['https://example.github.io', '/', 'https://example.github.io/sitemap-index.xml'],
    ['https://example.github.io', '', 'https://example.github.io/sitemap-index.xml'],
    ['https://example.github.io', '/gov-portal', 'https://example.github.io/gov-portal/sitemap-index.xml'],
    ['https://example.github.io/', '/gov-portal/', 'https://example.github.io/gov-portal/sitemap-index.xml'],
    // Astro's base wins over a path in `site`, as in @astrojs/sitemap (new URL(base, site)).
    ['https://example.github.io/other/', '/gov-portal/', 'https://example.github.io/gov-portal/sitemap-index.xml'],
    ['https://jg.example.gov.cn', '/', 'https://jg.example.gov.cn/sitemap-index.xml'],
  ])('site %j, base %j → %j', (site, base, expected) => {
    expect(sitemapUrl(new URL(site), base)).toBe(expected);
  });

  it('refuses a build without a site: the Sitemap line must be absolute', () => {
    expect(() => sitemapUrl(undefined, '/')).toThrow(/SITE_URL/);
  });
});

describe('robotsTxt', () => {
  it('allows everything and names the sitemap index, ending with a newline', () => {
    expect(robotsTxt(new URL('https://example.github.io'), '/gov-portal')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/gov-portal/sitemap-index.xml\n',
    );
  });
});
