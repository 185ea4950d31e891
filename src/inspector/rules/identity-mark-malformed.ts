import { homeFooterSources, MARK_NAMES, printedNumbers, type FiledNumber, type PrintedNumbers } from './identity-mark-missing.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** The marks whose numbers have a form: 网站标识码, ICP备案编号, 公安机关备案标识. */
const NUMBERED = ['site-code', 'icp', 'psb'] as const;
type Numbered = (typeof NUMBERED)[number];

/**
 * Province-level abbreviations an ICP or 公安备案 number begins with: the 34 one-character names, and
 * the second names the filing systems use as well (黔ICP备, 滇公网安备; 陇, 秦, 蜀 for 甘, 陕, 川).
 */
const PROVINCES = new Set([...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台黔滇陇秦蜀']);
/** 网站标识码 (《政府网站发展指引》): a 6-digit administrative area code and 4 digits, or a ministry's bm and 8 digits. */
const SITE_CODE_FORM = /^(?:\d{10}|bm\d{8})$/i;
/** 公安机关互联网站备案号 (beian.gov.cn): a 6-digit administrative area code and 8 digits. */
const PSB_DIGITS = 14;

/** What is wrong with a printed 网站标识码's form, or undefined when it has the form. */
function siteCodeFault(code: string): string | undefined {
  if (SITE_CODE_FORM.test(code)) return undefined;
  if (/[-－]/.test(code)) return '含连字符';
  if (code.length !== 10) return `共 ${code.length} 位`;
  return '除开头的 bm 外含字母';
}

/** The abbreviation before ICP or 公网安备, when it clearly is one and is no province's; undefined otherwise. */
function abbrFault(n: FiledNumber): string | undefined {
  // A character after other Chinese (备案号ICP…) may be a label's end, not a wrong abbreviation.
  return n.abbr && n.abbrStandsAlone && !PROVINCES.has(n.abbr) ? `“${n.abbr}”不是省级行政区简称` : undefined;
}

/**
 * What is wrong with a printed 公安备案 number, '' when nothing, undefined when its length cannot be
 * judged: more digits and no 号 may be the number run into the next element's digits.
 */
function psbFault(n: FiledNumber): string | undefined {
  const faults = [abbrFault(n)];
  if (n.digits.length > PSB_DIGITS && !n.hao) return undefined;
  if (n.digits.length !== PSB_DIGITS) faults.push(`备案号为 ${n.digits.length} 位数字，全国互联网安全管理服务平台（beian.gov.cn）核发的为 ${PSB_DIGITS} 位（6 位行政区划代码加 8 位数字）`);
  return faults.filter(Boolean).join('；');
}

/** Where a number was read, for the evidence: the home page, or the footer file it loads. */
const shownOn = (from: string, home: string) => (from === home ? '首页显示' : `首页底部（${from}）显示`);

/** The advice about one mark, or undefined when one of its printings is in form (and, for the site code, the registered one, when there is one: a 专栏 has none). */
function advice(mark: Numbered, read: Array<{ from: string; numbers: PrintedNumbers }>, home: string, registered: string | undefined): string | undefined {
  const name = MARK_NAMES[mark];
  if (mark === 'site-code') {
    const codes = read.flatMap((r) => r.numbers['site-code'].map((code) => ({ from: r.from, code })));
    if (!codes.length || codes.some((c) => (registered === undefined ? SITE_CODE_FORM.test(c.code) : c.code.toLowerCase() === registered.toLowerCase()))) return undefined;
    const inForm = codes.find((c) => SITE_CODE_FORM.test(c.code));
    if (inForm) return `${name}与登记不一致：${shownOn(inForm.from, home)}“${inForm.code}”，本站登记的${name}为“${registered}”，请核对`;
    const c = codes[0]!;
    return `${name}格式不规范：${shownOn(c.from, home)}“${c.code}”，${siteCodeFault(c.code)}；应为 10 位：6 位行政区划代码加 4 位数字，部门网站为 bm 加 8 位数字${registered === undefined ? '' : `（本站登记为“${registered}”）`}`;
  }
  const numbers = read.flatMap((r) => r.numbers[mark].map((n) => ({ from: r.from, n, fault: mark === 'psb' ? psbFault(n) : abbrFault(n) ?? '' })));
  // One printing in form (or that cannot be judged) is enough: the others may be a reading's accident.
  if (!numbers.length || numbers.some((x) => !x.fault)) return undefined;
  const x = numbers[0]!;
  return `${name}格式不规范：${shownOn(x.from, home)}“${x.n.text}”，${x.fault}；请核对后按核发的编号标注`;
}

/**
 * 网站标识不规范: a 网站标识码, ICP or 公安备案 number that is printed, so not missing, but not in the
 * form its register issues, or a 网站标识码 other than the site's registered one. Advice, 0 points:
 * the 2019 table deducts for a missing mark only.
 */
export default defineRule({
  id: 'identity-mark-malformed',
  title: '网站标识不规范',
  clause: '建议：网站标识码、ICP备案编号或公安机关备案标识格式不规范，或网站标识码与登记不一致（2019 年指标只对缺少标识扣分，此项不扣分）',
  kind: 'advice',
  targetNames: { 'site-code': MARK_NAMES['site-code'], icp: MARK_NAMES.icp, psb: MARK_NAMES.psb },
  points: [],
  run(snapshot) {
    const sources = homeFooterSources(snapshot);
    if (!sources.length) return { status: 'not_applicable', reason: '首页无法打开' };
    const home = snapshot.site.url;
    const read = sources.map((s) => ({ from: s.from, numbers: printedNumbers(s.html) }));
    const findings: RuleFinding[] = [];
    for (const mark of NUMBERED) {
      const detail = advice(mark, read, home, snapshot.site.siteCode);
      if (detail) findings.push({ indicator: 'identity-mark-malformed', target: mark, page: home, points: 0, detail });
    }
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
