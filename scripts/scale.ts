// npm run scale -- --out DIR [--sites 15000] [--quarters 8] [--until 2026-Q4] [--seed 1]: findings at
// scale from the sandbox's seeded defects, without crawling (for measuring the portal build).
import { InputError } from '../src/store/yaml-file.ts';
import { formatBytes, parseScaleArgs, SCALE_USAGE } from '../src/cli/scale-args.ts';
import { generateScale } from '../src/demo/scale.ts';

try {
  const args = parseScaleArgs(process.argv.slice(2));
  if (!args) {
    console.log(SCALE_USAGE);
    process.exit(0);
  }
  console.log(`${args.sites} sites × ${args.quarters} quarters until ${args.until}, seed ${args.seed} → ${args.out}`);
  const summary = generateScale({
    contentDir: args.out,
    sites: args.sites,
    quarters: args.quarters,
    until: args.until,
    seed: args.seed,
    pagesPerSite: args.pagesPerSite,
    onEvent: (e) => {
      if (e.type === 'registry') console.log(`registry: ${e.sites} sites, ${e.units} units (${(e.ms / 1000).toFixed(1)} s)`);
      else console.log(`${e.quarter} (as of ${e.asOf}): ${e.files} files, ${e.failing} failing, ${e.findings} findings (${(e.ms / 1000).toFixed(1)} s)`);
    },
  });
  console.log(`${summary.files} findings files in ${(summary.ms / 1000).toFixed(1)} s, peak RSS ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`Build the portal from them: CONTENT_DIR=${args.out} npm run build (or npm run bench:build -- --content ${args.out})`);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
