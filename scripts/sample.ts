// npm run sample -- --help
import { parseSampleArgs, SAMPLE_USAGE } from '../src/cli/sample-args.ts';
import { loadRegistry } from '../src/store/registry.ts';
import { InputError } from '../src/store/yaml-file.ts';
import type { Sample } from '../src/schemas/quarter.ts';
import { editQuarterFile, quarterFilePath, readQuarterFile } from '../src/store/quarter-file.ts';
import { assertDraft } from '../src/store/quarter-paths.ts';
import { drawSample, drawStrata, drawSummary, sameDraw } from '../src/workflow/sample.ts';

try {
  const args = parseSampleArgs(process.argv.slice(2));
  if (!args) {
    console.log(SAMPLE_USAGE);
    process.exit(0);
  }
  assertDraft(args.contentDir, args.quarter, 'sample');
  const registry = loadRegistry(args.contentDir);
  if (!registry.sites.length) throw new InputError(`${args.contentDir}/sites.yaml lists no sites: nothing to draw from`);
  const params = { seed: args.seed, ratio: args.ratio, ...(args.strata ? { strata: args.strata } : {}) };
  const strata = drawStrata(registry.sites, registry.units, params);
  // Key order as in the schema: seed, ratio, strata, drawn, sites.
  const drawn: Sample = { ...params, drawn: args.date, sites: drawSample(registry.sites, registry.units, params) };
  const previous = readQuarterFile(args.contentDir, args.quarter)?.sample;
  // The same draw again leaves the file (and its drawn date) alone, so a re-run makes no diff.
  const same = previous !== undefined && sameDraw(previous, drawn);
  if (!same) editQuarterFile(args.contentDir, args.quarter, (doc) => doc.set('sample', doc.createNode(drawn)));
  console.log(drawSummary(same ? previous : drawn, strata, previous));
  if (!same) console.log(`已写入 ${quarterFilePath(args.contentDir, args.quarter)} 的 sample；按抽样检查：npm run crawl -- --quarter ${args.quarter} --sample`);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
