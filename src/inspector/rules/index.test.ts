// Meta-test of the registry (the stylelint habit). Adding a crawl indicator is one rule file, its
// test, one registry line, one rules.yaml block and one README table row, and its defects seeded in
// the sandbox (or `unseeded: 'why'` in the rule): this test names whichever is missing.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateWeb } from '../../sandbox/web.ts';
import { checkRulesConfig } from '../engine/run-rules.ts';
import { CONTENT } from './snapshot.test-helpers.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { RULES } from './index.ts';
import type { Rule } from './types.ts';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir);
const ruleFiles = files.filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && f !== 'index.ts' && f !== 'types.ts');
const shipped = loadRulesConfig(CONTENT);
/** The ids the README's indicator table (## Scoring) has a row for: | `broken-link` | …. */
const readmeRows = new Set([...readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));
/** The indicators the sandbox seeds defects of (the demo's web). */
const seeded = new Set(generateWeb({ sites: 24, pagesPerSite: 40, seed: 1, asOf: '2026-11-20' }).truth.map((t) => t.indicator));

/** What a rule file still needs, in the words of the fix; empty when it has everything. */
function missingFor(id: string, rule: Rule | undefined, has: { registered: boolean; test: boolean; readme: boolean; seeded: boolean }, config = shipped): string[] {
  const out: string[] = [];
  if (!has.registered) out.push(`a line for ${id} in src/inspector/rules/index.ts`);
  if (!has.test) out.push(`its test, src/inspector/rules/${id}.test.ts`);
  if (!config.indicators[id]) out.push(`an indicators.${id} block in content/rules.yaml`);
  else if (rule) {
    try {
      checkRulesConfig([rule], { ...config, indicators: { [id]: config.indicators[id] } });
    } catch (e) {
      out.push((e as Error).message.split('\n').slice(1).map((l) => l.trim()).join('; '));
    }
  }
  if (!has.readme) out.push(`a row "| \`${id}\` | … |" in the README's indicator table (## Scoring)`);
  if (!has.seeded && !rule?.unseeded) out.push(`its defects seeded in the sandbox's ground truth (src/sandbox/), or unseeded: 'why' in the rule`);
  if (has.seeded && rule?.unseeded) out.push(`no unseeded: the sandbox seeds ${id} now`);
  return out;
}

describe('rule registry', () => {
  test('registered in alphabetical order, and nothing registered that has no file', () => {
    expect(RULES.map((r) => `${r.id}.ts`)).toEqual([...RULES.map((r) => `${r.id}.ts`)].sort());
    expect(RULES.map((r) => `${r.id}.ts`).filter((f) => !ruleFiles.includes(f))).toEqual([]);
  });

  test.each(ruleFiles)('%s: registered, tested, configured in rules.yaml, in the README, seeded in the sandbox', async (f) => {
    const id = f.slice(0, -3);
    const rule = ((await import(`./${f}`)) as { default?: Rule }).default;
    expect(rule?.id, `${f} must export default defineRule({ id: '${id}', … })`).toBe(id);
    const has = { registered: RULES.some((r) => r.id === id), test: files.includes(`${id}.test.ts`), readme: readmeRows.has(id), seeded: seeded.has(id) };
    expect(missingFor(id, rule, has), `${id} needs`).toEqual([]);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s has a kebab-case id, a Chinese title and a clause', (_id, r) => {
    expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.clause.length).toBeGreaterThan(4);
  });

  // The meta-test must be able to fail: a made-up rule missing each piece in turn.
  test('names each piece a new indicator lacks', () => {
    const rule: Rule = { id: 'made-up', title: '测试', clause: '测试条款', kind: 'deduction', points: ['each'], run: () => ({ status: 'pass' }) };
    const none = { registered: false, test: false, readme: false, seeded: false };
    expect(missingFor('made-up', rule, none)).toEqual([
      'a line for made-up in src/inspector/rules/index.ts',
      'its test, src/inspector/rules/made-up.test.ts',
      'an indicators.made-up block in content/rules.yaml',
      'a row "| `made-up` | … |" in the README\'s indicator table (## Scoring)',
      "its defects seeded in the sandbox's ground truth (src/sandbox/), or unseeded: 'why' in the rule",
    ]);
    const configured = { ...shipped, indicators: { ...shipped.indicators, 'made-up': { enabled: true, points: {}, params: {} } } };
    expect(missingFor('made-up', { ...rule, unseeded: '只能人工检查' }, { registered: true, test: true, readme: true, seeded: false }, configured)).toEqual([
      'indicators.made-up.points.each: missing; indicators.made-up.cap: missing (deductions and bonuses need a cap)',
    ]);
    expect(missingFor('made-up', { ...rule, unseeded: 'x' }, { registered: true, test: true, readme: true, seeded: true }, configured).at(-1)).toBe('no unseeded: the sandbox seeds made-up now');
  });
});
