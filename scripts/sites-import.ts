// npm run sites:import -- FILE.csv [--content DIR]
import { runCommand } from '../src/cli/run.ts';
import { sitesImportCommand } from '../src/cli/sites-import.ts';

await runCommand(sitesImportCommand);
