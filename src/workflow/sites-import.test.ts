import iconv from 'iconv-lite';
import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsv, importSites, importSitesCsv, registryYaml } from './sites-import.ts';
import { tempFolders } from './fixture.test-helpers.ts';

const tempFolder = tempFolders('sites-import');

const CSV = `网站ID,网站名称,首页地址,单位ID,主管单位,地区,类型,网站标识码
linhe,临河市人民政府,http://www.linhe.gov.cn/,linhe-office,临河市人民政府办公室,临河区,门户,3713000001
linhe-jyj,临河市教育局,http://jyj.linhe.gov.cn/,linhe-jyj,临河市教育局,临河区,部门,3713000002
`;

describe('decodeCsv', () => {
  test.each([
    ['UTF-8', Buffer.from(CSV), 'utf-8'],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), 'utf-8-bom'],
    ['GBK (Excel on Chinese Windows)', iconv.encode(CSV, 'gbk'), 'gbk'],
  ])('%s', (_n, bytes, encoding) => {
    const d = decodeCsv(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(CSV);
  });

  test('a file mixing UTF-8 and GBK rows is refused naming a line of each encoding, never stored garbled', () => {
    const [head, gbkRow, utfRow] = CSV.trim().split('\n');
    const mixed = Buffer.concat([Buffer.from(`${head}\n`), iconv.encode(`${gbkRow}\n`, 'gbk'), Buffer.from(`${utfRow}\n`)]);
    expect(() => decodeCsv(mixed, 'mixed.csv')).toThrow(/^mixed\.csv:1: this line is UTF-8 but line 2 is not \(GBK\?\): the file mixes encodings/);
    const other = Buffer.concat([Buffer.from(`${head}\n`), Buffer.from(`${utfRow}\n`), iconv.encode(`${gbkRow}\n`, 'gbk')]);
    expect(() => decodeCsv(other, 'mixed.csv')).toThrow(/^mixed\.csv:1: this line is UTF-8 but line 3 is not/);
  });

  test('bytes valid in neither encoding are refused with the first bad line', () => {
    const bad = Buffer.concat([Buffer.from(`${CSV}`), Buffer.from([0x81, 0x20, 0x0a])]);
    expect(() => decodeCsv(bad, 'bad.csv')).toThrow(/^bad\.csv:4: neither UTF-8 nor GBK/);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV), iconv.encode('临河\n', 'gbk')]);
    expect(() => decodeCsv(bom, 'bom.csv')).toThrow(/^bom\.csv:4: not valid UTF-8, though the file starts with a UTF-8 byte-order mark/);
  });
});

