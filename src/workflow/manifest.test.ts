import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeProblem, describeProblems, signQuarter, verifyPublished, verifyQuarter } from './manifest.ts';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
const quarterFile = (status: 'draft' | 'published') => `---\n# kept\nquarter: 2026-Q4\nissuer: 市政府办公室\nto: 各部门\nstatus: ${status}\n---\n\n（一）正文。\n`;
const manifest = () => readFileSync(join(dir, 'manifests/2026-Q4.sha256'), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  write('quarters/2026-Q4.md', quarterFile('published'));
  write('findings/2026-Q4/kaisha.md', '---\nsite: kaisha\n---\n');
  // CRLF and non-ASCII bytes are hashed as they are on disk.
  write('findings/2026-Q4/dupan.md', '---\r\nsite: dupan\r\n---\r\n首页\r\n');
  write('manual/2026-Q4/kaisha-20261120.md', '---\nsite: kaisha\n---\n');
  write('review/2026-Q4.yaml', 'decisions: []\n');
  write('findings/2026-Q3/kaisha.md', 'another quarter\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('signQuarter', () => {
  it('lists every file of the quarter, sorted, in sha256sum format with a trailing newline', () => {
    const signed = signQuarter(dir, '2026-Q4');
    expect(signed).toEqual({
      manifest: 'manifests/2026-Q4.sha256',
      files: ['findings/2026-Q4/dupan.md', 'findings/2026-Q4/kaisha.md', 'manual/2026-Q4/kaisha-20261120.md', 'quarters/2026-Q4.md', 'review/2026-Q4.yaml'],
    });
    const lines = manifest().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => l.slice(66))).toEqual(signed.files);
    for (const l of lines) expect(l).toMatch(/^[0-9a-f]{64} {2}\S/);
  });

  it('is byte-stable: signing again writes the same file', () => {
    signQuarter(dir, '2026-Q4');
    const first = manifest();
    signQuarter(dir, '2026-Q4');
    expect(manifest()).toBe(first);
  });

  it('is checked clean by the real sha256sum -c --strict', () => {
    signQuarter(dir, '2026-Q4');
    const r = spawnSync('sha256sum', ['-c', '--strict', 'manifests/2026-Q4.sha256'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('and sha256sum -c fails on a changed file just as verifyQuarter does', () => {
    signQuarter(dir, '2026-Q4');
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'x');
    const r = spawnSync('sha256sum', ['-c', '--quiet', 'manifests/2026-Q4.sha256'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('findings/2026-Q4/kaisha.md: FAILED');
  });
});

describe('verifyQuarter', () => {
  beforeEach(() => void signQuarter(dir, '2026-Q4'));

  it('finds nothing right after signing', () => expect(verifyQuarter(dir, '2026-Q4')).toEqual([]));

  it('reports a hand edit of a findings file as changed (one byte is enough)', () => {
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), ' ');
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([{ kind: 'changed', quarter: '2026-Q4', file: 'findings/2026-Q4/kaisha.md' }]);
  });

  it('reports a line-ending conversion as changed: bytes, not text, are signed', () => {
    write('findings/2026-Q4/dupan.md', '---\nsite: dupan\n---\n首页\n');
    expect(verifyQuarter(dir, '2026-Q4')).toMatchObject([{ kind: 'changed', file: 'findings/2026-Q4/dupan.md' }]);
  });

  it('reports a deleted file as missing', () => {
    rmSync(join(dir, 'review/2026-Q4.yaml'));
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([{ kind: 'missing', quarter: '2026-Q4', file: 'review/2026-Q4.yaml' }]);
  });

  it('reports every added file under the quarter\'s folders as unsigned, whatever its name, and ignores other quarters', () => {
    write('manual/2026-Q4/dupan-20261121.md', '---\nsite: dupan\n---\n');
    // A record saved under a dot name or in a subfolder is read by the portal: it is the quarter's too.
    write('manual/2026-Q4/.x.md', '---\nsite: dupan\n---\n');
    write('findings/2026-Q4/sub/y.md', 'x');
    write('findings/2026-Q4/notes.txt', 'x');
    write('findings/2026-Q3/new.md', 'x');
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([
      { kind: 'unsigned', quarter: '2026-Q4', file: 'findings/2026-Q4/notes.txt' },
      { kind: 'unsigned', quarter: '2026-Q4', file: 'findings/2026-Q4/sub/y.md' },
      { kind: 'unsigned', quarter: '2026-Q4', file: 'manual/2026-Q4/.x.md' },
      { kind: 'unsigned', quarter: '2026-Q4', file: 'manual/2026-Q4/dupan-20261121.md' },
    ]);
  });

  it('reports several problems sorted by file', () => {
    appendFileSync(join(dir, 'quarters/2026-Q4.md'), 'x');
    rmSync(join(dir, 'findings/2026-Q4/kaisha.md'));
    write('findings/2026-Q4/aaa.md', 'x');
    expect(verifyQuarter(dir, '2026-Q4').map((p) => [p.kind, p.file])).toEqual([
      ['unsigned', 'findings/2026-Q4/aaa.md'],
      ['missing', 'findings/2026-Q4/kaisha.md'],
      ['changed', 'quarters/2026-Q4.md'],
    ]);
  });

  it.each([
    ['# signed on 2026-12-01', /注释行/],
    ['', /空行/],
    ['deadbeef  findings/2026-Q4/kaisha.md', /64 位十六进制/],
    [`${'0'.repeat(64)}  findings/2026-Q3/kaisha.md`, /findings\/2026-Q3\/kaisha.md 不是 2026-Q4 的文件/],
    [`${'0'.repeat(64)}  ../sites.yaml`, /不是 2026-Q4 的文件/],
  ])('reports the malformed manifest line %j with the manifest file and line', (line, reason) => {
    writeFileSync(join(dir, 'manifests/2026-Q4.sha256'), `${line}\n${manifest()}`);
    const [p, ...rest] = verifyQuarter(dir, '2026-Q4');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'malformed', file: 'manifests/2026-Q4.sha256', line: 1 });
    expect(describeProblem(p!)).toMatch(/^manifests\/2026-Q4\.sha256:1: 格式错误：/);
    expect(describeProblem(p!)).toMatch(reason);
  });

  it('reports a file listed twice, and accepts sha256sum binary mode and upper-case hex', () => {
    const lines = manifest().trimEnd().split('\n');
    const first = lines[0]!;
    const binary = `${first.slice(0, 64).toUpperCase()} *${first.slice(66)}`;
    writeFileSync(join(dir, 'manifests/2026-Q4.sha256'), `${[binary, ...lines.slice(1), first].join('\n')}\n`);
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([
      { kind: 'malformed', quarter: '2026-Q4', file: 'manifests/2026-Q4.sha256', line: 6, reason: `${first.slice(66)} 重复出现` },
    ]);
  });

  it('reports a quarter without a manifest', () => {
    rmSync(join(dir, 'manifests/2026-Q4.sha256'));
    expect(verifyQuarter(dir, '2026-Q4')).toEqual([{ kind: 'no-manifest', quarter: '2026-Q4', file: 'manifests/2026-Q4.sha256' }]);
  });
});

