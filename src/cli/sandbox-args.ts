// Command-line options of scripts/sandbox.ts, parsed and checked here so the script stays thin.
import { parseArgs } from 'node:util';
import type { SandboxOptions } from '../sandbox/web.ts';

/** Everything `node scripts/sandbox.ts` accepts. */
export interface SandboxCli extends SandboxOptions {
  port: number;
  host: string;
  /** Write the ground truth (TruthEntry[]) as JSON here. */
  truth?: string;
  /** Write sites.yaml and units.yaml for the sandbox registry into this folder. */
  registry?: string;
}

/** Usage text. */
export const SANDBOX_USAGE = `Usage: node scripts/sandbox.ts [options]
  --sites N        number of sites (default 12)
  --pages N        pages per site, at least 10 (default 30)
  --seed N         random seed (default 1)
  --as-of DATE     as-of date YYYY-MM-DD (default: today, UTC)
  --port N         port on 127.0.0.1, 0 = any (default 8089)
  --host ADDR      listen address (default 127.0.0.1)
  --hostile        add the hostile robustness-test site to the registry
  --truth FILE     write the ground truth as JSON
  --registry DIR   write sites.yaml and units.yaml
`;

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v)) throw new Error(`--${name} must be an integer, got "${v}"`);
  return Number(v);
}

/** Parses argv (without node and the script path); throws with a readable message on bad input. */
export function parseSandboxArgs(argv: string[], today: string = new Date().toISOString().slice(0, 10)): SandboxCli {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sites: { type: 'string' },
      pages: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      hostile: { type: 'boolean' },
      truth: { type: 'string' },
      registry: { type: 'string' },
    },
  });
  const asOf = values['as-of'] ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
  const out: SandboxCli = {
    sites: int('sites', values.sites, 12),
    pagesPerSite: int('pages', values.pages, 30),
    seed: int('seed', values.seed, 1),
    asOf,
    port: int('port', values.port, 8089),
    host: values.host ?? '127.0.0.1',
  };
  if (values.hostile) out.hostile = true;
  if (values.truth !== undefined) out.truth = values.truth;
  if (values.registry !== undefined) out.registry = values.registry;
  return out;
}
