// The portal's guides: one per crawl rule and no other, each field short plain Chinese text.
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';
import { GUIDES, type IndicatorGuide } from './guides.ts';

const FIELDS: ReadonlyArray<keyof IndicatorGuide> = ['measure', 'pass', 'fix', 'falseFindings'];
const HAN = /\p{Script=Han}/u;
/** Markdown or HTML markup the portal would show as it is. */
const MARKUP = /[<>*`]/;

describe('GUIDES', () => {
  const ids = RULES.map((r) => r.id);

  it('has a guide for every rule', () => {
    expect(ids.filter((id) => !(id in GUIDES))).toEqual([]);
  });

  it('has no key that is not a rule id', () => {
    expect(Object.keys(GUIDES).filter((k) => !ids.includes(k))).toEqual([]);
  });

  it('lists its keys in alphabetical order', () => {
    const keys = Object.keys(GUIDES);
    expect(keys).toEqual([...keys].sort());
  });

  describe.each(Object.entries(GUIDES))('%s', (_id, guide) => {
    it.each(FIELDS)('%s is short plain Chinese text', (field) => {
      const text = guide[field];
      expect(typeof text).toBe('string');
      expect(text.trim()).not.toBe('');
      expect(text).toMatch(HAN);
      expect(text.length).toBeLessThanOrEqual(300);
      expect(text).not.toMatch(MARKUP);
    });

    it('has one to three sentences in each field', () => {
      for (const field of FIELDS) {
        const sentences = guide[field].split('。').filter((s) => s.trim() !== '').length;
        expect(sentences, field).toBeGreaterThanOrEqual(1);
        expect(sentences, field).toBeLessThanOrEqual(3);
      }
    });
  });
});
