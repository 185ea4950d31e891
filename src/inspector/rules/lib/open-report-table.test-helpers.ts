// A 政府信息公开工作年度报告's application table as a grid, for rule tests: written out by hand from
// 国办公开办函〔2021〕30号's format, not from the sandbox.

/** The result rows of 国办公开办函〔2021〕30号's table, under 三、本年度办理结果, as their two label cells. */
export const RESULTS: Array<[string, string]> = [
  ['（一）予以公开', '（一）予以公开'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']
    .map((s): [string, string] => ['（三）不予公开', s]),
  ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((s): [string, string] => ['（四）无法提供', s]),
  ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((s): [string, string] => ['（五）不予处理', s]),
  ...['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((s): [string, string] => ['（六）其他处理', s]),
];

export const row = (v: number[]) => v.map(String);
/** Six applicant counts and their total. */
export const withTotal = (six: number[]) => [...six, six.reduce((a, b) => a + b, 0)];
const zero = withTotal([0, 0, 0, 0, 0, 0]);

/**
 * The table as a grid (merged cells repeated, as gather/page/tables.ts reads it), with the given
 * rows' numbers; every other row is zeros.
 */
export function grid(rows: { fresh: number[]; carried: number[]; results: Record<number, number[]>; total: number[]; out: number[] }): string[][] {
  const head = '本年度情况';
  return [
    [head, head, head, '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况'],
    [head, head, head, '自然人', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '总计'],
    [head, head, head, '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', ...row(rows.fresh)],
    ['二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量', ...row(rows.carried)],
    ...RESULTS.map(([a, b], i) => ['三、本年度办理结果', a, b, ...row(rows.results[i] ?? zero)]),
    ['三、本年度办理结果', '（七）总计', '（七）总计', ...row(rows.total)],
    ['四、结转下年度继续办理', '四、结转下年度继续办理', '四、结转下年度继续办理', ...row(rows.out)],
  ];
}

// Worked by hand: 12 + 3 = 15 applications in all; 9 + 2 + 1 (国家秘密) + 1 (不掌握) = 13 answered and 2 carried on.
export const GOOD = {
  fresh: withTotal([10, 1, 0, 0, 1, 0]), // 12
  carried: withTotal([2, 1, 0, 0, 0, 0]), // 3
  results: { 0: withTotal([7, 1, 0, 0, 1, 0]), 1: withTotal([2, 0, 0, 0, 0, 0]), 2: withTotal([1, 0, 0, 0, 0, 0]), 10: withTotal([0, 1, 0, 0, 0, 0]) },
  total: withTotal([10, 2, 0, 0, 1, 0]), // 13
  out: withTotal([2, 0, 0, 0, 0, 0]), // 2
};

