import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { addRecords, addResultText, recordFileName, recordText, type NewRecord } from './record-write.ts';
import { checkRecord } from './records.ts';
import { recordContext, rescoreQuarter } from './rescore.ts';
import { makeFixture, PUBLISHED_QUARTER, QUARTER, refusal, type Fixture } from './fixture.test-helpers.ts';

let fx: Fixture;
beforeEach(() => (fx = makeFixture()));
afterEach(() => fx.remove());

// printf '%s' '2026-11-03 模拟咨询：社保卡补办' | sha256sum → b722b5db…
const overdue = (over: Partial<NewRecord['data']> = {}, evidence = '11 月 3 日提交咨询，截至 11 月 12 日（5 个工作日）未答复。'): NewRecord => ({
  data: { site: 'linhe', indicator: 'message-overdue', target: '2026-11-03 模拟咨询：社保卡补办', points: 4, inspector: '张三', date: '2026-11-12', ...over },
  evidence,
});
const manualFiles = () => (existsSync(join(fx.content, 'manual', QUARTER)) ? readdirSync(join(fx.content, 'manual', QUARTER)).sort() : []);

describe('record files', () => {
  test('the name is subject.indicator.first 8 hex of sha256(target), under manual/<quarter>/', () => {
    expect(recordFileName(QUARTER, overdue().data)).toBe('manual/2026-Q4/linhe.message-overdue.b722b5db.md');
    // printf '%s' '2026-11-05 模拟咨询：公积金提取' | sha256sum → 70fdaede…
    expect(recordFileName(QUARTER, overdue({ target: '2026-11-05 模拟咨询：公积金提取' }).data)).toBe('manual/2026-Q4/linhe.message-overdue.70fdaede.md');
    expect(recordFileName('2027-Q1', { media: 'linhe-fabu', indicator: 'media-not-updated', target: '国务院总里', inspector: '张三', date: '2027-01-05' })).toBe('manual/2027-Q1/linhe-fabu.media-not-updated.34133ba2.md');
  });

  test('frontmatter in the fixed key order, quoted for a YAML 1.1 reader, then the evidence and one newline', () => {
    const r = overdue({ page: 'http://www.linhe.gov.cn/hdjl/', screenshot: 'evidence/linhe-message.png' }, '\r\n第一行\r\n第二行\r\n\r\n');
    // Keys given in another order come out in the schema's.
    const shuffled: NewRecord = { data: { date: r.data.date, inspector: r.data.inspector, screenshot: r.data.screenshot!, page: r.data.page!, points: 4, target: r.data.target, indicator: r.data.indicator, site: 'linhe' }, evidence: r.evidence };
    const expected = [
      '---',
      'site: linhe',
      'indicator: message-overdue',
      'target: 2026-11-03 模拟咨询：社保卡补办',
      'points: 4',
      'page: http://www.linhe.gov.cn/hdjl/',
      'screenshot: evidence/linhe-message.png',
      'inspector: 张三',
      'date: "2026-11-12"',
      '---',
      '',
      '第一行',
      '第二行',
      '',
    ].join('\n');
    expect(recordText(r)).toBe(expected);
    expect(recordText(shuffled)).toBe(expected);
  });

  test('a target a YAML 1.1 reader would take for a boolean or a date stays a string', () => {
    expect(recordText(overdue({ target: 'yes' }))).toContain('target: "yes"\n');
    expect(recordText(overdue({ target: '2026-11-03' }))).toContain('target: "2026-11-03"\n');
  });

  test('what is written reads back as the same record', () => {
    const r = overdue({ page: 'http://www.linhe.gov.cn/hdjl/' });
    const errors: string[] = [];
    const loaded = checkRecord('x.md', recordText(r), recordContext(fx.content), errors);
    expect(errors).toEqual([]);
    expect(loaded?.data).toEqual(r.data);
    expect(loaded?.evidence).toBe(r.evidence);
  });
});

