import { dayNumber } from '../../dates.ts';
import type { CertificateFacts } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** The problems a certificate can have, by target, in the words of the evidence. */
export const CERTIFICATE_PROBLEMS = {
  expired: '证书已过期',
  expiring: '证书即将过期',
  'name-mismatch': '证书与域名不符',
  'incomplete-chain': '证书链不完整',
  'self-signed': '自签名证书',
  'weak-protocol': '仍支持不安全的 TLS 1.0/1.1',
} as const;

/**
 * 证书问题 (advice): a site that answers HTTPS presents a certificate its visitors' browsers warn
 * about, or still speaks TLS 1.0 or 1.1. Read once per crawl from the home page's host on 443
 * (gather/certificate.ts): expired by the as-of date, or expiring within `expiringDays` (30) of it;
 * not issued for the host; a chain that stops short of a root Node's store or the system's holds (an
 * intermediate left out, or an issuer they do not know); self-signed; TLS 1.0 or 1.1 accepted.
 * Each is one finding, with the certificate's facts as evidence. A site without HTTPS is
 * https-missing's, never this rule's; a handshake that failed is not judged.
 */
export default defineRule({
  id: 'certificate-invalid',
  title: '证书问题',
  clause: '建议：HTTPS 证书过期、即将过期、与域名不符、证书链不完整或为自签名，或仍支持 TLS 1.0/1.1（2019 年指标未设分值，不扣分）',
  kind: 'advice',
  siteLevel: true,
  points: [],
  params: ['expiringDays'],
  targetNames: CERTIFICATE_PROBLEMS,
  run(snapshot, { params }) {
    const c = snapshot.certificate;
    if (!snapshot.home.url) return { status: 'not_applicable', reason: '首页无法打开' };
    if (!c) return { status: 'not_applicable', reason: '未检测证书' };
    if (c.status === 'no-tls') return { status: 'not_applicable', reason: `未提供 HTTPS（${c.detail}）` };
    if (c.status === 'failed') return { status: 'not_applicable', reason: `无法读取证书：${c.detail}` };
    const f = c.facts;
    const left = dayNumber(f.validTo) - dayNumber(snapshot.asOf);
    const problems: Array<[keyof typeof CERTIFICATE_PROBLEMS, string]> = [];
    if (left < 0) problems.push(['expired', `有效期至 ${f.validTo}，检查日期 ${snapshot.asOf} 已过期 ${-left} 天`]);
    else if (left <= params['expiringDays']!) problems.push(['expiring', `有效期至 ${f.validTo}，距检查日期 ${snapshot.asOf} 仅剩 ${left} 天`]);
    if (!f.nameMatches) problems.push(['name-mismatch', `证书适用于 ${f.names.join('、') || '（未列出域名）'}，不含 ${new URL(snapshot.home.url).hostname}`]);
    if (f.chain === 'incomplete') problems.push(['incomplete-chain', `服务器未发送完整的证书链，或签发机构不在常用根证书库中（${f.verifyError}）`]);
    if (f.chain === 'self-signed') problems.push(['self-signed', `证书由自己或不受信任的根证书签发（${f.verifyError}）`]);
    if (f.weakProtocols.length) problems.push(['weak-protocol', `握手时接受 ${f.weakProtocols.join('、')}`]);
    if (problems.length === 0) return { status: 'pass' };
    const page = snapshot.home.url;
    const findings: RuleFinding[] = problems.map(([target, why]) => ({ indicator: 'certificate-invalid', target, page, points: 0, detail: `${CERTIFICATE_PROBLEMS[target]}：${why}；${certificateText(f)}` }));
    return { status: 'fail', findings };
  },
});

/** The certificate's facts as evidence: 证书 CN=…，颁发者 …，有效期 … 至 …，协议 …. */
export function certificateText(f: CertificateFacts): string {
  return `证书 ${f.subject ?? f.names[0] ?? '（无名称）'}，颁发者 ${f.issuer}，有效期 ${f.validFrom} 至 ${f.validTo}，协议 ${f.protocol}`;
}
