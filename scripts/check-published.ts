// npm run check:published [-- --content DIR]: every published quarter against its manifest (the
// first step of npm run build; astro build runs the same check through src/postbuild/published.ts).
import { CHECK_PUBLISHED_USAGE, parseCheckPublishedArgs } from '../src/cli/publish-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { describeProblems, verifyPublished } from '../src/workflow/manifest.ts';

try {
  const args = parseCheckPublishedArgs(process.argv.slice(2));
  if (!args) {
    console.log(CHECK_PUBLISHED_USAGE);
    process.exit(0);
  }
  const problems = verifyPublished(args.contentDir);
  if (problems.length) {
    console.error(describeProblems(args.contentDir, problems));
    process.exit(1);
  }
  console.log('已发布的通报与签名清单一致。');
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
