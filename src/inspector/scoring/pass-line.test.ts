// Done-when of issue 3: an office changes its pass line in content/rules.yaml, not in code.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { judgeSite } from '../inspect.ts';
import { loadDictionary } from '../../store/dictionary.ts';
import { loadRulesConfig } from '../../store/rules-config.ts';
import { RULES } from '../rules/index.ts';
import { CONTENT, HOME, page, snapshot } from '../rules/snapshot.test-helpers.ts';
import { buildCalendar } from '../workdays.ts';

const dir = mkdtempSync(join(tmpdir(), 'pass-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shipped rules file with one value changed, as an office would edit it. */
function rulesWith(passLine: number) {
  const doc = parseDocument(readFileSync(join(CONTENT, 'rules.yaml'), 'utf8'));
  doc.set('passLine', passLine);
  writeFileSync(join(dir, 'rules.yaml'), doc.toString());
  copyFileSync(join(CONTENT, 'dictionary.yaml'), join(dir, 'dictionary.yaml'));
  return { config: loadRulesConfig(dir), dictionary: loadDictionary(dir) };
}

describe('the pass line comes from content/rules.yaml', () => {
  // A site with every footer mark and required column, but no site search (4 points) and no
  // error-report entry (1 point): 95 by hand.
  const footer = '<div class="footer">主办单位：临河市人民政府办公室 联系电话：0539-8123456 网站标识码：3713000001 鲁ICP备05034670号 鲁公网安备 37130202000123号 <a href="http://bszs.conac.cn/sitename?id=1">党政机关</a></div>';
  const menu = ['走进临河', '机构职能', '领导信息', '要闻动态', '政策文件', '政策解读'];
  const site = snapshot({ html: `<html><body>${footer}</body></html>`, pages: [page(HOME, { header: '临河市人民政府', menu }, 0)] });

  test('the same site passes at 60 and fails at 96', () => {
    const at = (line: number) => {
      const { config, dictionary } = rulesWith(line);
      return judgeSite(site, '2026-Q4', RULES, { config, dictionary, calendar: buildCalendar() });
    };
    const national = at(60);
    expect(national.score).toBe(95);
    expect(national.verdict).toBe('pass');
    const strict = at(96);
    expect(strict.score).toBe(95);
    expect(strict.verdict).toBe('fail');
  });
});
