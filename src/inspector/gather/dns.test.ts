import { describe, expect, test } from 'vitest';
import { dnsLookup, type DnsResolver } from './dns.ts';

const failing = (code: string) => async (): Promise<string[]> => {
  throw Object.assign(new Error(code), { code });
};

/** A resolver answering from tables; a name in neither table is ENODATA, one in `errors` fails with its code. */
function tables(aaaa: Record<string, string[]>, ns: Record<string, string[]>, errors: Record<string, string> = {}): DnsResolver & { asked: string[] } {
  const asked: string[] = [];
  const answer = (kind: string, table: Record<string, string[]>) => async (name: string) => {
    asked.push(`${kind} ${name}`);
    if (errors[`${kind} ${name}`]) return failing(errors[`${kind} ${name}`]!)();
    const r = table[name];
    if (!r?.length) return failing('ENODATA')();
    return r;
  };
  return { asked, resolve6: answer('aaaa', aaaa), resolveNs: answer('ns', ns) };
}

const UPPER = { cn: ['a.dns.cn', 'b.dns.cn'], 'gov.cn': ['a.dns.cn', 'b.dns.cn'], 'linhe.gov.cn': ['ns1.linhe.gov.cn', 'ns2.linhe.gov.cn'] };
const UPPER_V6 = { 'a.dns.cn': ['2001:dc7::1'], 'b.dns.cn': ['2001:dc7:1000::1'], 'ns1.linhe.gov.cn': ['240e:1::53'], 'ns2.linhe.gov.cn': [] as string[] };

describe('dnsLookup: AAAA', () => {
  test('addresses: yes, with the addresses', async () => {
    const facts = await dnsLookup(tables({ 'www.linhe.gov.cn': ['240e:1::1', '240e:1::2', '240e:1::3'] }, {}))('www.linhe.gov.cn');
    expect(facts).toMatchObject({ aaaa: 'yes', detail: '240e:1::1, 240e:1::2', addresses: ['240e:1::1', '240e:1::2', '240e:1::3'] });
  });

  test('ENODATA (the name exists, no AAAA): no', async () => {
    expect(await dnsLookup(tables({}, {}))('www.linhe.gov.cn')).toMatchObject({ aaaa: 'no', detail: 'www.linhe.gov.cn 无 AAAA（IPv6）记录' });
  });

  test.each(['ENOTFOUND', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL'])('%s is no evidence: unknown', async (code) => {
    expect((await dnsLookup(tables({}, {}, { 'aaaa www.linhe.gov.cn': code }))('www.linhe.gov.cn')).aaaa).toBe('unknown');
  });
});

describe('dnsLookup: the delegation chain', () => {
  test('every zone from the host up to the TLD has a name server with IPv6: yes, zones listed nearest first', async () => {
    const r = tables({ ...UPPER_V6, 'czj.linhe.gov.cn': ['240e:1::9'] }, UPPER);
    const { chain } = await dnsLookup(r)('czj.linhe.gov.cn');
    expect(chain).toEqual({
      status: 'yes',
      zones: [
        { zone: 'linhe.gov.cn', servers: ['ns1.linhe.gov.cn', 'ns2.linhe.gov.cn'], withIpv6: ['ns1.linhe.gov.cn'] },
        { zone: 'gov.cn', servers: ['a.dns.cn', 'b.dns.cn'], withIpv6: ['a.dns.cn', 'b.dns.cn'] },
        { zone: 'cn', servers: ['a.dns.cn', 'b.dns.cn'], withIpv6: ['a.dns.cn', 'b.dns.cn'] },
      ],
    });
    // czj.linhe.gov.cn is no zone of its own (ENODATA): asked once, skipped.
    expect(r.asked).toContain('ns czj.linhe.gov.cn');
  });

  test('a zone whose name servers all lack AAAA breaks the chain: no', async () => {
    const r = tables({ ...UPPER_V6, 'www.linhezf.org.cn': ['240e:1::9'] }, { ...UPPER, 'org.cn': ['a.dns.cn'], 'linhezf.org.cn': ['ns2.idc.example.com.', 'NS1.idc.example.com'] });
    const { chain } = await dnsLookup(r)('www.linhezf.org.cn');
    expect(chain?.status).toBe('no');
    expect(chain?.zones[0]).toEqual({ zone: 'linhezf.org.cn', servers: ['ns1.idc.example.com', 'ns2.idc.example.com'], withIpv6: [] });
  });

  test('a name server whose AAAA query failed decides nothing: unknown, never no', async () => {
    const r = tables({ ...UPPER_V6, 'ns1.linhe.gov.cn': [] }, UPPER, { 'aaaa ns2.linhe.gov.cn': 'ETIMEOUT' });
    const { chain } = await dnsLookup(r)('www.linhe.gov.cn');
    expect(chain?.status).toBe('unknown');
    expect(chain?.zones[0]).toMatchObject({ zone: 'linhe.gov.cn', withIpv6: [], unknown: ['ns2.linhe.gov.cn'] });
  });

  test('a zone whose NS query failed: unknown, with the zone named', async () => {
    const { chain } = await dnsLookup(tables(UPPER_V6, UPPER, { 'ns gov.cn': 'ESERVFAIL' }))('www.linhe.gov.cn');
    expect(chain).toMatchObject({ status: 'unknown', detail: '未能查询 gov.cn（ESERVFAIL） 的域名服务器' });
  });

  test('the upper zones are asked once per run, whatever the number of sites', async () => {
    const r = tables(UPPER_V6, UPPER);
    const lookup = dnsLookup(r);
    await Promise.all(['www.linhe.gov.cn', 'czj.linhe.gov.cn', 'jyj.linhe.gov.cn'].map((h) => lookup(h)));
    expect(r.asked.filter((q) => q === 'ns cn')).toHaveLength(1);
    expect(r.asked.filter((q) => q === 'aaaa a.dns.cn')).toHaveLength(1);
  });
});
