// Meta-test of the registry (the stylelint habit): every rule file is registered, ids equal file names.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RULES } from './index.ts';

const dir = new URL('./', import.meta.url);
const ruleFiles = readdirSync(dir).filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'types.ts');

describe('rule registry', () => {
  test('every rule file is registered, in alphabetical order', () => {
    expect(RULES.map((r) => `${r.id}.ts`)).toEqual([...ruleFiles].sort());
  });

  test.each(ruleFiles)('%s has a test file beside it', (f) => {
    expect(readdirSync(dir)).toContain(f.replace(/\.ts$/, '.test.ts'));
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s has a kebab-case id, a Chinese title and a clause', (_id, r) => {
    expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.clause.length).toBeGreaterThan(4);
  });
});
