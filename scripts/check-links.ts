// npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]
import { checkLinksCommand } from '../src/cli/check-links.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(checkLinksCommand);
