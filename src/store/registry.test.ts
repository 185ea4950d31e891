import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRegistry } from './registry.ts';
import { entityPrefix } from '../schemas/registry.ts';
import { InputError } from '../errors.ts';
import { refusal, tempFolders } from '../workflow/fixture.test-helpers.ts';

const tempFolder = tempFolders('registry');

function content(sites: string, units: string): string {
  const dir = tempFolder();
  writeFileSync(join(dir, 'sites.yaml'), sites);
  writeFileSync(join(dir, 'units.yaml'), units);
  return dir;
}
const UNITS = '- id: linhe-office\n  name: 临河市人民政府办公室\n- id: linhe-jyj\n  name: 临河市教育局\n  parent: linhe-office\n';
const GOOD = `- id: linhe
  name: 临河市人民政府
  url: http://www.linhe.gov.cn/
  unit: linhe-office
  region: 临河区
  kind: portal
  siteCode: "3713000001"
`;

describe('loadRegistry', () => {
  test('loads a valid registry', () => {
    const r = loadRegistry(content(GOOD, UNITS));
    expect(r.sites).toEqual([{ id: 'linhe', name: '临河市人民政府', url: 'http://www.linhe.gov.cn/', unit: 'linhe-office', region: '临河区', kind: 'portal', siteCode: '3713000001' }]);
    expect(r.units.map((u) => u.id)).toEqual(['linhe-office', 'linhe-jyj']);
  });

  test('a 专栏 (kind: column) is a prefix inside a host without a 网站标识码; a website must have one', () => {
    const column = `- id: linhe-sfj-xxgk
  name: 临河市司法局信息公开专栏
  url: http://www.linhe.gov.cn/xxgk/sfj/index.html
  unit: linhe-jyj
  kind: column
`;
    const r = loadRegistry(content(GOOD + column, UNITS));
    expect(r.sites[1]).toEqual({ id: 'linhe-sfj-xxgk', name: '临河市司法局信息公开专栏', url: 'http://www.linhe.gov.cn/xxgk/sfj/index.html', unit: 'linhe-jyj', kind: 'column' });
    expect(entityPrefix(r.sites[1]!)).toBe('http://www.linhe.gov.cn/xxgk/sfj/');
    expect(entityPrefix(r.sites[0]!)).toBe('http://www.linhe.gov.cn/');

    const bad = `${GOOD.replace('  siteCode: "3713000001"\n', '')}- id: whole-host
  name: 整个主机
  url: http://jyj.linhe.gov.cn/
  unit: linhe-jyj
  kind: column
- id: with-query
  name: 带参数
  url: http://www.linhe.gov.cn/xxgk/?dept=sfj
  unit: linhe-jyj
  kind: column
  services: false
`;
    const dir = content(bad, UNITS);
    const f = join(dir, 'sites.yaml');
    const message = refusal(() => loadRegistry(dir));
    expect(message).toContain('The registry has 4 problems');
    expect(message).toContain(`${f}:1: sites[0] (linhe) siteCode: required for a website (kind portal)`);
    expect(message).toContain(`${f}:9: sites[1] (whole-host) url: a 专栏 (kind: column) is a part of a site under a URL prefix`);
    expect(message).toContain(`${f}:14: sites[2] (with-query) url: a 专栏's url is the prefix it is crawled within`);
    expect(message).toContain(`${f}:17: sites[2] (with-query) services: only a department website has services`);
  });

  test('lists every bad entry and field in one message, with file and line', () => {
    const sites = `${GOOD}- id: Linhe JYJ
  name: 临河市教育局
  url: ftp://jyj.linhe.gov.cn/
  unit: linhe-jyj
  kind: bureau
  siteCode: "37130001"
- id: linhe
  name: 临河市人民政府（重复）
  url: http://www2.linhe.gov.cn/
  unit: nosuch
  kind: portal
  siteCode: "3713000002"
`;
    const dir = content(sites, UNITS);
    const message = refusal(() => loadRegistry(dir));
    const f = join(dir, 'sites.yaml');
    expect(message).toContain('The registry has 6 problems');
    expect(message).toContain(`${f}:8: sites[1] (Linhe JYJ) id: must be lower-case ASCII`);
    expect(message).toContain(`${f}:10: sites[1] (Linhe JYJ) url: must be an http:// or https:// URL`);
    expect(message).toContain(`${f}:12: sites[1] (Linhe JYJ) kind:`);
    expect(message).toContain(`${f}:13: sites[1] (Linhe JYJ) siteCode: must be the 10-character 网站标识码`);
    expect(message).toContain(`${f}:14: site id "linhe" is used twice (first at line 1)`);
    expect(message).toContain(`${f}:17: sites[2] (linhe) unit: no unit with id "nosuch"`);
  });

  test('a YAML syntax error names the file and line', () => {
    const dir = content('- id: a\n  name: [unclosed\n', UNITS);
    expect(() => loadRegistry(dir)).toThrow(new RegExp(`${join(dir, 'sites.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:`));
  });

  test('an unknown field is rejected rather than silently dropped', () => {
    expect(() => loadRegistry(content(GOOD.replace('kind: portal', 'kind: portal\n  owner: x'), UNITS))).toThrow(/Unrecognized key/);
  });

  test('a site URL with a user name or password is refused with its line: the registry is published', () => {
    const dir = content(GOOD.replace('http://www.linhe.gov.cn/', 'http://admin:S3cretPass@www.linhe.gov.cn/'), UNITS);
    expect(() => loadRegistry(dir)).toThrow(`${join(dir, 'sites.yaml')}:3: sites[0] (linhe) url: must not carry a user name or password`);
    expect(() => loadRegistry(content(GOOD.replace('http://www.linhe.gov.cn/', 'http://admin@www.linhe.gov.cn/'), UNITS))).toThrow(/url: must not carry a user name/);
  });

  test('a YAML alias bomb and an oversized file are refused with the file name, not a stack trace', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const dir = content(`${bomb}\n`, UNITS);
    expect(() => loadRegistry(dir)).toThrow(InputError);
    expect(() => loadRegistry(dir)).toThrow(`${join(dir, 'sites.yaml')}: `);
    expect(() => loadRegistry(dir)).toThrow(/aliases expanded more than/);
    const big = content(`# ${'x'.repeat(32_000_001)}\n`, UNITS);
    expect(() => loadRegistry(big)).toThrow(/more than the 32 million a YAML file may have/);
  });

  test('a unit with an unknown parent is reported', () => {
    expect(() => loadRegistry(content(GOOD, `${UNITS}- id: orphan\n  name: 孤儿单位\n  parent: nowhere\n`))).toThrow(/units\[2\] \(orphan\) parent: no unit with id "nowhere"/);
  });
});
