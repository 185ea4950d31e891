// Personal data a page or an attached document shows in full: 身份证 numbers (GB 11643 check
// digit), bank card numbers (Luhn) and mobile numbers in a list of people. Pure; what leaves this
// module is masked (3701**********123X): the full numbers are compared here and never returned.
//
// A false finding names a unit for a veto, so each kind asks for more than its pattern:
// - an ID number must have a province code, a real birth date not after the as-of date, a
//   sequence other than 000 and the right check digit, and no 示例/例如/样例 just before it (the
//   sample numbers of a 办事指南);
// - a bank card number must pass Luhn, start like a personal card (62 UnionPay, 4, 5, 3, 9) and be
//   named as one: in a table of people (a 姓名 column) under a 卡号/银行卡/账号 column, or in text
//   right after 银行卡/卡号 — never after 单位/对公/收款 (a body's own account, published to be paid);
// - mobile numbers count only as a list: at least `mobiles` of them in the phone column of a table
//   of people, a table that is not a directory of people who serve (no 职务/科室/部门/单位/分管/负责/
//   网格/包村 column: officials', grid workers' and village cadres' numbers are published on purpose).
import { MIN_LIST, type PersonalDataFound, type PersonalKind } from '../snapshot.ts';

/** A document as the detector reads it: its tables (rows of cells) and its free text, each with where it is. */
export type DocumentPart =
  /** A table: an HTML table, a sheet, a Word table, or the lines of a PDF page that look like one. */
  | { kind: 'table'; where: string; rows: readonly (readonly string[])[] }
  /** Text outside tables (a page's prose, a Word paragraph, a PDF page). */
  | { kind: 'text'; where: string; text: string };

/** Province-level codes of GB/T 2260 (the first two digits of an ID number); 83: residence permits of Hong Kong, Macao and Taiwan residents. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Whether an 18-character string is a valid resident ID number born on or before asOf (YYYY-MM-DD). */
export function isIdNumber(s: string, asOf: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false;
  if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > asOf) return false;
  if (s.slice(14, 17) === '000') return false;
  return idCheckChar(s) === s[17];
}

/** Whether a digit string passes the Luhn check. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** A bank card number as personal cards are numbered: 16 to 19 digits, a personal card's first digit, Luhn. */
export function isCardNumber(s: string): boolean {
  return /^(62|[3459])\d{14,18}$/.test(s) && luhn(s);
}

/** A mainland mobile number. */
export function isMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s);
}

