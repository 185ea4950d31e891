// Each format read as the crawl meets it: files written by the sandbox from the formats' specifications
// (src/sandbox/documents.ts), read back for personal data; and the hostile ones, read to an "unreadable".
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { csvFile, docxFile, loopingPdf, macroDoc, pdfFile, xlsxFile, zipBombXlsx } from '../../../sandbox/documents.ts';
import { readDocument } from './document.ts';
import { PEOPLE } from '../personal-data.test-helpers.ts';

const ASOF = '2026-11-20';
const EXPECTED = {
  'id-card': { count: 4, examples: ['3701**********1231', '5325**********0015', '3701**********124X'] },
  'bank-card': { count: 4, examples: ['6217***********4569', '6228***********8903', '6222**********5678'] },
  mobile: { count: 5, examples: ['138****5678', '139****5678', '137****5678'], largestList: 5 },
};

describe('readDocument', () => {
  test.each([
    ['xlsx', xlsxFile('低保名单', PEOPLE), '工作表“低保名单”'],
    ['docx', docxFile(['低保对象公示'], PEOPLE), '表格 1'],
    ['pdf', pdfFile([{ title: '低保对象名单公示', rows: PEOPLE }]), '第 1 页'],
    ['csv', csvFile(PEOPLE), '表格'],
  ] as const)('%s: every kind found in the list, masked, with its sheet, table or page', async (format, bytes, place) => {
    const out = await readDocument(bytes, format, ASOF);
    expect(out).toMatchObject({ status: 'read', format, units: 1 });
    if (out.status !== 'read') return;
    for (const [kind, want] of Object.entries(EXPECTED)) expect(out.found?.[kind as keyof typeof EXPECTED]).toEqual({ ...want, places: [place] });
    expect(JSON.stringify(out)).not.toMatch(/\d{11}/);
  });

  test('a PDF list over two pages: the second page reads under the first page\'s heading', async () => {
    const phones = [['序号', '姓名', '联系电话'], ...['13812345678', '13912345678', '13712345678', '13612345678', '13512345678', '15812345678'].map((m, i) => [String(i + 1), `村民${i}`, m])];
    const bytes = pdfFile([{ title: '名单', rows: phones.slice(0, 3) }, { title: '名单（续）', rows: phones.slice(3) }]);
    const out = await readDocument(bytes, 'pdf', ASOF);
    // 2 on page 1 are not yet a list; page 2 has 4 under the carried heading: a list of 4 (below the default 5, above 3).
    expect(out.status === 'read' && out.found?.mobile).toEqual({ count: 4, examples: ['137****5678', '136****5678', '135****5678'], places: ['第 2 页'], largestList: 4 });
  });

  test('a file is read as what its bytes are, not as its name says: an xlsx named .xls, a .xls that is an HTML table', async () => {
    expect(await readDocument(xlsxFile('s', PEOPLE), 'xls', ASOF)).toMatchObject({ status: 'read', format: 'xlsx' });
    const html = iconv.encode(`<html><head><meta charset="gbk"></head><body><table>${PEOPLE.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`, 'gbk');
    const out = await readDocument(html, 'xls', ASOF);
    expect(out.status === 'read' && out.found?.mobile?.count).toBe(5);
  });

  test('Word 97 and Excel 97 files: ID numbers in their UTF-16 text are found; mobiles need columns and are not', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('低保对象：张三，身份证号 370102199001011231，电话 13812345678。', 'utf16le'), Buffer.alloc(64)]);
    const out = await readDocument(ole, 'doc', ASOF);
    expect(out).toMatchObject({ status: 'read', format: 'doc' });
    expect(out.status === 'read' && out.found).toEqual({ 'id-card': { count: 1, examples: ['3701**********1231'], places: ['文本'] } });
  });

  test('controls: masked numbers, wrong check digits and a staff directory are read and find nothing', async () => {
    const safe = [['姓名', '身份证号码', '职务', '联系电话'], ...PEOPLE.slice(1).map((r) => [r[1]!, `${r[2]!.slice(0, 4)}**********${r[2]!.slice(-4)}`, '科员', r[3]!])];
    for (const [format, bytes] of [['xlsx', xlsxFile('s', safe)], ['pdf', pdfFile([{ title: '通讯录', rows: safe }])], ['docx', docxFile(['37010219900101123X'], safe)]] as const) {
      expect(await readDocument(bytes, format, ASOF)).toEqual({ status: 'read', format, units: 1 });
    }
  });

  test.each([
    { what: 'a zip bomb named .xlsx', bytes: zipBombXlsx(), named: 'xlsx', kind: 'bomb' },
    { what: 'a PDF whose page tree points at itself', bytes: loopingPdf(), named: 'pdf', kind: 'corrupt' },
    { what: 'a Word 97 file with a VBA project', bytes: macroDoc(), named: 'doc', kind: 'macro' },
    { what: 'an xlsm with a VBA project', bytes: zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/vbaProject.bin': new Uint8Array(16) }), named: 'xlsx', kind: 'macro' },
    { what: 'a truncated PDF', bytes: pdfFile([{ title: '名单', rows: PEOPLE }]).subarray(0, 200), named: 'pdf', kind: 'corrupt' },
    { what: 'an HTML error page named .pdf', bytes: Buffer.from('<html><body>404</body></html>'), named: 'pdf', kind: 'mismatch' },
  ] as const)('$what is recorded as unreadable ($kind)', async ({ bytes, named, kind }) => {
    const t0 = performance.now();
    const out = await readDocument(bytes, named, ASOF);
    expect(out).toMatchObject({ status: 'unreadable', kind });
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
