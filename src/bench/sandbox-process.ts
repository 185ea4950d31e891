// The sandbox in a process of its own, for the benchmarks: the web a crawl or a daily pass reads is
// served elsewhere in real life, so serving it must not share the measured process's event loop
// (every page the sandbox writes would delay the crawl's own work, and Chromium's requests with it).
// It still shares the machine's cores, as a second process does. The web's registry is generated
// here too (generateWeb is deterministic: the same options give the same web in both processes).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.ts';
import { generateWeb, type SandboxOptions, type SandboxWeb } from '../sandbox/web.ts';

/** Messages from the parent: serve another day, or stop. */
type Command = { day: string } | { stop: true };
/** Messages from the child: listening at a proxy URL, a day set, or a failure. */
type Report = { proxyUrl: string } | { dayIs: string } | { error: string };

export interface SandboxProcess {
  proxyUrl: string;
  web: SandboxWeb;
  /** The child's process id (its memory is the bench's to count or leave out). */
  pid: number;
  setDay(day: string): Promise<void>;
  close(): Promise<void>;
}

/** Fork the sandbox and wait until it listens; fails with the child's error, or when it exits first. */
export async function startSandboxProcess(opts: SandboxOptions): Promise<SandboxProcess> {
  const web = generateWeb(opts);
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(opts)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T extends Report>(match: (r: Report) => r is T): Promise<T> =>
    new Promise((done, fail) => {
      const onMessage = (r: Report) => {
        if ('error' in r) fail(new Error(`sandbox process: ${r.error}`));
        else if (match(r)) done(r);
        else return;
        off();
      };
      const onExit = (code: number | null) => (off(), fail(new Error(`sandbox process exited with ${code}`)));
      const off = () => (child.off('message', onMessage), child.off('exit', onExit));
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const send = (c: Command) => child.send(c);
  try {
    const { proxyUrl } = await next((r): r is { proxyUrl: string } => 'proxyUrl' in r);
    return {
      proxyUrl,
      web,
      pid: child.pid!,
      async setDay(day) {
        const ack = next((r): r is { dayIs: string } => 'dayIs' in r && r.dayIs === day);
        send({ day });
        await ack;
      },
      close: () => stop(child),
    };
  } catch (e) {
    await stop(child);
    throw e;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  if (child.connected) child.send({ stop: true } satisfies Command);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// As the child: serve until told to stop.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const reply = (r: Report) => process.send!(r);
  try {
    const sandbox = await startSandbox(JSON.parse(process.argv[2] ?? '{}') as SandboxOptions);
    process.on('message', (c: Command) => {
      if ('stop' in c) void sandbox.close().then(() => process.exit(0));
      else {
        try {
          sandbox.setDay(c.day);
          reply({ dayIs: c.day });
        } catch (e) {
          reply({ error: (e as Error).message });
        }
      }
    });
    process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
    reply({ proxyUrl: sandbox.proxyUrl });
  } catch (e) {
    reply({ error: (e as Error).message });
    process.exit(1);
  }
}
