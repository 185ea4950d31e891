import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { monitorView, reminderDays } from './monitor.ts';
import { tempFolders } from '../workflow/fixture.test-helpers.ts';

const tempFolder = tempFolders('monitor-view');

/** Three days of records written by hand: a link opened on 11-20, reminded on 11-22; a typo opened on 11-20 and fixed on 11-21; a plan column late, kept by 研究室. */
function content(): string {
  const dir = tempFolder();
  mkdirSync(join(dir, 'monitor', '_days'), { recursive: true });
  mkdirSync(join(dir, 'monitor', 'linhe'));
  writeFileSync(join(dir, 'monitor', '_days', '2026.csv'), 'date,sites,checked,unreachable,not_checked,opened,reopened,fixed,reminded\n2026-11-20,2,2,0,0,3,0,0,0\n2026-11-21,2,2,0,0,0,0,1,0\n2026-11-22,2,2,0,0,0,0,0,1\n');
  writeFileSync(
    join(dir, 'monitor', 'linhe', '2026.csv'),
    [
      'date,problem,event,target,page,unit,detail',
      '2026-11-20,broken-link-00000001,open,http://linhe.gov.cn/a.doc,http://linhe.gov.cn/,linhe-bgs,HTTP 404',
      '2026-11-20,duty-column-late-00000003,open,民生,http://linhe.gov.cn/ms/,linhe-yjs,按内容保障方案…',
      '2026-11-20,typo-00000002,open,攻府,http://linhe.gov.cn/b.html,linhe-bgs,“攻府”应为“政府”',
      '2026-11-21,typo-00000002,fixed,,http://linhe.gov.cn/b.html,,复查未再发现',
      '2026-11-22,broken-link-00000001,remind,,,linhe-bgs,第 1 次提醒',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('the monitor\'s records on the portal', () => {
  const view = monitorView(content(), ['linhe', 'hexi']);
  test('the last day, each site\'s open problems with their age, each unit\'s (a plan column is its unit\'s)', () => {
    expect(view.lastDay).toBe('2026-11-22');
    expect(view.openBySite.get('linhe')!.map((p) => [p.indicator, p.target, p.unit, p.days, p.reminders])).toEqual([
      ['broken-link', 'http://linhe.gov.cn/a.doc', 'linhe-bgs', 2, 1],
      ['duty-column-late', '民生', 'linhe-yjs', 2, 0],
    ]);
    expect(view.openBySite.has('hexi')).toBe(false);
    expect(view.openByUnit.get('linhe-yjs')!.map((p) => p.target)).toEqual(['民生']);
    expect(view.openByUnit.get('linhe-bgs')!.map((p) => p.target)).toEqual(['http://linhe.gov.cn/a.doc']);
  });
  test('each day\'s report per unit: opened, fixed (the unit that kept it), reminded (with its problem\'s target)', () => {
    const d20 = view.reports.get('2026-11-20')!;
    expect(d20.units.map((u) => [u.unit, u.opened.length, u.fixed.length, u.reminded.length])).toEqual([
      ['linhe-bgs', 2, 0, 0],
      ['linhe-yjs', 1, 0, 0],
    ]);
    expect(view.reports.get('2026-11-21')!.units.map((u) => [u.unit, u.fixed.map((e) => e.target)])).toEqual([['linhe-bgs', ['攻府']]]);
    expect(view.reports.get('2026-11-22')!.units[0]!.reminded.map((e) => [e.indicator, e.target])).toEqual([['broken-link', 'http://linhe.gov.cn/a.doc']]);
  });
  test('a unit\'s reminder days for its feed, in words', () => {
    expect(reminderDays(view, 'linhe-bgs', () => '临河市人民政府')).toEqual([{ date: '2026-11-22', items: ['临河市人民政府：链接不可用“http://linhe.gov.cn/a.doc”（第 1 次提醒）'] }]);
    expect(reminderDays(view, 'linhe-yjs', () => 'x')).toEqual([]);
  });
});
