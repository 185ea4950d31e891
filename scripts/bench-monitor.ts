// npm run bench:monitor -- [--sites 24] [--days 30] [--fast]   (--help for the options)
import { benchMonitorCommand } from '../src/cli/bench.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(benchMonitorCommand);
