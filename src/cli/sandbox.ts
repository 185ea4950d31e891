// npm run sandbox: the simulated government web as an HTTP proxy, until stopped; its options.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDemoRegistry } from '../demo/demo.ts';
import { truthOnDay } from '../sandbox/daily.ts';
import { InputError } from '../errors.ts';
import { startSandbox } from '../sandbox/server.ts';
import type { SandboxOptions } from '../sandbox/web.ts';
import { parseFlags } from './args.ts';

/** Everything `node scripts/sandbox.ts` accepts. */
export interface SandboxCli extends SandboxOptions {
  port: number;
  host: string;
  /** Write the ground truth (TruthEntry[]) as JSON here. */
  truth?: string;
  /** Make this folder a content folder for the sandbox: its registry, and the repository's rules and dictionary. */
  registry?: string;
}

/** Usage text. */
export const SANDBOX_USAGE = `Usage: npm run sandbox -- [options]
  --sites N        number of sites (default 12)
  --pages N        pages per site, at least 10 (default 30)
  --seed N         random seed (default 1)
  --as-of DATE     as-of date YYYY-MM-DD (default: today, UTC)
  --day DATE       serve the web as it stands on a later day (up to 30 days on: columns publish,
                   problems are fixed and new ones appear), for npm run monitor -- --date DATE
  --port N         port on 127.0.0.1, 0 = any (default 8089)
  --host ADDR      listen address (default 127.0.0.1)
  --hostile        add the hostile robustness-test site to the registry
  --truth FILE     write the ground truth as JSON
  --registry DIR   make DIR a content folder to crawl the sandbox with: sites.yaml and
                   units.yaml, and rules.yaml and dictionary.yaml when it has none
  -h, --help       this text
`;

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v)) throw new InputError(`--${name} must be an integer, got "${v}"`);
  return Number(v);
}

/** Parses argv (without node and the script path); throws an InputError on bad input, returns undefined for --help. */
export function parseSandboxArgs(argv: string[], today: string = new Date().toISOString().slice(0, 10)): SandboxCli | undefined {
  const { values } = parseFlags({
    args: argv,
    options: {
      sites: { type: 'string' },
      pages: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      day: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      hostile: { type: 'boolean' },
      truth: { type: 'string' },
      registry: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }, SANDBOX_USAGE);
  if (values.help) return undefined;
  const asOf = values['as-of'] ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new InputError(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
  const out: SandboxCli = {
    sites: int('sites', values.sites, 12),
    pagesPerSite: int('pages', values.pages, 30),
    seed: int('seed', values.seed, 1),
    asOf,
    port: int('port', values.port, 8089),
    host: values.host ?? '127.0.0.1',
  };
  if (values.day !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.day) || values.day < asOf) throw new InputError(`--day must be a date YYYY-MM-DD on or after --as-of ${asOf}, got "${values.day}"`);
    out.day = values.day;
  }
  if (values.hostile) out.hostile = true;
  if (values.truth !== undefined) out.truth = values.truth;
  if (values.registry !== undefined) out.registry = values.registry;
  return out;
}

/** npm run sandbox: serves until SIGINT or SIGTERM, then exits 0. */
export async function sandboxCommand(argv: string[]): Promise<void> {
  const cli = parseSandboxArgs(argv);
  if (!cli) {
    console.log(SANDBOX_USAGE);
    return;
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
    await writeFile(cli.truth, `${JSON.stringify(cli.day ? truthOnDay(web, cli.day) : web.truth, null, 2)}\n`);
  }
  const caFile = cli.registry ? path.join(cli.registry, 'sandbox-ca.pem') : undefined;
  if (cli.registry && caFile) {
    await mkdir(cli.registry, { recursive: true });
    writeDemoRegistry(cli.registry, web);
    // The root of the sites that answer HTTPS: the crawl trusts it through NODE_EXTRA_CA_CERTS.
    await writeFile(caFile, sandbox.caPem);
  }
  const out = [
    `Sandbox web: ${web.sites.length} sites, ${cli.pagesPerSite} pages each, seed ${cli.seed}, as of ${cli.asOf}; ${web.truth.length} seeded defects.`,
    `Proxy: ${sandbox.proxyUrl}`,
    ...(cli.truth ? [`Ground truth: ${cli.truth}`] : []),
    ...(cli.registry ? [`Content folder: ${cli.registry} (sites.yaml, units.yaml, rules.yaml, dictionary.yaml)`] : []),
    '',
    'Crawl through it:',
    `  HTTP_PROXY=${sandbox.proxyUrl} HTTPS_PROXY=${sandbox.proxyUrl}${caFile ? ` NODE_EXTRA_CA_CERTS=${caFile}` : ''} npm run crawl -- --as-of ${cli.asOf}${cli.registry ? ` --content ${cli.registry}` : ''}`,
    `Try a page: curl -x ${sandbox.proxyUrl} ${web.sites[0]?.url ?? 'http://www.example.gov.cn/'}`,
    'Ctrl-C stops the server.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  // When started by another program (npm run bench), hand it the proxy address.
  process.send?.({ proxyUrl: sandbox.proxyUrl, caPem: sandbox.caPem });
}
