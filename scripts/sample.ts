// npm run sample -- --help
import { sampleCommand } from '../src/cli/sample.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(sampleCommand);
