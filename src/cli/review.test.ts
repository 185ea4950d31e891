import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { makeFixture, QUARTER, type Fixture } from '../workflow/fixture.test-helpers.ts';
import { parseReviewArgs, REVIEW_USAGE } from './review.ts';

const d = { today: '2026-11-21', contentDir: 'content' };
const finding = ['--quarter', '2026-Q4', '--site', 'linhe-czj', '--indicator', 'severe-error', '--target', '国务院总里'];

describe('parseReviewArgs', () => {
  test('--list, for the quarter or one site', () => {
    expect(parseReviewArgs(['--quarter', '2026-Q4', '--list'], d)).toEqual({ mode: 'list', contentDir: 'content', quarter: '2026-Q4' });
    expect(parseReviewArgs(['--quarter', '2026-Q4', '--list', '--site', 'linhe', '--content', 'c'], d)).toEqual({ mode: 'list', contentDir: 'c', quarter: '2026-Q4', site: 'linhe' });
  });

  test('--confirm, --dismiss and --reply become requests; the date defaults to today; the target is kept exactly', () => {
    expect(parseReviewArgs([...finding, '--confirm', '--inspector', '李四'], d)).toEqual({
      mode: 'review',
      contentDir: 'content',
      quarter: '2026-Q4',
      request: { site: 'linhe-czj', indicator: 'severe-error', target: '国务院总里', action: { decision: 'confirmed' }, inspector: '李四', date: '2026-11-21' },
    });
    expect(parseReviewArgs([...finding, '--dismiss', '--reason', ' 网民原话 ', '--inspector', '李四', '--date', '2026-11-20'], d)).toMatchObject({
      request: { action: { decision: 'dismissed', reason: '网民原话' }, date: '2026-11-20' },
    });
    expect(parseReviewArgs([...finding, '--reply', '已更正'], d)).toMatchObject({ request: { action: { reply: '已更正' } } });
    expect(parseReviewArgs(['--quarter', '2026-Q4', '--site', 'a', '--indicator', 'typo', '--target', ' 觉的 ', '--reply', 'x'], d)).toMatchObject({ request: { target: ' 觉的 ' } });
  });

  test('--help returns nothing to run, and the usage names every switch', () => {
    expect(parseReviewArgs(['--help'])).toBeUndefined();
    for (const s of ['--quarter', '--list', '--site', '--indicator', '--target', '--confirm', '--dismiss', '--reason', '--reply', '--inspector', '--date', '--content', '--help']) expect(REVIEW_USAGE).toContain(s);
  });

  test.each([
    [['--list'], /^--quarter is required/],
    [['--quarter', '2026-4', '--list'], /--quarter must look like 2026-Q4/],
    [['--quarter', '2026-Q4'], /^give one of --list, --confirm, --dismiss and --reply\n/],
    [[...finding, '--confirm', '--dismiss'], /give one of --list, --confirm, --dismiss and --reply \(got --confirm, --dismiss\)/],
    [['--quarter', '2026-Q4', '--list', '--target', 'x'], /--list takes only --site \(got --target\)/],
    [[...finding, '--dismiss', '--inspector', '李四'], /--dismiss needs --reason \(the reason is shown next to the dismissed finding\)/],
    [[...finding, '--dismiss', '--reason', ' ', '--inspector', '李四'], /--dismiss needs --reason/],
    [[...finding, '--confirm'], /--confirm needs --inspector/],
    [['--quarter', '2026-Q4', '--confirm', '--inspector', '李四'], /--confirm needs --site, --indicator, --target/],
    [[...finding, '--reply', ' '], /--reply needs the text/],
    [[...finding, '--reply', 'x', '--reason', 'y'], /--reason goes with --dismiss or --confirm, not --reply/],
    [[...finding, '--confirm', '--inspector', '李四', '--date', '2026-11-31'], /--date must be a date YYYY-MM-DD/],
    [['--quarter', '2026-Q4', '--list', '--content', ''], /--content needs a folder/],
    [['--quarter', '2026-Q4', '--lsit'], /Unknown option '--lsit'/],
  ])('%j is a configuration error', (argv, message) => {
    expect(() => parseReviewArgs(argv, d)).toThrow(InputError);
    expect(() => parseReviewArgs(argv, d)).toThrow(message);
  });
});

describe('npm run review', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  let fx: Fixture;
  afterEach(() => fx.remove());
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/review.ts', ...args, '--content', fx.content], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  test('a dismissal prints the verdict before → after (exit 0); a finding that does not exist exits 2 listing the targets', () => {
    fx = makeFixture();
    // linhe-czj: the only veto finding dismissed ⇒ 100 − typo 0.1 = 99.9, 合格.
    const ok = run([...finding, '--dismiss', '--reason', '网民原话', '--inspector', '李四', '--date', '2026-11-21']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('linhe-czj severe-error 国务院总里：已排除：网民原话（李四 2026-11-21）\n临河市财政局（linhe-czj）：不合格 99.9 分 → 合格 99.9 分\n');

    const list = run(['--quarter', QUARTER, '--list', '--site', 'linhe-czj']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('[已排除：网民原话（李四 2026-11-21）] severe-error 国务院总里');

    const missing = run(['--quarter', QUARTER, '--site', 'linhe-czj', '--indicator', 'typo', '--target', '觉得', '--confirm', '--inspector', '李四']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('linhe-czj (2026-Q4) has no automated finding typo with target "觉得". Its typo findings (copy the target exactly):\n  觉的\n');
  });
});
