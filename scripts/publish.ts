// npm run publish -- 2026-Q4 [--content DIR] [--date YYYY-MM-DD]   (--help for the options)
import { publishCommand } from '../src/cli/publish.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(publishCommand);
