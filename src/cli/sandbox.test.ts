import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { parseSandboxArgs } from './sandbox.ts';

test('parses the documented options', () => {
  expect(parseSandboxArgs(['--sites', '12', '--pages', '30', '--seed', '1', '--as-of', '2026-11-20', '--port', '8089', '--truth', 'out/t.json']))
    .toEqual({ sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-11-20', port: 8089, host: '127.0.0.1', truth: 'out/t.json' });
  expect(parseSandboxArgs([], '2026-01-02')).toMatchObject({ sites: 12, pagesPerSite: 30, seed: 1, asOf: '2026-01-02', port: 8089 });
  expect(parseSandboxArgs(['--hostile', '--registry', 'r'], '2026-01-02')).toMatchObject({ hostile: true, registry: 'r' });
});

test('rejects bad values with a readable message', () => {
  expect(() => parseSandboxArgs(['--sites', 'many'])).toThrow(/--sites must be an integer/);
  expect(() => parseSandboxArgs(['--as-of', '20.11.2026'])).toThrow(/--as-of must be YYYY-MM-DD/);
  expect(() => parseSandboxArgs(['--bogus'])).toThrow();
});

test('scripts/sandbox.ts serves, writes truth and registry, and stops on SIGTERM', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sandbox-cli-'));
  try {
    const script = path.resolve(import.meta.dirname, '../../scripts/sandbox.ts');
    const child = execFile(process.execPath, [script, '--sites', '5', '--pages', '12', '--seed', '3', '--as-of', '2026-11-20', '--port', '0',
      '--truth', path.join(dir, 'truth.json'), '--registry', dir]);
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (out.includes('Ctrl-C')) {
          clearInterval(t);
          resolve();
        }
      }, 20);
      child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    expect(out).toMatch(/HTTP_PROXY=http:\/\/127\.0\.0\.1:\d+ HTTPS_PROXY=http:\/\/127\.0\.0\.1:\d+ NODE_EXTRA_CA_CERTS=\S+sandbox-ca\.pem npm run crawl/);
    expect(await readFile(path.join(dir, 'sandbox-ca.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const truth = JSON.parse(await readFile(path.join(dir, 'truth.json'), 'utf8')) as { site: string }[];
    expect(truth.length).toBeGreaterThan(0);
    const sites = parse(await readFile(path.join(dir, 'sites.yaml'), 'utf8')) as { id: string }[];
    expect(sites).toHaveLength(5);
    expect(truth.every((t) => sites.some((s) => s.id === t.site))).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
