// npm run merge -- --help
import { mergeCommand } from '../src/cli/merge.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(mergeCommand);
