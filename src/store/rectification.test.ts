import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { refusal, tempFolders } from '../workflow/fixture.test-helpers.ts';
import { readRechecks, readRectifyReplies, rectificationFile, saveRectifyReply, writeRechecks } from './rectification.ts';

const tempFolder = tempFolders('rect');

const row = (date: string, site: string, target: string, state: 'fixed' | 'open' | 'unjudged' = 'open') => ({ date, site, indicator: 'typo', target, state, detail: state === 'open' ? '“攻府”应为“政府”' : '' });

describe('content/rectification/<quarter>.csv', () => {
  test('rows in order of date, site, indicator, target; a re-run of a day replaces that day\'s rows of its sites only', () => {
    const dir = tempFolder();
    writeRechecks(dir, '2026-Q3', '2026-11-05', new Set(['b', 'a']), [row('2026-11-05', 'b', '攻府'), row('2026-11-05', 'a', '攻府')]);
    writeRechecks(dir, '2026-Q3', '2026-11-12', new Set(['a']), [row('2026-11-12', 'a', '攻府', 'fixed')]);
    // 11-05 again, for site a only: b's row of that day stays, 11-12 stays.
    writeRechecks(dir, '2026-Q3', '2026-11-05', new Set(['a']), [row('2026-11-05', 'a', '攻府', 'unjudged')]);
    expect(readFileSync(rectificationFile(dir, '2026-Q3'), 'utf8')).toBe(
      'date,site,indicator,target,state,detail\n2026-11-05,a,typo,攻府,unjudged,\n2026-11-05,b,typo,攻府,open,“攻府”应为“政府”\n2026-11-12,a,typo,攻府,fixed,\n',
    );
    expect(readRechecks(dir, '2026-Q3')).toHaveLength(3);
    expect(readRechecks(dir, '2026-Q1')).toEqual([]);
  });

  test('a bad file is refused with file, line and field', () => {
    const dir = tempFolder();
    mkdirSync(join(dir, 'rectification'));
    const f = rectificationFile(dir, '2026-Q3');
    writeFileSync(f, 'date,site,indicator,target,state,detail\n2026-11-12,a,typo,攻府,gone,\n2026-11-05,a,typo,攻府,open,x\n2026-11-05,a,typo,攻府,open,x\n');
    const message = refusal(() => readRechecks(dir, '2026-Q3'));
    expect(message).toContain(`${f}:2: state:`);
    expect(message).toContain(`${f}:4: target: typo 攻府 of a on 2026-11-05 repeats line 3`);
  });

  test('replies: one per problem, a new one replaces the old', () => {
    const dir = tempFolder();
    saveRectifyReply(dir, '2026-Q3', { site: 'b', indicator: 'typo', target: '攻府', date: '2026-11-01', text: '已整改' });
    saveRectifyReply(dir, '2026-Q3', { site: 'a', indicator: 'typo', target: '攻府', date: '2026-11-01', text: '正在整改' });
    saveRectifyReply(dir, '2026-Q3', { site: 'a', indicator: 'typo', target: '攻府', date: '2026-11-03', text: '已整改，已更正错字。' });
    expect(readRectifyReplies(dir, '2026-Q3').map((r) => [r.site, r.date, r.text])).toEqual([
      ['a', '2026-11-03', '已整改，已更正错字。'],
      ['b', '2026-11-01', '已整改'],
    ]);
  });
});
