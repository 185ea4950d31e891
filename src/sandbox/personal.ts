// Personal data on a site (personal-data-exposed): a 公示 article that shows 身份证, bank card or
// mobile numbers in full (the truth), or one that shows them the way a careful site does (the
// controls: masked numbers, a guide's sample number, numbers with a wrong check digit, a staff
// directory). The numbers are made here with their own check digits; nothing is imported from
// the crawler, whose detector this tests.
import { articlePath, type Column, type Item } from './columns.ts';
import { csvFile, docxFile, pdfFile, xlsxFile } from './documents.ts';
import { rng, type Rng } from './random.ts';

/** How a page shows personal numbers. Leaks: */
export type LeakForm =
  /** A 公示 table of people with their full ID numbers. */
  | 'ids-table'
  /** A table of people (姓名, 村, 联系电话) with their mobile numbers. */
  | 'phones-table'
  /** A sentence naming a person's bank card number. */
  | 'card-text';
/** Controls, which show nothing in full: */
export type SafeForm =
  /** The same 公示 table with the middle of each number starred. */
  | 'masked-table'
  /** A 办事指南 paragraph with a sample ID number (示例) and the standard's own example. */
  | 'sample-guide'
  /** A table of people whose 18-character numbers all have a wrong check digit. */
  | 'bad-check'
  /** Staff with their posts and mobile numbers (officials' work numbers, published on purpose). */
  | 'staff-directory'
  /** A body's own account for payments (缴款账号), Luhn-valid. */
  | 'body-account';
export type PersonalForm = LeakForm | SafeForm;

const LEAKS: ReadonlySet<PersonalForm> = new Set<LeakForm>(['ids-table', 'phones-table', 'card-text']);

/** Whether a form shows numbers in full. */
export function leaks(form: PersonalForm): boolean {
  return LEAKS.has(form);
}

/** The formats of the documents attached to that article. */
export type FileFormat = 'xlsx' | 'docx' | 'pdf' | 'csv';

/** A document attached to the article: one table form in one format. */
export interface PersonalFile {
  form: TableForm;
  format: FileFormat;
}

/** The forms that are tables (what a document attached to a notice holds). */
export type TableForm = 'ids-table' | 'phones-table' | 'masked-table' | 'bad-check' | 'staff-directory';

/** Where a site shows its personal data: one article, with the forms it prints in order and the documents it attaches. */
export interface PersonalSpot {
  col: Column;
  item: Item;
  forms: PersonalForm[];
  files: PersonalFile[];
}

/**
 * The article and each attached document as truth-shaped entries: `leaks` when it shows numbers in
 * full (the truth), else a control. The page's own entry is there only when it prints a form.
 */
export function personalEntries(m: { personal: PersonalSpot | null; origin: string }): Array<{ target: string; page: string; note: string; leaks: boolean }> {
  const spot = m.personal;
  if (!spot) return [];
  const path = articlePath(spot.col, spot.item);
  const page = new URL(path, m.origin).href;
  const leaking = spot.forms.filter(leaks);
  // The truth's note names what leaks; a control's, what it shows safely.
  const out = spot.forms.length ? [{ target: page, page, note: (leaking.length ? leaking : spot.forms).map((f) => FORM_NOTES[f]).join('; '), leaks: leaking.length > 0 }] : [];
  spot.files.forEach((f, i) => out.push({ target: new URL(personalFilePath(path, spot.item, i + 1, f.format), m.origin).href, page, note: `${f.format}: ${FORM_NOTES[f.form]}`, leaks: leaks(f.form) }));
  return out;
}

/** Every full number a site's leaking forms and documents show (for the tests that look for them where they must never be). */
export function seededNumbers(m: { personal: PersonalSpot | null; seed: number; plan: { host: string; place: { province: { code: string } } }; site: { name: string } }): string[] {
  const spot = m.personal;
  if (!spot) return [];
  const key = [m.seed, m.plan.host, 'personal', spot.item.id];
  const province = m.plan.place.province.code;
  const cells = (rows: string[][] | null) => (rows ?? []).slice(1).flat();
  const out: string[] = [];
  for (const form of spot.forms.filter(leaks)) {
    out.push(...cells(personalRows(form, key, province)));
    out.push(...(personalSentence(form, key, province, m.site.name) ?? '').match(/\d{11,}X?/g) ?? []);
  }
  for (const f of spot.files.filter((x) => leaks(x.form))) out.push(...cells(personalRows(f.form, [...key, 'file', f.format], province)));
  return [...new Set(out.filter((c) => /^\d{11,}X?$/.test(c)))].sort();
}

/** The path of the article's k-th attached document (k from 1), beside the article as CMSs store them. */
export function personalFilePath(articlePath: string, item: Item, k: number, format: FileFormat): string {
  return `${articlePath.slice(0, articlePath.lastIndexOf('/') + 1)}P0${item.date.replaceAll('-', '')}${item.id}_${k}.${format}`;
}

/** The file's bytes: the table of its form, written in its format. */
export function personalFileBytes(file: PersonalFile, key: readonly (string | number)[], province: string, title: string): Uint8Array {
  const rows = personalRows(file.form, [...key, 'file', file.format], province)!;
  switch (file.format) {
    case 'xlsx':
      return xlsxFile('公示名单', rows);
    case 'docx':
      return docxFile([title, '现将有关名单公示如下：'], rows);
    case 'pdf':
      return pdfFile([{ title, rows }]);
    case 'csv':
      return csvFile(rows);
  }
}

