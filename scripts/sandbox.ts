// Starts the simulated government web as an HTTP proxy; see src/cli/sandbox-args.ts for options.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { SANDBOX_USAGE, parseSandboxArgs, type SandboxCli } from '../src/cli/sandbox-args.ts';
import { startSandbox } from '../src/sandbox/server.ts';

let cli: SandboxCli;
try {
  cli = parseSandboxArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n\n${SANDBOX_USAGE}`);
  process.exit(2);
}

const sandbox = await startSandbox(cli);
// Handlers go in before anything is printed: a caller may stop us as soon as it reads the address.
const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
const { web } = sandbox;
if (cli.truth) {
  await mkdir(path.dirname(cli.truth), { recursive: true });
  await writeFile(cli.truth, `${JSON.stringify(web.truth, null, 2)}\n`);
}
if (cli.registry) {
  await mkdir(cli.registry, { recursive: true });
  await writeFile(path.join(cli.registry, 'sites.yaml'), stringify(web.sites));
  await writeFile(path.join(cli.registry, 'units.yaml'), stringify(web.units));
}

const out = [
  `Sandbox web: ${web.sites.length} sites, ${cli.pagesPerSite} pages each, seed ${cli.seed}, as of ${cli.asOf}; ${web.truth.length} seeded defects.`,
  `Proxy: ${sandbox.proxyUrl}`,
  ...(cli.truth ? [`Ground truth: ${cli.truth}`] : []),
  ...(cli.registry ? [`Registry: ${path.join(cli.registry, 'sites.yaml')}, ${path.join(cli.registry, 'units.yaml')}`] : []),
  '',
  'Crawl through it:',
  `  HTTP_PROXY=${sandbox.proxyUrl} npm run crawl -- --as-of ${cli.asOf}${cli.registry ? ` --content ${cli.registry}` : ''}`,
  `Try a page: curl -x ${sandbox.proxyUrl} ${web.sites[0]?.url ?? 'http://www.example.gov.cn/'}`,
  'Ctrl-C stops the server.',
];
process.stdout.write(`${out.join('\n')}\n`);
// When started by another program (npm run bench), hand it the proxy address.
process.send?.({ proxyUrl: sandbox.proxyUrl });

