// npm run bench:import -- [--rows 100000] [--content DIR] [--keep]   (--help for the options)
import { benchImportCommand } from '../src/cli/bench.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(benchImportCommand);
