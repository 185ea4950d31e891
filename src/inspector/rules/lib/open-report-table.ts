// The arithmetic of a 政府信息公开工作年度报告's application table (三、收到和处理政府信息公开申请情况)
// in the format of 国办公开办函〔2021〕30号: seven columns of applicants (自然人, the five kinds of
// 法人或其他组织, 总计) and rows 一、本年新收, 二、上年结转, 三、本年度办理结果 (（一）…（六）with their
// numbered cases, then （七）总计) and 四、结转下年度继续办理. Its 填报说明 ties them together:
// - each row's 总计 is the sum of the six applicant columns;
// - （七）总计 is the sum of every result row above it, column by column;
// - 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理, column by column.
// A table that is not in this form, or whose cells are not all whole numbers, is not judged.

/** The applicant columns, in the format's order; the last is the row's total. */
export const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
const WIDTH = APPLICANTS.length;

/** One sum of the table that does not add up, in words for the evidence. */
export interface TableError {
  check: 'row-total' | 'results-total' | 'balance';
  /** The row's label (row-total), or the column's name (results-total, balance). */
  where: string;
  shown: number;
  expected: number;
}

/** What reading a table came to: the sums that do not add up, or why it was not judged. */
export type TableCheck = { errors: TableError[] } | { notJudged: string };

interface Row {
  label: string;
  /** The seven numbers, or undefined when a cell is not a whole number. */
  values?: number[];
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const WHOLE = /^\d{1,9}$/;

/** Checks the table's sums. */
export function checkApplicationTable(grid: readonly (readonly string[])[]): TableCheck {
  const header = grid.findIndex((r) => r.length >= WIDTH && r[r.length - WIDTH]!.includes('自然人') && r[r.length - 1]!.includes('总计'));
  if (header < 0) return { notJudged: '表格不是 2021 年格式（未见“自然人……总计”七列）' };
  const rows: Row[] = grid.slice(header + 1).map(readRow).filter((r) => r.label !== '');
  const find = (re: RegExp) => rows.findIndex((r) => re.test(r.label));
  const fresh = find(/本年新收/);
  const carriedIn = find(/上年结转/);
  const total = find(/[（(]七[)）]\s*总计|办理结果\s*总计$/);
  const carriedOut = find(/结转下年度/);
  if ([fresh, carriedIn, total, carriedOut].some((i) => i < 0) || !(carriedIn < total && total < carriedOut)) {
    return { notJudged: '表格缺少“本年新收”“上年结转”“（七）总计”“结转下年度继续办理”中的行' };
  }
  const results = rows.slice(carriedIn + 1, total);
  // A row whose label begins the next one's is a subtotal of the rows below it (a format the 2021 one does not have).
  const subtotal = (r: Row, i: number) => /小计|合计/.test(r.label) || (results[i + 1]?.label.startsWith(`${r.label} `) ?? false);
  if (results.length === 0 || results.some(subtotal)) return { notJudged: '“本年度办理结果”各行无法逐项相加（无数据行或含小计）' };
  const needed = [rows[fresh]!, rows[carriedIn]!, rows[total]!, rows[carriedOut]!, ...results];
  const blank = needed.find((r) => !r.values);
  if (blank) return { notJudged: `“${blank.label}”一行不全是数字，无法核对` };
  const errors: TableError[] = [];
  for (const r of needed) {
    const v = r.values!;
    const sum = v.slice(0, WIDTH - 1).reduce((a, b) => a + b, 0);
    if (sum !== v[WIDTH - 1]) errors.push({ check: 'row-total', where: r.label, shown: v[WIDTH - 1]!, expected: sum });
  }
  for (let c = 0; c < WIDTH; c++) {
    const sum = results.reduce((a, r) => a + r.values![c]!, 0);
    const shown = rows[total]!.values![c]!;
    if (sum !== shown) errors.push({ check: 'results-total', where: APPLICANTS[c]!, shown, expected: sum });
  }
  for (let c = 0; c < WIDTH; c++) {
    const inflow = rows[fresh]!.values![c]! + rows[carriedIn]!.values![c]!;
    const outflow = rows[total]!.values![c]! + rows[carriedOut]!.values![c]!;
    if (inflow !== outflow) errors.push({ check: 'balance', where: APPLICANTS[c]!, shown: outflow, expected: inflow });
  }
  return { errors };
}

/** A grid row as its label (its distinct text cells, in order) and its last seven cells as numbers. */
function readRow(cells: readonly string[]): Row {
  const norm = cells.map((c) => c.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, ''));
  const tail = norm.slice(-WIDTH);
  const head = norm.slice(0, Math.max(0, norm.length - WIDTH)).filter((c, i, a) => c !== '' && a.indexOf(c) === i);
  const label = head.join(' ');
  return tail.length === WIDTH && tail.every((c) => WHOLE.test(c)) ? { label, values: tail.map(Number) } : { label };
}

/** An error in words: 第三部分表格“（七）总计”行“自然人”列为 12，各项办理结果之和为 11. */
export function describeError(e: TableError): string {
  switch (e.check) {
    case 'row-total':
      return `“${e.where}”一行的“总计”为 ${e.shown}，六类申请人之和为 ${e.expected}`;
    case 'results-total':
      return `“（七）总计”的“${e.where}”列为 ${e.shown}，（一）至（六）各项办理结果之和为 ${e.expected}`;
    case 'balance':
      return `“${e.where}”列“本年新收”加“上年结转”为 ${e.expected}，“（七）总计”加“结转下年度继续办理”为 ${e.shown}`;
  }
}
