import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { SandboxCa } from './certs.ts';

const split = (pem: string) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!.map((p) => new X509Certificate(p));

describe('SandboxCa', () => {
  const ca = new SandboxCa('2026-11-20');
  const root = new X509Certificate(ca.rootPem);

  it('signs a valid host’s certificate so that OpenSSL and forge both verify the chain to the root', () => {
    const [leaf, intermediate] = split(ca.forHost('www.example.gov.cn', 'valid').cert);
    expect(leaf!.subject).toContain('CN=www.example.gov.cn');
    expect(leaf!.checkIssued(intermediate!)).toBe(true);
    expect(leaf!.verify(intermediate!.publicKey)).toBe(true);
    expect(intermediate!.verify(root.publicKey)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    const f = (c: X509Certificate) => forge.pki.certificateFromPem(c.toString());
    expect(f(intermediate!).verify(f(leaf!))).toBe(true);
    expect(forge.pki.verifyCertificateChain(forge.pki.createCaStore([ca.rootPem]), [f(leaf!), f(intermediate!)])).toBe(true);
  });

  it('signs a self-signed certificate with its own key, which the root does not vouch for', () => {
    const [leaf, ...rest] = split(ca.forHost('self.example.gov.cn', 'self-signed').cert);
    expect(rest).toEqual([]);
    expect(leaf!.verify(leaf!.publicKey)).toBe(true);
    expect(leaf!.checkIssued(root)).toBe(false);
  });

  it('gives a host the same material every time it is asked', () => {
    expect(ca.forHost('www.example.gov.cn', 'valid')).toBe(ca.forHost('www.example.gov.cn', 'valid'));
  });
});