describe('importSitesCsv', () => {
  test('turns Chinese headers and kinds into registry entries, with their units', () => {
    const r = importSitesCsv(iconv.encode(CSV, 'gbk'), 'sites.csv');
    expect(r.sites).toEqual([
      { id: 'linhe', name: '临河市人民政府', url: 'http://www.linhe.gov.cn/', unit: 'linhe-office', region: '临河区', kind: 'portal', siteCode: '3713000001' },
      { id: 'linhe-jyj', name: '临河市教育局', url: 'http://jyj.linhe.gov.cn/', unit: 'linhe-jyj', region: '临河区', kind: 'department', siteCode: '3713000002' },
    ]);
    expect(r.units).toEqual([
      { id: 'linhe-jyj', name: '临河市教育局' },
      { id: 'linhe-office', name: '临河市人民政府办公室' },
    ]);
  });

  test('reports every bad row with its line and field', () => {
    const bad = `${CSV}\n临河 财政,临河市财政局,jyj.linhe.gov.cn,linhe-czj,临河市财政局,临河区,委办局,37130\n`;
    expect(() => importSitesCsv(Buffer.from(bad), 'sites.csv')).toThrow(
      /sites\.csv has 4 problems:\n {2}sites\.csv:5: id: must be lower-case ASCII.*\n {2}sites\.csv:5: url: .*\n {2}sites\.csv:5: kind: .*\(portal\/门户, department\/部门 or column\/专栏\)\n {2}sites\.csv:5: siteCode: /,
    );
  });

  test('names the missing columns', () => {
    expect(() => importSitesCsv(Buffer.from('网站名称,首页地址\n临河,http://a.gov.cn/\n'), 'x.csv')).toThrow(/x\.csv:1: missing columns id .*unit .*kind .*siteCode/);
  });

  test('a unit that is neither known nor named is an error', () => {
    const csv = 'id,name,url,unit,kind,siteCode\nlinhe,临河,http://www.linhe.gov.cn/,linhe-office,portal,3713000001\n';
    expect(() => importSitesCsv(Buffer.from(csv), 'x.csv')).toThrow(/x\.csv:2: unitName: unit "linhe-office" is not in units.yaml/);
    expect(importSitesCsv(Buffer.from(csv), 'x.csv', [{ id: 'linhe-office', name: '办公室' }]).sites).toHaveLength(1);
  });

  test('two rows with one id, URL or site code are refused with both lines', () => {
    const csv = `${CSV}linhe,临河二,http://www.linhe.gov.cn,linhe-office,,临河区,门户,3713000002\n`;
    expect(() => importSitesCsv(Buffer.from(csv), 'dup.csv')).toThrow(
      /dup\.csv has 3 problems:\n {2}dup\.csv:4: id: "linhe" is used twice \(first at line 2\)\n {2}dup\.csv:4: url: "http:\/\/www\.linhe\.gov\.cn\/" is used twice \(first at line 2\)\n {2}dup\.csv:4: siteCode: "3713000002" is used twice \(first at line 3\)$/,
    );
  });

  test("a unit named two ways, or with a parent nobody has, is refused with the row's line", () => {
    const renamed = `${CSV}linhe-czj,临河市财政局,http://czj.linhe.gov.cn/,linhe-jyj,临河市教育体育局,临河区,部门,3713000003\n`;
    expect(() => importSitesCsv(Buffer.from(renamed), 'u.csv')).toThrow(/u\.csv:4: unitName: unit "linhe-jyj" is "临河市教育局" in line 3, and "临河市教育体育局" here/);
    expect(() => importSitesCsv(Buffer.from(renamed), 'u.csv', [{ id: 'linhe-jyj', name: '教育局' }])).toThrow(/u\.csv:3: unitName: unit "linhe-jyj" is "教育局" in units\.yaml/);
    const orphan = 'id,name,url,unit,unitName,unitParent,kind,siteCode\nlinhe,临河,http://www.linhe.gov.cn/,linhe-office,办公室,linhe-gov,portal,3713000001\n';
    expect(() => importSitesCsv(Buffer.from(orphan), 'p.csv')).toThrow(/p\.csv:2: unitParent: no unit with id "linhe-gov"/);
  });

  test('a refused spreadsheet leaves the registry as it was, byte for byte', () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'units.yaml'), '- id: old\n  name: 旧单位\n');
    writeFileSync(join(dir, 'sites.yaml'), '- id: old\n  name: 旧站\n  url: http://old.gov.cn/\n  unit: old\n  kind: portal\n  siteCode: "3700000009"\n');
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, `${CSV}linhe-x,临河三,http://www.linhe.gov.cn/,linhe-office,,临河区,门户,3713000009\n`);
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(() => importSites(dir, csv)).toThrow(/in\.csv:4: url/);
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
    writeFileSync(csv, CSV);
    expect(importSites(dir, csv).removed).toEqual(['old']);
    expect(readFileSync(join(dir, 'units.yaml'), 'utf8')).toContain('旧单位');
  });

  test('the YAML it writes reads back to the same entries', () => {
    const r = importSitesCsv(Buffer.from(CSV), 'sites.csv');
    expect(YAML.parse(registryYaml('sites', r.sites))).toEqual(r.sites);
    expect(registryYaml('sites', r.sites)).toContain('siteCode: "3713000001"');
  });
});
