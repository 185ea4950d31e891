import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../errors.ts';
import { verifyQuarter } from './manifest.ts';
import { correctQuarter, publishQuarter } from './publish.ts';
import { readQuarterFile } from '../store/quarter-file.ts';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const QUARTER = '---\n# The office writes this file.\nquarter: 2026-Q4\nissuer: 市政府办公室\nto: 各部门 # 主送\n---\n\n（一）压实主体责任。\n';
const publish = (extra: Partial<Parameters<typeof publishQuarter>[0]> = {}) => publishQuarter({ contentDir: dir, quarter: '2026-Q4', date: '2026-12-01', ...extra });
const correct = (extra: Partial<Parameters<typeof correctQuarter>[0]> = {}) =>
  correctQuarter({ contentDir: dir, quarter: '2026-Q4', what: '更正开沙市财政局的得分', why: '人工复核推翻了一条自动检查结果', date: '2026-12-10', ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'publish-'));
  write('quarters/2026-Q4.md', QUARTER);
  write('findings/2026-Q4/kaisha.md', '---\nsite: kaisha\n---\n');
  write('findings/2026-Q4/kaisha-czj.md', '---\nsite: kaisha-czj\n---\n');
  write('review/2026-Q4.yaml', 'decisions: []\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('publishQuarter', () => {
  it('marks the quarter published, keeps the file’s comments and body, and signs every file', async () => {
    const done = await publish();
    expect(done).toEqual({
      quarter: '2026-Q4',
      date: '2026-12-01',
      manifest: 'manifests/2026-Q4.sha256',
      files: ['findings/2026-Q4/kaisha-czj.md', 'findings/2026-Q4/kaisha.md', 'quarters/2026-Q4.md', 'review/2026-Q4.yaml'],
    });
    expect(readQuarterFile(dir, '2026-Q4')).toMatchObject({ status: 'published', published: '2026-12-01', date: '2026-12-01', errata: [] });
    const text = read('quarters/2026-Q4.md');
    expect(text).toContain('# The office writes this file.');
    expect(text).toContain('to: 各部门 # 主送');
    expect(text.endsWith('---\n\n（一）压实主体责任。\n')).toBe(true);
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([]);
  });

  it('keeps a 成文日期 the office already wrote', async () => {
    write('quarters/2026-Q4.md', QUARTER.replace('to:', 'date: 2026-11-28\nto:'));
    await publish();
    expect(readQuarterFile(dir, '2026-Q4')).toMatchObject({ date: '2026-11-28', published: '2026-12-01' });
  });

  it('runs the check first, and writes nothing when it refuses', async () => {
    const check = vi.fn(() => {
      throw new InputError('manual/2026-Q4/x.md:3: bad record');
    });
    await expect(publish({ check })).rejects.toThrow('bad record');
    expect(check).toHaveBeenCalledOnce();
    expect(read('quarters/2026-Q4.md')).toBe(QUARTER);
    expect(verifyQuarter(dir, '2026-Q4')).toMatchObject([{ kind: 'no-manifest' }]);
  });

  it('refuses a quarter that is already published', async () => {
    await publish();
    await expect(publish({ date: '2026-12-02' })).rejects.toThrow(/already published on 2026-12-01.*npm run correct/);
  });

  it('refuses a quarter without a quarter file', async () => {
    rmSync(join(dir, 'quarters/2026-Q4.md'));
    await expect(publish()).rejects.toThrow(InputError);
    await expect(publish()).rejects.toThrow(/no quarter file/);
  });

  it('refuses a quarter without findings files', async () => {
    rmSync(join(dir, 'findings'), { recursive: true });
    const check = vi.fn();
    await expect(publish({ check })).rejects.toThrow(/no findings files.*npm run crawl/);
    expect(check).not.toHaveBeenCalled();
  });

  it('refuses a sampled quarter with findings of a site outside the sample, naming the file', async () => {
    write('quarters/2026-Q4.md', QUARTER.replace('to: 各部门 # 主送\n', 'to: 各部门 # 主送\nsample:\n  seed: 7\n  ratio: 0.5\n  drawn: 2026-11-01\n  sites: [kaisha]\n'));
    await expect(publish()).rejects.toThrow(/sampled \(seed 7\), but 1 findings file is for sites outside the sample[\s\S]*findings\/2026-Q4\/kaisha-czj\.md/);
    expect(readQuarterFile(dir, '2026-Q4')?.status).toBe('draft');
    rmSync(join(dir, 'findings/2026-Q4/kaisha-czj.md'));
    await expect(publish()).resolves.toMatchObject({ files: ['findings/2026-Q4/kaisha.md', 'quarters/2026-Q4.md', 'review/2026-Q4.yaml'] });
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(publish({ date: '2026-02-30' })).rejects.toThrow(/--date must be a date/);
  });
});

