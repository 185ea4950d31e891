// npm run digest -- --help
import { digestCommand } from '../src/cli/digest.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(digestCommand);