describe('verifyPublished', () => {
  it('checks published quarters only', () => {
    signQuarter(dir, '2026-Q4');
    write('quarters/2026-Q3.md', quarterFile('draft').replace('2026-Q4', '2026-Q3'));
    expect(verifyPublished(dir)).toEqual([]);
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'x');
    appendFileSync(join(dir, 'findings/2026-Q3/kaisha.md'), 'x');
    expect(verifyPublished(dir)).toEqual([{ kind: 'changed', quarter: '2026-Q4', file: 'findings/2026-Q4/kaisha.md' }]);
  });

  it('refuses to vouch for a folder a killed command left half-changed, naming the command and the way out', () => {
    signQuarter(dir, '2026-Q4');
    write('.transaction/journal', `${JSON.stringify({ command: 'npm run publish -- 2026-Q4', pid: 4242, since: '2026-12-01T10:00:00.000Z' })}\n`);
    expect(() => verifyPublished(dir)).toThrow(/\.transaction: 写入命令 npm run publish -- 2026-Q4（进程 4242，2026-12-01T10:00:00\.000Z 开始） 未完成.*npm run recover/);
  });

  it('reports a published quarter without a manifest, naming its quarter file', () => {
    const problems = verifyPublished(dir);
    expect(problems).toEqual([{ kind: 'no-manifest', quarter: '2026-Q4', file: 'manifests/2026-Q4.sha256' }]);
    expect(describeProblem(problems[0]!)).toBe('quarters/2026-Q4.md: 2026-Q4 已发布，但没有 manifests/2026-Q4.sha256');
  });

  it('reports a manifest whose quarter is a draft or has no quarter file', () => {
    signQuarter(dir, '2026-Q4');
    write('quarters/2026-Q4.md', quarterFile('draft'));
    write('manifests/2026-Q1.sha256', '');
    expect(verifyPublished(dir)).toEqual([
      { kind: 'not-published', quarter: '2026-Q1', file: 'manifests/2026-Q1.sha256' },
      { kind: 'not-published', quarter: '2026-Q4', file: 'manifests/2026-Q4.sha256' },
    ]);
  });

  it('finds nothing in a content folder with neither quarter files nor manifests', () => {
    const empty = mkdtempSync(join(tmpdir(), 'manifest-empty-'));
    try {
      expect(verifyPublished(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('throws an InputError naming an invalid quarter file', () => {
    write('quarters/2026-Q4.md', quarterFile('published').replace('status: published', 'status: final'));
    expect(() => verifyPublished(dir)).toThrow(/quarters\/2026-Q4\.md.*status/s);
  });

  it('ends its report with the command that records a correction', () => {
    signQuarter(dir, '2026-Q4');
    appendFileSync(join(dir, 'findings/2026-Q4/kaisha.md'), 'x');
    const report = describeProblems('content', verifyPublished(dir));
    expect(report).toContain('  findings/2026-Q4/kaisha.md: 已改动（与 manifests/2026-Q4.sha256 中的 SHA-256 不符）');
    expect(report).toContain('npm run correct -- 2026-Q4 --what');
  });
});

// Screenshots the findings name are signed with the quarter: a changed image fails the check.
describe('screenshots of a published quarter', () => {
  let root: string;
  let content: string;
  const shot = 'evidence/2026-Q4/kaisha/0123456789abcdef.jpg';
  const put = (file: string, data: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), data);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'manifest-evidence-'));
    content = join(root, 'content');
    put('content/quarters/2026-Q4.md', quarterFile('published'));
    put('content/findings/2026-Q4/kaisha.md', `---\nsite: kaisha\nfindings:\n  - indicator: broken-link\n    screenshot: ${shot}\ndismissed:\n  - indicator: typo\n    screenshot: evidence/2026-Q4/kaisha/fedcba9876543210.jpg\n---\n`);
    put('content/findings/2026-Q4/dupan.md', '---\nsite: dupan\nfindings: []\n---\n');
    put(`public/${shot}`, 'JPEG 1');
    put('public/evidence/2026-Q4/kaisha/fedcba9876543210.jpg', 'JPEG 2');
    // The crawl's shot of a finding since fixed: on disk, named by no findings file, not signed.
    put('public/evidence/2026-Q4/kaisha/1111111111111111.jpg', 'JPEG 3');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('signs the screenshots the findings name, as paths sha256sum -c reads from the content folder', () => {
    const signed = signQuarter(content, '2026-Q4');
    expect(signed.files).toEqual(['findings/2026-Q4/dupan.md', 'findings/2026-Q4/kaisha.md', 'quarters/2026-Q4.md', '../public/evidence/2026-Q4/kaisha/0123456789abcdef.jpg', '../public/evidence/2026-Q4/kaisha/fedcba9876543210.jpg']);
    expect(verifyQuarter(content, '2026-Q4')).toEqual([]);
    expect(spawnSync('sha256sum', ['-c', '--strict', 'manifests/2026-Q4.sha256'], { cwd: content, encoding: 'utf8' }).status).toBe(0);
  });

  it('a changed or deleted image fails the check', () => {
    signQuarter(content, '2026-Q4');
    put(`public/${shot}`, 'JPEG 1, retouched');
    rmSync(join(root, 'public/evidence/2026-Q4/kaisha/fedcba9876543210.jpg'));
    const problems = verifyPublished(content);
    expect(problems).toEqual([
      { kind: 'changed', quarter: '2026-Q4', file: `../public/${shot}` },
      { kind: 'missing', quarter: '2026-Q4', file: '../public/evidence/2026-Q4/kaisha/fedcba9876543210.jpg' },
    ]);
    expect(describeProblem(problems[0]!)).toBe(`../public/${shot}: 已改动（与 manifests/2026-Q4.sha256 中的 SHA-256 不符）`);
  });

  it('a findings file that names a screenshot the manifest lacks is caught (with the file itself)', () => {
    signQuarter(content, '2026-Q4');
    put('content/findings/2026-Q4/dupan.md', '---\nsite: dupan\nfindings:\n  - indicator: typo\n    screenshot: evidence/2026-Q4/dupan/2222222222222222.jpg\n---\n');
    put('public/evidence/2026-Q4/dupan/2222222222222222.jpg', 'JPEG 4');
    expect(verifyQuarter(content, '2026-Q4').map((p) => [p.kind, p.file])).toEqual([
      ['unsigned', '../public/evidence/2026-Q4/dupan/2222222222222222.jpg'],
      ['changed', 'findings/2026-Q4/dupan.md'],
    ]);
  });

  it('refuses to sign a screenshot that is not on disk', () => {
    rmSync(join(root, 'public', shot));
    expect(() => signQuarter(content, '2026-Q4')).toThrow(/screenshots named by its findings files are missing/);
  });

  it('checks the images in EVIDENCE_DIR when they are kept there; skips them where the pages link elsewhere and the folder is absent', () => {
    vi.stubEnv('EVIDENCE_DIR', join(root, 'store'));
    for (const name of ['0123456789abcdef.jpg', 'fedcba9876543210.jpg']) put(`store/2026-Q4/kaisha/${name}`, `stored ${name}`);
    signQuarter(content, '2026-Q4');
    expect(verifyQuarter(content, '2026-Q4')).toEqual([]);
    put('store/2026-Q4/kaisha/0123456789abcdef.jpg', 'changed');
    expect(verifyQuarter(content, '2026-Q4')).toEqual([{ kind: 'changed', quarter: '2026-Q4', file: `../public/${shot}` }]);
    // The build in CI: the pages link to EVIDENCE_URL and the images are not on this machine.
    vi.stubEnv('EVIDENCE_DIR', join(root, 'not-here'));
    vi.stubEnv('EVIDENCE_URL', 'https://evidence.example.gov.cn/');
    expect(verifyQuarter(content, '2026-Q4')).toEqual([]);
  });
});
