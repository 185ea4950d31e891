// npm run bench -- [--sites 40] [--pages 60]: crawl the sandbox and print throughput and peak memory.
import { benchCommand } from '../src/cli/bench.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(benchCommand);
