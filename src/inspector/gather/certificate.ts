// The certificate a site presents on port 443, and the protocols it accepts: one TLS handshake that
// verifies nothing itself (the facts are recorded, the rule judges them), and one that offers only
// TLS 1.0 and 1.1. Through the run's proxy with an HTTP CONNECT tunnel, as the crawl's requests go.
// Failures of the outside world are data (STYLE 3).
import net from 'node:net';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { guardedLookup } from './net-guard.ts';
import { openTunnel } from './tunnel.ts';
import type { CertificateFacts, CertificateOutcome } from '../snapshot.ts';
export type { CertificateFacts, CertificateOutcome };



export interface CertificateOptions {
  timeoutMs: number;
  /** An HTTP proxy URL to tunnel through (the run's HTTPS_PROXY / HTTP_PROXY), or none for a direct connection. */
  proxy?: string | undefined;
  allowPrivate: boolean;
  /** Roots trusted besides Node's and the system's (PEM): an office's own CA, the sandbox's. */
  extraCa?: readonly string[] | undefined;
}

const CHAIN_ERRORS: Readonly<Record<string, CertificateFacts['chain']>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete',
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
};

let roots: string[] | undefined;

/** Node's bundled roots, NODE_EXTRA_CA_CERTS and the system's store: what browsers on the office's machines trust, as near as Node can tell. */
function trustedRoots(extra: readonly string[] = []): string[] {
  roots ??= [...new Set([...tls.getCACertificates('default'), ...tls.getCACertificates('system')])];
  return extra.length ? [...roots, ...extra] : roots;
}

/** The two kinds of handshake: any protocol the server prefers, or only TLS 1.0 and 1.1. */
type Offer = 'any' | 'weak';
const OFFERS: Record<Offer, tls.SecureContextOptions> = { any: {}, weak: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } };
const contexts = new Map<string, tls.SecureContext>();

/**
 * The secure context of a handshake, made once per offer and set of extra roots: parsing the ~150
 * roots took some 18 ms a handshake, 3.6 s of the main thread in a 200-site run.
 */
function secureContext(offer: Offer, extra: readonly string[] = []): tls.SecureContext {
  const key = `${offer}\0${extra.join('\0')}`;
  let c = contexts.get(key);
  if (!c) contexts.set(key, (c = tls.createSecureContext({ ca: trustedRoots(extra), ...OFFERS[offer] })));
  return c;
}

/**
 * The proxy a connection to host:443 goes through: the run's (--proxy in the API), else HTTPS_PROXY
 * or HTTP_PROXY, unless NO_PROXY names the host or a domain above it — as the crawl's requests go.
 */
export function proxyFor(host: string, proxy: { http?: string; https?: string; noProxy?: string } | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = proxy ? (proxy.https ?? proxy.http) : (env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['HTTP_PROXY'] ?? env['http_proxy']);
  const noProxy = (proxy ? proxy.noProxy : (env['NO_PROXY'] ?? env['no_proxy'])) ?? '';
  const bypass = noProxy.split(/[,\s]+/).filter(Boolean).some((d) => d === '*' || host === d.replace(/^\./, '') || host.endsWith(d.startsWith('.') ? d : `.${d}`));
  return url && !bypass ? url : undefined;
}

/** The certificate facts of host:443. */
export async function readCertificate(host: string, o: CertificateOptions): Promise<CertificateOutcome> {
  const first = await handshake(host, o, 'any');
  if (first.status !== 'ok') return first;
  const { socket } = first;
  const cert = socket.getPeerCertificate(true);
  const protocol = socket.getProtocol() ?? 'unknown';
  const verifyError = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
  socket.destroy();
  if (!cert.raw) return { status: 'failed', detail: '未收到证书' };
  const x509 = new X509Certificate(cert.raw);
  const names = (cert.subjectaltname ?? '').split(/,\s*/).flatMap((n) => (n.startsWith('DNS:') ? [n.slice(4)] : []));
  const weak = await handshake(host, o, 'weak');
  const weakProtocols = weak.status === 'ok' ? [weak.socket.getProtocol() ?? 'TLSv1'] : [];
  if (weak.status === 'ok') weak.socket.destroy();
  const subject = typeof cert.subject?.CN === 'string' ? cert.subject.CN : undefined;
  const issuerParts = [cert.issuer?.O, cert.issuer?.CN].filter((x): x is string => typeof x === 'string');
  return {
    status: 'ok',
    facts: {
      protocol,
      ...(subject ? { subject } : {}),
      names: names.length ? names : subject ? [subject] : [],
      issuer: issuerParts.join(' ') || '未知',
      validFrom: day(x509.validFrom),
      validTo: day(x509.validTo),
      fingerprint: x509.fingerprint256,
      nameMatches: tls.checkServerIdentity(host, cert) === undefined,
      chain: (verifyError && CHAIN_ERRORS[verifyError]) || 'complete',
      ...(verifyError ? { verifyError } : {}),
      weakProtocols,
    },
  };
}

const day = (s: string): string => new Date(s).toISOString().slice(0, 10);

type Handshake = { status: 'ok'; socket: tls.TLSSocket } | { status: 'no-tls' | 'failed'; detail: string };

/** One TLS handshake with host:443 (through the proxy's tunnel when there is one), verifying nothing. */
async function handshake(host: string, o: CertificateOptions, offer: Offer): Promise<Handshake> {
  // A proxy that will not open the tunnel means no HTTPS to judge; one that does not answer, a failure.
  const tunnel = o.proxy ? await openTunnel(`${host}:443`, o.proxy, o.timeoutMs) : undefined;
  if (tunnel && !tunnel.ok) return { status: tunnel.status === undefined ? 'failed' : 'no-tls', detail: tunnel.detail };
  return new Promise<Handshake>((resolve) => {
    const socket = tls.connect({
      ...(tunnel?.ok ? { socket: tunnel.socket } : { host, port: 443, ...(o.allowPrivate ? {} : { lookup: guardedLookup }) }),
      ...(net.isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      secureContext: secureContext(offer, o.extraCa),
    });
    const timer = setTimeout(() => finish({ status: 'failed', detail: `TLS 握手超时（${o.timeoutMs / 1000} 秒）` }), o.timeoutMs);
    const finish = (h: Handshake) => {
      clearTimeout(timer);
      if (h.status !== 'ok') socket.destroy();
      resolve(h);
    };
    socket.once('secureConnect', () => finish({ status: 'ok', socket }));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      // Refused or closed before any TLS: no HTTPS here. A handshake the server rejects (a protocol it no longer speaks) is not a fault.
      const refused = e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EPRIVATE';
      finish({ status: refused ? 'no-tls' : 'failed', detail: e.code ? `${e.code}: ${e.message}` : e.message });
    });
  });
}
