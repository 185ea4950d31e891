// npm run sandbox -- --help: the simulated government web as an HTTP proxy.
import { runCommand } from '../src/cli/run.ts';
import { sandboxCommand } from '../src/cli/sandbox.ts';

await runCommand(sandboxCommand);
