import { describe, expect, test } from 'vitest';
import { REAL_PAGES, realHtmlAsLabelled, realLabels } from '../gather/real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import rule, { findMarks, MARKS, scriptHtml, type Mark } from './identity-mark-missing.ts';
import { context, HOME, page, snapshot } from './snapshot.test-helpers.ts';

const footer = (inner: string) => `<html><body><div class="main">新闻</div><div class="footer">${inner}</div></body></html>`;
const FULL = footer(
  `<a href="http://bszs.conac.cn/sitename?method=show&id=1"><img src="http://dcs.conac.cn/image/red.png"></a>
   主办单位：临河市人民政府办公室 网站标识码：3713000001 鲁ICP备05001234号-1 鲁公网安备 37130202000123号 <a href="/lxwm.html">联系我们</a>`,
);

describe('findMarks accepts the real variants', () => {
  test.each<[string, string, Mark]>([
    ['conac written by document.write(unescape())', `<script>document.write(unescape("%3Cspan id='_ideConac'%3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/33/000/0000/60411711/CA.js'%3E%3C/script%3E"));</script>`, 'conac'],
    ['site code, full-width colon, trailing space', '政府网站标识码：1100000169 ', 'site-code'],
    ['site code, half-width colon', '网站标识码:bm29000002', 'site-code'],
    ['ICP with a full-width hyphen', '京ICP备14005922号－1', 'icp'],
    ['ICP only as link text', '<a href="https://beian.miit.gov.cn/">新ICP备15003890号-1</a>', 'icp'],
    ['公安备案 with a space and no 号', '陕公网安备 61011102000072', 'psb'],
    ['ICP without 备 and 号', '京ICP05034670', 'icp'],
    ['ICP without 备, with a colon', '浙ICP：12345678号-2', 'icp'],
    ['公安备案 with its digits split over elements', '京公网安备<span>1101</span><span>0202</span>007625号', 'psb'],
    ['公安备案 with its digits on two lines', '<p>京公网安备</p><p>1101 0202007625</p>', 'psb'],
    ['site code of 9 digits (malformed: advice of identity-mark-malformed, not missing)', '网站标识码：371300001', 'site-code'],
    ['site code of 11 digits, no colon', '网站标识码37130000011', 'site-code'],
    ['site code with a hyphen', '网站标识码：371300-0001', 'site-code'],
    ['site code run into the next element', '<span>网站标识码：3713000001</span><span>ICP备案号</span>', 'site-code'],
    ['sponsor with 主办：', '主办：阿勒泰市人民政府办公室', 'sponsor'],
    ['sponsor as X主办 without colon', '国家税务总局办公厅主办', 'sponsor'],
    ['contact as a phone number', '联系电话：029-83524439', 'contact'],
    ['contact as an e-mail', 'xxgk@linhe.gov.cn', 'contact'],
  ])('%s', (_name, html, mark) => {
    expect(findMarks(footer(html))[mark]).toBe(true);
  });
});

describe('findMarks rejects', () => {
  test.each<[string, string, Mark]>([
    ['a mark only inside an HTML comment', '<!-- 网站标识码：3713000001 -->', 'site-code'],
    ['承办 alone is not a sponsor', '承办：临河市大数据中心', 'sponsor'],
    ['版权所有 is not a sponsor', '临河市人民政府 版权所有', 'sponsor'],
    ['an e-mail only in a hidden pop-up', '<div style="display:none">wsxf@linhe.gov.cn</div>', 'contact'],
    ['a copyright year is not a site code', 'Copyright 2026', 'site-code'],
    ['ICP with too few digits and no 备 is not an ICP number', '京ICP 2026', 'icp'],
    ['a word before ICP alone is not an ICP number', 'ICP备案查询', 'icp'],
    ['标识码 with no digits after it is not a site code', '网站标识码：bm', 'site-code'],
    ['标识码 with three digits is not a site code', '网站标识码：371', 'site-code'],
  ])('%s', (_name, html, mark) => {
    expect(findMarks(footer(html))[mark]).toBe(false);
  });

  test('a sponsor named only in meta description does not count', () => {
    expect(findMarks('<html><head><meta name="description" content="临河市政府网由临河市人民政府办公室主办"></head><body>首页</body></html>').sponsor).toBe(false);
  });
});

