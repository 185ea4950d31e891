import { describe, expect, test } from 'vitest';
import { aaaaLookup } from './dns.ts';

const failing = (code: string) => async () => {
  throw Object.assign(new Error(code), { code });
};

describe('aaaaLookup', () => {
  test('addresses: yes', async () => {
    expect(await aaaaLookup(async () => ['240e:1::1'])('www.linhe.gov.cn')).toEqual({ aaaa: 'yes', detail: '240e:1::1' });
  });

  test('ENODATA (the name exists, no AAAA): no', async () => {
    expect(await aaaaLookup(failing('ENODATA'))('www.linhe.gov.cn')).toEqual({ aaaa: 'no', detail: 'www.linhe.gov.cn 无 AAAA（IPv6）记录' });
  });

  test.each(['ENOTFOUND', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL'])('%s is no evidence: unknown', async (code) => {
    expect((await aaaaLookup(failing(code))('www.linhe.gov.cn')).aaaa).toBe('unknown');
  });
});
