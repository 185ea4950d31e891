// npm run correct -- 2026-Q4 --what "…" --why "…" [--content DIR] [--date YYYY-MM-DD]   (--help for the options)
import { correctCommand } from '../src/cli/publish.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(correctCommand);
