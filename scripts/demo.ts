// npm run demo: simulated government web → crawl → findings → portal (--help for the options).
import { demoCommand } from '../src/cli/demo.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(demoCommand);