describe('pinned inputs', () => {
  it('publication copies the registry, media, rules, notices and dictionary into pinned/<quarter>/ and signs the copies; a later edit of a copy is caught', async () => {
    write('units.yaml', '- id: kaisha\n  name: 凯沙县人民政府\n');
    const rules = readFileSync('content/rules.yaml', 'utf8');
    write('rules.yaml', rules);
    write('notices.yaml', '[]\n');
    const done = await publish();
    expect(done.files).toEqual(expect.arrayContaining(['pinned/2026-Q4/notices.yaml', 'pinned/2026-Q4/rules.yaml', 'pinned/2026-Q4/units.yaml']));
    expect(done.files.filter((f) => f.startsWith('pinned/'))).toHaveLength(3);
    expect(read('pinned/2026-Q4/rules.yaml')).toBe(rules);
    // The shipped rectification.workdays (15) set the 整改期限 from the day published (Tuesday 12-01): 12-02..04, 12-07..11, 12-14..18, 12-21..22.
    expect(read('quarters/2026-Q4.md')).toContain('rectifyBy: 2026-12-22');
    // The live file moves on; the pinned copy and the manifest do not notice.
    write('rules.yaml', rules.replace('failingSite: 2', 'failingSite: 9'));
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([]);
    write('pinned/2026-Q4/units.yaml', '- id: kaisha\n  name: 凯沙市人民政府\n');
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([{ kind: 'changed', quarter: '2026-Q4', file: 'pinned/2026-Q4/units.yaml' }]);
  });
});

describe('correctQuarter', () => {
  it('records the changed, deleted and added files in an erratum and signs again', async () => {
    await publish();
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha-czj.md'), 'x');
    rmSync(join(dir, 'review/2026-Q4.yaml'));
    write('manual/2026-Q4/kaisha-czj-20261205.md', '---\nsite: kaisha-czj\n---\n');
    const done = await correct();
    const files = ['findings/2026-Q4/kaisha-czj.md', 'manual/2026-Q4/kaisha-czj-20261205.md', 'review/2026-Q4.yaml'];
    expect(done).toMatchObject({ quarter: '2026-Q4', manifest: 'manifests/2026-Q4.sha256', erratum: { date: '2026-12-10', what: '更正开沙市财政局的得分', why: '人工复核推翻了一条自动检查结果', files } });
    expect(done.files).toContain('manual/2026-Q4/kaisha-czj-20261205.md');
    expect(done.files).not.toContain('review/2026-Q4.yaml');
    expect(readQuarterFile(dir, '2026-Q4')?.errata).toEqual([done.erratum]);
    expect(read('quarters/2026-Q4.md')).toContain('# The office writes this file.');
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([]);
  });

  it('appends later errata after earlier ones, as a block list', async () => {
    write('quarters/2026-Q4.md', QUARTER.replace('to:', 'errata: []\nto:'));
    await publish();
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'a');
    await correct({ what: '第一次' });
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'b');
    await correct({ what: '第二次', date: '2026-12-11' });
    expect(readQuarterFile(dir, '2026-Q4')?.errata.map((e) => [e.what, e.date, e.files])).toEqual([
      ['第一次', '2026-12-10', ['findings/2026-Q4/kaisha.md']],
      ['第二次', '2026-12-11', ['findings/2026-Q4/kaisha.md']],
    ]);
    expect(read('quarters/2026-Q4.md')).toMatch(/\nerrata:\n {2}- date: 2026-12-10\n/);
  });

  it('lists the files the re-score changed too', async () => {
    await publish();
    write('manual/2026-Q4/kaisha-20261205.md', '---\nsite: kaisha\n---\n');
    const rescore = vi.fn(() => appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'rescored'));
    const done = await correct({ rescore });
    expect(rescore).toHaveBeenCalledOnce();
    expect(done.erratum.files).toEqual(['findings/2026-Q4/kaisha.md', 'manual/2026-Q4/kaisha-20261205.md']);
  });

  it('refuses when nothing changed, before re-scoring', async () => {
    await publish();
    const rescore = vi.fn();
    await expect(correct({ rescore })).rejects.toThrow('nothing changed: edit the files first');
    expect(rescore).not.toHaveBeenCalled();
  });

  it('refuses a draft quarter', async () => {
    await expect(correct()).rejects.toThrow(/2026-Q4 is not published.*npm run publish/);
  });

  it('refuses a date before the publication, and an empty what or why', async () => {
    await publish();
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'x');
    await expect(correct({ date: '2026-11-30' })).rejects.toThrow(/before the publication of 2026-Q4 on 2026-12-01/);
    await expect(correct({ what: '  ' })).rejects.toThrow(/--what/);
    await expect(correct({ why: '' })).rejects.toThrow(/--why/);
    expect(readQuarterFile(dir, '2026-Q4')?.errata).toEqual([]);
  });

  it('refuses when the manifest itself was edited or removed', async () => {
    await publish();
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'x');
    appendFileSync(join(dir, 'manifests/2026-Q4.sha256'), '# edited\n');
    await expect(correct()).rejects.toThrow(/restore it from git[\s\S]*manifests\/2026-Q4\.sha256:5: /);
    rmSync(join(dir, 'manifests/2026-Q4.sha256'));
    await expect(correct()).rejects.toThrow(/restore it from git/);
  });
});
