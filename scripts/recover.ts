// npm run recover [-- --content DIR]: undo a killed writing command's half-done change (--help for the options)
import { recoverCommand } from '../src/cli/recover.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(recoverCommand);