/** A number as evidence may show it: 3701**********123X, 6222***********1234, 138****5678. */
export function mask(kind: PersonalKind, s: string): string {
  if (kind === 'mobile') return `${s.slice(0, 3)}****${s.slice(7)}`;
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

const ID_PATTERN = /(?<![0-9A-Za-z])[1-9]\d{16}[\dX](?![0-9A-Za-z])/g;
const CARD_PATTERN = /(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
/** The example of GB 11643-1999 itself, printed on many a 办事指南 as the way to fill a form in. */
const SAMPLE_IDS = new Set(['11010519491231002X']);
/** Words just before a number that make it a sample (办事指南's 填写示例). */
const SAMPLE_BEFORE = /(示例|样例|范例|例如|比如|举例|如：|如:|格式为|格式：|样本)[^\n]{0,12}$/;
/** Words just before a number that name it a bank card, and those that make it a body's account. */
const CARD_BEFORE = /(银行卡|卡号|社保卡|一卡通)[^\n\d]{0,8}$/;
const BODY_ACCOUNT_BEFORE = /(单位|对公|收款|机关|财政|专户|基本户)[^\n]{0,20}$/;
/** Column headings. */
const NAME_COLUMN = /姓名|名字|户主|申请人|领取人|持卡人|监护人|补贴对象|救助对象|受助人|当事人/;
const CARD_COLUMN = /卡号|银行卡|账号|帐号|账户|帐户|折号|存折/;
const PHONE_COLUMN = /电话|手机|联系方式|联系号码/;
const STAFF_COLUMN = /职务|职位|职称|科室|部门|岗位|工作单位|单位名称|所在单位|分工|分管|负责|网格|包村|挂点/;

/** Digits and letters as ASCII (full-width ０-９ and Ｘ too), X upper-case. */
function normalise(s: string): string {
  return s.normalize('NFKC').replace(/(?<![0-9A-Za-z])(\d{17})x(?![0-9A-Za-z])/g, '$1X');
}

/**
 * The personal numbers a document shows in full, masked, or undefined when it shows none: every
 * valid ID number, every named card number, and mobiles in lists of people of MIN_LIST or more.
 * Thresholds are the rule's (`exposed`).
 */
export function findPersonalData(parts: readonly DocumentPart[], asOf: string): PersonalDataFound | undefined {
  // Full numbers live only in these sets, inside this call.
  const seen: Record<PersonalKind, Set<string>> = { 'id-card': new Set(), 'bank-card': new Set(), mobile: new Set() };
  const found: Array<{ kind: PersonalKind; value: string; where: string }> = [];
  const note = (kind: PersonalKind, value: string, where: string) => {
    if (seen[kind].has(value)) return;
    seen[kind].add(value);
    found.push({ kind, value, where });
  };
  const ids = (text: string, where: string) => {
    for (const m of text.matchAll(ID_PATTERN)) {
      if (isIdNumber(m[0], asOf) && !SAMPLE_IDS.has(m[0]) && !SAMPLE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) note('id-card', m[0], where);
    }
  };
  const cards = (text: string, where: string, named: boolean) => {
    for (const m of text.matchAll(CARD_PATTERN)) {
      if (!isCardNumber(m[0]) || isIdNumber(m[0], asOf)) continue;
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (SAMPLE_BEFORE.test(before) || BODY_ACCOUNT_BEFORE.test(before)) continue;
      if (named || CARD_BEFORE.test(before)) note('bank-card', m[0], where);
    }
  };
  // Mobiles are counted per list, so that a list reaching the threshold is reported whole.
  const mobileLists: Array<{ where: string; values: string[] }> = [];

  for (const part of parts) {
    if (part.kind === 'text') {
      const text = normalise(part.text);
      ids(text, part.where);
      cards(text, part.where, false);
      continue;
    }
    const rows = part.rows.map((r) => r.map((c) => normalise(c)));
    const head = headerRow(rows);
    const heading = head === undefined ? [] : rows[head]!;
    const people = heading.some((h) => NAME_COLUMN.test(h));
    const staff = heading.some((h) => STAFF_COLUMN.test(h));
    const cardColumns = new Set(heading.flatMap((h, i) => (people && CARD_COLUMN.test(h) && !BODY_ACCOUNT_BEFORE.test(h) ? [i] : [])));
    const phoneColumns = new Set(heading.flatMap((h, i) => (people && !staff && PHONE_COLUMN.test(h) ? [i] : [])));
    const mobiles: string[] = [];
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        ids(cell, part.where);
        if (r === head) return;
        cards(cell, part.where, cardColumns.has(c));
        if (phoneColumns.has(c)) for (const m of cell.matchAll(MOBILE_PATTERN)) if (!mobiles.includes(m[0])) mobiles.push(m[0]);
      });
    });
    if (mobiles.length) mobileLists.push({ where: part.where, values: mobiles });
  }
  let largestList = 0;
  for (const list of mobileLists) {
    if (list.values.length < MIN_LIST) continue;
    largestList = Math.max(largestList, list.values.length);
    for (const v of list.values) note('mobile', v, list.where);
  }
  if (found.length === 0) return undefined;
  const out: PersonalDataFound = {};
  for (const f of found) {
    const k = (out[f.kind] ??= { count: 0, examples: [], places: [] });
    k.count++;
    if (k.examples.length < 3) k.examples.push(mask(f.kind, f.value));
    if (!k.places.includes(f.where)) k.places.push(f.where);
  }
  if (out.mobile) out.mobile.largestList = largestList;
  return out;
}

/** The index of a table's heading row: the first of its first five rows with a name or phone column heading, when one has. */
export function headerRow(rows: readonly (readonly string[])[]): number | undefined {
  for (let i = 0; i < Math.min(5, rows.length); i++) {
    const row = rows[i]!;
    if (row.some((c) => c.length <= 12 && (NAME_COLUMN.test(c) || PHONE_COLUMN.test(c) || CARD_COLUMN.test(c)))) return i;
  }
  return undefined;
}
