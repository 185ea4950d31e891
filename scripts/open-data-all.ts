// npm run build's step after astro: the all-quarters open data (src/cli/open-data-all.ts).
import { openDataAllCommand } from '../src/cli/open-data-all.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(openDataAllCommand);
