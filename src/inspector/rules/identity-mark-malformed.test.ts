import { describe, expect, test } from 'vitest';
import { REAL_PAGES, realHtmlAsLabelled, realLabels } from '../gather/real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import missing from './identity-mark-missing.ts';
import rule from './identity-mark-malformed.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('identity-mark-malformed');
/** A home page whose footer has the five other marks and the given numbers; the registered site code is 3713000001. */
const home = (numbers: string) =>
  `<html><body><div class="main">新闻</div><div class="footer">
   <a href="http://bszs.conac.cn/sitename?method=show&id=1"><img src="http://dcs.conac.cn/image/red.png"></a>
   主办单位：临河市人民政府办公室 ${numbers} <a href="/lxwm.html">联系我们</a></div></body></html>`;
const GOOD = { code: '网站标识码：3713000001', icp: '鲁ICP备05001234号-1', psb: '鲁公网安备 37130202000123号' };
const marks = (over: Partial<typeof GOOD>) => home(Object.values({ ...GOOD, ...over }).join(' '));
const run = (html: string) => rule.run(snapshot({ html }), ctx);
const advice = (target: string, detail: string) => ({ status: 'fail', findings: [{ indicator: 'identity-mark-malformed', target, page: HOME, points: 0, detail }] });

describe('identity-mark-malformed: a malformed number is advice, and the mark is not missing', () => {
  test.each<[string, Partial<typeof GOOD>, string, string]>([
    [
      'a 公安备案 number of 12 digits (mohrss.gov.cn, bjda.gov.cn)',
      { psb: '京公网安备110401200230' },
      'psb',
      '公安机关备案标识格式不规范：首页显示“京公网安备110401200230”，备案号为 12 位数字，全国互联网安全管理服务平台（beian.gov.cn）核发的为 14 位（6 位行政区划代码加 8 位数字）；请核对后按核发的编号标注',
    ],
    [
      'a 公安备案 number of 15 digits and 号',
      { psb: '鲁公网安备 371302020001234号' },
      'psb',
      '公安机关备案标识格式不规范：首页显示“鲁公网安备 371302020001234号”，备案号为 15 位数字，全国互联网安全管理服务平台（beian.gov.cn）核发的为 14 位（6 位行政区划代码加 8 位数字）；请核对后按核发的编号标注',
    ],
    [
      'a 公安备案 number split over elements, 13 digits',
      { psb: '鲁公网安备<span>3713</span><span>020200012</span>号' },
      'psb',
      '公安机关备案标识格式不规范：首页显示“鲁公网安备3713020200012号”，备案号为 13 位数字，全国互联网安全管理服务平台（beian.gov.cn）核发的为 14 位（6 位行政区划代码加 8 位数字）；请核对后按核发的编号标注',
    ],
    [
      'a 公安备案 number after a wrong abbreviation',
      { psb: '山公网安备 37130202000123号' },
      'psb',
      '公安机关备案标识格式不规范：首页显示“山公网安备 37130202000123号”，“山”不是省级行政区简称；请核对后按核发的编号标注',
    ],
    [
      'an ICP number after a wrong abbreviation',
      { icp: 'ICP备案：广ICP备12345678号' },
      'icp',
      'ICP备案编号格式不规范：首页显示“广ICP备12345678号”，“广”不是省级行政区简称；请核对后按核发的编号标注',
    ],
    [
      'an ICP number after a wrong abbreviation, without 备 and 号',
      { icp: '东ICP05034670' },
      'icp',
      'ICP备案编号格式不规范：首页显示“东ICP05034670”，“东”不是省级行政区简称；请核对后按核发的编号标注',
    ],
    [
      'a site code of 9 digits',
      { code: '网站标识码：371300001' },
      'site-code',
      '网站标识码格式不规范：首页显示“371300001”，共 9 位；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字（本站登记为“3713000001”）',
    ],
    [
      'a site code of 11 digits',
      { code: '网站标识码:37130000011' },
      'site-code',
      '网站标识码格式不规范：首页显示“37130000011”，共 11 位；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字（本站登记为“3713000001”）',
    ],
    [
      'a ministry site code with 7 digits after bm',
      { code: '政府网站标识码：bm2900002' },
      'site-code',
      '网站标识码格式不规范：首页显示“bm2900002”，共 9 位；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字（本站登记为“3713000001”）',
    ],
    [
      'a site code with a hyphen',
      { code: '网站标识码：371300-0001' },
      'site-code',
      '网站标识码格式不规范：首页显示“371300-0001”，含连字符；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字（本站登记为“3713000001”）',
    ],
    [
      'a site code of ten characters with a letter inside',
      { code: '网站标识码：37130O0001' },
      'site-code',
      '网站标识码格式不规范：首页显示“37130O0001”，除开头的 bm 外含字母；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字（本站登记为“3713000001”）',
    ],
    [
      'a site code in form that is not the registered one',
      { code: '网站标识码：3713000002' },
      'site-code',
      '网站标识码与登记不一致：首页显示“3713000002”，本站登记的网站标识码为“3713000001”，请核对',
    ],
  ])('%s', (_name, over, target, detail) => {
    const html = marks(over);
    expect(run(html)).toEqual(advice(target, detail));
    expect(missing.run(snapshot({ html }), context('identity-mark-missing'))).toEqual({ status: 'pass' });
  });

  test('each malformed mark is its own advice, in the order site code, ICP, 公安备案', () => {
    const out = run(marks({ code: '网站标识码：371300001', icp: '广ICP备12345678号', psb: '鲁公网安备 3713020200012号' }));
    expect(out.status === 'fail' && out.findings.map((f) => [f.target, f.points])).toEqual([['site-code', 0], ['icp', 0], ['psb', 0]]);
  });

  test('a malformed number in a footer frame names the frame', () => {
    const s = snapshot({ html: '<html><body><div class="main">要闻</div></body></html>' });
    s.home.footers = [{ url: 'http://www.linhe.gov.cn/bottom.htm', kind: 'frame', text: marks({ psb: '鲁公网安备371302020001' }) }];
    expect(run(s.home.html!)).toEqual({ status: 'pass' });
    expect(rule.run(s, ctx)).toEqual(
      advice('psb', '公安机关备案标识格式不规范：首页底部（http://www.linhe.gov.cn/bottom.htm）显示“鲁公网安备371302020001”，备案号为 12 位数字，全国互联网安全管理服务平台（beian.gov.cn）核发的为 14 位（6 位行政区划代码加 8 位数字）；请核对后按核发的编号标注'),
    );
  });
});

