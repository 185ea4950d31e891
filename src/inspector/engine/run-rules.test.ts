import { describe, expect, test } from 'vitest';
import { DEFAULT_COLUMN_ENTITY_ITEMS, type RulesConfig } from '../../schemas/rules-config.ts';
import { context, snapshot } from '../rules/snapshot.test-helpers.ts';
import { defineRule } from '../rules/types.ts';
import { InputError } from '../../errors.ts';
import { checkRulesConfig, NOT_FOR_COLUMNS, runRules } from './run-rules.ts';

const throwing = defineRule({ id: 'throws', title: '出错', clause: '测试', kind: 'deduction', points: [], run: () => { throw new Error('bad selector'); } });
const passing = defineRule({ id: 'passes', title: '通过', clause: '测试', kind: 'deduction', points: ['each'], run: () => ({ status: 'pass' }) });
const { config: shipped, dictionary, calendar } = context('none');
const config: RulesConfig = { ...shipped, indicators: { throws: { enabled: true, cap: 1, points: {}, params: {} }, passes: { enabled: true, cap: 1, points: { each: 1 }, params: {} } } };

describe('runRules', () => {
  test('a rule that throws becomes an error result and the others still run', () => {
    const runs = runRules(snapshot(), [throwing, passing], { config, dictionary, calendar });
    expect(runs.map((r) => [r.indicator.id, r.outcome])).toEqual([
      ['throws', { status: 'error', message: 'bad selector' }],
      ['passes', { status: 'pass' }],
    ]);
  });

  test('a disabled rule does not run', () => {
    const runs = runRules(snapshot(), [throwing, passing], { config: { ...config, indicators: { ...config.indicators, throws: { enabled: false, points: {}, params: {} } } }, dictionary, calendar });
    expect(runs.map((r) => r.indicator.id)).toEqual(['passes']);
  });
});

describe('a 专栏 entity (kind: column)', () => {
  test('runs only the items columnEntities lists; the others are not applicable, with the reason', () => {
    const listed: RulesConfig = { ...config, columnEntities: { indicators: ['passes'] } };
    const runs = runRules(snapshot({ kind: 'column', url: 'http://www.linhe.gov.cn/xxgk/sfj/' }), [throwing, passing], { config: listed, dictionary, calendar });
    expect(runs.map((r) => [r.indicator.id, r.outcome])).toEqual([
      ['throws', { status: 'not_applicable', reason: NOT_FOR_COLUMNS }],
      ['passes', { status: 'pass' }],
    ]);
    // A website runs both, whatever the list says.
    expect(runRules(snapshot(), [throwing, passing], { config: listed, dictionary, calendar }).map((r) => r.outcome.status)).toEqual(['error', 'pass']);
  });

  test('without a list, the default items: the whole site’s marks are not a 专栏’s, its typos are', () => {
    expect(DEFAULT_COLUMN_ENTITY_ITEMS).toContain('typo');
    expect(DEFAULT_COLUMN_ENTITY_ITEMS).toContain('severe-error');
    expect(DEFAULT_COLUMN_ENTITY_ITEMS).not.toContain('identity-mark-missing');
    expect(DEFAULT_COLUMN_ENTITY_ITEMS).not.toContain('column-missing');
    const runs = runRules(snapshot({ kind: 'column', url: 'http://www.linhe.gov.cn/xxgk/sfj/' }), [throwing, passing], { config, dictionary, calendar });
    expect(runs.map((r) => r.outcome.status)).toEqual(['not_applicable', 'not_applicable']);
  });

  test('an unknown id in the list is refused with its place', () => {
    expect(() => checkRulesConfig([passing, throwing], { ...config, columnEntities: { indicators: ['passes', 'nosuch'] } })).toThrow(/columnEntities\.indicators\[1\]: no rule or manual item about a website has the id nosuch/);
  });
});

describe('checkRulesConfig', () => {
  test('names every missing point value, cap and unknown id', () => {
    const bad: RulesConfig = { ...shipped, indicators: { passes: { enabled: true, points: {}, params: {} }, nosuch: { enabled: true, points: {}, params: {} } } };
    expect(() => checkRulesConfig([passing, throwing], bad)).toThrow(InputError);
    try {
      checkRulesConfig([passing, throwing], bad);
    } catch (e) {
      expect((e as Error).message).toContain('indicators.nosuch: no rule has this id');
      expect((e as Error).message).toContain('indicators.passes.points.each: missing');
      expect((e as Error).message).toContain('indicators.passes.cap: missing');
      expect((e as Error).message).toContain('indicators.throws: missing');
    }
  });
});
