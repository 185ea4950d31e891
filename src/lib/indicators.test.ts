import { describe, expect, it } from 'vitest';
import { MANUAL_INDICATORS } from '../inspector/catalogue/manual.ts';
import { MARKS } from '../inspector/rules/identity-mark-missing.ts';
import { RULES } from '../inspector/rules/index.ts';
import { KNOWN_INDICATORS, MARK_ORDER, indicatorKind, indicatorSubject, indicatorTitle, isVetoIndicator, markName } from './indicators.ts';

describe('indicator names', () => {
  it('gives Chinese titles and the veto flag', () => {
    expect(indicatorTitle('broken-link')).toBe('链接不可用');
    expect(indicatorTitle('identity-mark-missing')).toBe('网站标识缺失');
    expect(indicatorTitle('site-unreachable')).toBe('站点无法访问');
    expect(isVetoIndicator('site-unreachable')).toBe(true);
    expect(isVetoIndicator('broken-link')).toBe(false);
  });

  it('tells bonus and advice items from deductions', () => {
    expect(indicatorKind('data-release-updated')).toBe('bonus');
    expect(indicatorKind('https-missing')).toBe('advice');
    expect(indicatorKind('broken-link')).toBe('deduction');
    expect(indicatorKind('media-not-updated')).toBe('veto');
    expect(indicatorKind('message-overdue')).toBe('deduction');
    expect(indicatorKind('brand-new-rule')).toBe('deduction');
  });
  it('shows an unknown id as itself', () => {
    expect(indicatorTitle('brand-new-rule')).toBe('brand-new-rule');
    expect(isVetoIndicator('brand-new-rule')).toBe(false);
    expect(markName('brand-new-mark')).toBe('brand-new-mark');
  });

  it('knows every indicator of ../shared/indicators.md', () => {
    const ids = [
      'site-unreachable', 'homepage-not-updated', 'columns-not-updated', 'interaction-unresponsive', 'service-unusable', 'severe-error',
      'broken-link', 'column-stale', 'column-blank', 'column-missing', 'identity-mark-missing', 'domain-nonstandard',
      'error-report-entry-missing', 'error-report-overdue', 'search-missing', 'meta-tags-missing', 'messages-not-public',
      'message-overdue', 'ipv6-missing', 'compatibility', 'https-missing', 'media-not-updated', 'media-no-interaction', 'media-severe-error',
    ];
    expect(KNOWN_INDICATORS).toEqual(expect.arrayContaining(ids));
    // …plus the crawl's own finer ids (typo, hidden-link, the data-release bonus), each once.
    expect(new Set(KNOWN_INDICATORS).size).toBe(KNOWN_INDICATORS.length);
  });

  // The crawler's rules carry their own titles; the portal must say the same thing.
  it.each(RULES.map((r) => [r.id, r] as const))('agrees with the registered rule %s', (id, rule) => {
    expect(indicatorTitle(id)).toBe(rule.title);
    expect(isVetoIndicator(id)).toBe(rule.kind === 'veto');
  });

  // Manual indicators (src/inspector/catalogue/manual.ts) likewise: titles, kinds and subjects from the one registry.
  it.each(MANUAL_INDICATORS.map((m) => [m.id, m] as const))('agrees with the manual indicator %s', (id, m) => {
    expect(indicatorTitle(id)).toBe(m.title);
    expect(indicatorKind(id)).toBe(m.kind);
    expect(indicatorSubject(id)).toBe(m.subject);
    expect(KNOWN_INDICATORS).toContain(id);
  });

  it('a problem item (new media, unit) is neither a veto nor a deduction', () => {
    expect(indicatorKind('media-not-filed')).toBe('problem');
    expect(isVetoIndicator('media-not-filed')).toBe(false);
    expect(indicatorKind('self-inspection-missing')).toBe('problem');
    expect(isVetoIndicator('media-no-interaction')).toBe(true);
    expect(indicatorKind('bonus-smart-qa')).toBe('bonus');
    expect(indicatorSubject('broken-link')).toBe('site');
    expect(indicatorSubject('brand-new-rule')).toBe('site');
  });

  it('names the same identity marks as the crawler', () => {
    expect(MARK_ORDER).toEqual([...MARKS]);
    expect(markName('psb')).toBe('公安机关备案标识');
    expect(markName('site-code')).toBe('网站标识码');
  });
});
