// npm run build's second step: the Pagefind search index of a built portal (dist/pagefind/), in its
// own process after astro build has exited, so the two never hold their memory at once.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { indexingProblem, indexSite, RESULT_ORDER } from '../postbuild/search-index.ts';
import { parseFlags } from './args.ts';

export const INDEX_SEARCH_USAGE = `Usage: node scripts/index-search.ts [--dir dist]
Indexes the built portal's pages with Pagefind into DIR/pagefind/ (npm run build runs it after astro).
Exit status: 0 indexed, 1 the index is incomplete, 2 bad arguments.`;

/** Index the built folder; exit 1 when Pagefind leaves a page or a file out. */
export async function indexSearchCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { dir: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } }, INDEX_SEARCH_USAGE);
  if (values.help) {
    console.log(INDEX_SEARCH_USAGE);
    return 0;
  }
  const dir = resolve(values.dir);
  if (!existsSync(dir)) throw new InputError(`--dir ${values.dir}: no such folder. Build the portal first (astro build).`);
  const report = await indexSite(dir, { first: RESULT_ORDER });
  const problem = indexingProblem(report);
  if (problem) {
    console.error(problem);
    return 1;
  }
  console.log(`站内搜索索引：${report.pages} 个页面，${(report.milliseconds / 1000).toFixed(1)} 秒 → ${report.bundleDir}`);
  return 0;
}
