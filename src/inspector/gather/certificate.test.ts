// Certificates as the crawl reads them: through the sandbox's proxy, whose sites answer HTTPS with a
// certificate of the kind their role seeds (src/sandbox/certs.ts), signed by a root the crawl is told
// to trust; and the proxy chosen as the crawl's requests choose it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { buildSiteModel } from '../../sandbox/model.ts';
import type { CertKind } from '../../sandbox/certs.ts';
import { proxyFor, readCertificate } from './certificate.ts';
import { HttpClient } from './http.ts';
import { resolveOptions } from './options.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ sites: 12, pagesPerSite: 10, seed: 1, asOf: '2026-11-20' });
});
afterAll(() => sandbox.close());

/** The host of a sandbox site whose certificate is of this kind (or that has no HTTPS). */
function hostWith(kind: CertKind | null): string {
  const i = sandbox.web.plans.findIndex((p) => !p.hostile && buildSiteModel(sandbox.web, p.index).https === kind && !buildSiteModel(sandbox.web, p.index).down);
  if (i < 0) throw new Error(`no sandbox site with ${kind}`);
  return sandbox.web.plans[i]!.host;
}
const read = (host: string, extraCa = [sandbox.caPem]) => readCertificate(host, { timeoutMs: 5_000, proxy: sandbox.proxyUrl, allowPrivate: true, extraCa });

describe('readCertificate through a proxy tunnel', () => {
  test('a valid certificate: its facts, its names cover the host, a complete chain, no old protocol', async () => {
    const host = hostWith('valid');
    const out = await read(host);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    // Valid from 180 days before the as-of date to 185 after it (certs.ts).
    expect(out.facts).toMatchObject({ subject: host, names: [host], issuer: 'Sandbox Trust Services Sandbox OV CA', validFrom: '2026-05-24', validTo: '2027-05-24', nameMatches: true, chain: 'complete', weakProtocols: [] });
    expect(out.facts.protocol).toBe('TLSv1.3');
  });

  test.each([
    ['wrong-name', { nameMatches: false, chain: 'complete' }],
    ['incomplete', { nameMatches: true, chain: 'incomplete', verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }],
    ['self-signed', { nameMatches: true, chain: 'self-signed', verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }],
    ['expired', { validTo: '2026-10-31', chain: 'complete' }],
    ['expiring', { validTo: '2026-12-10', chain: 'complete' }],
  ] as const)('%s', async (kind, want) => {
    const out = await read(hostWith(kind));
    expect(out).toMatchObject({ status: 'ok', facts: { weakProtocols: [], ...want } });
  });

  test('a server that still accepts TLS 1.0 says so', async () => {
    const out = await read(hostWith('weak-protocol'));
    expect(out).toMatchObject({ status: 'ok', facts: { chain: 'complete', nameMatches: true } });
    expect(out.status === 'ok' && out.facts.weakProtocols[0]).toMatch(/^TLSv1(\.1)?$/);
  });

  test('without the office\'s root, the same valid chain is incomplete: what the roots hold decides', async () => {
    expect(await read(hostWith('valid'), [])).toMatchObject({ status: 'ok', facts: { chain: 'incomplete' } });
  });

  test('a site without HTTPS: the proxy refuses the tunnel, and there is nothing to judge', async () => {
    expect(await read(hostWith(null))).toEqual({ status: 'no-tls', detail: '代理服务器拒绝连接（HTTP 502）' });
  });
});

describe('the crawl\'s own requests', () => {
  test('read a site\'s pages whatever its certificate: a certificate problem is advice, never an unreachable site', async () => {
    const http = new HttpClient(resolveOptions({ proxy: { http: sandbox.proxyUrl, https: sandbox.proxyUrl }, timeoutMs: 5_000, retries: 0 }));
    try {
      for (const kind of ['self-signed', 'expired', 'wrong-name', 'incomplete'] as const) {
        const o = await http.fetch(`https://${hostWith(kind)}/`);
        expect({ kind, status: o.ok ? o.status : o.message }).toEqual({ kind, status: 200 });
      }
    } finally {
      await http.close();
    }
  });
});

describe('proxyFor', () => {
  test('the run\'s proxy, else HTTPS_PROXY then HTTP_PROXY; NO_PROXY names hosts and domains', () => {
    expect(proxyFor('www.a.gov.cn', { http: 'http://p:1', https: 'http://p:2' })).toBe('http://p:2');
    expect(proxyFor('www.a.gov.cn', { http: 'http://p:1', noProxy: 'a.gov.cn' })).toBeUndefined();
    expect(proxyFor('www.a.gov.cn', undefined, { HTTP_PROXY: 'http://e:1', NO_PROXY: '.b.gov.cn' })).toBe('http://e:1');
    expect(proxyFor('www.b.gov.cn', undefined, { HTTP_PROXY: 'http://e:1', NO_PROXY: '.b.gov.cn' })).toBeUndefined();
    expect(proxyFor('www.a.gov.cn', undefined, {})).toBeUndefined();
  });
});
