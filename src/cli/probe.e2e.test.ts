// scripts/probe.ts as a user runs it: one round, --every until SIGTERM, configuration errors.
// Every child process is killed after a bounded time, so a regression fails instead of hanging.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { probeFile, readProbeFile } from '../store/probe-records.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/probe.ts', import.meta.url));
const CHILD_LIMIT_MS = 15_000;
let server: http.Server;
const content = mkdtempSync(join(tmpdir(), 'probe-cli-'));

beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  writeFileSync(join(content, 'units.yaml'), '- id: office\n  name: 临河市人民政府办公室\n');
  writeFileSync(join(content, 'sites.yaml'), `- id: linhe\n  name: 临河市人民政府\n  url: http://127.0.0.1:${port}/\n  unit: office\n  kind: portal\n  siteCode: '3713000001'\n`);
});

afterAll(async () => {
  rmSync(content, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the script with `extraEnv`; `onLine` sees each stdout line and may signal the child. */
function run(args: string[], onLine?: (line: string, child: ReturnType<typeof spawn>) => void, extraEnv: Record<string, string> = {}): Promise<Run> {
  const env = { ...process.env };
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'GOV_PORTAL_VANTAGE']) delete env[k];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [SCRIPT, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const line of chunk.split('\n').filter(Boolean)) onLine?.(line, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('scripts/probe.ts', () => {
  test('one round, one summary line, exit 0', async () => {
    const r = await run(['--content', content, '--allow-private', '--timeout', '2s']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 探测 1 个网站首页：正常 1，失败 0；用时 \d+\.\d 秒，更新 1 个记录文件\n$/);
  });

  test('--every keeps running until SIGTERM, then exits 0 with the round written', async () => {
    // The probe's day is in Asia/Shanghai: count this year and the next, to be safe at New Year.
    const y = new Date().getUTCFullYear();
    const tries = () => [y, y + 1].flatMap((year) => readProbeFile(probeFile(content, 'linhe', year))).reduce((n, d) => n + d.tries, 0);
    const before = tries();
    const r = await run(['--content', content, '--allow-private', '--timeout', '2s', '--every', '1m'], (_line, child) => child.kill('SIGTERM'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/收到 SIGTERM/);
    expect(tries()).toBe(before + 1);
  });

  test('GOV_PORTAL_VANTAGE, as a runner sets it, is recorded with the probe and named in the line', async () => {
    const y = new Date().getUTCFullYear();
    const r = await run(['--content', content, '--allow-private', '--timeout', '2s'], undefined, { GOV_PORTAL_VANTAGE: 'city-intranet' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 从“city-intranet”探测 1 个网站首页：正常 1，失败 0；/);
    const days = [y, y + 1].flatMap((year) => readProbeFile(probeFile(content, 'linhe', year)));
    expect(days.filter((d) => d.vantage === 'city-intranet').map((d) => [d.tries, d.failures])).toEqual([[1, 0]]);
  });

  test.each([
    [['--content', content, '--vantage', 'City Intranet'], /--vantage must be lower-case ASCII letters, digits and single hyphens, got "City Intranet"/],
    [['--content', content, '--sites', 'nowhere'], /--sites: no site with id nowhere/],
    [['--content', content, '--every', '10s'], /--every must be at least 1m/],
    [['--content', join(content, 'missing')], /sites\.yaml: cannot read/],
  ])('configuration errors exit 2: %s', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
