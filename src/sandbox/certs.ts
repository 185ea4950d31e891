// The sandbox's certificates (node-forge): a root and an intermediate of its own, and for each host
// that serves HTTPS a certificate of the kind its role seeds, signed when the host is first asked
// for. Validity is counted from the web's as-of date, so that a seeded expiry is the same on any day
// the demo is run. The crawler trusts the root as an office trusts its own CA (extraCa).
import { constants, privateEncrypt } from 'node:crypto';
import forge from 'node-forge';
import { dayNumber } from './dates.ts';

/** What a host's certificate is like (certificate-invalid's truth and controls). */
export type CertKind =
  /** Issued for the host by the intermediate, sent with it, valid a year around the as-of date: a control. */
  | 'valid'
  /** Expired 20 days before the as-of date. */
  | 'expired'
  /** Expires 20 days after the as-of date (within 30). */
  | 'expiring'
  /** Issued for another host. */
  | 'wrong-name'
  /** The intermediate that signed it is not sent. */
  | 'incomplete'
  /** Signed by its own key. */
  | 'self-signed'
  /** Valid, but the server still accepts TLS 1.0 and 1.1. */
  | 'weak-protocol';

/** A host's TLS material as a server needs it. */
export interface HostTls {
  key: string;
  /** The certificate, followed by the chain the server sends. */
  cert: string;
  /** The server accepts TLS 1.0 and 1.1 too. */
  weak: boolean;
}

const DAY = 86_400_000;
const SIGN = () => forge.md.sha256.create();
/** DER of PKCS #1's DigestInfo for SHA-256, up to the digest (RFC 8017, 9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A signer for forge's certificate.sign that does the RSA in OpenSSL: forge's own, in JavaScript,
 * took 18 ms a host (0.9 ms now), some 35 s of the sandbox’s CPU in a crawl of 2,000 sites, on the cores the crawler runs on.
 * The signature is the same PKCS #1 v1.5 one (RSASSA-PKCS1-v1_5 over the DigestInfo).
 */
function nativeSigner(privateKeyPem: string): { sign(md: forge.md.MessageDigest): string } {
  return {
    sign: (md) => privateEncrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')])).toString('binary'),
  };
}

/** The sandbox's certificate authority: one key for every certificate (the sandbox proves chains, not keys). */
export class SandboxCa {
  readonly rootPem: string;
  readonly #keys: forge.pki.rsa.KeyPair;
  readonly #signer: ReturnType<typeof nativeSigner>;
  readonly #keyPem: string;
  readonly #root: forge.pki.Certificate;
  readonly #intermediate: forge.pki.Certificate;
  readonly #asOf: Date;
  readonly #hosts = new Map<string, HostTls>();
  #serial = 1;

  constructor(asOf: string) {
    this.#asOf = new Date(dayNumber(asOf) * DAY);
    this.#keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    this.#keyPem = forge.pki.privateKeyToPem(this.#keys.privateKey);
    this.#signer = nativeSigner(this.#keyPem);
    const ca = [{ name: 'countryName', value: 'CN' }, { name: 'organizationName', value: 'Sandbox Trust Services' }];
    this.#root = this.#make([...ca, { name: 'commonName', value: 'Sandbox Root CA' }], undefined, -3650, 3650, true);
    this.#intermediate = this.#make([...ca, { name: 'commonName', value: 'Sandbox OV CA' }], this.#root, -1000, 2000, true);
    this.rootPem = forge.pki.certificateToPem(this.#root);
  }

  /** The TLS material of a host whose certificate is of the given kind. */
  forHost(host: string, kind: CertKind): HostTls {
    const known = this.#hosts.get(host);
    if (known) return known;
    const subject = [{ name: 'countryName', value: 'CN' }, { name: 'organizationName', value: host }, { name: 'commonName', value: kind === 'wrong-name' ? `www.wrong-${host}` : host }];
    const [from, to] = kind === 'expired' ? [-385, -20] : kind === 'expiring' ? [-345, 20] : [-180, 185];
    const issuer = kind === 'self-signed' ? undefined : this.#intermediate;
    const leaf = this.#make(subject, issuer, from, to, false, [kind === 'wrong-name' ? `www.wrong-${host}` : host]);
    const chain = kind === 'self-signed' || kind === 'incomplete' ? [leaf] : [leaf, this.#intermediate];
    const tls = { key: this.#keyPem, cert: chain.map((c) => forge.pki.certificateToPem(c)).join(''), weak: kind === 'weak-protocol' };
    this.#hosts.set(host, tls);
    return tls;
  }

  #make(subject: forge.pki.CertificateField[], issuer: forge.pki.Certificate | undefined, fromDays: number, toDays: number, ca: boolean, names: string[] = []): forge.pki.Certificate {
    const c = forge.pki.createCertificate();
    c.publicKey = this.#keys.publicKey;
    c.serialNumber = (this.#serial++).toString(16).padStart(2, '0');
    c.validity.notBefore = new Date(this.#asOf.getTime() + fromDays * DAY);
    c.validity.notAfter = new Date(this.#asOf.getTime() + toDays * DAY);
    c.setSubject(subject);
    c.setIssuer(issuer ? issuer.subject.attributes : subject);
    c.setExtensions([
      { name: 'basicConstraints', cA: ca, critical: true },
      { name: 'keyUsage', critical: true, ...(ca ? { keyCertSign: true, cRLSign: true } : { digitalSignature: true, keyEncipherment: true }) },
      ...(names.length ? [{ name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) }, { name: 'extKeyUsage', serverAuth: true }] : []),
    ]);
    c.sign(this.#signer as unknown as forge.pki.rsa.PrivateKey, SIGN());
    return c;
  }
}