describe('identity-mark-malformed: forms real sites use give nothing', () => {
  test.each<[string, Partial<typeof GOOD>]>([
    ['the usual forms', {}],
    ['公安备案 with 14 digits and no 号 (bjgjj.gov.cn)', { psb: '京公网安备11010102001509' }],
    ['公安备案 split over elements', { psb: '鲁公网安备<span>3713</span><span>0202</span>000123号' }],
    ['公安备案 on two lines', { psb: '<p>鲁公网安备</p><p>3713 0202000123</p>' }],
    ['公安备案 with a colon', { psb: '鲁公网安备：37130202000123号' }],
    ['ICP without 备 and 号', { icp: '京ICP05034670' }],
    ['ICP licence (证) with 6 digits', { icp: '京ICP证030173号' }],
    ['ICP with a full-width hyphen', { icp: '京ICP备14005922号－1' }],
    ['the second names of provinces: 黔, 滇', { icp: '黔ICP备12345678号', psb: '滇公网安备 53010202000123号' }],
    ['a label before ICP whose last character is no abbreviation (备案号ICP…)', { icp: '网站备案号ICP备12345678号' }],
    ['a full province name before ICP is not judged', { icp: '广东ICP备12345678号' }],
    ['a site code without a colon', { code: '网站标识码3713000001' }],
    ['a site code run into the next element', { code: '<span>网站标识码：3713000001</span><span>ICP备案号：</span>' }],
    ['a site code in one list item, a phone number in the next (no space between them in the HTML)', { code: '<ul><li>网站标识码：3713000001</li><li>0539-8123456</li></ul>' }],
    ['the registered code printed beside another one', { code: '网站标识码：3713000001 市级网站标识码：3713000099' }],
  ])('%s', (_name, over) => {
    expect(run(marks(over))).toEqual({ status: 'pass' });
  });

  test('a ministry site code (bm and 8 digits), also in upper case, registered as such', () => {
    for (const code of ['网站标识码:bm29000002', '网站标识码：BM29000002']) {
      const s = snapshot({ html: marks({ code }) });
      s.site.siteCode = 'bm29000002';
      expect(rule.run(s, ctx)).toEqual({ status: 'pass' });
    }
  });

  test('公安备案 digits run into the next element cannot be judged (16 digits, no 号)', () => {
    expect(run(marks({ psb: '<span>鲁公网安备371302020001</span><span>2018</span>' }))).toEqual({ status: 'pass' });
  });

  test('one printing in form is enough', () => {
    expect(run(marks({ psb: '鲁公网安备 37130202000123号 鲁公网安备 371302020001' }))).toEqual({ status: 'pass' });
  });

  test('nothing printed is not this rule’s matter, and a home page that did not open is not judged', () => {
    expect(run(home(''))).toEqual({ status: 'pass' });
    expect(rule.run(snapshot({ attempts: [{ ok: false, detail: '连接超时', elapsedMs: 15000 }] }), ctx)).toEqual({ status: 'not_applicable', reason: '首页无法打开' });
  });
});

describeNeeding(REAL_PAGES, 'every real page in ../shared/real-pages', () => {
  type Label = { file: string; host: string; bytesEncoding: string; identity: { siteCode: string | null }; traps?: string[] };
  const labels = realLabels<Label>();
  test.each(labels.map((l) => [l.file, l] as const))('%s: advice exactly on the marks its labels call malformed', (_f, l) => {
    // The labels' traps say "公安备案号 is malformed" (mohrss, bjda: 12 digits); no other mark is.
    const named = { 公安备案号: 'psb', ICP: 'icp', 网站标识码: 'site-code' } as const;
    const want = (l.traps ?? []).flatMap((t) => {
      const m = /(公安备案号|ICP|网站标识码) is malformed/.exec(t);
      return m ? [named[m[1] as keyof typeof named]] : [];
    });
    const s = snapshot({ html: realHtmlAsLabelled(l), url: `http://${l.host}/` });
    s.site.siteCode = l.identity.siteCode ?? 'bm00000000';
    const out = rule.run(s, ctx);
    expect(out.status === 'fail' ? out.findings.map((f) => f.target) : []).toEqual(want);
  });
});
