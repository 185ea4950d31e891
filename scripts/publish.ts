// npm run publish -- 2026-Q4 [--content DIR] [--date YYYY-MM-DD]   (--help for the options)
import { join } from 'node:path';
import { parsePublishArgs, PUBLISH_USAGE } from '../src/cli/publish-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { publishQuarter } from '../src/workflow/publish.ts';
import { rescoreQuarter } from '../src/workflow/rescore.ts';

try {
  const args = parsePublishArgs(process.argv.slice(2));
  if (!args) {
    console.log(PUBLISH_USAGE);
    process.exit(0);
  }
  // Records and review are validated and applied before signing: what is published is what they say.
  const check = () => {
    const r = rescoreQuarter(args.contentDir, args.quarter);
    if (r.changed.length) console.log(`发布前按人工记录与复核结果重新计分：${r.changed.length} 个文件`);
  };
  const done = await publishQuarter({ ...args, check });
  console.log(`${done.quarter} 已发布（${done.date}），签名 ${done.files.length} 个文件：${join(args.contentDir, done.manifest)}`);
  console.log(`任何人都可以核对：cd ${args.contentDir} && sha256sum -c ${done.manifest}`);
  console.log(`此后改动须运行 npm run correct -- ${done.quarter} --what "改了什么" --why "为什么改"，记录勘误。`);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
