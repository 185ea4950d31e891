// npm run monitor -- --help
import { monitorCommand } from '../src/cli/monitor.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(monitorCommand);
