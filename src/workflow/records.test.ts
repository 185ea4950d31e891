import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { rulesConfigSchema } from '../schemas/rules-config.ts';
import type { Site } from '../schemas/registry.ts';
import { InputError } from '../errors.ts';
import { checkRecord, indexRecords, recordFiles, type RecordContext } from './records.ts';

const config = rulesConfigSchema.parse(YAML.parse(readFileSync(join(import.meta.dirname, '../../content/rules.yaml'), 'utf8')));
const linhe: Site = { id: 'linhe', name: '临河市人民政府', url: 'http://www.linhe.gov.cn/', unit: 'office', kind: 'portal', siteCode: '3713000001' };
const ctx: RecordContext = {
  sites: new Map([['linhe', linhe]]),
  unitIds: new Set(['office', 'edu']),
  media: new Map([['linhe-wechat', { id: 'linhe-wechat', name: '临河发布', platform: 'wechat', unit: 'office', registered: true }]]),
  config,
  publicDir: join(import.meta.dirname, '../../public'),
};

function check(text: string) {
  const errors: string[] = [];
  const r = checkRecord('manual/2026-Q4/x.md', text, ctx, errors);
  return { r, errors };
}

const good = `---
site: linhe
indicator: message-overdue
target: 11 月 3 日咨询“义务教育入学”
inspector: 张三
date: 2026-11-20
---
11 月 3 日通过领导信箱提交咨询，至 11 月 20 日（12 个工作日）未答复。
`;

describe('checkRecord', () => {
  test('a good record takes the rules file default points (message-overdue: 4)', () => {
    const { r, errors } = check(good);
    expect(errors).toEqual([]);
    expect(r).toMatchObject({ points: 4, evidence: '11 月 3 日通过领导信箱提交咨询，至 11 月 20 日（12 个工作日）未答复。', def: { kind: 'deduction', subject: 'site' } });
  });

  // Each bad input gives the file, the line of the field (the frontmatter starts on line 2) and the field.
  test.each([
    ['an unknown site', good.replace('site: linhe', 'site: nowhere'), 'manual/2026-Q4/x.md:2: site: no site with id "nowhere"'],
    ['an unknown indicator', good.replace('indicator: message-overdue', 'indicator: made-up'), 'manual/2026-Q4/x.md:3: indicator: no indicator "made-up"'],
    ['a bad date', good.replace('date: 2026-11-20', 'date: 20.11.2026'), 'manual/2026-Q4/x.md:6: date: must be a date YYYY-MM-DD'],
    ['no inspector', good.replace('inspector: 张三\n', ''), 'manual/2026-Q4/x.md:2: inspector:'],
    ['a media item on a site', good.replace('indicator: message-overdue', 'indicator: media-not-updated'), 'manual/2026-Q4/x.md:2: site: indicator media-not-updated (内容不更新) is about a new media account: give media: <id>'],
    ['points on a veto', good.replace('indicator: message-overdue', 'indicator: service-unusable').replace('date: 2026-11-20', 'date: 2026-11-20\npoints: 3'), 'manual/2026-Q4/x.md:7: points: service-unusable is a veto item: points must be 0 or left out'],
    ['two subjects', good.replace('site: linhe', 'site: linhe\nunit: office'), 'manual/2026-Q4/x.md:3: unit: give only one of site, media and unit'],
    ['no evidence', good.replace(/---\n11 月[^\n]*\n$/, '---\n\n'), 'manual/2026-Q4/x.md:8: evidence: the text after the frontmatter must say what was seen'],
    ['a screenshot outside public/', good.replace('date: 2026-11-20', 'date: 2026-11-20\nscreenshot: ../secret.png'), 'manual/2026-Q4/x.md:7: screenshot: must be a path under public/'],
    ['a missing screenshot', good.replace('date: 2026-11-20', 'date: 2026-11-20\nscreenshot: evidence/none.png'), 'manual/2026-Q4/x.md:7: screenshot: no file'],
    ['an unknown field', good.replace('date: 2026-11-20', 'date: 2026-11-20\nscore: 3'), 'manual/2026-Q4/x.md:2: (entry): Unrecognized key: "score"'],
    // Refused by both YAML readers: the line comes from the line-numbered parse the quick read falls back to.
    ['a field given twice', good.replace('inspector: 张三', 'inspector: 张三\ninspector: 李四'), 'manual/2026-Q4/x.md:6: Map keys must be unique'],
    ['a target that is a number', good.replace(/target: .*/, 'target: 0x1F'), 'manual/2026-Q4/x.md:4: target:'],
  ])('%s', (_label, text, message) => {
    const { r, errors } = check(text);
    expect(r).toBeUndefined();
    expect(errors.join('\n')).toContain(message);
  });

  test('a file without frontmatter names its first line', () => {
    expect(check('just text\n').errors).toEqual(['manual/2026-Q4/x.md:1: must start with a YAML frontmatter block between two --- lines']);
  });

  test('media and unit records', () => {
    const media = check(good.replace('site: linhe', 'media: linhe-wechat').replace('indicator: message-overdue', 'indicator: media-not-updated'));
    expect(media.errors).toEqual([]);
    expect(media.r).toMatchObject({ points: 0, def: { kind: 'veto', subject: 'media' } });
    const unit = check(good.replace('site: linhe', 'unit: edu').replace('indicator: message-overdue', 'indicator: self-inspection-missing'));
    expect(unit.errors).toEqual([]);
    expect(unit.r).toMatchObject({ def: { kind: 'problem', subject: 'unit' } });
  });
});

