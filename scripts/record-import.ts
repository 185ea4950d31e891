// npm run record:import -- FILE.csv --quarter 2026-Q4 [--content DIR]   (--help for the columns)
import { recordImportCommand } from '../src/cli/record.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(recordImportCommand);
