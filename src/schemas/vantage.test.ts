import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadRulesConfig } from '../store/rules-config.ts';
import { rulesConfigSchema } from './rules-config.ts';
import { isTrustedVantage, vantageNameSchema } from './vantage.ts';

describe('vantage names', () => {
  test.each(['city-intranet', 'github-hosted', 'self-hosted', 'office2'])('accepts %s', (name) => {
    expect(vantageNameSchema.safeParse(name).success).toBe(true);
  });

  test.each(['', 'City-Intranet', 'city intranet', 'city_intranet', '-lan', 'lan-', '市政务内网'])('refuses %j', (name) => {
    expect(vantageNameSchema.safeParse(name).success).toBe(false);
  });

  test('rules.yaml refuses a trusted vantage no run could name', () => {
    const shipped = loadRulesConfig(fileURLToPath(new URL('../../content/', import.meta.url)));
    expect(rulesConfigSchema.safeParse({ ...shipped, trustedVantages: ['city-intranet'] }).success).toBe(true);
    const bad = rulesConfigSchema.safeParse({ ...shipped, trustedVantages: ['city-intranet', 'Office LAN'] });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['trustedVantages.1', 'must be lower-case ASCII letters, digits and single hyphens']]);
  });
});

describe('which vantage is trusted', () => {
  test.each([
    ['no list: every vantage counts', undefined, 'github-hosted', true],
    ['no list: the unnamed one too', undefined, undefined, true],
    ['listed', ['city-intranet', 'office-lan'], 'office-lan', true],
    ['not listed', ['city-intranet'], 'github-hosted', false],
    ['unnamed, with a list', ['city-intranet'], undefined, false],
  ] as const)('%s', (_n, list, vantage, trusted) => {
    expect(isTrustedVantage(list, vantage)).toBe(trusted);
  });
});
