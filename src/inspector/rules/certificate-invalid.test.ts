import { describe, expect, test } from 'vitest';
import rule from './certificate-invalid.ts';
import type { CertificateFacts } from '../snapshot.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';

const ctx = context('certificate-invalid');
const FACTS: CertificateFacts = {
  protocol: 'TLSv1.3', subject: 'www.linhe.gov.cn', names: ['www.linhe.gov.cn'], issuer: 'WoTrus OV SSL CA', validFrom: '2026-03-01', validTo: '2027-03-01',
  fingerprint: 'AB:CD', nameMatches: true, chain: 'complete', weakProtocols: [],
};
const withCert = (over: Partial<CertificateFacts>) => ({ ...snapshot(), certificate: { status: 'ok' as const, facts: { ...FACTS, ...over } } });
const EVIDENCE = '证书 www.linhe.gov.cn，颁发者 WoTrus OV SSL CA，有效期 2026-03-01 至 2027-03-01，协议 TLSv1.3';

describe('certificate-invalid', () => {
  test('a valid certificate, its chain sent, TLS 1.2 and up only: pass', () => {
    expect(rule.run(withCert({}), ctx)).toEqual({ status: 'pass' });
  });

  // As-of date 2026-11-20 (snapshot.test-helpers); days worked out by hand.
  test.each([
    [{ validTo: '2026-10-31' }, 'expired', '证书已过期：有效期至 2026-10-31，检查日期 2026-11-20 已过期 20 天'],
    [{ validTo: '2026-12-20' }, 'expiring', '证书即将过期：有效期至 2026-12-20，距检查日期 2026-11-20 仅剩 30 天'],
    [{ nameMatches: false, names: ['www.other.gov.cn'] }, 'name-mismatch', '证书与域名不符：证书适用于 www.other.gov.cn，不含 www.linhe.gov.cn'],
    [{ chain: 'incomplete', verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'incomplete-chain', '证书链不完整：服务器未发送完整的证书链，或签发机构不在常用根证书库中（UNABLE_TO_VERIFY_LEAF_SIGNATURE）'],
    [{ chain: 'self-signed', verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'self-signed', '自签名证书：证书由自己或不受信任的根证书签发（DEPTH_ZERO_SELF_SIGNED_CERT）'],
    [{ weakProtocols: ['TLSv1'] }, 'weak-protocol', '仍支持不安全的 TLS 1.0/1.1：握手时接受 TLSv1'],
  ] as const)('%j → %s', (over, target, why) => {
    const out = rule.run(withCert(over as Partial<CertificateFacts>), ctx);
    const validTo = 'validTo' in over ? over.validTo : FACTS.validTo;
    expect(out).toEqual({ status: 'fail', findings: [{ indicator: 'certificate-invalid', target, page: HOME, points: 0, detail: `${why}；${EVIDENCE.replace('2027-03-01', validTo)}` }] });
  });

  test('31 days left is not yet expiring (expiringDays 30 in rules.yaml)', () => {
    expect(rule.run(withCert({ validTo: '2026-12-21' }), ctx)).toEqual({ status: 'pass' });
  });

  test('no HTTPS, a failed handshake, no reading: not judged (https-missing speaks of the first)', () => {
    expect(rule.run({ ...snapshot(), certificate: { status: 'no-tls', detail: 'ECONNREFUSED' } }, ctx)).toEqual({ status: 'not_applicable', reason: '未提供 HTTPS（ECONNREFUSED）' });
    expect(rule.run({ ...snapshot(), certificate: { status: 'failed', detail: 'TLS 握手超时（15 秒）' } }, ctx).status).toBe('not_applicable');
    expect(rule.run(snapshot(), ctx).status).toBe('not_applicable');
  });
});
