import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { makeFixture, QUARTER, type Fixture } from '../workflow/fixture.test-helpers.ts';
import { completeRecord, indicatorChoices, parseRecordFlags, parseRecordImportArgs, RECORD_IMPORT_USAGE, RECORD_USAGE, type Ask } from './record.ts';

const d = { today: '2026-11-12', contentDir: 'content' };
const full = ['--quarter', '2026-Q4', '--site', 'linhe', '--indicator', 'message-overdue', '--target', '2026-11-03 模拟咨询', '--inspector', '张三', '--evidence', '未答复。'];

/** Answers in order, remembering the questions. */
function answers(...list: string[]): Ask & { asked: string[] } {
  const asked: string[] = [];
  const ask = async (q: string) => {
    asked.push(q);
    if (!list.length) throw new Error(`unexpected question: ${q}`);
    return list.shift()!;
  };
  return Object.assign(ask, { asked });
}

describe('parseRecordFlags', () => {
  test('every flag, and the date defaulting to today', () => {
    expect(parseRecordFlags([...full, '--points', '0.5', '--page', 'http://www.linhe.gov.cn/hdjl/', '--screenshot', 'evidence/x.png', '--content', 'c'], d)).toEqual({
      contentDir: 'c',
      quarter: '2026-Q4',
      subject: { kind: 'site', id: 'linhe' },
      indicator: 'message-overdue',
      target: '2026-11-03 模拟咨询',
      points: 0.5,
      page: 'http://www.linhe.gov.cn/hdjl/',
      screenshot: 'evidence/x.png',
      inspector: '张三',
      date: '2026-11-12',
      evidence: '未答复。',
    });
    expect(parseRecordFlags(['--media', 'linhe-fabu', '--date', '2026-10-30'], d)).toEqual({ contentDir: 'content', subject: { kind: 'media', id: 'linhe-fabu' }, date: '2026-10-30' });
  });

  test('--help returns nothing to run, and the usage names every switch', () => {
    expect(parseRecordFlags(['--help'])).toBeUndefined();
    for (const s of ['--quarter', '--site', '--media', '--unit', '--indicator', '--target', '--points', '--page', '--screenshot', '--inspector', '--date', '--evidence', '--content', '--help']) expect(RECORD_USAGE).toContain(s);
  });

  test.each([
    [['--site', 'a', '--unit', 'b'], /give only one of --site, --media and --unit \(got --site, --unit\)/],
    [['--quarter', '2026-Q5'], /--quarter must look like 2026-Q4, got "2026-Q5"/],
    [['--points=-1'], /--points must be a number ≥ 0, e\.g\. 4 or 0\.5, got "-1"/],
    [['--points', '4分'], /--points must be a number ≥ 0, e\.g\. 4 or 0\.5, got "4分"/],
    [['--date', '2026-02-30'], /--date must be a date YYYY-MM-DD/],
    [['--content', ''], /--content needs a folder/],
    [['--site'], /argument missing/],
    [['--sight', 'a'], /Unknown option '--sight'/],
  ])('%j is a configuration error', (argv, message) => {
    expect(() => parseRecordFlags(argv, d)).toThrow(InputError);
    expect(() => parseRecordFlags(argv, d)).toThrow(message);
  });
});

