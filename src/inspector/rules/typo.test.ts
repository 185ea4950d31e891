import { describe, expect, test } from 'vitest';
import type { Dictionary } from '../../schemas/dictionary.ts';
import { extractPage } from '../gather/extract.ts';
import rule from './typo.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const A = `${HOME}art/1.html`;
const B = `${HOME}art/2.html`;
const ctx = (dictionary?: Dictionary) => context('typo', { points: { each: 0.1 }, params: {}, ...(dictionary ? { dictionary } : {}) });
const run = (pages: ReturnType<typeof page>[], asOf?: string) => rule.run(snapshot({ pages, ...(asOf ? { asOf } : {}) }), ctx());

describe('typo', () => {
  test.each([
    ['clean government prose', '中华人民共和国国务院办公厅关于做好农业农村部门工作的通知'],
    ['a correct word holding a wrong form', '在报刊发布署名文章，引起社会注意'],
    ['an abolished body named as history', '原国家工商行政管理总局、国家质量监督检验检疫总局职责整合'],
  ])('accepts %s', (_name, text) => {
    expect(run([page(HOME, { text }, 0)])).toEqual({ status: 'pass' });
  });

  test('rejects each wrong text once per page, with the suggestion, the context and the dictionary version', () => {
    const out = run([
      page(HOME, { text: '临河市人民攻府网站\n临河市人民攻府主办' }, 0),
      page(A, { text: '对全年工作作出布署，临河市人民攻府' }),
    ]);
    expect(out).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'typo', target: '攻府', page: HOME, points: 0.1, detail: '应为"政府"：临河市人民攻府网站 临河市人民攻府主办（词典 2026.11）' },
        { indicator: 'typo', target: '布署', page: A, points: 0.1, detail: '应为"部署"：对全年工作作出布署，临河市人民攻府（词典 2026.11）' },
        { indicator: 'typo', target: '攻府', page: A, points: 0.1, detail: '应为"政府"：…工作作出布署，临河市人民攻府（词典 2026.11）' },
      ],
    });
  });

  test('an abolished body is an error on an undated page, not on an article published before the reform', () => {
    const out = run([page(HOME, { text: '友情链接：国家工商行政管理总局' }, 0), page(A, { text: '国家工商行政管理总局发布通知', pubDate: '2017-06-01' })]);
    expect(out).toMatchObject({ status: 'fail', findings: [{ target: '国家工商行政管理总局', page: HOME, detail: expect.stringContaining('应为"国家市场监督管理总局"') }] });
    expect(out.status === 'fail' && out.findings.length).toBe(1);
  });

  test('a reform after the as-of date is not looked for', () => {
    expect(run([page(HOME, { text: '中国银行保险监督管理委员会' }, 0)], '2022-11-20')).toEqual({ status: 'pass' });
    expect(run([page(HOME, { text: '中国银行保险监督管理委员会' }, 0)], '2026-11-20').status).toBe('fail');
  });

  test('reads the dictionary of the context', () => {
    const dictionary: Dictionary = { version: 'test.1', entries: [{ wrong: '临和市', right: '临河市', category: 'common', severity: 'normal' }] };
    const out = rule.run(snapshot({ pages: [page(B, { text: '临和市人民政府' })] }), ctx(dictionary));
    expect(out).toEqual({ status: 'fail', findings: [{ indicator: 'typo', target: '临和市', page: B, points: 0.1, detail: '应为"临河市"：临和市人民政府（词典 test.1）' }] });
  });

  test('says where on the page: the block holding the first place it shows, and the sentence around it', () => {
    const text = '欢迎访问临河市人民政府网站\n主办单位：临河市人民攻府办公室。联系电话：0471-1234567\n临河市人民攻府';
    const textWhere = [{ at: 0, part: 'header', selector: 'div.top' }, { at: 14, part: 'footer', selector: 'div.footer > p:nth-of-type(1)' }, { at: 48, part: 'footer', selector: 'div.footer > p:nth-of-type(2)' }] as const;
    expect(run([page(HOME, { text, textWhere: [...textWhere] }, 0)])).toMatchObject({
      status: 'fail',
      findings: [{ target: '攻府', where: { part: 'footer', selector: 'div.footer > p:nth-of-type(1)', text: '主办单位：临河市人民攻府办公室。' } }],
    });
  });

  test('on a page as the crawler reads it', () => {
    const html = `<html><body><div class="header"><h1>临河市人民政府</h1></div>
      <div class="content"><p>${'临河市人民政府召开常务会议，研究部署近期重点工作。'.repeat(20)}</p>
      <p>会议强调，要认真做好冬季供暖工作。全市各级人民攻府要切实履行职责，确保群众温暖过冬。</p></div>
      <div class="footer"><p>主办单位：临河市人民政府办公室</p></div></body></html>`;
    const { facts } = extractPage(html, A, '2026-11-20');
    expect(run([{ ...page(A), facts }])).toMatchObject({
      status: 'fail',
      findings: [{ target: '攻府', page: A, where: { part: 'body', selector: 'div.content > p:nth-of-type(2)', text: '全市各级人民攻府要切实履行职责，确保群众温暖过冬。' } }],
    });
  });

  test('a long sentence is cut to 40 characters either side', () => {
    const before = '甲'.repeat(50);
    const after = '乙'.repeat(50);
    const text = `${before}人民攻府${after}。`;
    const out = run([page(HOME, { text, textWhere: [{ at: 0, part: 'body', selector: '#zoom > p' }] }, 0)]);
    expect(out.status === 'fail' && out.findings[0]!.where?.text).toBe(`…${'甲'.repeat(38)}人民攻府${'乙'.repeat(40)}…`);
  });

  test('does not apply when no page was read', () => {
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx()).status).toBe('not_applicable');
  });
});
