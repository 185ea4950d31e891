// A 公示 list of people for the personal-data tests, its numbers worked out by hand (and with a
// separate script), not by the code under test: ID check characters by GB 11643 (…1231, …0015,
// …124X, and …0041 for a 29 February), card numbers by Luhn (…4569, …8903, 6222…5678, 4111…1111);
// the last row's card number fails Luhn and its ID is already masked.
export const PEOPLE: readonly (readonly string[])[] = [
  ['序号', '姓名', '身份证号码', '联系电话', '银行账号'],
  ['1', '张三', '370102199001011231', '13812345678', '6217000010001234569'],
  ['2', '李四', '532501198512030015', '13912345678', '6228480012345678903'],
  ['3', '王五', '37010219900101124X', '13712345678', '622202100112345678'],
  ['4', '赵六', '371328202002290041', '13612345678', '4111111111111111'],
  ['5', '钱七', '3701**********1231', '13512345678', '4111111111111112'],
];

/** The same list with every ID number masked (as a careful site publishes it). */
export function idsMasked(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((r, i) => (i === 0 ? [...r] : r.map((c, j) => (j === 2 && !c.includes('*') ? `${c.slice(0, 4)}**********${c.slice(-4)}` : c))));
}
