// npm run build's step after astro: the open data as published (src/postbuild/pack-open-data.ts).
// The all-quarters files go into the portal's data/all/, or, when OPEN_DATA_ALL_URL says the pages
// link them elsewhere (a release of the repository: .github/workflows/pages.yml), into a folder
// beside the portal for the workflow to attach.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatBytes } from '../bench/proc-memory.ts';
import { InputError } from '../errors.ts';
import { packOpenData, type PackedFile } from '../postbuild/pack-open-data.ts';
import { parseFlags } from './args.ts';

/** Where the all-quarters files go when the pages link them under OPEN_DATA_ALL_URL. */
export const RELEASE_DIR = 'open-data-release';

export const PACK_OPEN_DATA_USAGE = `Usage: node scripts/pack-open-data.ts [--dir dist] [--out DIR]
Makes the all-quarters open data (sites.csv.gz, findings.csv.gz, data.json.gz) from the quarters'
files astro wrote under DIR/data/, then replaces each quarter's findings.csv and data.json by
their gzip (npm run build runs it after astro). --out defaults to ${RELEASE_DIR}/ when
OPEN_DATA_ALL_URL is set (the pages link the all-quarters files there: the deploy workflow
attaches that folder's files to a release), else to the portal's data/all/.
Exit status: 0 written, 2 bad arguments; a quarter's file missing or not the portal's is an error.`;

/** The folder the all-quarters files go to: --out, else by OPEN_DATA_ALL_URL. */
export function allQuartersOut(dir: string, out: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(out ?? (env['OPEN_DATA_ALL_URL'] ? RELEASE_DIR : join(dir, 'data', 'all')));
}

const sizes = (files: readonly PackedFile[]) => formatBytes(files.reduce((n, f) => n + f.bytes, 0));

export async function packOpenDataCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { dir: { type: 'string', default: 'dist' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, PACK_OPEN_DATA_USAGE);
  if (values.help) {
    console.log(PACK_OPEN_DATA_USAGE);
    return 0;
  }
  const dir = resolve(values.dir);
  if (!existsSync(dir)) throw new InputError(`--dir ${values.dir}: no such folder. Build the portal first (astro build).`);
  const started = performance.now();
  const r = await packOpenData(dir, allQuartersOut(dir, values.out, env));
  const all = r.all.map((f) => `${f.name} ${formatBytes(f.bytes)}（解压后 ${formatBytes(f.rawBytes)}）`).join('，');
  console.log(`开放数据：${r.quarters.length} 个季度；全部季度 ${all} → ${r.out}；各季度压缩 ${r.quarterFiles.length} 个文件，共 ${sizes(r.quarterFiles)}；${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return 0;
}
