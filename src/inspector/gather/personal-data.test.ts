import { describe, expect, test } from 'vitest';
import { idsMasked, PEOPLE } from './personal-data.test-helpers.ts';
import { findPersonalData, idCheckChar, isCardNumber, isIdNumber, luhn, mask, type DocumentPart } from './personal-data.ts';
import { exposed, personalDataDetail } from '../rules/personal-data-exposed.ts';

// Check digits and Luhn digits below were worked out by hand (and with a separate script), not by this code.
const ASOF = '2026-11-20';
const THRESHOLDS = { idCards: 1, bankCards: 1, mobiles: 5 };
const text = (t: string, where = '正文'): DocumentPart => ({ kind: 'text', where, text: t });
const table = (rows: string[][], where = '表格 1'): DocumentPart => ({ kind: 'table', where, rows });

describe('ID numbers (GB 11643)', () => {
  test.each([
    ['11010519491231002X', true, 'the standard’s own example'],
    ['370102199001011231', true, 'check digit 1'],
    ['37010219900101124X', true, 'check character X'],
    ['371328202002290041', true, 'born on 29 February of a leap year'],
    ['37010219900101123X', false, 'wrong check character'],
    ['371328202102290049', false, '29 February 2021 does not exist'],
    ['371328202701010045', false, 'born after the as-of date'],
    ['370102199001010001', false, 'sequence 000 is never given'],
    ['990102199001011231', false, 'no province 99'],
    ['440524188001010014', false, 'born before 1900 (the standard’s other example)'],
  ])('%s → %s (%s)', (id, valid) => {
    expect(isIdNumber(id, ASOF)).toBe(valid);
  });
  test('check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('53250119851203001')).toBe('5');
  });
});

describe('bank cards and mobiles', () => {
  test('Luhn', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(isCardNumber('6217000010001234569')).toBe(true);
    expect(isCardNumber('6217000010001234567')).toBe(false);
    // Luhn-valid but no personal card starts with 1 or 7.
    expect(isCardNumber('1217000010001234566')).toBe(false);
  });
  test('masks keep four and four (three and four for a mobile)', () => {
    expect(mask('id-card', '37010219900101124X')).toBe('3701**********124X');
    expect(mask('bank-card', '6217000010001234569')).toBe('6217***********4569');
    expect(mask('mobile', '13812345678')).toBe('138****5678');
  });
});

describe('findPersonalData', () => {
  test('an ID number in text is found, masked, with where it is', () => {
    const found = findPersonalData([text('张三，身份证号 370102199001011231，现予公示。', '第 2 页')], ASOF);
    expect(found).toEqual({ 'id-card': { count: 1, examples: ['3701**********1231'], places: ['第 2 页'] } });
    expect(personalDataDetail(found!)).toBe('身份证号 1 个（如 3701**********1231；第 2 页）');
  });

  test('full-width digits and a lower-case x are read as the numbers they are', () => {
    const found = findPersonalData([text('身份证：３７０１０２１９９００１０１１２４x')], ASOF);
    expect(found?.['id-card']?.examples).toEqual(['3701**********124X']);
  });

  test.each([
    ['a wrong check digit', '身份证号 37010219900101123X'],
    ['a masked number', '身份证号 3701**********1231'],
    ['a sample in a guide', '填写示例：370102199001011231'],
    ['the standard’s example', '身份证号码如 11010519491231002X 所示'],
    ['part of a longer number', '订单号 83701021990010112310'],
    ['an unnamed card-like number', '编号 6217000010001234569'],
    ['a body’s own account', '收款单位：某市财政局 银行卡号 6217000010001234569'],
    ['mobiles in prose', '联系人：李四 13812345678，王五 13912345678，赵六 13712345678，钱七 13612345678，孙八 13512345678'],
  ])('nothing for %s', (_why, t) => {
    expect(findPersonalData([text(t)], ASOF)).toBeUndefined();
  });

  test('a card number after 银行卡号 is found; repeated numbers count once', () => {
    const found = findPersonalData([text('银行卡号：6217000010001234569。再次核对银行卡号 6217000010001234569')], ASOF);
    expect(found).toEqual({ 'bank-card': { count: 1, examples: ['6217***********4569'], places: ['正文'] } });
  });

  const people = idsMasked(PEOPLE);

  test('a list of people: cards under the account column and five mobiles under the phone column', () => {
    const found = findPersonalData([table(people, 'Sheet1')], ASOF);
    // 4111111111111112 fails Luhn; the ID column is masked already.
    expect(found).toEqual({
      'bank-card': { count: 4, examples: ['6217***********4569', '6228***********8903', '6222**********5678'], places: ['Sheet1'] },
      mobile: { count: 5, examples: ['138****5678', '139****5678', '137****5678'], places: ['Sheet1'], largestList: 5 },
    });
    expect(exposed(found!, THRESHOLDS)).toEqual(found);
  });

  test('thresholds: mobiles count as a list (5 here, 3 always), and 0 turns a kind off', () => {
    const phones = (n: number) => findPersonalData([table(people.slice(0, n + 1).map((r) => r.slice(0, 4)))], ASOF);
    expect(phones(2)).toBeUndefined();
    expect(phones(4)?.mobile?.largestList).toBe(4);
    expect(exposed(phones(4)!, THRESHOLDS)).toBeUndefined();
    expect(exposed(phones(5)!, THRESHOLDS)?.mobile?.count).toBe(5);
    expect(exposed(phones(4)!, { ...THRESHOLDS, mobiles: 1 })?.mobile?.count).toBe(4);
    expect(exposed(phones(5)!, { ...THRESHOLDS, mobiles: 0 })).toBeUndefined();
    expect(exposed(findPersonalData([table(people)], ASOF)!, { ...THRESHOLDS, mobiles: 0, bankCards: 0 })).toBeUndefined();
  });

  test.each(['职务', '负责区域', '网格', '包村干部'])('a directory of people who serve (a %s column) is not a list of people whose numbers leak', (column) => {
    const staff = people.map((r, i) => [...r.slice(0, 2), i === 0 ? column : '科员', r[3]!]);
    expect(findPersonalData([table(staff)], ASOF)).toBeUndefined();
  });

  test('full ID numbers in a table count wherever they are, and a threshold above one waits for more', () => {
    const rows = [
      ['姓名', '身份证号'],
      ['张三', '370102199001011231'],
      ['李四', '532501198512030015'],
    ];
    const found = findPersonalData([table(rows)], ASOF)!;
    expect(found['id-card']?.count).toBe(2);
    expect(exposed(found, THRESHOLDS)).toEqual(found);
    expect(exposed(found, { ...THRESHOLDS, idCards: 3 })).toBeUndefined();
  });
});
