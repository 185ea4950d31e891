import { describe, expect, test } from 'vitest';
import rule from './personal-data-exposed.ts';
import { extractPage } from '../gather/extract.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';
import { REAL_PAGES, realHtml, realLabels } from '../gather/real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';

const ctx = context('personal-data-exposed');
const ASOF = '2026-11-20';
/** A page as the crawl reads it: the same extraction, on HTML. */
const read = (url: string, body: string) => ({ ...page(url), facts: extractPage(`<html><body>${body}</body></html>`, url, ASOF).facts });
const LIST = `${HOME}gsgg/202611/t20261110_1.html`;
const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');

describe('personal-data-exposed', () => {
  test('a 公示 list with full ID numbers fails, one finding for the page, masked', () => {
    // Layout table around the data table: only the inner one is read as a table.
    const html = `<table><tr><td><p>低保对象公示</p><table>${rows([
      ['姓名', '身份证号', '金额'],
      ['张三', '370102199001011231', '500'],
      ['李四', '532501198512030015', '500'],
    ])}</table></td></tr></table>`;
    const out = rule.run(snapshot({ pages: [page(HOME, {}, 0), read(LIST, html)] }), ctx);
    expect(out).toEqual({
      status: 'fail',
      findings: [{ indicator: 'personal-data-exposed', target: LIST, page: LIST, points: 0, detail: '页面公开了完整的个人信息：身份证号 2 个（如 3701**********1231、5325**********0015；表格 1）' }],
    });
    expect(JSON.stringify(out)).not.toContain('370102199001011231');
  });

  test('a list of people with five mobiles fails; a staff directory with the same numbers passes', () => {
    const people = [['姓名', '联系电话'], ...['13812345678', '13912345678', '13712345678', '13612345678', '13512345678'].map((m, i) => [`村民${i}`, m])];
    const list = read(LIST, `<table>${rows(people)}</table>`);
    expect(rule.run(snapshot({ pages: [list] }), ctx)).toMatchObject({ status: 'fail', findings: [{ detail: '页面公开了完整的个人信息：手机号 5 个（如 138****5678、139****5678、137****5678；表格 1）' }] });
    const staff = read(LIST, `<table>${rows(people.map((r, i) => [r[0]!, i ? '村委委员' : '职务', r[1]!]))}</table>`);
    expect(rule.run(snapshot({ pages: [staff] }), ctx)).toEqual({ status: 'pass' });
  });

  test.each([
    ['masked numbers', '<p>张三 身份证号 3701**********1231</p>'],
    ['a wrong check digit', '<p>张三 身份证号 37010219900101123X</p>'],
    ['a 办事指南 sample', '<p>身份证号码填写示例：370102199001011231</p>'],
  ])('%s pass', (_why, body) => {
    expect(rule.run(snapshot({ pages: [read(LIST, body)] }), ctx)).toEqual({ status: 'pass' });
  });

  test('rules.yaml thresholds: 0 turns a kind off', () => {
    const s = snapshot({ pages: [read(LIST, '<p>张三 身份证号 370102199001011231</p>')] });
    expect(rule.run(s, ctx).status).toBe('fail');
    expect(rule.run(s, context('personal-data-exposed', { params: { idCards: 0, bankCards: 1, mobiles: 5 } }))).toEqual({ status: 'pass' });
  });

  test('not applicable when the home page did not open', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx).status).toBe('not_applicable');
  });
});

// Real government pages (../shared/real-pages) show phone numbers, 备案 numbers and long ids in
// links; none of them shows personal data, and none may be named for it.
describeNeeding(REAL_PAGES, 'real pages in ../shared/real-pages', () => {
  test.each(realLabels().map((l) => l.file))('%s: nothing found', (file) => {
    const url = `http://${realLabels().find((l) => l.file === file)!.host}/`;
    expect(extractPage(realHtml(file), url, ASOF).facts.personalData).toBeUndefined();
  });
});