describe('addRecords', () => {
  test('the fixture is what the re-score would write: nothing changes without records', () => {
    expect(rescoreQuarter(fx.content, QUARTER)).toEqual({ changed: [], unmatched: [] });
  });

  test('a message-overdue record at 4 points takes linhe from 95 to 91', () => {
    // linhe: column-stale 5 (cap 20) ⇒ 95. Adding message-overdue 4 (cap 7): 100 − 5 − 4 = 91, still 合格 (≥ 60).
    const done = addRecords(fx.content, QUARTER, [overdue()]);
    expect(done).toEqual({
      written: ['manual/2026-Q4/linhe.message-overdue.b722b5db.md'],
      replaced: [],
      rescored: { changed: ['findings/2026-Q4/linhe.md'], unmatched: [] },
      sites: [{ site: 'linhe', name: '临河市人民政府', before: { verdict: 'pass', score: 95 }, after: { verdict: 'pass', score: 91 } }],
    });
    expect(addResultText(done)).toBe('已写入 manual/2026-Q4/linhe.message-overdue.b722b5db.md\n临河市人民政府（linhe）：合格 95.0 分 → 合格 91.0 分');
    expect(fx.site('linhe')).toMatchObject({ score: 91, verdict: 'pass' });
    expect(fx.site('linhe').findings.find((f) => f.source === 'manual')).toMatchObject({ indicator: 'message-overdue', points: 4, record: 'manual/2026-Q4/linhe.message-overdue.b722b5db.md', inspector: '张三' });
    expect(fx.site('linhe-czj').score).toBe(99.9);
  });

  test('recording the same subject, indicator and target again replaces the file', () => {
    addRecords(fx.content, QUARTER, [overdue()]);
    const again = addRecords(fx.content, QUARTER, [overdue({ points: 3 }, '更正：补充说明。')]);
    expect(again.replaced).toEqual(['manual/2026-Q4/linhe.message-overdue.b722b5db.md']);
    expect(addResultText(again)).toBe(
      '已替换 manual/2026-Q4/linhe.message-overdue.b722b5db.md（同一对象、指标和问题的记录已存在，按新内容重写）\n临河市人民政府（linhe）：合格 91.0 分 → 合格 92.0 分',
    );
    expect(manualFiles()).toEqual(['linhe.message-overdue.b722b5db.md']);
    // 100 − 5 − 3 = 92.
    expect(fx.site('linhe').score).toBe(92);
    expect(fx.read('manual/2026-Q4/linhe.message-overdue.b722b5db.md')).toContain('更正：补充说明。');
  });

  test('two overdue messages are capped at 7: 100 − 5 − min(7, 4 + 4) = 88', () => {
    addRecords(fx.content, QUARTER, [overdue(), overdue({ target: '2026-11-05 模拟咨询：公积金提取' })]);
    expect(fx.site('linhe')).toMatchObject({ score: 88, verdict: 'pass' });
  });

  test('a record without points takes the rules file default (message-overdue points.each = 4)', () => {
    const { points: _p, ...data } = overdue().data;
    addRecords(fx.content, QUARTER, [{ data, evidence: '未答复。' }]);
    expect(fx.site('linhe').score).toBe(91);
  });

  test('a media record is written and changes no findings file', () => {
    const done = addRecords(fx.content, QUARTER, [{ data: { media: 'linhe-fabu', indicator: 'media-not-updated', target: '临河发布', inspector: '张三', date: '2026-11-12' }, evidence: '10 月 20 日以来无更新。' }]);
    expect(done.written).toEqual([expect.stringMatching(/^manual\/2026-Q4\/linhe-fabu\.media-not-updated\.[0-9a-f]{8}\.md$/)]);
    expect(done.rescored.changed).toEqual([]);
    expect(done.sites).toEqual([]);
  });

  test('every problem of every record is reported at once, and nothing is written', () => {
    const bad: NewRecord[] = [
      overdue({ site: 'nowhere' }),
      { data: { site: 'linhe', indicator: 'service-unusable', target: '办事指南', points: 2, inspector: '张三', date: '2026-11-12' }, evidence: '缺要素。' },
      overdue({ site: undefined, unit: 'linhe-bgs' }, '   '),
    ];
    const message = refusal(() => addRecords(fx.content, QUARTER, bad, ['a.csv:2', 'a.csv:3', 'a.csv:5']));
    expect(message).toContain('a.csv:2: site: no site with id "nowhere" in sites.yaml');
    expect(message).toContain('a.csv:3: points: service-unusable is a veto item: points must be 0 or left out');
    expect(message).toContain('a.csv:5: unit: indicator message-overdue (留言办理超期) is about a website: give site: <id>');
    expect(message).toContain('a.csv:5: evidence: the text after the frontmatter must say what was seen');
    expect(message).toContain('nothing was written');
    expect(manualFiles()).toEqual([]);
  });

  test('two records that would be the same file are refused', () => {
    expect(() => addRecords(fx.content, QUARTER, [overdue(), overdue({ points: 3 })], ['a.csv:2', 'a.csv:3'])).toThrow('a.csv:3: target: the same site, indicator and target as a.csv:2');
    expect(manualFiles()).toEqual([]);
  });

  test('a site without a findings file this quarter is refused before anything is written: crawl it first', () => {
    expect(() => addRecords(fx.content, QUARTER, [overdue({ site: 'linhe-jtj' })])).toThrow(/site: linhe-jtj has no findings file for 2026-Q4 .*crawl it first: npm run crawl -- --quarter 2026-Q4 --only linhe-jtj/);
    expect(manualFiles()).toEqual([]);
  });

  test('when the re-score fails, the new record is taken back and the findings files are as they were', () => {
    // A hand-written record already in the folder is broken: the re-score (which reads every record) refuses.
    fx.write('manual/2026-Q4/broken.md', '---\nsite: linhe\nindicator: message-overdue\n---\n\nx\n');
    const before = fx.read('findings/2026-Q4/linhe.md');
    expect(() => addRecords(fx.content, QUARTER, [overdue()])).toThrow(/manual\/2026-Q4\/broken\.md:\d+: target/);
    expect(manualFiles()).toEqual(['broken.md']);
    expect(fx.read('findings/2026-Q4/linhe.md')).toBe(before);
  });

  test('a replaced record is put back as it was when the re-score fails', () => {
    addRecords(fx.content, QUARTER, [overdue()]);
    const kept = fx.read('manual/2026-Q4/linhe.message-overdue.b722b5db.md');
    fx.write('manual/2026-Q4/broken.md', '---\nsite: linhe\n---\n\nx\n');
    expect(() => addRecords(fx.content, QUARTER, [overdue({ points: 1 })])).toThrow(InputError);
    expect(fx.read('manual/2026-Q4/linhe.message-overdue.b722b5db.md')).toBe(kept);
    expect(fx.site('linhe').score).toBe(91);
  });

  test('a published quarter is refused', () => {
    fx.write(`quarters/${QUARTER}.md`, PUBLISHED_QUARTER);
    expect(() => addRecords(fx.content, QUARTER, [overdue()])).toThrow(/2026-Q4 was published on 2026-12-01: record refuses to change it/);
    expect(manualFiles()).toEqual([]);
  });
});

describe('what a record re-scores', () => {
  test("only the record's own site: another site's file is not rewritten (at 15,000 sites, one record would otherwise rewrite them all)", () => {
    // A hand edit that a full re-score would undo (the body is re-rendered from the frontmatter).
    const other = join(fx.content, 'findings', QUARTER, 'linhe-czj.md');
    const edited = `${readFileSync(other, 'utf8')}手工附注\n`;
    writeFileSync(other, edited);
    const r = addRecords(fx.content, QUARTER, [overdue()]);
    expect(r.rescored.changed).toEqual([`findings/${QUARTER}/linhe.md`]);
    expect(readFileSync(other, 'utf8')).toBe(edited);
    // The full re-score (publish, correct) does rewrite it.
    expect(rescoreQuarter(fx.content, QUARTER).changed).toEqual([`findings/${QUARTER}/linhe-czj.md`]);
  });
});
