// npm run build's step after astro: the all-quarters open data (src/postbuild/open-data-all.ts), into
// the portal's data/all/, or, when OPEN_DATA_ALL_URL says the pages link them elsewhere (a release of
// the repository: .github/workflows/pages.yml), into a folder beside the portal for the workflow to attach.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatBytes } from '../bench/proc-memory.ts';
import { InputError } from '../errors.ts';
import { writeAllQuarters } from '../postbuild/open-data-all.ts';
import { parseFlags } from './args.ts';

/** Where the all-quarters files go when the pages link them under OPEN_DATA_ALL_URL. */
export const RELEASE_DIR = 'open-data-release';

export const OPEN_DATA_ALL_USAGE = `Usage: node scripts/open-data-all.ts [--dir dist] [--out DIR]
Writes the all-quarters open data (sites.csv.gz, findings.csv.gz, data.json.gz) from the quarters'
files the build published under DIR/data/ (npm run build runs it after astro). --out defaults to
${RELEASE_DIR}/ when OPEN_DATA_ALL_URL is set (the pages link the files there: the deploy workflow
attaches that folder's files to a release), else to the portal's data/all/.
Exit status: 0 written, 2 bad arguments or a quarter's file missing.`;

/** The folder the files go to: --out, else by OPEN_DATA_ALL_URL. */
export function allQuartersOut(dir: string, out: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(out ?? (env['OPEN_DATA_ALL_URL'] ? RELEASE_DIR : join(dir, 'data', 'all')));
}

export async function openDataAllCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { dir: { type: 'string', default: 'dist' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, OPEN_DATA_ALL_USAGE);
  if (values.help) {
    console.log(OPEN_DATA_ALL_USAGE);
    return 0;
  }
  const dir = resolve(values.dir);
  if (!existsSync(dir)) throw new InputError(`--dir ${values.dir}: no such folder. Build the portal first (astro build).`);
  const started = performance.now();
  const report = await writeAllQuarters(dir, allQuartersOut(dir, values.out, env));
  const files = report.files.map((f) => `${f.name} ${formatBytes(f.bytes)}（解压后 ${formatBytes(f.rawBytes)}）`).join('，');
  console.log(`全部季度开放数据：${report.quarters.length} 个季度，${files}，${((performance.now() - started) / 1000).toFixed(1)} 秒 → ${report.out}`);
  return 0;
}
