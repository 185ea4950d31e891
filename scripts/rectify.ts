// npm run rectify -- --help
import { rectifyCommand } from '../src/cli/rectify.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(rectifyCommand);
