// The one browser: a headless Chromium found on this machine and launched through playwright-core.
// Where it comes from, in order: CHROMIUM_PATH; the build inside the @sparticuz/chromium package
// (Linux x64 and arm64: no system package needed); a system Chrome or Chromium. Playwright's own
// browser download is not used: it is not reachable from every machine the product runs on.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { InputError } from '../../errors.ts';

/** Where the Chromium came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | '@sparticuz/chromium' | 'system';

/** A Chromium this machine can run. */
export interface FoundChromium {
  path: string;
  source: ChromiumSource;
}

/** System browsers by platform, most likely first. */
const SYSTEM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

/**
 * Headless, off the network but for the pages asked for, and quiet in a container: no sandbox (a
 * container's root cannot have one), no GPU, and no background traffic, which a closed network
 * refuses many times at every start (updates, sync, Google's hosts).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** How long a process may hold the unpacking lock before it counts as dead. */
const STALE_LOCK_MS = 120_000;

/**
 * The package's build, unpacked into the temp folder on first use (a second or two); undefined
 * where it does not run or is not installed. The package writes the binary in place and takes any
 * file already there as done, so two processes unpacking at once launch a half-written file
 * (ETXTBSY): a lock folder lets one unpack while the others wait.
 */
async function packagedChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  let pkg: { executablePath(): Promise<string> };
  try {
    ({ default: pkg } = (await import('@sparticuz/chromium')) as { default: typeof pkg });
  } catch {
    return undefined;
  }
  const lock = join(tmpdir(), '.gov-portal-chromium-unpack.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (since > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    return await pkg.executablePath();
  } catch {
    return undefined;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The Chromium to use, or undefined when this machine has none. A CHROMIUM_PATH that names no file
 * is a configuration error, never silently replaced by another browser.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium | undefined> {
  const given = env['CHROMIUM_PATH'];
  if (given) {
    if (!existsSync(given)) throw new InputError(`CHROMIUM_PATH=${given}: no such file`);
    return { path: given, source: 'CHROMIUM_PATH' };
  }
  const packaged = await packagedChromium();
  if (packaged) return { path: packaged, source: '@sparticuz/chromium' };
  const system = (SYSTEM_PATHS[process.platform] ?? []).find((p) => existsSync(p));
  return system ? { path: system, source: 'system' } : undefined;
}

/** What to say when no Chromium was found, and how to get one. */
export const NO_CHROMIUM = 'no Chromium found: npm install brings @sparticuz/chromium on Linux; elsewhere install Chrome or Chromium, or set CHROMIUM_PATH';

/** A running Chromium: the browser to drive, and the one way to end it. */
export interface RunningChromium {
  browser: Browser;
  /** The browser process. */
  pid: number;
  /** Close the browser; if it does not close within the time, kill its process. Safe to call twice. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Launch a found Chromium headless, as a process this module owns (so it can always be killed).
 * heapMb caps each page's JavaScript heap: a script that allocates without end crashes its own page.
 */
export async function launchChromium(found: FoundChromium, o: { timeoutMs?: number; heapMb?: number; proxy?: { server: string; bypass?: string } | undefined } = {}): Promise<RunningChromium> {
  const headlessShell = found.source === '@sparticuz/chromium';
  // The package's binary is chrome-headless-shell: it takes --headless=shell, not =new.
  // Each page of another site gets a renderer process of its own (site isolation: a page that loops
  // or crashes takes no other page with it). Chromium forks them from its zygote; without one
  // (--no-zygote, as @sparticuz/chromium suggests for Lambda) every process starts cold, which
  // tripled the CPU a render costs (220 ms → 75 ms a page, 220 sandbox pages of 60 sites in turn).
  const args = CHROMIUM_ARGS.map((a) => (headlessShell && a === '--headless=new' ? '--headless=shell' : a));
  if (o.heapMb) args.push(`--js-flags=--max-old-space-size=${o.heapMb}`);
  const server = await chromium.launchServer({
    executablePath: found.path,
    args,
    ...(o.proxy ? { proxy: o.proxy } : {}),
    timeout: o.timeoutMs ?? 30_000,
    // The caller decides what a signal means (finish the site, or leave at once), then closes.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Chromium talks to this process through a pipe and ends when the pipe closes: a process that
  // dies, even by a signal or SIGKILL, takes its browser along (renderer.test.ts checks it).
  const pid = server.process().pid!;
  let browser: Browser;
  try {
    browser = await chromium.connect(server.wsEndpoint(), { timeout: o.timeoutMs ?? 30_000 });
  } catch (e) {
    await server.kill();
    throw e;
  }
  let closing: Promise<void> | undefined;
  const close = (timeoutMs = 5_000) =>
    (closing ??= (async () => {
      const closed = Promise.all([browser.close(), server.close()]).then(
        () => true,
        () => false,
      );
      const late = new Promise<false>((done) => setTimeout(() => done(false), timeoutMs).unref());
      if (!(await Promise.race([closed, late]))) await server.kill();
    })());
  return { browser, pid, close };
}
