// npm run build's second step: the Pagefind search index of a built portal (dist/pagefind/).
// Its own process, after astro build has exited, so the two never hold their memory at once.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RESULT_ORDER, indexSite, indexingProblem } from '../src/postbuild/search-index.ts';

const { values } = parseArgs({ args: process.argv.slice(2), options: { dir: { type: 'string', default: 'dist' } } });
const dir = resolve(values.dir);
if (!existsSync(dir)) {
  console.error(`--dir ${values.dir}: no such folder. Build the portal first (astro build).`);
  process.exit(2);
}
const report = await indexSite(dir, { first: RESULT_ORDER });
const problem = indexingProblem(report);
if (problem) {
  console.error(problem);
  process.exit(1);
}
console.log(`站内搜索索引：${report.pages} 个页面，${(report.milliseconds / 1000).toFixed(1)} 秒 → ${report.bundleDir}`);
