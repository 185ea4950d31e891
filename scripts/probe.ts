// npm run probe -- --help
import { resolveOptions } from '../src/inspector/gather/options.ts';
import { PROBE_USAGE, parseProbeArgs } from '../src/cli/probe-args.ts';
import { probeLoop, roundLine } from '../src/inspector/gather/probe.ts';
import { loadRegistry } from '../src/store/registry.ts';
import { InputError } from '../src/store/yaml-file.ts';

try {
  const args = parseProbeArgs(process.argv.slice(2));
  if (!args) {
    console.log(PROBE_USAGE);
    process.exit(0);
  }
  let sites = loadRegistry(args.contentDir).sites;
  if (args.sites) {
    const unknown = args.sites.filter((id) => !sites.some((s) => s.id === id));
    if (unknown.length) throw new InputError(`--sites: no site with id ${unknown.join(', ')} in ${args.contentDir}/sites.yaml`);
    sites = sites.filter((s) => args.sites!.includes(s.id));
  }
  const options = resolveOptions(args.options);
  // First signal: start no new probe, write what this round has, exit 0. Second: leave at once.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    console.error(`收到 ${signal}，写完本轮记录后退出（再按一次立即退出）`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await probeLoop({
    sites,
    contentDir: args.contentDir,
    options,
    signal: stop.signal,
    ...(args.everyMs !== undefined ? { everyMs: args.everyMs } : {}),
    ...(args.rounds !== undefined ? { rounds: args.rounds } : {}),
    onRound: (s) => console.log(roundLine(s)),
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