describe('identity-mark-missing', () => {
  test('accepts a footer with all six marks', () => {
    expect(rule.run(snapshot({ html: FULL }), context('identity-mark-missing'))).toEqual({ status: 'pass' });
  });

  test('a home page that needed a browser and was not rendered is not judged on a missing mark; with all six it passes', () => {
    const notRendered = (html: string, status: 'failed' | 'over-budget' | 'not-rendered') => {
      const s = snapshot({ html, pages: [page(HOME, {}, 0)] });
      s.pages[0] = { ...s.pages[0]!, rendering: status === 'failed' ? { status, reasons: ['home-marks'], detail: 'timeout' } : { status, reasons: ['home-marks'] } };
      return s;
    };
    expect(rule.run(notRendered(footer('主办单位：临河市人民政府办公室'), 'failed'), context('identity-mark-missing'))).toEqual({ status: 'not_applicable', reason: '首页内容由脚本生成，渲染未成功，无法判断' });
    expect(rule.run(notRendered(footer('主办单位：临河市人民政府办公室'), 'not-rendered'), context('identity-mark-missing'))).toEqual({ status: 'not_applicable', reason: '首页内容由脚本生成，本次检查未用浏览器（--render never），无法判断' });
    expect(rule.run(notRendered(FULL, 'over-budget'), context('identity-mark-missing'))).toEqual({ status: 'pass' });
  });

  test('rejects each missing mark at 0.5', () => {
    const out = rule.run(snapshot({ html: footer('主办单位：临河市人民政府办公室 电话：0539-8123456') }), context('identity-mark-missing'));
    expect(out.status).toBe('fail');
    if (out.status !== 'fail') return;
    expect(out.findings.map((f) => f.target)).toEqual(['conac', 'site-code', 'icp', 'psb']);
    expect(out.findings.every((f) => f.points === 0.5 && f.page === 'http://www.linhe.gov.cn/')).toBe(true);
  });
});

describeNeeding(REAL_PAGES, 'every real page in ../shared/real-pages', () => {
  type Label = { file: string; bytesEncoding: string; identity: { conac: boolean; siteCode: string | null; icp: string | null; psb: string | null; sponsor: string | null; contact: boolean } };
  const labels = realLabels<Label>();
  test.each(labels.map((l) => [l.file, l] as const))('%s matches its hand-checked labels', (_f, l) => {
    const html = realHtmlAsLabelled(l);
    const want: Record<Mark, boolean> = {
      conac: l.identity.conac,
      'site-code': l.identity.siteCode !== null,
      icp: l.identity.icp !== null,
      psb: l.identity.psb !== null,
      sponsor: l.identity.sponsor !== null,
      contact: l.identity.contact,
    };
    expect(findMarks(html)).toEqual(want);
    expect(MARKS.length).toBe(6);
  });
});

describe('footers loaded from a frame or written by a script', () => {
  const FOOT = '<div class="foot">主办单位：临河市人民政府办公室 电话：0539-8123456 网站标识码：3713000001 鲁ICP备05034670号 鲁公网安备 37130202000123号 <a href="http://bszs.conac.cn/sitename?method=show&id=1"><img src="/images/red.png"></a></div>';

  test('scriptHtml joins the strings a footer script writes and undoes unescape()', () => {
    expect(scriptHtml(`document.write('<div class="foot">主办单位：' + "临河市人民政府办公室</div>");`)).toBe('<div class="foot">主办单位：临河市人民政府办公室</div>');
    expect(scriptHtml('document.write(unescape("%3Cspan id=\'_ideConac\'%3E%u4E3B%3C/span%3E"));')).toBe("<span id='_ideConac'>主</span>");
  });

  test('a home page whose footer is a frame or a script has every mark', () => {
    const bare = snapshot({ html: '<html><body><div class="main">要闻</div></body></html>' });
    expect((rule.run(bare, context('identity-mark-missing')) as { findings: unknown[] }).findings).toHaveLength(6);
    const framed = { ...bare, home: { ...bare.home, footers: [{ url: 'http://www.linhe.gov.cn/bottom.htm', kind: 'frame' as const, text: `<html><body>${FOOT}</body></html>` }] } };
    expect(rule.run(framed, context('identity-mark-missing'))).toEqual({ status: 'pass' });
    const js = `document.writeln('${FOOT.replaceAll("'", "\\'")}');`;
    const scripted = { ...bare, home: { ...bare.home, footers: [{ url: 'http://www.linhe.gov.cn/js/public_foot.js', kind: 'script' as const, text: js }] } };
    expect(rule.run(scripted, context('identity-mark-missing'))).toEqual({ status: 'pass' });
  });
});
