import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { InputError } from '../../errors.ts';
import { findChromium } from './browser.ts';

const PACKAGED = process.platform === 'linux' && existsSync(fileURLToPath(new URL('../../../node_modules/@sparticuz/chromium/bin/chromium.br', import.meta.url)));

describe('findChromium', () => {
  test('CHROMIUM_PATH comes first, and one that names no file is a configuration error', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/no/such/chromium' })).rejects.toThrow(InputError);
    expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, source: 'CHROMIUM_PATH' });
  });
});

describeNeeding({ what: "@sparticuz/chromium's Linux build", found: PACKAGED }, 'the Chromium inside the package', () => {
  // The package unpacks into the temp folder and takes a file already there as done: processes
  // starting together must not launch a half-written binary (they failed with ETXTBSY).
  test('four processes unpacking it at once into an empty temp folder all launch it', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'unpack-'));
    try {
      const script = fileURLToPath(new URL('./browser.test-helpers.ts', import.meta.url));
      const run = () =>
        new Promise<string>((done) => execFile(process.execPath, [script], { env: { ...process.env, TMPDIR: tmp, CHROMIUM_PATH: '' }, timeout: 60_000 }, (_e, stdout) => done(stdout.trim())));
      expect(await Promise.all([run(), run(), run(), run()])).toEqual(Array(4).fill('ok @sparticuz/chromium'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
