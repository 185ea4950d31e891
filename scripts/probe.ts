// npm run probe -- --help
import { probeCommand } from '../src/cli/probe.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(probeCommand);