describe('completeRecord', () => {
  test('all flags given: nothing is asked, the record is built in schema terms', async () => {
    const ask = answers();
    const quarters: string[] = [];
    const args = await completeRecord(parseRecordFlags([...full, '--points', '4'], d)!, ask, (q) => quarters.push(q));
    expect(args).toEqual({
      contentDir: 'content',
      quarter: '2026-Q4',
      record: { data: { site: 'linhe', indicator: 'message-overdue', target: '2026-11-03 模拟咨询', points: 4, inspector: '张三', date: '2026-11-12' }, evidence: '未答复。' },
    });
    expect(ask.asked).toEqual([]);
    expect(quarters).toEqual(['2026-Q4']);
  });

  test('without a terminal, every missing value is named in one error', async () => {
    await expect(completeRecord(parseRecordFlags(['--site', 'linhe', '--target', ' '], d)!)).rejects.toThrow(/^--quarter, --indicator, --target, --inspector, --evidence are required \(no terminal to ask at\)/);
    await expect(completeRecord(parseRecordFlags(full.slice(0, 2), d)!)).rejects.toThrow(/^--site \(or --media, --unit\), --indicator, --target, --inspector, --evidence are required/);
    await expect(completeRecord(parseRecordFlags(full.slice(0, -2), d)!)).rejects.toThrow(/^--evidence is required/);
  });

  test('at a terminal the missing values are asked for in Chinese; the indicator by number from the subject’s list', async () => {
    // Quarter: Enter takes the date's quarter (2026-11-12 → 2026-Q4). Indicator 3 of the media list
    // (alphabetical: media-low-original, media-no-interaction, media-not-deregistered, …).
    const ask = answers('', 'media:linhe-fabu', '99', '3', '临河发布', '张三', '9 月起已停更，未注销。');
    const quarters: string[] = [];
    const args = await completeRecord(parseRecordFlags([], d)!, ask, (q) => quarters.push(q));
    expect(args.record).toEqual({ data: { media: 'linhe-fabu', indicator: 'media-not-deregistered', target: '临河发布', inspector: '张三', date: '2026-11-12' }, evidence: '9 月起已停更，未注销。' });
    expect(args.quarter).toBe('2026-Q4');
    expect(quarters).toEqual(['2026-Q4']);
    expect(ask.asked[0]).toBe('季度（直接回车为 2026-Q4）：');
    expect(ask.asked[2]).toContain(' 3. media-not-deregistered  关停未注销');
    expect(ask.asked[2]).not.toContain('message-overdue');
    // 99 is not on the list: asked again, saying why.
    expect(ask.asked[3]).toBe('请从上面的列表中选一个编号或 id。\n指标（填编号或 id）：');
  });

  test('a bad quarter is asked again; the published check runs before the other questions', async () => {
    const ask = answers('2026Q4', '2026-Q3');
    await expect(
      completeRecord(parseRecordFlags(['--site', 'linhe'], d)!, ask, () => {
        throw new InputError('published');
      }),
    ).rejects.toThrow('published');
    expect(ask.asked).toEqual(['季度（直接回车为 2026-Q4）：', '季度的写法如 2026-Q4。\n季度（直接回车为 2026-Q4）：']);
  });

  test('a site’s indicators are the manual site items, then the crawl rules; a unit has only its own', () => {
    const site = indicatorChoices('site').map((c) => c.id);
    expect(site.slice(0, 2)).toEqual(['bonus-fuzzy-search', 'bonus-innovation']);
    expect(site).toContain('message-overdue');
    expect(site).toContain('broken-link');
    expect(site.indexOf('service-unusable')).toBeLessThan(site.indexOf('broken-link'));
    expect(site).not.toContain('media-not-updated');
    expect(indicatorChoices('unit')).toEqual([{ id: 'self-inspection-missing', title: '未报送自查报告' }]);
  });
});

describe('parseRecordImportArgs', () => {
  test('one CSV file and the quarter', () => {
    expect(parseRecordImportArgs(['records.csv', '--quarter', '2026-Q4'], d)).toEqual({ contentDir: 'content', quarter: '2026-Q4', file: 'records.csv' });
    expect(parseRecordImportArgs(['--quarter', '2026-Q4', '--content', 'c', 'a.csv'], d)).toEqual({ contentDir: 'c', quarter: '2026-Q4', file: 'a.csv' });
    expect(parseRecordImportArgs(['-h'])).toBeUndefined();
    for (const s of ['--quarter', '--content', '--help', '网站id', '新媒体账号id', '单位id', '指标', '问题', '扣分', '页面', '截图', '检查人', '日期', '证据']) expect(RECORD_IMPORT_USAGE).toContain(s);
  });

  test.each([
    [['--quarter', '2026-Q4'], /^give exactly one CSV file\n/],
    [['a.csv', 'b.csv', '--quarter', '2026-Q4'], /give exactly one CSV file, got a\.csv b\.csv/],
    [['a.csv'], /^--quarter is required/],
    [['a.csv', '--quarter', 'Q4'], /--quarter must look like 2026-Q4, got "Q4"/],
    [['a.csv', '--quarter', '2026-Q4', '--content', ''], /--content needs a folder/],
    [['a.csv', '--quarter', '2026-Q4', '--site', 'x'], /Unknown option '--site'/],
  ])('%j is a configuration error', (argv, message) => {
    expect(() => parseRecordImportArgs(argv, d)).toThrow(InputError);
    expect(() => parseRecordImportArgs(argv, d)).toThrow(message);
  });
});

describe('npm run record', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  let fx: Fixture;
  afterEach(() => fx.remove());
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/record.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, stdio: ['pipe', 'pipe', 'pipe'] });

  test('writes the record and prints the new score (exit 0); a missing flag without a terminal exits 2', () => {
    fx = makeFixture();
    const ok = run([...full, '--points', '4', '--date', '2026-11-12', '--content', fx.content]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // linhe: 100 − column-stale 5 − message-overdue 4 = 91.
    expect(ok.stdout).toMatch(/^已写入 manual\/2026-Q4\/linhe\.message-overdue\.[0-9a-f]{8}\.md\n临河市人民政府（linhe）：合格 95\.0 分 → 合格 91\.0 分\n$/);
    expect(fx.site('linhe').score).toBe(91);

    const missing = run(['--quarter', QUARTER, '--site', 'linhe', '--content', fx.content]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^--indicator, --target, --inspector, --evidence are required/);
  });
});