/** The content type a site serves a file of the format with. */
export const FILE_TYPES: Readonly<Record<FileFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv',
};

/** Rows of each table. */
const ROWS = 8;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华桂兰玉梅建国志红';
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '158', '159', '188', '186', '177', '150', '133'];

/** The GB 11643 check character of 17 digits. */
function idCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/** The Luhn digit that completes a digit string. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(r.int(0, 9))).join('');

function person(r: Rng): string {
  return SURNAMES[r.int(0, SURNAMES.length - 1)]! + GIVEN[r.int(0, GIVEN.length - 1)]! + (r.chance(0.5) ? GIVEN[r.int(0, GIVEN.length - 1)]! : '');
}

/** A valid ID number of the province, born between 1940 and 2005. */
export function idNumber(r: Rng, province: string): string {
  const born = new Date(Date.UTC(r.int(1940, 2005), r.int(0, 11), r.int(1, 28)));
  const body = `${province}${String(r.int(1, 17)).padStart(2, '0')}${String(r.int(1, 30)).padStart(2, '0')}`
    + born.toISOString().slice(0, 10).replaceAll('-', '') + String(r.int(1, 999)).padStart(3, '0');
  return body + idCheck(body);
}

/** The same number with a check character that is wrong. */
function wrongCheck(id: string): string {
  const right = id[17]!;
  const wrong = '0123456789X'.split('').filter((c) => c !== right);
  return id.slice(0, 17) + wrong[Number(id.slice(14, 17)) % wrong.length]!;
}

/** A 19-digit UnionPay debit card number, Luhn-valid. */
export function cardNumber(r: Rng): string {
  const body = (r.chance(0.5) ? '6217' : '6228') + digits(r, 14);
  return body + luhnDigit(body);
}

export function mobile(r: Rng): string {
  return MOBILE_PREFIXES[r.int(0, MOBILE_PREFIXES.length - 1)]! + digits(r, 8);
}

const maskMiddle = (s: string, keep: number): string => s.slice(0, keep) + '*'.repeat(s.length - keep - 4) + s.slice(-4);

/** One table of the form as rows of cells, the first row its heading. */
export function personalRows(form: PersonalForm, key: readonly (string | number)[], province: string): string[][] | null {
  const r = rng(...key, form);
  const rows = (head: string[], row: (i: number) => string[]) => [head, ...Array.from({ length: ROWS }, (_, i) => row(i))];
  switch (form) {
    case 'ids-table':
      return rows(['序号', '姓名', '身份证号码', '家庭人口', '保障金额（元）'], (i) => [String(i + 1), person(r), idNumber(r, province), String(r.int(1, 5)), String(r.int(3, 9) * 100)]);
    case 'masked-table':
      return rows(['序号', '姓名', '身份证号码', '联系电话', '保障金额（元）'], (i) => [String(i + 1), person(r), maskMiddle(idNumber(r, province), 4), maskMiddle(mobile(r), 3), String(r.int(3, 9) * 100)]);
    case 'bad-check':
      return rows(['序号', '姓名', '身份证号码', '补助金额（元）'], (i) => [String(i + 1), person(r), wrongCheck(idNumber(r, province)), String(r.int(3, 9) * 100)]);
    case 'phones-table':
      return rows(['序号', '姓名', '村（社区）', '联系电话', '补助金额（元）'], (i) => [String(i + 1), person(r), `${'东西南北'[r.int(0, 3)]}${'李王张刘'[r.int(0, 3)]}村`, mobile(r), String(r.int(2, 8) * 100)]);
    case 'staff-directory':
      return rows(['序号', '姓名', '职务', '联系电话'], (i) => [String(i + 1), person(r), ['科长', '副科长', '科员', '主任', '副主任'][r.int(0, 4)]!, mobile(r)]);
    case 'card-text':
    case 'sample-guide':
    case 'body-account':
      return null;
  }
}

/** The form's sentence, for the forms that are text. */
export function personalSentence(form: PersonalForm, key: readonly (string | number)[], province: string, body: string): string | null {
  const r = rng(...key, form);
  switch (form) {
    case 'card-text':
      return `经审核，${person(r)}的临时救助金已于近日发放至其本人银行卡（卡号：${cardNumber(r)}），请注意查收。`;
    case 'sample-guide':
      return `申请人应如实填写身份证号码，填写示例：${idNumber(r, province)}；国家标准示例号码 11010519491231002X 仅供参考，不得照抄。`;
    case 'body-account':
      return `缴款单位：${body}，开户银行：中国农业银行，缴款账号：${cardNumber(r)}。`;
    default:
      return null;
  }
}

/** What each form shows, for the truth's and the controls' notes. */
export const FORM_NOTES: Readonly<Record<PersonalForm, string>> = {
  'ids-table': `a 公示 table of ${ROWS} people with full ID numbers`,
  'phones-table': `a table of ${ROWS} people with their mobile numbers`,
  'card-text': 'a person\'s bank card number in the text',
  'masked-table': 'ID and mobile numbers masked',
  'sample-guide': 'a sample ID number (示例) and the standard\'s example',
  'bad-check': `${ROWS} ID numbers with a wrong check digit`,
  'staff-directory': 'a staff directory with posts and mobiles',
  'body-account': 'a body\'s own account number for payments',
};
