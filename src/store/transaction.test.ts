import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { makeFixture, QUARTER, tempFolders } from '../workflow/fixture.test-helpers.ts';
import { publishQuarter } from '../workflow/publish.ts';
import { writeFileAtomic, removeFile } from './atomic.ts';
import { inTransaction, recoverContent, transactionDir } from './transaction.ts';

const folder = tempFolders('tx');

/** Every file under dir (relative path → text), the lock and transaction folder included so that leftovers show. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = join(dir, rel);
    if (statSync(p).isFile()) out[rel] = readFileSync(p, 'utf8');
  }
  return out;
}

describe('inTransaction', () => {
  test('a throw puts back every file it changed, created or removed; a return commits and leaves nothing behind', () => {
    const d = folder();
    writeFileSync(join(d, 'a.md'), 'a0');
    writeFileSync(join(d, 'b.md'), 'b0');
    const before = snapshot(d);
    expect(() =>
      inTransaction(d, 'test', () => {
        writeFileAtomic(join(d, 'a.md'), 'a1');
        writeFileAtomic(join(d, 'a.md'), 'a2');
        writeFileAtomic(join(d, 'sub', 'c.md'), 'c1');
        removeFile(join(d, 'b.md'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(snapshot(d)).toEqual(before);
    inTransaction(d, 'test', () => {
      writeFileAtomic(join(d, 'a.md'), 'a1');
      removeFile(join(d, 'b.md'));
    });
    expect(snapshot(d)).toEqual({ 'a.md': 'a1' });
    expect(existsSync(transactionDir(d))).toBe(false);
  });

  test('a rejected promise rolls back; a nested transaction on the same folder joins the outer one', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.md'), 'a0');
    await expect(
      inTransaction(d, 'outer', async () => {
        inTransaction(d, 'inner', () => writeFileAtomic(join(d, 'a.md'), 'inner'));
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
    expect(readFileSync(join(d, 'a.md'), 'utf8')).toBe('a0');
  });

  test('files outside the folder are not journaled', () => {
    const d = folder();
    const other = folder();
    inTransaction(d, 'test', () => {
      writeFileAtomic(join(other, 'x.md'), 'x');
      expect(readdirSync(transactionDir(d))).toEqual(['journal']);
    });
  });

  test('recovery removes temporary files whose writer is gone, and keeps a live writer\'s', () => {
    const d = folder();
    writeFileSync(join(d, '.a.md.999999999.0123abcd.tmp'), 'dead');
    writeFileSync(join(d, `.b.md.${process.pid}.0123abcd.tmp`), 'alive');
    expect(recoverContent(d)).toEqual(['删除了被中断的命令留下的 1 个临时文件。']);
    expect(readdirSync(d)).toEqual([`.b.md.${process.pid}.0123abcd.tmp`]);
  });
});

// Real commands killed with SIGKILL at every write step (GOV_PORTAL_CRASH_AT, src/store/fault.ts):
// after `npm run recover` the content folder must be exactly as before the command or exactly as
// after a run that was not interrupted, with no lock, journal or temporary file left.
describe('commands killed at each of their writes (real processes, kill -9)', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  const run = (script: string, args: string[], content: string, crashAt?: string) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((done) => {
      const env: NodeJS.ProcessEnv = { ...process.env, GOV_PORTAL_LOCK_WAIT_MS: '0' };
      if (crashAt) env['GOV_PORTAL_CRASH_AT'] = crashAt;
      else delete env['GOV_PORTAL_CRASH_AT'];
      const p = spawn(process.execPath, [script, ...args, '--content', content], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (b) => (out += b));
      p.stderr.on('data', (b) => (out += b));
      const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
      p.on('close', (code, signal) => {
        clearTimeout(timer);
        done({ code, signal, out });
      });
    });

  /** A fresh copy of a prepared project; its content folder. */
  const copyOf = (root: string) => {
    const to = mkdtempSync(join(tmpdir(), 'tx-run-'));
    roots.push(to);
    cpSync(root, to, { recursive: true });
    return join(to, 'content');
  };

  const DRAFT = `---\nquarter: ${QUARTER}\nissuer: 临河市人民政府办公室\nto: 各部门\nstatus: draft\n---\n\n正文\n`;
  const REVIEW = 'decisions:\n  - site: linhe-czj\n    indicator: severe-error\n    target: 国务院总里\n    decision: dismissed\n    reason: 网民原话\n    inspector: 李四\n    date: 2026-12-02\nreplies: []\n';
  const RECORDS = [
    'site,media,indicator,target,points,inspector,date,evidence',
    'linhe,,message-overdue,2026-11-03 模拟咨询：社保卡补办,4,张三,2026-11-12,11 月 3 日提交，5 个工作日未答复。',
    'linhe,,message-overdue,2026-11-05 模拟咨询：公积金,4,张三,2026-11-12,11 月 5 日提交，未答复。',
    'linhe-czj,,typo,主页第三段,0.1,张三,2026-11-12,“做好”误为“作好”。',
    ',linhe-fabu,media-not-updated,临河发布,,李四,2026-11-10,10 月 20 日以来无更新。',
    '',
  ].join('\n');

  /** Each command with the project it starts from (prepared in-process) and its arguments. */
  const COMMANDS: Array<{ name: string; script: string; args: (content: string) => string[]; prepare: (content: string) => void | Promise<void> }> = [
    {
      name: 'publish',
      script: 'scripts/publish.ts',
      args: () => [QUARTER, '--date', '2026-12-01'],
      prepare: (c) => {
        writeFileSync(join(c, 'quarters', `${QUARTER}.md`), DRAFT);
        // A review edited by hand and not applied yet: publish re-scores before it signs, so it writes findings, quarter file and manifest.
        writeFileSync(join(c, 'review', `${QUARTER}.yaml`), REVIEW);
      },
    },
    {
      name: 'correct',
      script: 'scripts/correct.ts',
      args: () => [QUARTER, '--what', '撤销一条记录', '--why', '复核认定不成立', '--date', '2026-12-02'],
      prepare: async (c) => {
        writeFileSync(join(c, 'quarters', `${QUARTER}.md`), DRAFT);
        await publishQuarter({ contentDir: c, quarter: QUARTER, date: '2026-12-01' });
        // An inspector's edit after publication: a review decision the correction re-scores.
        writeFileSync(join(c, 'review', `${QUARTER}.yaml`), REVIEW);
      },
    },
    {
      name: 'review',
      script: 'scripts/review.ts',
      args: () => ['--quarter', QUARTER, '--site', 'linhe-czj', '--indicator', 'severe-error', '--target', '国务院总里', '--dismiss', '--reason', '网民原话', '--inspector', '李四', '--date', '2026-11-21'],
      prepare: () => {},
    },
    {
      name: 'record',
      script: 'scripts/record.ts',
      args: () => ['--quarter', QUARTER, '--site', 'linhe', '--indicator', 'message-overdue', '--target', '2026-11-03 模拟咨询', '--points', '4', '--inspector', '张三', '--date', '2026-11-12', '--evidence', '未答复。'],
      prepare: () => {},
    },
    {
      name: 'record:import',
      script: 'scripts/record-import.ts',
      args: (c) => [join(c, '..', 'records.csv'), '--quarter', QUARTER],
      prepare: (c) => writeFileSync(join(c, '..', 'records.csv'), RECORDS),
    },
    {
      name: 'sample',
      script: 'scripts/sample.ts',
      args: () => ['--quarter', QUARTER, '--ratio', '0.5', '--seed', '7', '--date', '2026-11-01'],
      prepare: (c) => writeFileSync(join(c, 'quarters', `${QUARTER}.md`), DRAFT),
    },
    {
      name: 'sites:import',
      script: 'scripts/sites-import.ts',
      args: (c) => [join(c, '..', 'sites.csv')],
      prepare: (c) =>
        writeFileSync(
          join(c, '..', 'sites.csv'),
          'id,name,url,unit,unitName,kind,siteCode\nlinhe,临河市人民政府,http://www.linhe.gov.cn/,linhe-bgs,,portal,1501000001\nlinhe-new,临河市新局,http://new.linhe.gov.cn/,linhe-new,临河市新局,department,1501000009\n',
        ),
    },
  ];

  for (const c of COMMANDS) {
    test(`${c.name}: killed at any write, then recovered, the folder is as before or as after; the rerun lands`, async () => {
      const fx = makeFixture();
      roots.push(fx.root);
      mkdirSync(join(fx.content, 'quarters'), { recursive: true });
      mkdirSync(join(fx.content, 'review'), { recursive: true });
      await c.prepare(fx.content);
      const before = snapshot(fx.content);
      // The run not interrupted, counting its write steps.
      const clean = copyOf(fx.root);
      const done = await run(c.script, c.args(clean), clean, 'count');
      expect(done.code, done.out).toBe(0);
      const steps = Number(/fault points: (\d+)/.exec(done.out)?.[1]);
      const after = snapshot(clean);
      expect(after).not.toEqual(before);
      expect(steps).toBeGreaterThanOrEqual(6);
      const states = { before: 0, after: 0 };
      const points = Array.from({ length: steps }, (_, i) => i + 1);
      // Two at a time: the machine has two cores.
      for (let i = 0; i < points.length; i += 2) {
        await Promise.all(
          points.slice(i, i + 2).map(async (k) => {
            const content = copyOf(fx.root);
            const killed = await run(c.script, c.args(content), content, String(k));
            expect(killed.signal, `step ${k} of ${steps}: ${killed.out}`).toBe('SIGKILL');
            const rec = await run('scripts/recover.ts', [], content);
            expect(rec.code, rec.out).toBe(0);
            const now = snapshot(content);
            const same = JSON.stringify(now) === JSON.stringify(before) ? 'before' : JSON.stringify(now) === JSON.stringify(after) ? 'after' : undefined;
            expect(same, `step ${k} of ${steps}: neither before nor after; files: ${Object.keys(now).join(', ')}\n${rec.out}`).toBeDefined();
            states[same!]++;
            if (same === 'before') {
              const again = await run(c.script, c.args(content), content);
              expect(again.code, again.out).toBe(0);
              expect(snapshot(content)).toEqual(after);
            }
          }),
        );
      }
      // The commit is the journal's removal: kills before it undo, kills after it keep.
      console.log(`${c.name}: ${steps} write steps killed: ${states.before} undone, ${states.after} kept`);
      expect(states.before).toBeGreaterThan(0);
      expect(states.after).toBeGreaterThan(0);
    }, 600_000);
  }
});