test('recordFiles lists every Markdown file of the quarter’s manual folder, dot names and subfolders too (what the portal reads and the manifest signs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  try {
    for (const f of ['a.md', '.x.md', 'sub/b.md', 'notes.txt']) {
      mkdirSync(dirname(join(dir, 'manual/2026-Q4', f)), { recursive: true });
      writeFileSync(join(dir, 'manual/2026-Q4', f), '');
    }
    expect(recordFiles(dir, '2026-Q4')).toEqual(['manual/2026-Q4/.x.md', 'manual/2026-Q4/a.md', 'manual/2026-Q4/sub/b.md']);
    expect(recordFiles(dir, '2026-Q3')).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('indexRecords', () => {
  const two: RecordContext = { ...ctx, sites: new Map([['linhe', linhe], ['linhe-jyj', { ...linhe, id: 'linhe-jyj', url: 'http://jyj.linhe.gov.cn/' }]]) };
  const write = (dir: string, name: string, text: string) => {
    mkdirSync(join(dir, 'manual/2026-Q4'), { recursive: true });
    writeFileSync(join(dir, 'manual/2026-Q4', name), text);
  };
  const withFolder = (fn: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'records-index-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('keeps only the names of each site’s files and reads one site’s records on demand', () => {
    withFolder((dir) => {
      write(dir, 'b.md', good);
      write(dir, 'a.md', good.replace('target: 11 月 3 日', 'target: 11 月 4 日'));
      write(dir, 'jyj.md', good.replace('site: linhe', 'site: linhe-jyj'));
      write(dir, 'unit.md', good.replace('site: linhe', 'unit: edu').replace('indicator: message-overdue', 'indicator: self-inspection-missing'));
      const index = indexRecords(dir, '2026-Q4', two);
      expect([...index.files]).toEqual([
        ['linhe', ['manual/2026-Q4/a.md', 'manual/2026-Q4/b.md']],
        ['linhe-jyj', ['manual/2026-Q4/jyj.md']],
      ]);
      expect(index.of('linhe').map((r) => [r.file, r.data.target])).toEqual([
        ['manual/2026-Q4/a.md', '11 月 4 日咨询“义务教育入学”'],
        ['manual/2026-Q4/b.md', '11 月 3 日咨询“义务教育入学”'],
      ]);
      expect(index.of('linhe-jyj').map((r) => r.data.site)).toEqual(['linhe-jyj']);
      expect(index.of('nowhere')).toEqual([]);
    });
  });

  test('checks every file first: every problem of every file, site records or not, before anything is read by site', () => {
    withFolder((dir) => {
      write(dir, 'a.md', good.replace('site: linhe', 'site: nowhere'));
      write(dir, 'u.md', good.replace('site: linhe', 'unit: nobody').replace('indicator: message-overdue', 'indicator: self-inspection-missing'));
      expect(() => indexRecords(dir, '2026-Q4', two)).toThrow(/2 problems in the manual records of 2026-Q4[^]*a\.md:2: site: no site with id "nowhere"[^]*u\.md:2: unit: no unit with id "nobody"/);
    });
  });

  test('a file changed between the check and its site’s read is refused, not read unchecked', () => {
    withFolder((dir) => {
      write(dir, 'a.md', good);
      const index = indexRecords(dir, '2026-Q4', two);
      write(dir, 'a.md', good.replace('date: 2026-11-20', 'date: someday'));
      expect(() => index.of('linhe')).toThrow(InputError);
    });
  });
});
