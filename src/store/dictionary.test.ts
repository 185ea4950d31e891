import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { refusal, tempFolders } from '../workflow/fixture.test-helpers.ts';
import { loadDictionary } from './dictionary.ts';

const tempFolder = tempFolders('dictionary');

function dir(yaml: string): string {
  const d = tempFolder();
  writeFileSync(join(d, 'dictionary.yaml'), yaml);
  return d;
}

const ENTRY = (wrong: string, allow: string[] = []) =>
  `  - wrong: ${wrong}\n    right: 正确\n    category: common\n    severity: serious\n${allow.length ? `    allow: [${allow.join(', ')}]\n` : ''}`;

test('the committed dictionary loads', () => {
  expect(loadDictionary(join(import.meta.dirname, '../../content')).entries.length).toBeGreaterThan(10);
});

test('an allowed word without its wrong form, and a wrong form listed twice, are refused at load with file, line and field', () => {
  const d = dir(`version: "2026.12"\nentries:\n${ENTRY('按装', ['按装修', '安装工'])}${ENTRY('布署')}${ENTRY('按装')}`);
  const f = join(d, 'dictionary.yaml');
  const message = refusal(() => loadDictionary(d));
  // Line 7 holds the first entry's allow list (lines 3–7); line 12 starts the third entry (after 布署 at 8–11).
  expect(message).toContain(`${f}:7: entries[0].allow[1]: the allowed word 安装工 does not contain the wrong form 按装`);
  expect(message).toContain(`${f}:12: entries[2].wrong: 按装 is listed twice (first as entries[0])`);
  expect(message).not.toContain('按装修');
});
