import iconv from 'iconv-lite';
import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import { decodeCsv, importSitesCsv, registryYaml } from './sites-import.ts';

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
      /sites\.csv has 4 problems:\n {2}sites\.csv:5: id: must be lower-case ASCII.*\n {2}sites\.csv:5: url: .*\n {2}sites\.csv:5: kind: .*\(portal\/门户 or department\/部门\)\n {2}sites\.csv:5: siteCode: /,
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

  test('the YAML it writes reads back to the same entries', () => {
    const r = importSitesCsv(Buffer.from(CSV), 'sites.csv');
    expect(YAML.parse(registryYaml('sites', r.sites))).toEqual(r.sites);
    expect(registryYaml('sites', r.sites)).toContain('siteCode: "3713000001"');
  });
});
