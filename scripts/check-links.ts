// npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]
import { CHECK_LINKS_USAGE, checkLinks, formatLinkReport, parseCheckLinksArgs } from '../src/postbuild/links.ts';
import { InputError } from '../src/store/yaml-file.ts';

try {
  const options = parseCheckLinksArgs(process.argv.slice(2), process.env);
  if (!options) {
    console.log(CHECK_LINKS_USAGE);
    process.exit(0);
  }
  const t0 = performance.now();
  const report = await checkLinks(options);
  process.stdout.write(formatLinkReport(report));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  process.exitCode = report.broken.length ? 1 : 0;
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
