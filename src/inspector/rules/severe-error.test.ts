import { describe, expect, test } from 'vitest';
import rule from './severe-error.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const A = `${HOME}art/1.html`;
const B = `${HOME}art/2.html`;
const ctx = () => context('severe-error', { points: {}, params: { maxSerious: 3, futureDays: 2 } });
const run = (pages: ReturnType<typeof page>[]) => rule.run(snapshot({ pages, asOf: '2026-11-20' }), ctx());

// Four distinct serious errors, and one normal typo that never counts towards the veto.
const SERIOUS = ['中华人民共合国', '国务院总里', '社会主意', '中国共产常'];
const NORMAL = '布署';

describe('severe-error: serious wording errors', () => {
  test.each([
    ['no error at all', [page(HOME, { text: '中华人民共和国' }, 0)]],
    ['three serious errors is not more than three', [page(HOME, { text: SERIOUS.slice(0, 3).join('，') }, 0)]],
    ['normal typos do not count', [page(HOME, { text: `${SERIOUS.slice(0, 3).join('，')}，${NORMAL}，不忘出心，国土资源部` }, 0)]],
    ['the same wrong text twice on one page counts once', [page(HOME, { text: `${SERIOUS.slice(0, 3).join('，')}，${SERIOUS[0]}` }, 0)]],
  ])('accepts %s', (_name, pages) => {
    expect(run(pages)).toEqual({ status: 'pass' });
  });

  test('rejects more than three, naming each one', () => {
    const out = run([page(HOME, { text: SERIOUS.join('，') }, 0)]);
    expect(out.status).toBe('fail');
    if (out.status !== 'fail') return;
    expect(out.findings.map((f) => [f.target, f.page, f.points])).toEqual(SERIOUS.map((w) => [w, HOME, 0]));
    expect(out.findings[1]!.detail).toBe('严重错别字（全站 4 处，超过 3 处）：应为"国务院总理"：中华人民共合国，国务院总里，社会主意，中国共产常（词典 2026.11）');
  });

  test('the same wrong text on several pages counts once per page', () => {
    const out = run([page(HOME, { text: '国务院总里' }, 0), page(A, { text: '国务院总里' }), page(B, { text: '国务院总里，中华人民共合国' })]);
    expect(out.status === 'fail' && out.findings.map((f) => [f.target, f.page])).toEqual([
      ['国务院总里', HOME],
      ['国务院总里', A],
      ['国务院总里', B],
      ['中华人民共合国', B],
    ]);
  });
});

describe('severe-error: forged publication dates', () => {
  test.each([
    ['a date on the as-of day', { pubDate: '2026-11-20' }],
    ['a date one day ahead (time zones, scheduled releases)', { pubDate: '2026-11-21', futureDates: ['2026-11-21'] }],
    ['a malformed date', { futureDates: ['2026-13-45'] }],
  ])('accepts %s', (_name, facts) => {
    expect(run([page(A, facts)])).toEqual({ status: 'pass' });
  });

  test('rejects an article dated two days after the as-of date', () => {
    expect(run([page(A, { pubDate: '2026-11-22' })])).toEqual({
      status: 'fail',
      findings: [{ indicator: 'severe-error', target: '2026-11-22', page: A, points: 0, detail: '发布日期晚于检查日期 2026-11-20：2026-11-22' }],
    });
  });

  test('rejects future list dates once per page, the article date first', () => {
    const out = run([page(HOME, { futureDates: ['2027-01-05', '2026-12-01', '2026-11-21'] }, 0), page(A, { pubDate: '2027-03-01', futureDates: ['2027-03-01'] })]);
    expect(out).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'severe-error', target: '2027-01-05', page: HOME, points: 0, detail: '发布日期晚于检查日期 2026-11-20：2027-01-05、2026-12-01' },
        { indicator: 'severe-error', target: '2027-03-01', page: A, points: 0, detail: '发布日期晚于检查日期 2026-11-20：2027-03-01' },
      ],
    });
  });

  test('says where the future-dated item is, when the date named is an item', () => {
    const where = { part: 'body', selector: '#tzgg > li:nth-of-type(1)', text: '关于元旦放假的通知' } as const;
    const list = { items: [{ title: '关于元旦放假的通知', date: '2027-01-05', where }, { title: 'b', date: '2026-11-01' }], undated: 0, empty: false, pagination: [] };
    const out = run([page(HOME, { list, futureDates: ['2027-01-05'] }, 0), page(A, { pubDate: '2027-03-01', futureDates: ['2027-03-01'] })]);
    // The article's own date is read from its text, not an element: no place.
    expect(out.status === 'fail' && out.findings.map((f) => [f.target, f.where])).toEqual([['2027-01-05', where], ['2027-03-01', undefined]]);
  });

  test('reports wording errors and dates together', () => {
    const out = run([page(HOME, { text: SERIOUS.join('，') }, 0), page(A, { pubDate: '2026-12-24' })]);
    expect(out.status === 'fail' && out.findings.map((f) => f.target)).toEqual([...SERIOUS, '2026-12-24']);
  });
});

test('severe-error does not apply when no page was read', () => {
  expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx()).status).toBe('not_applicable');
});
