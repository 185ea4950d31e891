// npm run correct -- 2026-Q4 --what "…" --why "…" [--content DIR] [--date YYYY-MM-DD]   (--help for the options)
import { join } from 'node:path';
import { CORRECT_USAGE, parseCorrectArgs } from '../src/cli/publish-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { correctQuarter } from '../src/workflow/publish.ts';
import { rescoreQuarter } from '../src/workflow/rescore.ts';

try {
  const args = parseCorrectArgs(process.argv.slice(2));
  if (!args) {
    console.log(CORRECT_USAGE);
    process.exit(0);
  }
  // An edited record or review changes scores: the findings files follow before re-signing.
  const done = await correctQuarter({ ...args, rescore: () => void rescoreQuarter(args.contentDir, args.quarter) });
  console.log(`${done.quarter} 已记录勘误（${done.erratum.date}），涉及 ${done.erratum.files.length} 个文件：`);
  for (const f of done.erratum.files) console.log(`  ${f}`);
  console.log(`已重新签名 ${done.files.length} 个文件：${join(args.contentDir, done.manifest)}`);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
