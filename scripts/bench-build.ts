// npm run bench:build -- [--sites 15000] [--quarters 8] [--content DIR] [--keep]   (--help for the options)
import { benchBuildCommand } from '../src/cli/scale.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(benchBuildCommand);
