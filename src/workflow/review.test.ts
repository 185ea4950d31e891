import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReview, reviewPath, saveReviewEntry } from './review.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'review-')));
const dismissal = { site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', decision: 'dismissed' as const, reason: '内网地址', inspector: '李四', date: '2026-11-21' };

describe('the review file', () => {
  test('a missing file is an empty review', () => {
    expect(loadReview(fresh(), '2026-Q4')).toEqual({ decisions: [], replies: [] });
  });

  test('saving the same finding twice replaces the entry; a reply goes to its own list; comments stay', () => {
    fresh();
    saveReviewEntry(dir, '2026-Q4', { decision: { ...dismissal, decision: 'confirmed', reason: undefined } as never });
    saveReviewEntry(dir, '2026-Q4', { decision: dismissal });
    saveReviewEntry(dir, '2026-Q4', { reply: { site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', text: '已修复', date: '2026-11-25' } });
    expect(loadReview(dir, '2026-Q4')).toEqual({ decisions: [dismissal], replies: [{ site: 'linhe', indicator: 'broken-link', target: 'http://www.linhe.gov.cn/a.html', text: '已修复', date: '2026-11-25' }] });
    expect(readFileSync(reviewPath(dir, '2026-Q4'), 'utf8')).toMatch(/^# Review of the quarter's automated findings/);
  });

  test('a dismissal without a reason, and a finding decided twice, are refused with their lines', () => {
    fresh();
    mkdirSync(join(dir, 'review'));
    writeFileSync(
      reviewPath(dir, '2026-Q4'),
      ['decisions:', '  - site: linhe', '    indicator: typo', '    target: 觉的', '    decision: dismissed', '    inspector: 李四', '    date: 2026-11-21'].join('\n'),
    );
    expect(() => loadReview(dir, '2026-Q4')).toThrow(/review\/2026-Q4\.yaml:2: .*reason: a dismissal needs a reason/);
    writeFileSync(
      reviewPath(dir, '2026-Q4'),
      ['decisions:', '  - { site: linhe, indicator: typo, target: 觉的, decision: confirmed, inspector: 李四, date: 2026-11-21 }', '  - { site: linhe, indicator: typo, target: 觉的, decision: confirmed, inspector: 王五, date: 2026-11-22 }'].join('\n'),
    );
    expect(() => loadReview(dir, '2026-Q4')).toThrow(/2026-Q4\.yaml:3: decisions\[1\]: linhe typo "觉的" is already at line 2/);
  });
});
