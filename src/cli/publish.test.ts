import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckPublishedArgs, parseCorrectArgs, parsePublishArgs } from './publish.ts';

const D = { today: '2026-12-01', contentDir: '/office/content' };

describe('parsePublishArgs', () => {
  it('takes the quarter, and defaults to today and the default content folder', () => {
    expect(parsePublishArgs(['2026-Q4'], D)).toEqual({ contentDir: '/office/content', quarter: '2026-Q4', date: '2026-12-01' });
  });

  it('reads --content and --date, before or after the quarter', () => {
    expect(parsePublishArgs(['--content', 'c', '2026-Q3', '--date', '2026-10-09'], D)).toEqual({ contentDir: 'c', quarter: '2026-Q3', date: '2026-10-09' });
  });

  it('falls back on CONTENT_DIR or content, as the portal does', () => {
    const before = process.env.CONTENT_DIR;
    try {
      delete process.env.CONTENT_DIR;
      expect(parsePublishArgs(['2026-Q4'], { today: D.today })?.contentDir).toBe(resolve('content'));
      process.env.CONTENT_DIR = '/srv/content';
      expect(parsePublishArgs(['2026-Q4'], { today: D.today })?.contentDir).toBe('/srv/content');
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
    }
  });

  it('returns undefined for --help', () => expect(parsePublishArgs(['-h'], D)).toBeUndefined());

  it.each([
    [[], /give exactly one quarter/],
    [['2026-Q3', '2026-Q4'], /give exactly one quarter, e.g. 2026-Q4, got 2026-Q3 2026-Q4/],
    [['2026Q4'], /the quarter must look like 2026-Q4, got "2026Q4"/],
    [['2026-Q4', '--date', '2026-13-01'], /--date must be a date YYYY-MM-DD/],
    [['2026-Q4', '--content', ''], /--content needs a folder/],
    [['2026-Q4', '--what', 'x'], /Unknown option '--what'/],
  ])('refuses %j', (argv, message) => expect(() => parsePublishArgs(argv, D)).toThrow(message));
});

describe('parseCorrectArgs', () => {
  it('takes the quarter, --what and --why (trimmed)', () => {
    expect(parseCorrectArgs(['2026-Q4', '--what', ' 更正得分 ', '--why', '人工复核'], D)).toEqual({
      contentDir: '/office/content', quarter: '2026-Q4', date: '2026-12-01', what: '更正得分', why: '人工复核',
    });
  });

  it('reads --content and --date', () => {
    expect(parseCorrectArgs(['2026-Q4', '--what', 'a', '--why', 'b', '--content', 'c', '--date', '2026-12-10'], D)).toMatchObject({ contentDir: 'c', date: '2026-12-10' });
  });

  it('returns undefined for --help', () => expect(parseCorrectArgs(['--help'], D)).toBeUndefined());

  it.each([
    [['2026-Q4', '--why', 'b'], /--what "…" is required/],
    [['2026-Q4', '--what', 'a'], /--why "…" is required/],
    [['2026-Q4', '--what', '  ', '--why', 'b'], /--what "…" is required/],
    [['--what', 'a', '--why', 'b'], /give exactly one quarter/],
    [['2026-Q4', '--what', 'a', '--why', 'b', '--date', 'today'], /--date must be a date/],
    [['2026-Q4', '--what'], /--what/],
  ])('refuses %j', (argv, message) => expect(() => parseCorrectArgs(argv, D)).toThrow(message));
});

describe('parseCheckPublishedArgs', () => {
  it('takes --content or the default', () => {
    expect(parseCheckPublishedArgs([], D)).toEqual({ contentDir: '/office/content' });
    expect(parseCheckPublishedArgs(['--content', 'c'], D)).toEqual({ contentDir: 'c' });
  });

  it('returns undefined for --help', () => expect(parseCheckPublishedArgs(['-h'], D)).toBeUndefined());

  it.each([
    [['2026-Q4'], /unexpected argument 2026-Q4/],
    [['--date', '2026-12-01'], /Unknown option '--date'/],
  ])('refuses %j', (argv, message) => expect(() => parseCheckPublishedArgs(argv, D)).toThrow(message));
});
