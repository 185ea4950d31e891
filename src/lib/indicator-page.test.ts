import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../inspector/catalogue/index.ts';
import { loadRulesConfig } from '../store/rules-config.ts';
import { guideOf, settingRows } from './indicator-page.ts';

const config = loadRulesConfig(new URL('../../content', import.meta.url).pathname);

describe('the page of an indicator', () => {
  it('has a guide for every indicator, a person-checked one from its kind and subject', () => {
    for (const d of INDICATORS) {
      const g = guideOf(d);
      for (const text of [g.measure, g.pass, g.fix, g.falseFindings]) expect(text, d.id).toMatch(/\p{Script=Han}/u);
    }
    expect(guideOf(INDICATORS.find((d) => d.id === 'bonus-smart-qa')!).pass).toMatch(/加分线/);
    expect(() => guideOf({ ...INDICATORS[0]!, id: 'new-rule' })).toThrow(/no guide for the crawl rule new-rule/);
  });

  it('words the settings of rules.yaml, with the meaning a name has for that indicator', () => {
    // content/rules.yaml: broken-link home 0.2, other 0.1, cap 1.
    expect(settingRows({ id: 'broken-link', kind: 'deduction' }, config)).toEqual([
      { name: '扣分：首页每处', value: '0.2 分' },
      { name: '扣分：其他页面每处', value: '0.1 分' },
      { name: '本项最多扣分', value: '1 分' },
    ]);
    const stale = settingRows({ id: 'column-stale', kind: 'deduction' }, config);
    expect(stale).toContainEqual({ name: '扣分：其他应更新栏目每个', value: '1 分' });
    expect(stale).toContainEqual({ name: '动态要闻类栏目的更新期限', value: '14 天' });
    expect(settingRows({ id: 'site-unreachable', kind: 'veto' }, config)).toContainEqual({ name: '探测失败比例达到此值（%）即单项否决', value: '5' });
    // A setting the page has no words for shows by its name; an indicator without settings has none.
    const odd = { ...config, indicators: { ...config.indicators, typo: { enabled: false, points: { weird: 3 }, params: {} } } };
    expect(settingRows({ id: 'typo', kind: 'deduction' }, odd)).toEqual([
      { name: '是否检查', value: '本平台未启用此项检查' },
      { name: '扣分：weird', value: '3 分' },
    ]);
    expect(settingRows({ id: 'media-severe-error', kind: 'veto' }, config)).toEqual([]);
  });
});
