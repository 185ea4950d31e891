import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { importRecords, importResultText } from './record-import.ts';
import { makeFixture, PUBLISHED_QUARTER, QUARTER, type Fixture, refusal } from './fixture.test-helpers.ts';

let fx: Fixture;
beforeEach(() => (fx = makeFixture()));
afterEach(() => fx.remove());

const utf8 = (text: string) => new TextEncoder().encode(text);
const manualFiles = () => (existsSync(join(fx.content, 'manual', QUARTER)) ? readdirSync(join(fx.content, 'manual', QUARTER)).sort() : []);
const run = (bytes: Uint8Array, file = 'records.csv') => importRecords(fx.content, QUARTER, bytes, file);

const ENGLISH = [
  'site,media,indicator,target,points,inspector,date,evidence',
  'linhe,,message-overdue,2026-11-03 模拟咨询：社保卡补办,4,张三,2026-11-12,11 月 3 日提交，5 个工作日未答复。',
  ',linhe-fabu,media-not-updated,临河发布,,李四,2026-11-10,10 月 20 日以来无更新。',
  '',
].join('\n');

describe('importRecords', () => {
  test('a UTF-8 file: each row becomes a record; linhe 95 → 91 with message-overdue at 4', () => {
    // linhe: 100 − column-stale 5 − message-overdue 4 = 91 (合格). The media record changes no findings file.
    const done = run(utf8(ENGLISH));
    expect(done.encoding).toBe('utf-8');
    expect(done.written).toEqual([expect.stringMatching(/^manual\/2026-Q4\/linhe\.message-overdue\.b722b5db\.md$/), expect.stringMatching(/^manual\/2026-Q4\/linhe-fabu\.media-not-updated\.[0-9a-f]{8}\.md$/)]);
    expect(done.replaced).toEqual([]);
    expect(fx.site('linhe')).toMatchObject({ score: 91, verdict: 'pass' });
    expect(fx.read(done.written[1]!)).toBe('---\nmedia: linhe-fabu\nindicator: media-not-updated\ntarget: 临河发布\ninspector: 李四\ndate: "2026-11-10"\n---\n\n10 月 20 日以来无更新。\n');
    expect(importResultText(done, 'records.csv')).toBe(
      [
        '读取 records.csv（UTF-8）：2 条记录。同一对象、指标和问题再次导入会替换同一个文件。',
        `已写入 ${done.written[0]}`,
        `已写入 ${done.written[1]}`,
        '共 2 条记录：新增 2 条，替换 0 条。',
        '临河市人民政府（linhe）：合格 95.0 分 → 合格 91.0 分',
      ].join('\n'),
    );
  });

  test('a GBK file with Chinese headers, an extra column, and dates as Excel writes them', () => {
    // Excel on Chinese Windows saves CSV in GBK with CRLF; 序号 and 网站名称 are for people and not read.
    const text = ['序号,网站id,网站名称,指标,问题,扣分,检查人,日期,问题描述', '1,linhe-czj,临河市财政局,error-report-overdue,网民纠错：首页链接错误,1,王五,2026/11/5,纠错留言 3 个工作日未处理。', ''].join('\r\n');
    const done = run(iconv.encode(text, 'gbk'), '记录.csv');
    expect(done.encoding).toBe('gbk');
    expect(done.ignored).toEqual(['序号', '网站名称']);
    // linhe-czj: severe-error veto holds ⇒ still 不合格; 100 − typo 0.1 − error-report-overdue 1 = 98.9.
    expect(fx.site('linhe-czj')).toMatchObject({ verdict: 'fail', score: 98.9 });
    expect(fx.read(done.written[0]!)).toContain('inspector: 王五\ndate: "2026-11-05"\n---\n\n纠错留言 3 个工作日未处理。\n');
    expect(importResultText(done, '记录.csv')).toContain('读取 记录.csv（GBK）：1 条记录。');
    expect(importResultText(done, '记录.csv')).toContain('未读取的列：序号、网站名称');
  });

  test('UTF-8 with a BOM: the first header is still read', () => {
    const done = run(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ENGLISH)]));
    expect(done.encoding).toBe('utf-8-bom');
    expect(done.written).toHaveLength(2);
  });

  test('two bad rows are both reported with their lines and fields, and nothing is written', () => {
    const text = [
      'site,indicator,target,points,inspector,date,evidence', // 1
      'nowhere,message-overdue,咨询 A,4,张三,2026-11-12,未答复。', // 2: unknown site
      'linhe,message-overdue,咨询 B,4,张三,2026-11-12,未答复。', // 3: fine
      '', // 4
      'linhe,service-unusable,办事指南,四分,,2026-13-01,缺要素。', // 5: points, inspector, date
    ].join('\n');
    const message = refusal(() => run(utf8(text)));
    expect(message).toBe(
      [
        'records.csv has 4 problems; nothing was written:',
        '  records.csv:2: site: no site with id "nowhere" in sites.yaml',
        '  records.csv:5: inspector: empty (column inspector)',
        '  records.csv:5: points: must be a number ≥ 0, e.g. 4 or 0.5, got "四分"',
        '  records.csv:5: date: must be a date YYYY-MM-DD, got "2026-13-01"',
      ].join('\n'),
    );
    expect(manualFiles()).toEqual([]);
    expect(fx.site('linhe').score).toBe(95);
  });

  test('a quoted multi-line evidence cell is one record, and later rows keep their physical lines', () => {
    const text = [
      'site,indicator,target,inspector,date,evidence', // 1
      'linhe,message-overdue,咨询 A,张三,2026-11-12,"第一行', // 2
      '第二行, 带逗号', // 3
      '第三行 ""引号"""', // 4
      'linhe,message-overdue,咨询 B,张三,2026-11-12,', // 5: no evidence
    ].join('\r\n');
    expect(refusal(() => run(utf8(text)))).toContain('\n  records.csv:5: evidence: empty (column evidence)');
    const done = run(utf8(text.split('\r\n').slice(0, 4).join('\r\n')));
    expect(fx.read(done.written[0]!).endsWith('---\n\n第一行\n第二行, 带逗号\n第三行 "引号"\n')).toBe(true);
  });

  test('importing the same file again replaces the same files with the same bytes', () => {
    const first = run(utf8(ENGLISH));
    const bytes = first.written.map((f) => fx.read(f));
    const findings = fx.read('findings/2026-Q4/linhe.md');
    const again = run(utf8(ENGLISH));
    expect(again.written).toEqual(first.written);
    expect(again.replaced).toEqual(first.written);
    expect(again.rescored.changed).toEqual([]);
    expect(again.written.map((f) => fx.read(f))).toEqual(bytes);
    expect(fx.read('findings/2026-Q4/linhe.md')).toBe(findings);
    expect(manualFiles()).toHaveLength(2);
    expect(importResultText(again, 'records.csv')).toContain('共 2 条记录：新增 0 条，替换 2 条。');
    expect(importResultText(again, 'records.csv')).toContain('临河市人民政府（linhe）：合格 91.0 分，不变');
  });

  test.each([
    ['site,indicator,target\nlinhe,typo,x\n', 'records.csv:1: missing columns inspector (检查人 / 检查人员), date (日期 / 检查日期 / 发现日期), evidence (证据 / 问题描述)'],
    ['indicator,target,inspector,date,evidence\n', 'records.csv:1: missing column site / media / unit (网站id / 新媒体账号id / 单位id)'],
    ['site,网站id,indicator\n', 'records.csv:1: column 2 "网站id" is site again (column 1 already is)'],
    ['site,indicator,target,inspector,date,evidence\n', 'records.csv: no rows under the header'],
    ['', 'records.csv: the file is empty'],
    ['site,indicator\n"linhe,typo\n', 'records.csv: not a readable CSV file'],
  ])('%j is refused', (text, message) => {
    expect(refusal(() => run(utf8(text)))).toContain(message);
  });

  test('a published quarter is refused', () => {
    fx.write(`quarters/${QUARTER}.md`, PUBLISHED_QUARTER);
    expect(refusal(() => run(utf8(ENGLISH)))).toMatch(/record:import refuses to change it/);
  });
});

describe('npm run record:import', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const script = (args: string[]) => spawnSync(process.execPath, ['scripts/record-import.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  test('exit 0 with what was written; exit 2 with every bad row', () => {
    const good = join(fx.root, 'good.csv');
    writeFileSync(good, ENGLISH);
    const ok = script([good, '--quarter', QUARTER, '--content', fx.content]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('临河市人民政府（linhe）：合格 95.0 分 → 合格 91.0 分');

    const bad = join(fx.root, 'bad.csv');
    writeFileSync(bad, ENGLISH.replace('linhe,,', 'nowhere,,'));
    const refused = script([bad, '--quarter', QUARTER, '--content', fx.content]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${bad}:2: site: no site with id "nowhere" in sites.yaml`);

    expect(script(['--quarter', QUARTER]).status).toBe(2);
  });
});
